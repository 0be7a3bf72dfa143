// The settings file: every key, its default and its version, in one typed place.
#include "settings/Config.h"

#include "compress/ParallelGzip.h"
#include "jobs/Priority.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace lk {

namespace {
using Entry = SettingsRegistry::Entry;
using Scope = SettingsRegistry::Scope;

// Top level: QSettings writes it under [General], and reads [General] and [general] as the top
// level too.
const QString kVersionKey = QStringLiteral("config_version");
// Where the first builds of LiteKeep 0.1.0 kept it: they wrote "general/config_version", which
// QSettings files as a group of its own, [%General], read back as "General/config_version".
const QString kGroupedVersionKey = QStringLiteral("General/config_version");
const QString kProfilesGroup = QStringLiteral("profile.");
const QString kPriorityNormal = QStringLiteral("normal");

QString keyOf(const Entry &entry)
{
    return QString::fromLatin1(entry.key);
}

void write(QSettings &settings, const Entry &entry, const QVariant &value)
{
    if (const QVariant stored = SettingsRegistry::toFile(entry, value); stored.isValid())
        settings.setValue(keyOf(entry), stored);
}

// One step of migrate(): brings a file from version `to` - 1 to `to`.
struct Migration
{
    int to;
    void (*apply)(QSettings &settings);
};

// Version 0 is a file with no config_version at the top level: one from the first 0.1.0 builds
// (the version in [%General]), or one written by hand. Every key those builds and every later
// 0.1.0 wrote is still read under its name with its meaning (see the git history of this file),
// so only the version moves.
void toVersion1(QSettings &settings)
{
    settings.remove(kGroupedVersionKey);
}

const Migration kMigrations[] = {
    {1, &toVersion1},
};
static_assert(std::size(kMigrations) == Config::kVersion, "one step per version");
} // namespace

Config::Config(QString path) : m_path(path.isEmpty() ? defaultPath() : std::move(path))
{
    resetToDefaults();
}

QString Config::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/litekeep/litekeep.ini");
}

QString Config::defaultLocalDestination()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/litekeep/backups");
}

void Config::resetToDefaults()
{
    m_values.clear();
    for (const Entry *entry : SettingsRegistry::entries(Scope::Application))
        m_values.insert(entry->setting, SettingsRegistry::defaultValue(*entry));
}

void Config::applyToProcess() const
{
    Priority::setEnabled(lowPriority());
    ParallelGzip::setDefaultThreads(compressionThreads());
}

int Config::fileVersion(const QSettings &settings)
{
    return settings.value(kVersionKey, settings.value(kGroupedVersionKey, 0)).toInt();
}

bool Config::migrate(QSettings &settings)
{
    if (fileVersion(settings) > kVersion)
        return false;
    const int from = settings.value(kVersionKey, 0).toInt();
    if (from >= kVersion)
        return false;
    for (const Migration &step : kMigrations) {
        if (step.to > from)
            step.apply(settings);
    }
    settings.setValue(kVersionKey, kVersion);
    return true;
}

Status Config::load()
{
    m_profiles.clear();
    resetToDefaults();
    if (!QFileInfo::exists(m_path)) {
        applyToProcess();
        return Status::success();
    }
    QSettings settings(m_path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Status::failure(tr("Cannot read the settings file %1; it is damaged or not "
                                  "readable.")
                                   .arg(m_path));
    const int version = fileVersion(settings);
    if (version > kVersion)
        return Status::failure(tr("The settings file %1 was written by a newer LiteKeep "
                                  "(version %2); update LiteKeep.")
                                   .arg(m_path)
                                   .arg(version));
    // The upgraded file is written back at once, through a temporary file and a rename. When it
    // cannot be (a read-only file), what was read is upgraded all the same, and so is the file
    // at the next save.
    if (migrate(settings))
        settings.sync();

    for (const Entry *entry : SettingsRegistry::entries(Scope::Application))
        m_values.insert(entry->setting,
                        SettingsRegistry::fromFile(*entry, settings.value(keyOf(*entry))));
    const QList<const Entry *> profileEntries = SettingsRegistry::entries(Scope::Profile);
    const QStringList groups = settings.childGroups();
    for (const QString &group : groups) {
        if (!group.startsWith(kProfilesGroup))
            continue;
        settings.beginGroup(group);
        Profile p;
        p.name = group.mid(kProfilesGroup.size());
        for (const Entry *entry : profileEntries)
            SettingsRegistry::setValue(
                p, entry->setting,
                SettingsRegistry::fromFile(*entry, settings.value(keyOf(*entry))));
        settings.endGroup();
        m_profiles.append(p);
    }
    // Applied only once the whole file read cleanly.
    applyToProcess();
    return Status::success();
}

QString Config::languageIn(const QString &path)
{
    const QString file = path.isEmpty() ? defaultPath() : path;
    if (!QFileInfo::exists(file))
        return {};
    const Entry &language = SettingsRegistry::entry(Setting::Language);
    return SettingsRegistry::fromFile(language,
                                      QSettings(file, QSettings::IniFormat).value(keyOf(language)))
        .toString();
}

void Config::refresh()
{
    if (!QFileInfo::exists(m_path))
        return;
    Config fresh(m_path);
    if (fresh.load())
        *this = fresh;
}

Status Config::save() const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return Status::failure(tr("Cannot create the folder %1.").arg(info.absolutePath()));
    // QSettings writes through a temporary file and a rename, so a crash cannot leave half a file.
    QSettings settings(m_path, QSettings::IniFormat);
    settings.clear();
    settings.setValue(kVersionKey, kVersion);
    for (const Entry *entry : SettingsRegistry::entries(Scope::Application))
        write(settings, *entry, value(entry->setting));
    const QList<const Entry *> profileEntries = SettingsRegistry::entries(Scope::Profile);
    for (const Profile &p : m_profiles) {
        settings.beginGroup(kProfilesGroup + p.name);
        for (const Entry *entry : profileEntries)
            write(settings, *entry, SettingsRegistry::value(p, entry->setting));
        settings.endGroup();
    }
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Status::failure(tr("Cannot write the settings file %1.").arg(m_path));
    return Status::success();
}

QVariant Config::value(Setting setting) const
{
    Q_ASSERT(SettingsRegistry::entry(setting).scope == Scope::Application);
    return m_values.value(setting);
}

void Config::setValue(Setting setting, const QVariant &value)
{
    const Entry &entry = SettingsRegistry::entry(setting);
    Q_ASSERT(entry.scope == Scope::Application);
    m_values.insert(setting, SettingsRegistry::normalized(entry, value));
    if (setting == Setting::CpuPriority)
        Priority::setEnabled(lowPriority());
    else if (setting == Setting::CompressionThreads)
        ParallelGzip::setDefaultThreads(compressionThreads());
}

bool Config::lowPriority() const
{
    // Anything but "normal" is low: the registry reads an unknown value as the default.
    return value(Setting::CpuPriority).toString() != kPriorityNormal;
}

void Config::setLowPriority(bool low)
{
    setValue(Setting::CpuPriority, low ? QStringLiteral("low") : kPriorityNormal);
}

Config::Notifications Config::notifications() const
{
    return {value(Setting::NotifyOnFailure).toBool(), value(Setting::NotifyOnRecovery).toBool(),
            value(Setting::NotifyOnStale).toBool(), value(Setting::NotifyOnAnomaly).toBool()};
}

void Config::setNotifications(const Notifications &notifications)
{
    setValue(Setting::NotifyOnFailure, notifications.failure);
    setValue(Setting::NotifyOnRecovery, notifications.recovery);
    setValue(Setting::NotifyOnStale, notifications.stale);
    setValue(Setting::NotifyOnAnomaly, notifications.anomaly);
}

QStringList Config::profileNames() const
{
    QStringList names;
    for (const Profile &p : m_profiles)
        names.append(p.name);
    names.sort();
    return names;
}

std::optional<Profile> Config::profile(const QString &name) const
{
    for (const Profile &p : m_profiles) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

Status Config::addProfile(const Profile &profile)
{
    if (this->profile(profile.name))
        return Status::failure(tr("A profile named \"%1\" already exists.").arg(profile.name));
    if (const QString problem = profile.validate(); !problem.isEmpty())
        return Status::failure(problem);
    m_profiles.append(profile);
    if (!m_profiles.last().createdUtc.isValid())
        m_profiles.last().createdUtc = QDateTime::currentDateTimeUtc();
    return Status::success();
}

Status Config::updateProfile(const Profile &profile)
{
    if (const QString problem = profile.validate(); !problem.isEmpty())
        return Status::failure(problem);
    for (Profile &p : m_profiles) {
        if (p.name == profile.name) {
            p = profile;
            return Status::success();
        }
    }
    return Status::failure(tr("There is no profile named \"%1\".").arg(profile.name));
}

bool Config::removeProfile(const QString &name)
{
    return m_profiles.removeIf([&name](const Profile &p) { return p.name == name; }) > 0;
}

} // namespace lk

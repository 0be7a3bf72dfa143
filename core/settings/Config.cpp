// The settings file: every key, its default and its version, in one typed place.
#include "settings/Config.h"

#include "compress/ParallelGzip.h"
#include "jobs/Priority.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace lk {

namespace {
namespace Key {
// Top level: QSettings writes it under [General].
const QString version = QStringLiteral("config_version");
const QString notifyOnSuccess = QStringLiteral("notify_on_success");
const QString cpuPriority = QStringLiteral("cpu_priority");
const QString compressionThreads = QStringLiteral("compression_threads");
const QString notifyOnFailure = QStringLiteral("notify_on_failure");
const QString notifyOnRecovery = QStringLiteral("notify_on_recovery");
const QString notifyOnStale = QStringLiteral("notify_on_stale");
const QString notifyOnAnomaly = QStringLiteral("notify_on_anomaly");
const QString defaultLevel = QStringLiteral("default_compression_level");
const QString language = QStringLiteral("language");
const QString database = QStringLiteral("database");
const QString destination = QStringLiteral("destination");
const QString endpoint = QStringLiteral("endpoint");
const QString provider = QStringLiteral("provider");
const QString region = QStringLiteral("region");
const QString caCert = QStringLiteral("ca_cert");
const QString keepDays = QStringLiteral("keep_days");
const QString keepMin = QStringLiteral("keep_min");
const QString keepMonthly = QStringLiteral("keep_monthly");
const QString verify = QStringLiteral("verify_after_backup");
const QString drillDays = QStringLiteral("drill_days");
const QString webhook = QStringLiteral("webhook");
const QString pingUrl = QStringLiteral("ping_url");
const QString staleHours = QStringLiteral("stale_hours");
const QString created = QStringLiteral("created");
const QString at = QStringLiteral("at");
const QString level = QStringLiteral("compression_level");
const QString busyTimeout = QStringLiteral("busy_timeout_seconds");
} // namespace Key
const QString kProfilesGroup = QStringLiteral("profile.");
const QString kPriorityLow = QStringLiteral("low");
const QString kPriorityNormal = QStringLiteral("normal");
} // namespace

Config::Config(QString path) : m_path(path.isEmpty() ? defaultPath() : std::move(path)) {}

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

Status Config::load()
{
    m_profiles.clear();
    m_notifyOnSuccess = false;
    m_lowPriority = true;
    m_compressionThreads = 0;
    m_notifications = {};
    m_defaultLevel = 6;
    m_language.clear();
    if (!QFileInfo::exists(m_path)) {
        setLowPriority(m_lowPriority);
        setCompressionThreads(m_compressionThreads);
        return Status::success();
    }
    QSettings settings(m_path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Status::failure(tr("Cannot read the settings file %1; it is damaged or not "
                                  "readable.")
                                   .arg(m_path));
    // Files written before the key moved to the top level hold it as [%General].
    const int version = settings.value(Key::version, settings.value(QStringLiteral("General/config_version"), kVersion))
                            .toInt();
    if (version > kVersion)
        return Status::failure(tr("The settings file %1 was written by a newer LiteKeep "
                                  "(version %2); update LiteKeep.")
                                   .arg(m_path)
                                   .arg(version));

    m_notifyOnSuccess = settings.value(Key::notifyOnSuccess, false).toBool();
    // Anything but "normal" (a typo, a value from a newer LiteKeep) stays low: the safe side.
    m_lowPriority = settings.value(Key::cpuPriority, kPriorityLow).toString().trimmed().toLower() !=
                    kPriorityNormal;
    m_compressionThreads = std::clamp(settings.value(Key::compressionThreads, 0).toInt(), 0, kMaxThreads);
    m_notifications.failure = settings.value(Key::notifyOnFailure, true).toBool();
    m_notifications.recovery = settings.value(Key::notifyOnRecovery, true).toBool();
    m_notifications.stale = settings.value(Key::notifyOnStale, true).toBool();
    m_notifications.anomaly = settings.value(Key::notifyOnAnomaly, true).toBool();
    m_defaultLevel = std::clamp(settings.value(Key::defaultLevel, 6).toInt(), 1, 9);
    m_language = settings.value(Key::language).toString().trimmed();
    const QStringList groups = settings.childGroups();
    for (const QString &group : groups) {
        if (!group.startsWith(kProfilesGroup))
            continue;
        settings.beginGroup(group);
        Profile p;
        p.name = group.mid(kProfilesGroup.size());
        p.databasePath = settings.value(Key::database).toString();
        p.destination = settings.value(Key::destination).toString();
        p.endpoint = settings.value(Key::endpoint).toString();
        p.provider = settings.value(Key::provider, p.provider).toString();
        p.region = settings.value(Key::region).toString();
        p.caCertificate = settings.value(Key::caCert).toString();
        p.keepDays = settings.value(Key::keepDays, p.keepDays).toInt();
        p.keepMin = settings.value(Key::keepMin, p.keepMin).toInt();
        p.keepMonthly = settings.value(Key::keepMonthly, p.keepMonthly).toInt();
        p.verifyAfterBackup = settings.value(Key::verify, p.verifyAfterBackup).toBool();
        p.drillDays = settings.value(Key::drillDays, p.drillDays).toInt();
        p.webhook = settings.value(Key::webhook).toString();
        p.pingUrl = settings.value(Key::pingUrl).toString();
        p.staleHours = settings.value(Key::staleHours, p.staleHours).toInt();
        p.createdUtc = QDateTime::fromString(settings.value(Key::created).toString(), Qt::ISODate);
        p.at = QTime::fromString(settings.value(Key::at, p.at.toString(QStringLiteral("HH:mm")))
                                     .toString(),
                                 QStringLiteral("HH:mm"));
        p.compressionLevel = settings.value(Key::level, p.compressionLevel).toInt();
        p.busyTimeoutSeconds = settings.value(Key::busyTimeout, p.busyTimeoutSeconds).toInt();
        settings.endGroup();
        m_profiles.append(p);
    }
    // Applied only once the whole file read cleanly.
    setLowPriority(m_lowPriority);
    setCompressionThreads(m_compressionThreads);
    return Status::success();
}

QString Config::languageIn(const QString &path)
{
    const QString file = path.isEmpty() ? defaultPath() : path;
    if (!QFileInfo::exists(file))
        return {};
    return QSettings(file, QSettings::IniFormat).value(Key::language).toString().trimmed();
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
    settings.setValue(Key::version, kVersion);
    settings.setValue(Key::notifyOnSuccess, m_notifyOnSuccess);
    settings.setValue(Key::cpuPriority, m_lowPriority ? kPriorityLow : kPriorityNormal);
    settings.setValue(Key::compressionThreads, m_compressionThreads);
    settings.setValue(Key::notifyOnFailure, m_notifications.failure);
    settings.setValue(Key::notifyOnRecovery, m_notifications.recovery);
    settings.setValue(Key::notifyOnStale, m_notifications.stale);
    settings.setValue(Key::notifyOnAnomaly, m_notifications.anomaly);
    settings.setValue(Key::defaultLevel, m_defaultLevel);
    if (!m_language.isEmpty())
        settings.setValue(Key::language, m_language);
    for (const Profile &p : m_profiles) {
        settings.beginGroup(kProfilesGroup + p.name);
        settings.setValue(Key::database, p.databasePath);
        settings.setValue(Key::destination, p.destination);
        if (!p.endpoint.isEmpty())
            settings.setValue(Key::endpoint, p.endpoint);
        settings.setValue(Key::provider, p.provider);
        if (!p.region.isEmpty())
            settings.setValue(Key::region, p.region);
        if (!p.caCertificate.isEmpty())
            settings.setValue(Key::caCert, p.caCertificate);
        settings.setValue(Key::keepDays, p.keepDays);
        settings.setValue(Key::keepMin, p.keepMin);
        settings.setValue(Key::keepMonthly, p.keepMonthly);
        settings.setValue(Key::verify, p.verifyAfterBackup);
        settings.setValue(Key::drillDays, p.drillDays);
        if (!p.webhook.isEmpty())
            settings.setValue(Key::webhook, p.webhook);
        if (!p.pingUrl.isEmpty())
            settings.setValue(Key::pingUrl, p.pingUrl);
        settings.setValue(Key::staleHours, p.staleHours);
        if (p.createdUtc.isValid())
            settings.setValue(Key::created, p.createdUtc.toUTC().toString(Qt::ISODate));
        settings.setValue(Key::at, p.at.toString(QStringLiteral("HH:mm")));
        settings.setValue(Key::level, p.compressionLevel);
        settings.setValue(Key::busyTimeout, p.busyTimeoutSeconds);
        settings.endGroup();
    }
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Status::failure(tr("Cannot write the settings file %1.").arg(m_path));
    return Status::success();
}

void Config::setLowPriority(bool low)
{
    m_lowPriority = low;
    Priority::setEnabled(low);
}

void Config::setCompressionThreads(int threads)
{
    m_compressionThreads = std::clamp(threads, 0, kMaxThreads);
    ParallelGzip::setDefaultThreads(m_compressionThreads);
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

// Every setting LiteKeep keeps, declared once.
#include "settings/SettingsRegistry.h"

#include "settings/Config.h"
#include "settings/Profile.h"

#include <algorithm>
#include <type_traits>

namespace lk {

namespace {

using Scope = SettingsRegistry::Scope;
using Type = SettingsRegistry::Type;
using Entry = SettingsRegistry::Entry;
constexpr auto OmitWhenEmpty = SettingsRegistry::OmitWhenEmpty;
constexpr auto Trimmed = SettingsRegistry::Trimmed;
constexpr auto Clamped = SettingsRegistry::Clamped;

// The profile options keep the context they had in ProfileCommand, so their translations hold.
constexpr const char *kCli = "lk::ProfileCommand";
constexpr const char *kOwn = "SettingsRegistry";

// In the order of the Setting enum (checked in entry()). A new setting gets the version that first
// writes it in `since`; a key renamed or a value whose meaning changes needs a step in
// Config::migrate() too.
constexpr Entry kEntries[] = {
    // Application-wide.
    {.setting = Setting::NotifyOnSuccess,
     .scope = Scope::Application,
     .type = Type::Bool,
     .key = "notify_on_success",
     .defaultValue = "false",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("SettingsRegistry", "Show a desktop notice after every successful "
                                                   "backup too, not only after problems."),
     .helpContext = kOwn},
    {.setting = Setting::NotifyOnFailure,
     .scope = Scope::Application,
     .type = Type::Bool,
     .key = "notify_on_failure",
     .defaultValue = "true",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("SettingsRegistry", "Show a desktop notice when a run fails."),
     .helpContext = kOwn},
    {.setting = Setting::NotifyOnRecovery,
     .scope = Scope::Application,
     .type = Type::Bool,
     .key = "notify_on_recovery",
     .defaultValue = "true",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("SettingsRegistry",
                               "Show a desktop notice at the first success after a failure."),
     .helpContext = kOwn},
    {.setting = Setting::NotifyOnStale,
     .scope = Scope::Application,
     .type = Type::Bool,
     .key = "notify_on_stale",
     .defaultValue = "true",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("SettingsRegistry", "Show a desktop notice when no verified backup "
                                                   "is newer than the profile allows."),
     .helpContext = kOwn},
    {.setting = Setting::NotifyOnAnomaly,
     .scope = Scope::Application,
     .type = Type::Bool,
     .key = "notify_on_anomaly",
     .defaultValue = "true",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("SettingsRegistry", "Show a desktop notice when tables lost many "
                                                   "rows since the previous backup."),
     .helpContext = kOwn},
    {.setting = Setting::CpuPriority,
     .scope = Scope::Application,
     .type = Type::Choice,
     .key = "cpu_priority",
     .defaultValue = "low",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("SettingsRegistry",
                               "low runs backups, verifications and restores at low CPU and disk "
                               "priority so the desktop stays responsive; normal does not."),
     .helpContext = kOwn,
     .choices = "low|normal"},
    {.setting = Setting::CompressionThreads,
     .scope = Scope::Application,
     .type = Type::Int,
     .key = "compression_threads",
     .defaultValue = "0",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("SettingsRegistry",
                               "How many threads compress a backup; 0 means one per core."),
     .helpContext = kOwn,
     .minimum = 0,
     .maximum = Config::kMaxThreads,
     .flags = Clamped},
    {.setting = Setting::DefaultCompressionLevel,
     .scope = Scope::Application,
     .type = Type::Int,
     .key = "default_compression_level",
     .defaultValue = "6",
     .since = "0.1.0",
     .help =
         QT_TRANSLATE_NOOP("SettingsRegistry", "The gzip level new profiles start with, 1 to 9."),
     .helpContext = kOwn,
     .minimum = 1,
     .maximum = 9,
     .flags = Clamped},
    {.setting = Setting::Language,
     .scope = Scope::Application,
     .type = Type::String,
     .key = "language",
     .defaultValue = "",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("SettingsRegistry",
                               "The interface language, en or ja; empty follows the system."),
     .helpContext = kOwn,
     .flags = Trimmed | OmitWhenEmpty},

    // Per profile: the options of "profile add" and "profile set", in the order they are listed.
    {.setting = Setting::Database,
     .scope = Scope::Profile,
     .type = Type::Path,
     .key = "database",
     .defaultValue = "",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand", "The SQLite database to back up."),
     .helpContext = kCli,
     .option = "db",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "PATH"),
     .field = &Profile::databasePath},
    {.setting = Setting::Destination,
     .scope = Scope::Profile,
     .type = Type::Destination,
     .key = "destination",
     .defaultValue = "",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand", "A local folder or s3://BUCKET/PREFIX "
                                                     "(default: a folder in your data directory)."),
     .helpContext = kCli,
     .option = "dest",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "DEST"),
     .field = &Profile::destination},
    {.setting = Setting::Endpoint,
     .scope = Scope::Profile,
     .type = Type::String,
     .key = "endpoint",
     .defaultValue = "",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand", "The S3 endpoint URL."),
     .helpContext = kCli,
     .flags = OmitWhenEmpty,
     .option = "endpoint",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "URL"),
     .field = &Profile::endpoint},
    {.setting = Setting::Provider,
     .scope = Scope::Profile,
     .type = Type::String,
     .key = "provider",
     .defaultValue = "Cloudflare",
     .since = "0.1.0",
     .help =
         QT_TRANSLATE_NOOP("lk::ProfileCommand", "The rclone S3 provider (default Cloudflare)."),
     .helpContext = kCli,
     .option = "provider",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "P"),
     .field = &Profile::provider},
    {.setting = Setting::Region,
     .scope = Scope::Profile,
     .type = Type::String,
     .key = "region",
     .defaultValue = "",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand", "The S3 region."),
     .helpContext = kCli,
     .flags = OmitWhenEmpty,
     .option = "region",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "REGION"),
     .field = &Profile::region},
    {.setting = Setting::CaCertificate,
     .scope = Scope::Profile,
     .type = Type::Path,
     .key = "ca_cert",
     .defaultValue = "",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand",
                               "Check the endpoint's TLS certificate against this certificate "
                               "authority (a PEM file) instead of the system's, for a private or "
                               "self-signed server (\"\" to remove)."),
     .helpContext = kCli,
     .flags = OmitWhenEmpty,
     .option = "ca-cert",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "FILE"),
     .field = &Profile::caCertificate},
    {.setting = Setting::KeepDays,
     .scope = Scope::Profile,
     .type = Type::Int,
     .key = "keep_days",
     .defaultValue = "30",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand", "Days of generations to keep (30)."),
     .helpContext = kCli,
     .minimum = 1,
     .maximum = 36500,
     .option = "keep-days",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "N"),
     .field = &Profile::keepDays},
    {.setting = Setting::KeepMin,
     .scope = Scope::Profile,
     .type = Type::Int,
     .key = "keep_min",
     .defaultValue = "7",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand", "Newest generations kept however old (7)."),
     .helpContext = kCli,
     .minimum = 1,
     .maximum = 10000,
     .option = "keep-min",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "N"),
     .field = &Profile::keepMin},
    {.setting = Setting::KeepMonthly,
     .scope = Scope::Profile,
     .type = Type::Int,
     .key = "keep_monthly",
     .defaultValue = "0",
     .since = "0.1.0",
     .help =
         QT_TRANSLATE_NOOP("lk::ProfileCommand", "Months that keep their newest generation (0)."),
     .helpContext = kCli,
     .minimum = 0,
     .maximum = 1200,
     .option = "keep-monthly",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "N"),
     .field = &Profile::keepMonthly},
    {.setting = Setting::At,
     .scope = Scope::Profile,
     .type = Type::Time,
     .key = "at",
     .defaultValue = "02:00",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand", "Daily backup time (02:00)."),
     .helpContext = kCli,
     .option = "at",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "HH:MM"),
     .field = &Profile::at},
    {.setting = Setting::CompressionLevel,
     .scope = Scope::Profile,
     .type = Type::Int,
     .key = "compression_level",
     .defaultValue = "6",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand", "gzip level 1-9 (6)."),
     .helpContext = kCli,
     .minimum = 1,
     .maximum = 9,
     .option = "level",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "N"),
     .field = &Profile::compressionLevel},
    {.setting = Setting::BusyTimeout,
     .scope = Scope::Profile,
     .type = Type::Int,
     .key = "busy_timeout_seconds",
     .defaultValue = "30",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand", "Seconds to wait for a locked database (30)."),
     .helpContext = kCli,
     .minimum = 1,
     .maximum = 3600,
     .option = "busy-timeout",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "S"),
     .field = &Profile::busyTimeoutSeconds},
    {.setting = Setting::VerifyAfterBackup,
     .scope = Scope::Profile,
     .type = Type::Bool,
     .key = "verify_after_backup",
     .defaultValue = "true",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand",
                               "Verify each new generation from the destination: yes or no (yes)."),
     .helpContext = kCli,
     .option = "verify-after-backup",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "yes|no"),
     .field = &Profile::verifyAfterBackup},
    {.setting = Setting::DrillDays,
     .scope = Scope::Profile,
     .type = Type::Int,
     .key = "drill_days",
     .defaultValue = "7",
     .since = "0.1.0",
     .help =
         QT_TRANSLATE_NOOP("lk::ProfileCommand", "Days between restore drills, 0 for never (7)."),
     .helpContext = kCli,
     .minimum = 0,
     .maximum = 365,
     .option = "drill-days",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "N"),
     .field = &Profile::drillDays},
    {.setting = Setting::Webhook,
     .scope = Scope::Profile,
     .type = Type::String,
     .key = "webhook",
     .defaultValue = "",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand",
                               "POST a JSON summary here after each run (\"\" to remove)."),
     .helpContext = kCli,
     .flags = OmitWhenEmpty,
     .option = "webhook",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "URL"),
     .field = &Profile::webhook},
    {.setting = Setting::PingUrl,
     .scope = Scope::Profile,
     .type = Type::String,
     .key = "ping_url",
     .defaultValue = "",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand",
                               "Healthcheck ping URL: URL/start, URL, URL/fail (\"\" to remove)."),
     .helpContext = kCli,
     .flags = OmitWhenEmpty,
     .option = "ping-url",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "URL"),
     .field = &Profile::pingUrl},
    {.setting = Setting::StaleHours,
     .scope = Scope::Profile,
     .type = Type::Int,
     .key = "stale_hours",
     .defaultValue = "26",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("lk::ProfileCommand",
                               "Warn when the newest verified backup is older (26)."),
     .helpContext = kCli,
     .minimum = 1,
     .maximum = 24 * 365,
     .option = "stale-hours",
     .valueName = QT_TRANSLATE_NOOP("lk::ProfileCommand", "N"),
     .field = &Profile::staleHours},
    {.setting = Setting::Created,
     .scope = Scope::Profile,
     .type = Type::Timestamp,
     .key = "created",
     .defaultValue = "",
     .since = "0.1.0",
     .help = QT_TRANSLATE_NOOP("SettingsRegistry", "When the profile was added; the schedule owes "
                                                   "nothing before it."),
     .helpContext = kOwn,
     .flags = OmitWhenEmpty,
     .field = &Profile::createdUtc},
};

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < std::size(kEntries); ++i) {
        if (static_cast<std::size_t>(kEntries[i].setting) != i)
            return false;
    }
    return std::size(kEntries) == static_cast<std::size_t>(Setting::Created) + 1;
}
static_assert(inEnumOrder(), "kEntries must list every Setting once, in the enum's order");

const QString kTimeFormat = QStringLiteral("HH:mm");

QStringList choicesOf(const Entry &entry)
{
    return QString::fromLatin1(entry.choices ? entry.choices : "").split(QLatin1Char('|'));
}

QVariant clamped(const Entry &entry, int value)
{
    return entry.has(Clamped) ? std::clamp(value, entry.minimum, entry.maximum) : value;
}

} // namespace

std::span<const Entry> SettingsRegistry::entries()
{
    return kEntries;
}

QList<const Entry *> SettingsRegistry::entries(Scope scope)
{
    QList<const Entry *> found;
    for (const Entry &e : kEntries) {
        if (e.scope == scope)
            found.append(&e);
    }
    return found;
}

const Entry &SettingsRegistry::entry(Setting setting)
{
    return kEntries[static_cast<std::size_t>(setting)];
}

const Entry *SettingsRegistry::byOption(const QString &option)
{
    for (const Entry &e : kEntries) {
        if (e.option && option == QLatin1String(e.option))
            return &e;
    }
    return nullptr;
}

QString SettingsRegistry::help(const Entry &entry)
{
    return QCoreApplication::translate(entry.helpContext, entry.help);
}

QString SettingsRegistry::valueName(const Entry &entry)
{
    return entry.valueName ? QCoreApplication::translate(kCli, entry.valueName) : QString();
}

QVariant SettingsRegistry::defaultValue(const Entry &entry)
{
    const QString text = QString::fromLatin1(entry.defaultValue);
    switch (entry.type) {
    case Type::Bool:
        return text == QLatin1String("true");
    case Type::Int:
        return text.toInt();
    case Type::Time:
        return QTime::fromString(text, kTimeFormat);
    case Type::Timestamp:
        return QDateTime::fromString(text, Qt::ISODate);
    case Type::String:
    case Type::Path:
    case Type::Destination:
    case Type::Choice:
        break;
    }
    return text;
}

QString SettingsRegistry::defaultText(const Entry &entry)
{
    if (entry.type == Type::Bool)
        return defaultValue(entry).toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    return QString::fromLatin1(entry.defaultValue);
}

QVariant SettingsRegistry::fromFile(const Entry &entry, const QVariant &stored)
{
    if (!stored.isValid())
        return defaultValue(entry);
    switch (entry.type) {
    case Type::Bool:
        return stored.toBool();
    case Type::Int:
        return clamped(entry, stored.toInt());
    case Type::Time:
        return QTime::fromString(stored.toString(), kTimeFormat);
    case Type::Timestamp:
        return QDateTime::fromString(stored.toString(), Qt::ISODate);
    case Type::Choice: {
        // Anything else (a typo, a value from a newer LiteKeep) is the default: the safe side.
        const QString value = stored.toString().trimmed().toLower();
        return choicesOf(entry).contains(value) ? value : defaultValue(entry);
    }
    case Type::String:
    case Type::Path:
    case Type::Destination:
        break;
    }
    const QString text = stored.toString();
    return entry.has(Trimmed) ? text.trimmed() : text;
}

QVariant SettingsRegistry::toFile(const Entry &entry, const QVariant &value)
{
    switch (entry.type) {
    case Type::Bool:
        return value.toBool();
    case Type::Int:
        return value.toInt();
    case Type::Time:
        return value.toTime().toString(kTimeFormat);
    case Type::Timestamp: {
        const QDateTime when = value.toDateTime();
        if (!when.isValid() && entry.has(OmitWhenEmpty))
            return {};
        return when.toUTC().toString(Qt::ISODate);
    }
    case Type::String:
    case Type::Path:
    case Type::Destination:
    case Type::Choice:
        break;
    }
    const QString text = value.toString();
    if (text.isEmpty() && entry.has(OmitWhenEmpty))
        return {};
    return text;
}

QVariant SettingsRegistry::normalized(const Entry &entry, const QVariant &value)
{
    switch (entry.type) {
    case Type::Bool:
        return value.toBool();
    case Type::Int:
        return clamped(entry, value.toInt());
    case Type::Time:
        return value.toTime();
    case Type::Timestamp:
        return value.toDateTime();
    case Type::Choice:
        return choicesOf(entry).contains(value.toString()) ? value.toString() : defaultValue(entry);
    case Type::String:
    case Type::Path:
    case Type::Destination:
        break;
    }
    return value.toString();
}

QVariant SettingsRegistry::value(const Profile &profile, Setting setting)
{
    return std::visit(
        [&profile](auto member) -> QVariant {
            if constexpr (std::is_same_v<decltype(member), std::monostate>)
                return {};
            else
                return QVariant::fromValue(profile.*member);
        },
        entry(setting).field);
}

void SettingsRegistry::setValue(Profile &profile, Setting setting, const QVariant &value)
{
    const Entry &e = entry(setting);
    const QVariant typed = normalized(e, value);
    std::visit(
        [&profile, &typed](auto member) {
            if constexpr (!std::is_same_v<decltype(member), std::monostate>) {
                using T = std::remove_reference_t<decltype(profile.*member)>;
                profile.*member = typed.value<T>();
            }
        },
        e.field);
}

} // namespace lk

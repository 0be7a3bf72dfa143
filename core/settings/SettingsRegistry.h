// Every setting LiteKeep keeps, declared once: its key, scope, type, default, option, help and
// the version that first wrote it. Config, "profile add/set", the help and the man page follow it.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QVariant>

#include <span>
#include <variant>

namespace lk {

struct Profile;

// The settings, application-wide first, then a profile's in the order "profile add" lists them.
enum class Setting
{
    NotifyOnSuccess,
    NotifyOnFailure,
    NotifyOnRecovery,
    NotifyOnStale,
    NotifyOnAnomaly,
    CpuPriority,
    CompressionThreads,
    DefaultCompressionLevel,
    Language,

    Database,
    Destination,
    Endpoint,
    Provider,
    Region,
    CaCertificate,
    KeepDays,
    KeepMin,
    KeepMonthly,
    At,
    CompressionLevel,
    BusyTimeout,
    VerifyAfterBackup,
    DrillDays,
    Webhook,
    PingUrl,
    StaleHours,
    Created,
};

class SettingsRegistry
{
    Q_DECLARE_TR_FUNCTIONS(SettingsRegistry)

public:
    enum class Scope
    {
        Application, // the top of the file
        Profile,     // under [profile.NAME]
    };

    // What the value is. The file holds each as QSettings writes it; the typed value (value())
    // is the QVariant type named here.
    enum class Type
    {
        Bool,        // bool: true/false in the file, yes/no on the command line
        Int,         // int, within minimum..maximum
        String,      // QString
        Path,        // QString: a file, made absolute on the command line ("" removes it)
        Destination, // QString: a local folder (made absolute on the command line) or a URL
        Time,        // QTime: HH:mm, local time
        Timestamp,   // QDateTime: ISO 8601, written in UTC
        Choice,      // QString: one of `choices`; anything else in the file reads as the default
    };

    enum Flag
    {
        OmitWhenEmpty = 1, // not written when empty (or an invalid timestamp)
        Trimmed = 2,       // surrounding spaces in the file are dropped
        Clamped = 4,       // out of range is taken as the nearest bound, when read and when set
    };

    // The Profile member a profile setting lives in.
    using ProfileField = std::variant<std::monostate, QString Profile::*, int Profile::*,
                                      bool Profile::*, QTime Profile::*, QDateTime Profile::*>;

    struct Entry
    {
        Setting setting;
        Scope scope;
        Type type;
        const char *key;          // in the settings file
        const char *defaultValue; // as the file would hold it; "" for none
        const char *since;        // the LiteKeep version that first wrote it
        const char *help;         // one sentence, translated in helpContext
        const char *helpContext;
        int minimum = 0; // Int only
        int maximum = 0;
        int flags = 0;
        const char *choices = nullptr;   // Choice: the accepted values, '|'-separated
        const char *option = nullptr;    // "profile add/set": the long option without "--"
        const char *valueName = nullptr; // its value as the help shows it, e.g. "PATH"
        ProfileField field = {};         // Profile scope only

        bool has(Flag flag) const { return (flags & flag) != 0; }
    };

    // The version LiteKeep's settings first shipped in.
    static constexpr const char *kFirstVersion = "0.1.0";

    static std::span<const Entry> entries();
    static QList<const Entry *> entries(Scope scope);
    static const Entry &entry(Setting setting);
    // The entry with this long option ("keep-days"), or null.
    static const Entry *byOption(const QString &option);

    // The help sentence and the value name, in the interface language.
    static QString help(const Entry &entry);
    static QString valueName(const Entry &entry);

    // The typed default, and a default member initialiser's shorthand for it.
    static QVariant defaultValue(const Entry &entry);
    template <typename T> static T defaultOf(Setting setting)
    {
        return defaultValue(entry(setting)).value<T>();
    }
    // The default as a person reads it in a help sentence: "30", "02:00", "yes"; "" for none.
    static QString defaultText(const Entry &entry);

    // What QSettings::value returned (invalid when the key is absent), as the typed value.
    static QVariant fromFile(const Entry &entry, const QVariant &stored);
    // What to hand QSettings::setValue; an invalid QVariant means: leave the key out.
    static QVariant toFile(const Entry &entry, const QVariant &value);
    // A value about to be set, in its type and (when Clamped) its range.
    static QVariant normalized(const Entry &entry, const QVariant &value);

    // A profile's setting, read and written through the member it lives in.
    static QVariant value(const Profile &profile, Setting setting);
    static void setValue(Profile &profile, Setting setting, const QVariant &value);
};

} // namespace lk

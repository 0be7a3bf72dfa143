// The settings file: every key, its default and its version, in one typed place.
#pragma once

#include "jobs/Result.h"
#include "settings/Profile.h"
#include "settings/SettingsRegistry.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

class QSettings;

namespace lk {

// Reads and writes every setting through the registry (SettingsRegistry); the typed getters
// and setters below are its shorthand.
class Config
{
    Q_DECLARE_TR_FUNCTIONS(Config)

public:
    // The layout of the file (its config_version). Raised only when a key is renamed or a value
    // changes meaning, each time with a step in migrate(); a new key needs neither.
    static constexpr int kVersion = 1;
    static constexpr int kMaxThreads = 64; // compression_threads above this is taken as this

    // An empty path means the XDG location (~/.config/litekeep/litekeep.ini).
    explicit Config(QString path = {});

    static QString defaultPath();
    // Where backups go when a profile names no destination: works before any cloud account.
    static QString defaultLocalDestination();

    const QString &path() const { return m_path; }

    // Reads the file; a file from a newer LiteKeep or one that cannot be read is an error.
    Status load();
    Status save() const;
    // Before changing and saving: re-reads the file when it exists and reads cleanly (the CLI
    // may have changed it meanwhile); otherwise keeps what is in memory.
    void refresh();

    // Any application-wide setting by its registry entry, in the entry's type (a bool, an int,
    // a string). Setting one takes it into its range; CpuPriority and CompressionThreads apply
    // to this process at once, as their typed setters say.
    QVariant value(Setting setting) const;
    void setValue(Setting setting, const QVariant &value);

    // Application-wide: a notice after every successful backup too (off: only problems and
    // recoveries are worth interrupting for).
    bool notifyOnSuccess() const { return value(Setting::NotifyOnSuccess).toBool(); }
    void setNotifyOnSuccess(bool on) { setValue(Setting::NotifyOnSuccess, on); }

    // Application-wide (key cpu_priority = low | normal): backups, verifications and restores
    // run at low CPU and I/O priority so the desktop stays responsive. On by default. Loading
    // or setting it applies it to this process at once (Priority::setEnabled), so every
    // driver that reads the settings gets it without wiring of its own.
    bool lowPriority() const;
    void setLowPriority(bool low);

    // Application-wide (key compression_threads): how many threads compress a backup; 0, the
    // default, means one per core. Applied to this process on load and set, like lowPriority.
    int compressionThreads() const { return value(Setting::CompressionThreads).toInt(); }
    void setCompressionThreads(int threads) { setValue(Setting::CompressionThreads, threads); }

    // Application-wide: which other events deserve a desktop notice (all on by default; the
    // tray icon shows a failure whatever these say).
    struct Notifications
    {
        bool failure = SettingsRegistry::defaultOf<bool>(Setting::NotifyOnFailure); // a run failed
        // The first success after a failure.
        bool recovery = SettingsRegistry::defaultOf<bool>(Setting::NotifyOnRecovery);
        // No verified backup for longer than the profile allows.
        bool stale = SettingsRegistry::defaultOf<bool>(Setting::NotifyOnStale);
        // Tables lost many rows since the previous backup.
        bool anomaly = SettingsRegistry::defaultOf<bool>(Setting::NotifyOnAnomaly);
        friend bool operator==(const Notifications &, const Notifications &) = default;
    };
    Notifications notifications() const;
    void setNotifications(const Notifications &notifications);

    // The gzip level new profiles start with (1–9, default 6).
    int defaultCompressionLevel() const { return value(Setting::DefaultCompressionLevel).toInt(); }
    void setDefaultCompressionLevel(int level)
    {
        setValue(Setting::DefaultCompressionLevel, level);
    }

    // The interface language: "" follows the system, or "en", "ja". Read at start-up.
    QString language() const { return value(Setting::Language).toString(); }
    void setLanguage(const QString &language) { setValue(Setting::Language, language); }
    // The language in the settings file at `path` (the default file when empty), read before
    // anything else so the first words LiteKeep says are already in it.
    static QString languageIn(const QString &path = {});

    // The layout version of the file behind `settings`: config_version wherever a LiteKeep put
    // it, 0 when it has none.
    static int fileVersion(const QSettings &settings);
    // Brings settings that an older LiteKeep wrote up to kVersion, one step per version, and
    // stamps the version; returns whether anything changed. A file from a newer LiteKeep is
    // left alone (load() refuses it). load() calls it and writes the result back.
    static bool migrate(QSettings &settings);

    QStringList profileNames() const;
    std::optional<Profile> profile(const QString &name) const;
    Status addProfile(const Profile &profile);    // refuses a duplicate name
    Status updateProfile(const Profile &profile); // refuses an unknown name
    bool removeProfile(const QString &name);

private:
    void resetToDefaults();
    // Applies what the process takes from the settings (priority, compression threads).
    void applyToProcess() const;

    QString m_path;
    QList<Profile> m_profiles;
    QMap<Setting, QVariant> m_values; // every application-wide setting, in its type
};

} // namespace lk

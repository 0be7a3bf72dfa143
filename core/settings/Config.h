// The settings file: every key, its default and its version, in one typed place.
#pragma once

#include "settings/Profile.h"
#include "jobs/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace lk {

class Config
{
    Q_DECLARE_TR_FUNCTIONS(Config)

public:
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

    // Application-wide: a notice after every successful backup too (off: only problems and
    // recoveries are worth interrupting for).
    bool notifyOnSuccess() const { return m_notifyOnSuccess; }
    void setNotifyOnSuccess(bool on) { m_notifyOnSuccess = on; }

    // Application-wide (key cpu_priority = low | normal): backups, verifications and restores
    // run at low CPU and I/O priority so the desktop stays responsive. On by default. Loading
    // or setting it applies it to this process at once (Priority::setEnabled), so every
    // driver that reads the settings gets it without wiring of its own.
    bool lowPriority() const { return m_lowPriority; }
    void setLowPriority(bool low);

    // Application-wide (key compression_threads): how many threads compress a backup; 0, the
    // default, means one per core. Applied to this process on load and set, like lowPriority.
    int compressionThreads() const { return m_compressionThreads; }
    void setCompressionThreads(int threads);

    // Application-wide: which other events deserve a desktop notice (all on by default; the
    // tray icon shows a failure whatever these say).
    struct Notifications
    {
        bool failure = true;  // a run failed
        bool recovery = true; // the first success after a failure
        bool stale = true;    // no verified backup for longer than the profile allows
        bool anomaly = true;  // tables lost many rows since the previous backup
        friend bool operator==(const Notifications &, const Notifications &) = default;
    };
    const Notifications &notifications() const { return m_notifications; }
    void setNotifications(const Notifications &notifications) { m_notifications = notifications; }

    // The gzip level new profiles start with (1–9, default 6).
    int defaultCompressionLevel() const { return m_defaultLevel; }
    void setDefaultCompressionLevel(int level) { m_defaultLevel = level; }

    // The interface language: "" follows the system, or "en", "ja". Read at start-up.
    const QString &language() const { return m_language; }
    void setLanguage(const QString &language) { m_language = language; }
    // The language in the settings file at `path` (the default file when empty), read before
    // anything else so the first words LiteKeep says are already in it.
    static QString languageIn(const QString &path = {});

    QStringList profileNames() const;
    std::optional<Profile> profile(const QString &name) const;
    Status addProfile(const Profile &profile);     // refuses a duplicate name
    Status updateProfile(const Profile &profile);  // refuses an unknown name
    bool removeProfile(const QString &name);

private:
    QString m_path;
    QList<Profile> m_profiles;
    bool m_notifyOnSuccess = false;
    bool m_lowPriority = true;
    int m_compressionThreads = 0;
    Notifications m_notifications;
    int m_defaultLevel = 6;
    QString m_language;
};

} // namespace lk

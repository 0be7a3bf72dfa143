// Tells when the settings file changed: `litekeep profile add/set/remove`, another window, or
// this process's own saves.
#pragma once

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace lk {

// QSettings writes through a temporary file and a rename, so the watch on the file ends with
// every save: the folder is watched too and the file watched again. A look every kPollMs
// (the file's time and size) covers what the watching misses, and a folder that does not exist
// yet.
class ConfigWatcher : public QObject
{
    Q_OBJECT

public:
    explicit ConfigWatcher(QString path, QObject *parent = nullptr);

    // Takes the file as it is now as the one to compare with, then watches.
    void start();

    static constexpr int kPollMs = 2000;
    static constexpr int kSettleMs = 150;

Q_SIGNALS:
    void changed();

private:
    struct Stamp
    {
        bool exists = false;
        QDateTime modified;
        qint64 size = -1;
        friend bool operator==(const Stamp &, const Stamp &) = default;
    };
    Stamp stamp() const;
    void soon(); // checks after kSettleMs: a burst of changes is one
    void watch();
    void check(bool reported); // reported: the watching said something changed

    QString m_path;
    QFileSystemWatcher m_files;
    QTimer m_settle;
    QTimer m_poll;
    Stamp m_stamp;
    bool m_reported = false; // the file itself changed since the last check
};

} // namespace lk

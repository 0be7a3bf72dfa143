// Tells when the history changed because another connection wrote it: the command line, a
// systemd timer or cron, another LiteKeep window (or this process's own jobs).
#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

#include <optional>

namespace lk {

class HistoryReader;

// The history file, its WAL (which every commit writes) and their folder are watched; the
// WAL may not exist yet, and a checkpoint may delete it, so the folder says when it comes back.
// Whatever the watching says (and every kPollMs in case it says nothing, on a network home or
// past inotify's limit), SQLite's data_version is read through the reader, off the GUI thread:
// only a committed change is reported, once for a burst of writes.
class HistoryWatcher : public QObject
{
    Q_OBJECT

public:
    explicit HistoryWatcher(HistoryReader &reader, QObject *parent = nullptr);

    // Reads the version to compare with, then watches; nothing is reported before start().
    void start();

    static constexpr int kPollMs = 2000;
    // A run writes a few records in a row: they are read as one change.
    static constexpr int kSettleMs = 150;

Q_SIGNALS:
    void changed();

private:
    void watch(); // (re)adds what exists of the folder, the file and its WAL
    void check();
    void onVersion(bool ok, qint64 version);

    HistoryReader &m_reader;
    QString m_path;
    QFileSystemWatcher m_files;
    QTimer m_settle;
    QTimer m_poll;
    std::optional<qint64> m_version; // as last read
    bool m_unreadable = false;       // the last read failed: the next good one may be news
    bool m_checking = false;         // one read in flight...
    bool m_checkAgain = false;       // ...and one more after it when something happened meanwhile
};

} // namespace lk

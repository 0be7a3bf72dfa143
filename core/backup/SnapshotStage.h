// A backup's snapshot, in two steps on worker threads: the copy, then quick_check and the row
// counts (Snapshot::check), which run beside the compression. The file goes once both the
// check and the compressor are done with it, so staging never holds more than the snapshot and
// one compressed copy.
#pragma once

#include "sqlite/Snapshot.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace lk {

class SnapshotStage : public QObject
{
    Q_OBJECT

public:
    // `cancel` (set by the owner) must outlive this object.
    SnapshotStage(QString source, QString path, int busyTimeoutMs, const std::atomic_bool *cancel,
                  QObject *parent = nullptr);
    // Waits for its workers.
    ~SnapshotStage() override;

    void start();
    const QString &path() const { return m_path; }
    bool isCopying() const { return m_copier.isRunning(); }
    // After copied(): the copy's size and the source's journal mode. After checked() without
    // an error: the rest of the snapshot's description too.
    const Snapshot::Taken &taken() const { return m_taken; }
    const QString &copyError() const;
    const QString &checkError() const;
    // The compressor is done with the file.
    void compressionDone();

Q_SIGNALS:
    void copied(); // the check starts by itself unless the copy failed
    void checked();

private:
    struct Work; // shared with the worker threads
    void removeWhenDone();

    const QString m_source;
    const QString m_path;
    const int m_busyTimeoutMs;
    const std::atomic_bool *m_cancel;
    std::shared_ptr<Work> m_work;
    Snapshot::Taken m_taken;
    bool m_compressed = false;
    QFutureWatcher<void> m_copier;
    QFutureWatcher<void> m_checker;
};

} // namespace lk

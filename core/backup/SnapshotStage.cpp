// A backup's snapshot: the copy, then the check beside the compression.
#include "backup/SnapshotStage.h"

#include "jobs/Priority.h"
#include "storage/Staging.h"

#include <QFile>

namespace lk {

struct SnapshotStage::Work
{
    // Written by one worker each; read on our thread only after that worker finished.
    QString copyError;
    Snapshot::Taken copied;
    QString checkError;
    Snapshot::Taken checked;
};

SnapshotStage::SnapshotStage(QString source, QString path, int busyTimeoutMs,
                             const std::atomic_bool *cancel, QObject *parent)
    : QObject(parent), m_source(std::move(source)), m_path(std::move(path)),
      m_busyTimeoutMs(busyTimeoutMs), m_cancel(cancel), m_work(std::make_shared<Work>())
{
}

SnapshotStage::~SnapshotStage()
{
    if (m_copier.isRunning())
        m_copier.waitForFinished();
    if (m_checker.isRunning())
        m_checker.waitForFinished();
}

void SnapshotStage::start()
{
    connect(
        &m_copier, &QFutureWatcher<void>::finished, this,
        [this] {
            if (!m_work->copyError.isEmpty()) {
                QFile::remove(m_path);
                Q_EMIT copied();
                return;
            }
            m_taken = m_work->copied;
            if (m_cancel->load()) {
                Q_EMIT copied();
                return;
            }
            // quick_check is single-threaded, and the compressor leaves a core to it sooner or
            // later; the owner lets the upload complete only once it passed.
            connect(
                &m_checker, &QFutureWatcher<void>::finished, this,
                [this] {
                    if (m_work->checkError.isEmpty())
                        m_taken = m_work->checked;
                    removeWhenDone();
                    Q_EMIT checked();
                },
                Qt::SingleShotConnection);
            const QString source = m_source;
            const QString path = m_path;
            const std::atomic_bool *cancel = m_cancel;
            auto work = m_work;
            work->checked = m_taken;
            m_checker.setFuture(Priority::run([=] {
                if (Status s = Snapshot::check(source, path, &work->checked, cancel); !s)
                    work->checkError = s.error;
            }));
            Q_EMIT copied();
        },
        Qt::SingleShotConnection);

    const QString source = m_source;
    const QString path = m_path;
    const int busyMs = m_busyTimeoutMs;
    const std::atomic_bool *cancel = m_cancel;
    auto work = m_work;
    m_copier.setFuture(Priority::run([=] {
        auto copy = Snapshot::copy(source, path, busyMs, cancel, Snapshot::Durability::Scratch);
        if (copy)
            work->copied = copy.value();
        else
            work->copyError = copy.error();
    }));
}

const QString &SnapshotStage::copyError() const
{
    return m_work->copyError;
}

const QString &SnapshotStage::checkError() const
{
    return m_work->checkError;
}

void SnapshotStage::compressionDone()
{
    m_compressed = true;
    removeWhenDone();
}

void SnapshotStage::removeWhenDone()
{
    if (m_compressed && !m_checker.isRunning())
        Staging::removeFileInBackground(m_path);
}

} // namespace lk

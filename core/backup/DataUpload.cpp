// A generation's data object, from snapshot to checked upload: compress, upload, check.
#include "backup/DataUpload.h"

#include "backup/StreamedUpload.h"
#include "compress/ParallelGzip.h"
#include "jobs/Priority.h"

#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace lk {

DataUpload::DataUpload(Storage *storage, const std::atomic_bool *cancel,
                       std::shared_ptr<std::atomic<qint64>> done, QObject *parent)
    : QObject(parent), m_storage(storage), m_cancel(cancel), m_done(std::move(done))
{
}

DataUpload::~DataUpload()
{
    // A compressor blocked on the stream's pipe is freed when the rclone reading it dies
    // (EPIPE), never by an end of input, which would complete a partial object.
    if (m_stream && !m_stream->isFinished() && m_storage)
        m_storage->abortNow();
    if (m_worker.isRunning())
        m_worker.waitForFinished();
}

void DataUpload::start(Options options)
{
    m_options = std::move(options);
    const qint64 inputBytes = QFileInfo(m_options.snapshotPath).size();
    Q_EMIT stageChanged(Stage::Compress, inputBytes);

    int pipe = -1;
    if (m_options.stream) {
        m_stream = new StreamedUpload(m_storage, this);
        QString problem;
        if (m_stream->start(m_options.objectName, &problem)) {
            pipe = m_stream->writeDescriptor();
            connect(m_stream, &StreamedUpload::finished, this, &DataUpload::streamFinished);
        } else {
            delete m_stream;
            m_warnings.append(problem);
        }
    }

    m_measured.streamed = pipe >= 0;
    m_measured.inputBytes = inputBytes;
    m_clock.start();
    connect(&m_worker, &QFutureWatcher<void>::finished, this, &DataUpload::compressed);
    const Options o = m_options;
    const std::atomic_bool *cancel = m_cancel;
    auto done = m_done;
    m_worker.setFuture(Priority::run([this, o, pipe, cancel, done] {
        const auto gzip = ParallelGzip::compressFile(
            o.snapshotPath, o.gzPath, o.level, 0, cancel,
            [done](qint64 bytes, qint64) { done->store(bytes); }, ParallelGzip::kDefaultEngine,
            pipe);
        if (gzip)
            m_stats = gzip.value();
        else
            m_error = gzip.error();
    }));
}

// The compressor is done. The streamed upload, if any, either still reads (it gets the end of
// its input now) or has already ended, which can only mean it failed.
void DataUpload::compressed()
{
    m_compressed = true;
    m_measured.compressMs = m_clock.elapsed();
    m_measured.blockedMs = m_stats.outputWaitMs;
    Q_EMIT compressionFinished();
    if (cancelled() || !m_error.isEmpty()) {
        if (m_stream)
            m_stream->abort(); // a cancelled run has already stopped rclone the same way
        finish({m_error, {}});
        return;
    }
    proceed();
}

void DataUpload::release()
{
    if (m_released)
        return;
    m_released = true;
    if (m_compressed && !m_finished)
        proceed();
}

// Compressed, and released: the upload may complete.
void DataUpload::proceed()
{
    if (!m_released)
        return; // release() comes back here
    if (cancelled()) {
        if (m_stream)
            m_stream->abort();
        finish({});
        return;
    }
    if (!m_stream) {
        uploadStaged();
        return;
    }
    if (m_stream->isFinished()) {
        uploadStagedCopy();
        return;
    }
    Q_EMIT stageChanged(Stage::Upload, m_stats.outputBytes);
    m_stream->finishInput();
}

void DataUpload::streamFinished()
{
    if (m_finished || !m_compressed || !m_released)
        return; // the compressor goes on into the staged copy; compressed() or release() decides
    if (cancelled())
        finish({});
    else if (m_stream->succeeded()) {
        m_measured.uploadMs = m_clock.elapsed();
        check();
    } else
        uploadStagedCopy();
}

void DataUpload::uploadStagedCopy()
{
    m_stream->finishInput(); // the compressor is done and rclone gone: the pipe can go too
    m_warnings.append(tr("The streamed upload failed (%1); the staged copy was uploaded instead.")
                          .arg(m_stream->failure().message));
    uploadStaged();
}

void DataUpload::uploadStaged()
{
    Q_EMIT stageChanged(Stage::Upload, m_stats.outputBytes);
    m_measured.streamed = false;
    const qint64 startedMs = m_clock.elapsed();
    const UploadPlan::CpuTimes cpuBefore = UploadPlan::cpuTimes();
    m_storage->upload(m_options.gzPath, m_options.objectName,
                      [this, startedMs, cpuBefore](bool ok, const Storage::Failure &f) {
                          m_measured.uploadMs = m_clock.elapsed() - startedMs;
                          m_measured.uploadIdleShare =
                              UploadPlan::idleShare(cpuBefore, UploadPlan::cpuTimes());
                          if (!ok || cancelled())
                              finish(f);
                          else
                              check();
                      });
}

// What arrived must be what we sent: the size always, the MD5 where the destination has one
// (a multipart upload's ETag is not an MD5, so rclone reports none for it).
void DataUpload::check()
{
    Q_EMIT stageChanged(Stage::Check, 0);
    m_storage->list([this](const QList<Storage::ObjectInfo> &objects, const Storage::Failure &f) {
        if (!f.message.isEmpty() || cancelled()) {
            finish(f);
            return;
        }
        const QString &object = m_options.objectName;
        const auto it = std::find_if(objects.cbegin(), objects.cend(),
                                     [&object](const auto &o) { return o.name == object; });
        if (it == objects.cend()) {
            finish({tr("The uploaded file %1 does not appear on the destination. The upload did "
                       "not complete; no generation was added.")
                        .arg(object),
                    {}});
        } else if (it->size != m_stats.outputBytes) {
            finish({tr("The uploaded file %1 has %2 bytes on the destination, but %3 were sent. "
                       "No generation was added.")
                        .arg(object)
                        .arg(it->size)
                        .arg(m_stats.outputBytes),
                    {}});
        } else if (!it->md5.isEmpty() &&
                   it->md5.compare(m_stats.outputMd5, Qt::CaseInsensitive) != 0) {
            finish({tr("The uploaded file %1 differs from what was sent (MD5 mismatch). No "
                       "generation was added.")
                        .arg(object),
                    {}});
        } else {
            finish({});
        }
    });
}

void DataUpload::finish(const Storage::Failure &failure)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(failure);
}

} // namespace lk

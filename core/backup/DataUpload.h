// A generation's data object, from snapshot to checked upload: compress, upload, check.
#pragma once

#include "backup/UploadPlan.h"
#include "compress/Gzip.h"
#include "storage/Storage.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <memory>

namespace lk {

class StreamedUpload;

// Compresses a snapshot into a staged .gz and stores it on the destination as `objectName`:
// either streamed (compressed into `rclone rcat` as it is made, and into the staged copy,
// which is uploaded with copyto if the stream fails) or staged (compressed first, then copyto).
// Then it checks what arrived: the size always, the MD5 where the destination has one. It ends
// with exactly one finished(); a failure's message is for the user. It never closes the
// stream's input under a failed or cancelled compressor, so no partial object is completed.
class DataUpload : public QObject
{
    Q_OBJECT

public:
    enum class Stage
    {
        Compress,
        Upload,
        Check
    };
    Q_ENUM(Stage)

    struct Options
    {
        QString snapshotPath; // the owner removes it (see compressionFinished)
        QString gzPath;
        QString objectName;
        int level = 6;
        bool stream = false;
    };

    // `storage` runs one rclone at a time and is used by nothing else until finished().
    // `cancel` (set by the owner, who also cancels `storage`) must outlive this object;
    // `done` receives the compressor's progress in input bytes.
    DataUpload(Storage *storage, const std::atomic_bool *cancel,
               std::shared_ptr<std::atomic<qint64>> done, QObject *parent = nullptr);
    // Waits for the compressor; a stream still open is killed first, never completed.
    ~DataUpload() override;

    void start(Options options);
    // The upload may complete (a staged upload start, a stream get its end of input) only once
    // released: the owner checks the snapshot while it is compressed. An owner that finds it
    // bad cancels instead, and this finishes as cancelled.
    void release();

    // What the compressor produced; valid once finished() reported success.
    const Gzip::Stats &stats() const { return m_stats; }
    // Things the user should hear about even when the run succeeds (the fallback upload).
    const QStringList &warnings() const { return m_warnings; }
    // How it went, for choosing the next run's way (UploadPlan); whole once finished() reported
    // success. `streamed` is false when a failed stream fell back to the staged copy.
    const UploadPlan::Measured &measured() const { return m_measured; }

Q_SIGNALS:
    void stageChanged(lk::DataUpload::Stage stage, qint64 total);
    // The compressor is done with the snapshot (whether it succeeded or not).
    void compressionFinished();
    // An empty failure message means the object is on the destination and checked. After a
    // cancel it may be either; the owner decides by its own flag.
    void finished(const lk::Storage::Failure &failure);

private:
    void compressed();
    void proceed();
    void streamFinished();
    void uploadStagedCopy();
    void uploadStaged();
    void check();
    void finish(const Storage::Failure &failure);
    bool cancelled() const { return m_cancel->load(); }

    Storage *m_storage;
    const std::atomic_bool *m_cancel;
    std::shared_ptr<std::atomic<qint64>> m_done;
    Options m_options;
    QPointer<StreamedUpload> m_stream;
    QFutureWatcher<void> m_worker;
    // Written by the worker; read here only once it is done.
    QString m_error;
    Gzip::Stats m_stats;
    bool m_compressed = false;
    bool m_released = false;
    QElapsedTimer m_clock;
    UploadPlan::Measured m_measured;
    bool m_finished = false;
    QStringList m_warnings;
};

} // namespace lk

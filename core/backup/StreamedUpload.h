// An upload that runs while its content is still being made: rclone rcat reads a pipe that a
// worker thread fills, so compressing and uploading overlap instead of adding up.
#pragma once

#include "storage/Storage.h"

#include <QObject>
#include <QPointer>

#include <atomic>

namespace lk {

class StreamedUpload : public QObject
{
    Q_OBJECT

public:
    explicit StreamedUpload(Storage *storage, QObject *parent = nullptr);
    ~StreamedUpload() override;

    // Makes the pipe and starts `rclone rcat` on it. False, with `error`, when there is no pipe.
    bool start(const QString &objectName, QString *error);
    // The pipe's write end, for the worker; it never closes it (finishInput and abort do).
    int writeDescriptor() const { return m_writeFd; }
    // The writer is done: the end of input, on which rclone completes the object. Also the way
    // to release the pipe after rclone ended early. Never while the writer may still write.
    void finishInput();
    // The writer failed (and is done). rclone is stopped before the pipe is closed: an end of
    // input now would make it store the partial content as the object.
    void abort();

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_succeeded; }
    const Storage::Failure &failure() const { return m_failure; }

Q_SIGNALS:
    void finished();

private:
    void closeWriteEnd();

    QPointer<Storage> m_storage;
    int m_writeFd = -1;
    bool m_started = false; // rclone was asked to read the pipe
    bool m_aborted = false;
    bool m_finished = false;
    bool m_succeeded = false;
    Storage::Failure m_failure;
};

} // namespace lk

// An upload that runs while its content is still being made.
#include "backup/StreamedUpload.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace lk {

StreamedUpload::StreamedUpload(Storage *storage, QObject *parent)
    : QObject(parent), m_storage(storage)
{
}

StreamedUpload::~StreamedUpload()
{
    // Never an end of input to a live rclone: kill it first.
    if (m_started && !m_finished && m_storage)
        m_storage->abortNow();
    closeWriteEnd();
}

bool StreamedUpload::start(const QString &objectName, QString *error)
{
    // A reader that dies leaves the writer with EPIPE, never a signal that ends the program.
    static const bool sigpipeIgnored = [] {
        struct sigaction ignore
        {
        };
        ignore.sa_handler = SIG_IGN;
        return ::sigaction(SIGPIPE, &ignore, nullptr) == 0;
    }();
    Q_UNUSED(sigpipeIgnored);

    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        *error = tr("Cannot make a pipe for the upload: %1.")
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_writeFd = fds[1];
    m_started = true;
    m_storage->uploadStream(fds[0], objectName, [this](bool ok, const Storage::Failure &f) {
        m_finished = true;
        m_succeeded = ok && !m_aborted;
        m_failure = f;
        // Only once the writer is done (abort and finishInput are called after it): a number
        // closed under a writer could be reused by another file, which would then get its bytes.
        if (m_aborted)
            closeWriteEnd();
        Q_EMIT finished();
    });
    // The child has its own copy (on its stdin) once started; or there is no child.
    ::close(fds[0]);
    return true;
}

void StreamedUpload::finishInput()
{
    closeWriteEnd();
}

void StreamedUpload::abort()
{
    m_aborted = true;
    if (m_finished) {
        closeWriteEnd();
        return;
    }
    // The write end closes in the finished callback, after rclone is gone.
    if (m_storage)
        m_storage->cancel();
}

void StreamedUpload::closeWriteEnd()
{
    if (m_writeFd >= 0) {
        ::close(m_writeFd);
        m_writeFd = -1;
    }
}

} // namespace lk

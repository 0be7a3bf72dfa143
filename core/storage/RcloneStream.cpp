// rclone with its stdout streamed into a callback, for worker threads.
#include "storage/RcloneStream.h"

#include "storage/RcloneLog.h"

#include <QDeadlineTimer>
#include <QProcess>

namespace lk {

namespace {
constexpr int kPollMs = 100;
constexpr int kKillGraceMs = 5000;

void stop(QProcess &process)
{
    process.terminate();
    if (!process.waitForFinished(kKillGraceMs)) {
        process.kill();
        process.waitForFinished(kKillGraceMs);
    }
}
} // namespace

RcloneProcess::Outcome RcloneStream::read(const QStringList &arguments,
                                          const QProcessEnvironment &remote, const Sink &sink,
                                          const std::atomic_bool *cancel, int idleTimeoutMs)
{
    RcloneProcess::Outcome outcome;
    RcloneLog log;
    QProcess process;
    process.setProcessEnvironment(RcloneProcess::childEnvironment(remote));
    RcloneProcess::prepareChild(process);
    process.start(RcloneProcess::program(), RcloneProcess::commonArguments() + arguments);
    process.closeWriteChannel(); // rclone reads nothing from us
    if (!process.waitForStarted(30000)) {
        outcome.startError = process.errorString();
        return outcome;
    }
    outcome.started = true;

    QDeadlineTimer idle(idleTimeoutMs);
    auto pump = [&]() -> bool {
        log.feed(process.readAllStandardError());
        const QByteArray chunk = process.readAllStandardOutput();
        if (chunk.isEmpty())
            return true;
        idle.setRemainingTime(idleTimeoutMs);
        return sink(chunk);
    };

    while (process.state() != QProcess::NotRunning) {
        if (cancel && cancel->load()) {
            outcome.cancelled = true;
            stop(process);
            break;
        }
        if (idle.hasExpired()) {
            outcome.timedOut = true;
            stop(process);
            break;
        }
        process.waitForReadyRead(kPollMs);
        if (!pump()) {
            outcome.cancelled = true;
            stop(process);
            break;
        }
    }
    if (!outcome.cancelled && !outcome.timedOut && !pump())
        outcome.cancelled = true;
    log.feed(process.readAllStandardError());
    log.flush();
    outcome.exitCode = process.exitCode();
    outcome.crashed =
        process.exitStatus() == QProcess::CrashExit && !outcome.cancelled && !outcome.timedOut;
    outcome.errors = log.errors();
    outcome.stderrTail = log.tail();
    return outcome;
}

} // namespace lk

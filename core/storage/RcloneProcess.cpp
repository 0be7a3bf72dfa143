// One rclone child: an explicit environment, JSON log parsing, timeout and cancel.
#include "storage/RcloneProcess.h"

#include "jobs/Priority.h"
#include "settings/Credentials.h"

#include <QDir>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace lk {

namespace {
constexpr int kKillGraceMs = 5000;
} // namespace

Credentials Credentials::fromEnvironment()
{
    return {qEnvironmentVariable(kAccessKeyEnv), qEnvironmentVariable(kSecretEnv)};
}

RcloneProcess::RcloneProcess(QObject *parent) : QObject(parent)
{
    m_timeout.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_outcome.timedOut = true;
        stop();
    });
    connect(&m_killTimer, &QTimer::timeout, this, [this] { m_process.kill(); });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        if (m_log)
            m_log->feed(m_process.readAllStandardError());
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_outcome.stdoutData += m_process.readAllStandardOutput(); });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_outcome.startError = m_process.errorString();
            finish();
        }
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        m_outcome.exitCode = code;
        m_outcome.crashed =
            status == QProcess::CrashExit && !m_outcome.cancelled && !m_outcome.timedOut;
        finish();
    });
}

RcloneProcess::~RcloneProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_done = true; // no signals from a dying object
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

QString RcloneProcess::program()
{
    const QString custom = qEnvironmentVariable("LITEKEEP_RCLONE");
    return custom.isEmpty() ? QStringLiteral("rclone") : custom;
}

QProcessEnvironment RcloneProcess::childEnvironment(const QProcessEnvironment &remote)
{
    const QProcessEnvironment ours = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"),
               ours.value(QStringLiteral("PATH"), QStringLiteral("/usr/local/bin:/usr/bin:/bin")));
    env.insert(QStringLiteral("HOME"), ours.value(QStringLiteral("HOME"), QDir::tempPath()));
    env.insert(QStringLiteral("TMPDIR"), QDir::tempPath());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    // A test may point at its own certificate authority; never anything from AWS_*.
    for (const QString &key : remote.keys())
        env.insert(key, remote.value(key));
    return env;
}

QStringList RcloneProcess::commonArguments()
{
    return {QStringLiteral("--config"),
            QString(),
            QStringLiteral("--use-json-log"),
            QStringLiteral("-v"),
            QStringLiteral("--stats"),
            QStringLiteral("1s"),
            QStringLiteral("--retries"),
            QStringLiteral("3"),
            QStringLiteral("--low-level-retries"),
            QStringLiteral("3"),
            QStringLiteral("--contimeout"),
            QStringLiteral("15s"),
            QStringLiteral("--timeout"),
            QStringLiteral("2m")};
}

void RcloneProcess::start(const QStringList &arguments, const QProcessEnvironment &remote,
                          int timeoutMs, int stdinDescriptor)
{
    m_outcome = Outcome{};
    m_outcome.started = true;
    m_done = false;
    m_log = std::make_unique<RcloneLog>();
    m_log->onStats = [this](qint64 bytes, qint64 total) { Q_EMIT transferProgress(bytes, total); };
    m_log->onMessage = [this](const QString &level, const QString &message) {
        Q_EMIT logMessage(level, message);
    };
    m_process.setProcessEnvironment(childEnvironment(remote));
    m_process.setProgram(program());
    m_process.setArguments(commonArguments() + arguments);
    if (timeoutMs > 0)
        m_timeout.start(timeoutMs);
    prepareChild(m_process, stdinDescriptor);
    m_process.start();
    // Otherwise rclone reads nothing from us: an empty, closed stdin (not /dev/null, which a
    // sandbox may deny).
    m_process.closeWriteChannel();
}

void RcloneProcess::prepareChild(QProcess &process, int stdinDescriptor)
{
    const pid_t parent = ::getpid();
    // Between fork and exec, so only async-signal-safe calls.
    process.setChildProcessModifier([stdinDescriptor, parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) // we died between fork and prctl
            ::_exit(127);
        if (stdinDescriptor >= 0)
            ::dup2(stdinDescriptor, STDIN_FILENO);
        Priority::lowerInChild();
    });
}

void RcloneProcess::cancel()
{
    if (m_done || m_outcome.cancelled)
        return;
    m_outcome.cancelled = true;
    stop();
}

void RcloneProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    m_killTimer.start(kKillGraceMs);
}

void RcloneProcess::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_killTimer.stop();
    if (m_log) {
        m_log->feed(m_process.readAllStandardError());
        m_log->flush();
        m_outcome.errors = m_log->errors();
        m_outcome.stderrTail = m_log->tail();
    }
    m_outcome.stdoutData += m_process.readAllStandardOutput();
    if (!m_outcome.startError.isEmpty())
        m_outcome.started = false;
    const Outcome outcome = m_outcome;
    Q_EMIT finished(outcome);
}

} // namespace lk

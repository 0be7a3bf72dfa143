// One rclone child: an explicit environment, JSON log parsing, timeout and cancel.
#include "RcloneProcess.h"

#include "Credentials.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace lk {

namespace {
constexpr int kTailLines = 12;
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
    connect(&m_process, &QProcess::readyReadStandardError, this, &RcloneProcess::readStderr);
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
        m_outcome.crashed = status == QProcess::CrashExit && !m_outcome.cancelled &&
                            !m_outcome.timedOut;
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
    return {QStringLiteral("--config"), QString(),       QStringLiteral("--use-json-log"),
            QStringLiteral("-v"),       QStringLiteral("--stats"), QStringLiteral("1s"),
            QStringLiteral("--retries"), QStringLiteral("3"),
            QStringLiteral("--low-level-retries"), QStringLiteral("3"),
            QStringLiteral("--contimeout"), QStringLiteral("15s"),
            QStringLiteral("--timeout"), QStringLiteral("2m")};
}

void RcloneProcess::start(const QStringList &arguments, const QProcessEnvironment &remote,
                          int timeoutMs)
{
    m_outcome = Outcome{};
    m_outcome.started = true;
    m_done = false;
    m_process.setProcessEnvironment(childEnvironment(remote));
    m_process.setProgram(program());
    m_process.setArguments(commonArguments() + arguments);
    m_process.setStandardInputFile(QProcess::nullDevice());
    if (timeoutMs > 0)
        m_timeout.start(timeoutMs);
    m_process.start();
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

bool RcloneProcess::parseLogLine(const QByteArray &line, LogLine *out)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject obj = doc.object();
    out->level = obj.value(QLatin1String("level")).toString();
    out->message = obj.value(QLatin1String("msg")).toString().trimmed();
    const QJsonValue stats = obj.value(QLatin1String("stats"));
    out->hasStats = stats.isObject();
    if (out->hasStats) {
        const QJsonObject s = stats.toObject();
        out->bytes = s.value(QLatin1String("bytes")).toInteger();
        out->totalBytes = s.value(QLatin1String("totalBytes")).toInteger();
    }
    return true;
}

void RcloneProcess::readStderr()
{
    m_partialLine += m_process.readAllStandardError();
    qsizetype newline;
    while ((newline = m_partialLine.indexOf('\n')) >= 0) {
        const QByteArray line = m_partialLine.left(newline).trimmed();
        m_partialLine.remove(0, newline + 1);
        if (!line.isEmpty())
            handleLine(line);
    }
}

void RcloneProcess::handleLine(const QByteArray &line)
{
    LogLine parsed;
    if (!parseLogLine(line, &parsed)) {
        // Plain text (a crash, a usage error): keep it for the user.
        m_tail.append(QString::fromUtf8(line));
    } else if (parsed.hasStats) {
        Q_EMIT transferProgress(parsed.bytes, parsed.totalBytes);
        return;
    } else {
        if (parsed.level == QLatin1String("error") || parsed.level == QLatin1String("critical") ||
            parsed.level == QLatin1String("fatal"))
            m_outcome.errors.append(parsed.message);
        m_tail.append(parsed.level + QLatin1String(": ") + parsed.message);
    }
    while (m_tail.size() > kTailLines)
        m_tail.removeFirst();
}

void RcloneProcess::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_killTimer.stop();
    readStderr();
    if (!m_partialLine.trimmed().isEmpty())
        handleLine(m_partialLine.trimmed());
    m_partialLine.clear();
    m_outcome.stdoutData += m_process.readAllStandardOutput();
    m_outcome.stderrTail = m_tail.join(QLatin1Char('\n'));
    m_tail.clear();
    if (!m_outcome.startError.isEmpty())
        m_outcome.started = false;
    const Outcome outcome = m_outcome;
    Q_EMIT finished(outcome);
}

} // namespace lk

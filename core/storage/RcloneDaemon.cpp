// One `rclone rcd` for a job's many small operations.
#include "storage/RcloneDaemon.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <csignal>

namespace lk {

namespace {
constexpr int kStartTimeoutMs = 15 * 1000;
constexpr int kProgressIntervalMs = 1000;
constexpr qsizetype kTailLines = 12;
const QString kUser = QStringLiteral("litekeep");
} // namespace

struct RcloneDaemon::Call
{
    QPointer<QNetworkReply> reply;
    Reply done;
    QString group;
    bool timedOut = false;
    bool finished = false;
};

RcloneDaemon::RcloneDaemon(const QProcessEnvironment &remote, const QStringList &flags,
                           QObject *parent)
    : QObject(parent), m_remote(remote), m_flags(flags)
{
    // The password must never reach a proxy, whatever the environment says.
    m_network.setProxy(QNetworkProxy::NoProxy);
}

RcloneDaemon::~RcloneDaemon()
{
    abortNow();
}

void RcloneDaemon::reapLeftover(const QString &pidFile)
{
    QFile file(pidFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const qint64 pid = file.readAll().trimmed().toLongLong();
    file.close();
    QFile::remove(pidFile);
    if (pid <= 1)
        return;
    // Only a process that is still that daemon: a pid may have been reused since.
    QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!environ.open(QIODevice::ReadOnly) || !cmdline.open(QIODevice::ReadOnly))
        return;
    const QList<QByteArray> variables = environ.readAll().split('\0');
    const QList<QByteArray> words = cmdline.readAll().split('\0');
    const bool ours = variables.contains(QByteArray("RCLONE_RC_USER=") + kUser.toLatin1()) &&
                      words.contains(QByteArrayLiteral("rcd"));
    if (ours)
        ::kill(static_cast<pid_t>(pid), SIGKILL);
}

bool RcloneDaemon::enabled()
{
    const QString value = qEnvironmentVariable("LITEKEEP_RCLONE_DAEMON").trimmed().toLower();
    return value != QLatin1String("0") && value != QLatin1String("off");
}

void RcloneDaemon::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Starting;

    QByteArray secret(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    secret = secret.toHex();
    QProcessEnvironment environment = m_remote;
    environment.insert(QStringLiteral("RCLONE_RC_USER"), kUser);
    environment.insert(QStringLiteral("RCLONE_RC_PASS"), QString::fromLatin1(secret));
    m_authorization = "Basic " + QByteArray(kUser.toLatin1() + ':' + secret).toBase64();

    m_process = new RcloneProcess(this);
    connect(m_process, &RcloneProcess::logMessage, this,
            [this](const QString &level, const QString &message) {
                m_tail.append(level + QLatin1String(": ") + message);
                while (m_tail.size() > kTailLines)
                    m_tail.removeFirst();
                if (m_state != State::Starting)
                    return;
                static const QRegularExpression serving(
                    QStringLiteral("Serving remote control on (http://127\\.0\\.0\\.1:\\d+/)"));
                const QRegularExpressionMatch match = serving.match(message);
                if (match.hasMatch()) {
                    m_url = QUrl(match.captured(1));
                    settle(State::Ready);
                }
            });
    connect(m_process, &RcloneProcess::finished, this, [this](const RcloneProcess::Outcome &) {
        if (!m_pidFile.isEmpty())
            QFile::remove(m_pidFile);
        m_process->deleteLater();
        m_running = false;
        settle(State::Failed);
        // Calls still open learn it from their connections; none may wait for ever.
        for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>())
            reply->abort();
        Q_EMIT exited();
    });
    // A call lasts as long as its operation: a staged upload of gigabytes over a slow link may
    // take more than the server's default hour. Calls that need a bound set their own.
    m_process->start(
        m_flags + QStringList{QStringLiteral("rcd"), QStringLiteral("--rc-addr"),
                              QStringLiteral("127.0.0.1:0"),
                              QStringLiteral("--rc-server-read-timeout"), QStringLiteral("168h"),
                              QStringLiteral("--rc-server-write-timeout"), QStringLiteral("168h")},
        environment, 0);
    m_running = true;
    if (!m_pidFile.isEmpty() && m_process->processId() > 0) {
        QFile file(m_pidFile);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(QByteArray::number(m_process->processId()));
    }
    QTimer::singleShot(kStartTimeoutMs, this, [this] {
        if (m_state == State::Starting) {
            stop();
            settle(State::Failed);
        }
    });
}

void RcloneDaemon::settle(State state)
{
    if (m_state == State::Failed || m_state == state)
        return;
    m_state = state;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &then : waiting)
        then();
}

void RcloneDaemon::whenSettled(std::function<void()> then)
{
    if (m_state == State::Starting)
        m_waiting.append(std::move(then));
    else
        then();
}

QNetworkRequest RcloneDaemon::request(const QString &method) const
{
    QNetworkRequest request(m_url.resolved(QUrl(method)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Authorization"), m_authorization);
    return request;
}

void RcloneDaemon::call(const QString &method, QJsonObject params, int timeoutMs, Reply done)
{
    auto call = std::make_shared<Call>();
    call->done = std::move(done);
    if (m_state != State::Ready) {
        RcloneProcess::Outcome outcome;
        outcome.started = true;
        outcome.cancelled = m_stopping;
        outcome.crashed = !m_stopping;
        call->done(outcome);
        return;
    }
    call->group = QStringLiteral("litekeep-%1").arg(++m_nextGroup);
    params.insert(QStringLiteral("_group"), call->group);
    QNetworkReply *reply =
        m_network.post(request(method), QJsonDocument(params).toJson(QJsonDocument::Compact));
    call->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, call] { finishCall(call); });

    // The transfer's own counters, as a process's --stats lines would give them.
    auto *progress = new QTimer(reply);
    connect(progress, &QTimer::timeout, this, [this, call] {
        QNetworkReply *stats = m_network.post(
            request(QStringLiteral("core/stats")),
            QJsonDocument(QJsonObject{{QStringLiteral("group"), call->group}}).toJson());
        connect(stats, &QNetworkReply::finished, this, [this, stats, call] {
            stats->deleteLater();
            const QJsonObject s = QJsonDocument::fromJson(stats->readAll()).object();
            const qint64 total = s.value(QLatin1String("totalBytes")).toInteger();
            if (!call->finished && stats->error() == QNetworkReply::NoError && total > 0)
                Q_EMIT transferProgress(s.value(QLatin1String("bytes")).toInteger(), total);
        });
    });
    progress->start(kProgressIntervalMs);
    if (timeoutMs > 0) {
        QTimer::singleShot(timeoutMs, reply, [this, call] {
            call->timedOut = true;
            stop(); // the call ends when the daemon does, as a process's would
        });
    }
}

void RcloneDaemon::finishCall(const std::shared_ptr<Call> &call)
{
    if (call->finished || !call->reply)
        return;
    call->finished = true;
    QNetworkReply *reply = call->reply;
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    RcloneProcess::Outcome outcome;
    outcome.started = true;
    outcome.stderrTail = m_tail.join(QLatin1Char('\n'));
    if (call->timedOut) {
        outcome.timedOut = true;
    } else if (m_stopping) {
        outcome.cancelled = true;
    } else if (status == 200 && reply->error() == QNetworkReply::NoError) {
        outcome.exitCode = 0;
        outcome.stdoutData = body;
    } else if (status == 0) {
        // No answer at all on loopback: the daemon went away (killed, crashed).
        outcome.crashed = true;
    } else {
        QString error =
            QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
        if (error.isEmpty())
            error = QStringLiteral("HTTP %1 %2").arg(status).arg(reply->errorString());
        // What `rclone lsjson` reports with exit status 3.
        outcome.exitCode = error.contains(QLatin1String("directory not found")) ? 3 : 1;
        outcome.errors = {error};
    }
    call->done(outcome);
}

void RcloneDaemon::stop()
{
    m_stopping = true;
    if (m_state == State::Starting)
        settle(State::Failed);
    if (m_process)
        m_process->cancel();
}

void RcloneDaemon::abortNow()
{
    m_stopping = true;
    // As with a process, no callback follows: the calls in flight are dropped silently.
    for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>()) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
    }
    delete m_process.data(); // its destructor kills the child and waits for it
    m_running = false;
    if (!m_pidFile.isEmpty())
        QFile::remove(m_pidFile);
    m_waiting.clear();
    settle(State::Failed);
}

} // namespace lk

// One `rclone rcd` for a job's many small operations. Each is then an HTTP call on loopback,
// a few milliseconds, instead of a new rclone process, about 0.1 s to start: a backup's
// listing, upload, check and manifest cost 0.25 s less.
//
// The daemon listens on 127.0.0.1 on a port of its choosing and accepts only a user and a
// random password that it gets through its environment (never argv); the calls carry them in
// memory. Everything else about it is an RcloneProcess: the explicit environment, lowered
// priority, JSON log, killed with its owner.
#pragma once

#include "storage/RcloneProcess.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace lk {

class RcloneDaemon : public QObject
{
    Q_OBJECT

public:
    // What a call gives: an outcome shaped as a process's would be (so RcloneErrors explains
    // it the same way), with rclone's JSON answer as its standard output.
    using Reply = std::function<void(const RcloneProcess::Outcome &outcome)>;

    // `flags` are global rclone flags for every call (--use-server-modtime, backend options).
    RcloneDaemon(const QProcessEnvironment &remote, const QStringList &flags,
                 QObject *parent = nullptr);
    ~RcloneDaemon() override;

    // False when LITEKEEP_RCLONE_DAEMON is "0" or "off": one rclone process per operation.
    static bool enabled();

    // While the daemon runs its process id is kept in this file, so that the next run of the
    // profile can end a daemon whose owner died without taking it along (see reapLeftover).
    void setPidFile(const QString &path) { m_pidFile = path; }
    // Kills the rclone daemon named in `pidFile` if it still runs (checked to be one of ours:
    // `rclone rcd` with LiteKeep's rc user in its environment), and removes the file. Call
    // only while holding the profile's lock, so that no live run owns it.
    static void reapLeftover(const QString &pidFile);

    void start();
    bool isReady() const { return m_state == State::Ready; }
    // Runs `then` once the daemon serves or has failed to start (at once if it already has).
    void whenSettled(std::function<void()> then);
    // POSTs `params` to rc method `method`. A `timeoutMs` > 0 bounds the call; a call that
    // takes longer stops the daemon, since the operation would go on inside it.
    void call(const QString &method, QJsonObject params, int timeoutMs, Reply done);
    // Ends the daemon; calls in flight finish as cancelled. Idempotent.
    void stop();
    // Kills it at once and waits (for destructors).
    void abortNow();

    // Whether the rclone process is still there (a stopped daemon may still be finishing a
    // copy it had started when its calls were answered as cancelled).
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void transferProgress(qint64 bytes, qint64 totalBytes);
    void exited();

private:
    enum class State
    {
        Idle,
        Starting,
        Ready,
        Failed
    };
    struct Call;

    void settle(State state);
    void finishCall(const std::shared_ptr<Call> &call);
    QNetworkRequest request(const QString &method) const;

    QProcessEnvironment m_remote;
    QStringList m_flags;
    QPointer<RcloneProcess> m_process;
    QString m_pidFile;
    bool m_running = false;
    QNetworkAccessManager m_network;
    QUrl m_url;
    QByteArray m_authorization;
    State m_state = State::Idle;
    bool m_stopping = false;
    int m_nextGroup = 0;
    QList<std::function<void()>> m_waiting;
    QStringList m_tail; // the daemon's last log lines, for a failed call's details
};

} // namespace lk

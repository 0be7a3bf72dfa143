// One rclone child: an explicit environment, JSON log parsing, timeout and cancel.
#pragma once

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

#include "storage/RcloneLog.h"

#include <memory>

namespace lk {

class RcloneProcess : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        bool started = false;
        bool cancelled = false;
        bool timedOut = false;
        bool crashed = false;
        int exitCode = -1;
        QString startError;    // set when the program could not be run at all
        QByteArray stdoutData; // lsjson output, cat output
        QStringList errors;    // "msg" of every error-level log line, in order
        QString stderrTail;    // the last lines of stderr, for the user and the history

        bool succeeded() const
        {
            return started && !cancelled && !timedOut && !crashed && exitCode == 0;
        }
    };

    explicit RcloneProcess(QObject *parent = nullptr);
    ~RcloneProcess() override;

    // The rclone binary: LITEKEEP_RCLONE if set, else "rclone" from PATH.
    static QString program();
    // Only what rclone needs, never inherited AWS_* (AWS_CA_BUNDLE breaks rclone 1.60) nor
    // anything else from our environment; `remote` adds the RCLONE_CONFIG_* variables.
    static QProcessEnvironment childEnvironment(const QProcessEnvironment &remote);
    // Flags on every call: no config file, JSON logs, stats each second, bounded retries.
    static QStringList commonArguments();
    // Makes `process` set up its rclone child between fork and exec: the child dies with us
    // (SIGKILL when the starting thread ends, even by SIGKILL: a child left behind would keep
    // the credentials in its environment), at low priority, reading `stdinDescriptor` if >= 0.
    static void prepareChild(QProcess &process, int stdinDescriptor = -1);

    // Starts asynchronously; exactly one finished() follows. rclone's stdin is empty and
    // closed, or the descriptor `stdinDescriptor` (the read end of a pipe, for rcat; the caller
    // keeps and closes its own copy).
    void start(const QStringList &arguments, const QProcessEnvironment &remote, int timeoutMs,
               int stdinDescriptor = -1);
    // Terminate, then kill after a grace period. Idempotent.
    void cancel();
    // The child's process id while it runs, else 0.
    qint64 processId() const { return m_process.processId(); }

Q_SIGNALS:
    void transferProgress(qint64 bytes, qint64 totalBytes);
    void logMessage(const QString &level, const QString &message);
    void finished(const lk::RcloneProcess::Outcome &outcome);

private:
    void stop();
    void finish();

    QProcess m_process;
    QTimer m_timeout;
    QTimer m_killTimer;
    std::unique_ptr<RcloneLog> m_log;
    Outcome m_outcome;
    bool m_done = false;
};

} // namespace lk

// What every long job of a profile shares (backup, restore, verify, prune): a queued start, a
// cancel that happens once and carries its reason, exactly one finished(), the profile's lock,
// the run's record in the history, the staging folder, and work on the low-priority pool.
// A job derives from it and writes only its own steps: run() begins them, stopWork() stops
// what they started, and every path ends in finish().
#pragma once

#include "jobs/JobResult.h"
#include "jobs/Priority.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"
#include "storage/Staging.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <QTimer>

#include <atomic>
#include <functional>
#include <type_traits>

namespace lk {

class Catalog;

class Job : public QObject
{
    Q_OBJECT

public:
    // Why a run stops before its end. Failure: a problem found elsewhere in the run (the listing
    // failed while the snapshot ran) stops the rest, and the run ends failed with that problem.
    enum class CancelReason
    {
        None,
        User,
        Shutdown,
        Timeout,
        Failure
    };
    Q_ENUM(CancelReason)

    // Whether the job takes the profile's lock or runs inside a job that holds it (the prune
    // and the drill of a backup).
    enum class Locking
    {
        TakeLock,
        CallerHoldsLock
    };

    ~Job() override;

    // Queued: the work begins once control returns to the event loop. Only the first call counts.
    void start();
    // Idempotent: only the first reason counts, and the job still ends with one finished().
    void cancel(CancelReason reason = CancelReason::User);
    // A limit on the whole run (0: none, the default); past it the run stops as failed.
    void setTimeout(int milliseconds);

    const Profile &profile() const { return m_profile; }
    bool isFinished() const { return m_finished; }
    CancelReason cancelReason() const { return m_reason.load(); }
    static QString cancelReasonName(CancelReason reason);

Q_SIGNALS:
    void finished(const lk::JobResult &result);

protected:
    // `kind` is the run's kind in the history ("backup", "verify", ...); empty: not recorded
    // (it is part of the caller's run). `catalog` may be null (no history); it outlives the job.
    Job(QString kind, Profile profile, Credentials credentials, Catalog *catalog, Locking locking,
        QObject *parent);

    // A run refused because another run of the profile holds it ends skipped (not recorded:
    // that run records its own outcome) instead of failed. For backups, which a scheduler and
    // a timer may both start.
    void setSkipWhenHeld(bool skip) { m_skipWhenHeld = skip; }

    // The job's own work. Called once, queued after start(), with the lock taken (or held by
    // the caller) and the run recorded; never when cancelled before it began.
    virtual void run() = 0;
    // Called once, on the first cancel(): stop what run() started. The job then finishes from
    // where its steps notice isStopping().
    virtual void stopWork() {}
    // Called once, by finish(), before the result is recorded and sent: release what the job
    // holds (sessions, timers) and add its own details.
    virtual void completeResult(JobResult &result) { Q_UNUSED(result) }
    // What a run cancelled before run() began says (nothing was changed, in the job's words).
    virtual QString cancelledBeforeStart() const;

    // Ends the run: exactly once, later calls are ignored.
    void finish(JobResult result);
    void fail(const QString &message, const QString &stderrTail = {});
    // Stops the run because of a problem found while other parts of it still run; the run ends
    // failed with `failure` once they have stopped (finishStopped).
    void stopFor(JobResult failure);
    // Ends a stopped run: the failure it stopped for, the timeout, or the cancel (`message`);
    // with `details` in each case.
    void finishStopped(const QString &message, const QJsonObject &details = {});

    // Sets the flag the workers poll, and nothing else: for a destructor that must stop its
    // stages before they are destroyed.
    void stopWorkers() { m_cancel = true; }

    // Whether the run is stopping (cancelled, or stopped for a failure); for this thread.
    bool isStopping() const { return m_cancel.load(); }
    // The same for worker threads and the stages that poll it.
    const std::atomic_bool *cancelFlag() const { return &m_cancel; }

    // The run's staging folder: created once here, removed when the run ends (and when the job
    // is destroyed). `suffix` names the job's part in the folder's name ("+verify").
    Result<QString> createStaging(const QString &suffix, qint64 bytesNeeded);
    const QString &stagingDir() const { return m_stagingDir; }

    // Runs `work` on the low-priority pool (Priority::run), then `done` with its result on the
    // job's thread. The job is not destroyed before the work has returned: the destructor sets
    // the cancel flag and waits for it.
    template <typename Work, typename Done> void runInPool(Work &&work, Done &&done)
    {
        using R = std::invoke_result_t<std::decay_t<Work>>;
        auto *watcher = new QFutureWatcher<R>(this);
        connect(watcher, &QFutureWatcherBase::finished, this,
                [watcher, done = std::forward<Done>(done)]() mutable {
                    watcher->deleteLater();
                    if constexpr (std::is_void_v<R>)
                        done();
                    else
                        done(watcher->result());
                });
        QFuture<R> future = Priority::run(std::forward<Work>(work));
        keepUntilDestroyed(QFuture<void>(future));
        watcher->setFuture(future);
    }

    // `tick` every 250 ms until stopProgressPoll() or the end of the run: how the jobs turn
    // the atomics their workers count into progress signals.
    void startProgressPoll(std::function<void()> tick);
    void stopProgressPoll();

    const Credentials &credentials() const { return m_credentials; }
    // What rclone needs to reach the profile's destination (Storage::remoteEnvironment).
    QProcessEnvironment remoteEnvironment() const;
    Catalog *catalog() const { return m_catalog; }

private:
    void begin();
    void recordStart();
    void keepUntilDestroyed(QFuture<void> future);

    QString m_kind;
    Profile m_profile;
    Credentials m_credentials;
    Catalog *m_catalog;
    Locking m_locking;
    ProfileLock m_lock;
    bool m_skipWhenHeld = false;
    qint64 m_runId = -1;
    QString m_stagingDir;
    std::atomic_bool m_cancel{false};
    std::atomic<CancelReason> m_reason{CancelReason::None};
    JobResult m_stopFailure;
    int m_timeoutMs = 0;
    QTimer m_timeout;
    QTimer m_poll;
    std::function<void()> m_tick;
    QList<QFuture<void>> m_workers;
    bool m_started = false;
    bool m_running = false; // run() was called
    bool m_finished = false;
};

} // namespace lk

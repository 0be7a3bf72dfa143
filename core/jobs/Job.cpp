// What every long job of a profile shares.
#include "jobs/Job.h"

#include "history/Catalog.h"
#include "storage/Storage.h"

#include <QLocale>

namespace lk {

namespace {
constexpr int kProgressIntervalMs = 250;
} // namespace

Job::Job(QString kind, Profile profile, Credentials credentials, Catalog *catalog, Locking locking,
         QObject *parent)
    : QObject(parent), m_kind(std::move(kind)), m_profile(std::move(profile)),
      m_credentials(std::move(credentials)), m_catalog(catalog), m_locking(locking),
      m_lock(m_profile.name)
{
    m_poll.setInterval(kProgressIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_tick)
            m_tick();
    });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { cancel(CancelReason::Timeout); });
}

Job::~Job()
{
    // The workers only read the flag and the state they were given; stop them before the job
    // and its staging folder go away.
    m_cancel = true;
    for (QFuture<void> &worker : m_workers)
        worker.waitForFinished();
    Staging::remove(m_stagingDir);
}

QString Job::cancelReasonName(CancelReason reason)
{
    switch (reason) {
    case CancelReason::None:
        return {};
    case CancelReason::User:
        return QStringLiteral("user");
    case CancelReason::Shutdown:
        return QStringLiteral("shutdown");
    case CancelReason::Timeout:
        return QStringLiteral("timeout");
    case CancelReason::Failure:
        return QStringLiteral("failure");
    }
    return {};
}

void Job::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &Job::begin, Qt::QueuedConnection);
}

void Job::cancel(CancelReason reason)
{
    if (m_finished || reason == CancelReason::None)
        return;
    CancelReason none = CancelReason::None;
    if (!m_reason.compare_exchange_strong(none, reason))
        return; // the first reason counts
    m_cancel = true;
    m_timeout.stop();
    if (m_running)
        stopWork();
}

void Job::setTimeout(int milliseconds)
{
    m_timeoutMs = std::max(0, milliseconds);
    if (m_timeoutMs == 0)
        m_timeout.stop();
    else if (m_running && !m_cancel)
        m_timeout.start(m_timeoutMs);
}

void Job::stopFor(JobResult failure)
{
    if (m_finished || m_reason.load() != CancelReason::None)
        return;
    m_stopFailure = std::move(failure);
    cancel(CancelReason::Failure);
}

void Job::finishStopped(const QString &message, const QJsonObject &details)
{
    JobResult result;
    switch (m_reason.load()) {
    case CancelReason::Failure:
        result = m_stopFailure.message.isEmpty() ? JobResult::failed(message) : m_stopFailure;
        break;
    case CancelReason::Timeout:
        result = JobResult::failed(
            tr("The run was stopped because it took longer than its limit of %1 s. %2")
                .arg(QLocale().toString(m_timeoutMs / 1000.0, 'f', m_timeoutMs % 1000 ? 1 : 0),
                     message));
        break;
    case CancelReason::None:
    case CancelReason::User:
    case CancelReason::Shutdown:
        result = JobResult::cancelled(message);
        break;
    }
    for (auto it = details.begin(); it != details.end(); ++it)
        result.details.insert(it.key(), it.value());
    finish(std::move(result));
}

QString Job::cancelledBeforeStart() const
{
    return tr("Cancelled before it began; nothing was changed.");
}

void Job::recordStart()
{
    if (!m_catalog || m_kind.isEmpty())
        return;
    if (auto id = m_catalog->recordStart(m_profile.name, m_kind))
        m_runId = id.value();
}

void Job::begin()
{
    if (m_locking == Locking::TakeLock) {
        const Status locked = m_lock.tryLock();
        if (!locked && m_lock.isHeldByAnother()) {
            // Not recorded: the run that holds the profile records its own outcome, and a
            // second record would read as a run that failed.
            finish(m_skipWhenHeld ? JobResult::skipped(locked.error)
                                  : JobResult::failed(locked.error));
            return;
        }
        if (!locked) {
            recordStart(); // the lock could not be made at all: a failure on record
            finish(JobResult::failed(locked.error));
            return;
        }
        // We hold the profile's lock: a run still "running" in the history was killed.
        if (m_catalog)
            m_catalog->markInterrupted(m_profile.name);
    }
    recordStart();
    if (m_cancel) {
        finishStopped(cancelledBeforeStart());
        return;
    }
    m_running = true;
    if (m_timeoutMs > 0)
        m_timeout.start(m_timeoutMs);
    run();
}

void Job::fail(const QString &message, const QString &stderrTail)
{
    finish(JobResult::failed(message, stderrTail));
}

void Job::finish(JobResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    stopProgressPoll();
    completeResult(result);
    Staging::removeInBackground(m_stagingDir);
    m_stagingDir.clear();
    if (m_locking == Locking::TakeLock)
        m_lock.unlock();
    result.details.insert(QStringLiteral("profile"), m_profile.name);
    if (const CancelReason reason = m_reason.load(); reason != CancelReason::None)
        result.details.insert(QStringLiteral("stop_reason"), cancelReasonName(reason));
    if (m_catalog && m_runId >= 0)
        m_catalog->recordFinish(m_runId, result);
    Q_EMIT finished(result);
}

Result<QString> Job::createStaging(const QString &suffix, qint64 bytesNeeded)
{
    Q_ASSERT(m_stagingDir.isEmpty());
    auto staging = Staging::create(m_profile.name + suffix, bytesNeeded);
    if (staging)
        m_stagingDir = staging.value();
    return staging;
}

QProcessEnvironment Job::remoteEnvironment() const
{
    return Storage::remoteEnvironment(m_profile, m_profile.parsedDestination().value(),
                                      m_credentials);
}

void Job::startProgressPoll(std::function<void()> tick)
{
    m_tick = std::move(tick);
    if (!m_finished)
        m_poll.start();
}

void Job::stopProgressPoll()
{
    m_poll.stop();
}

void Job::keepUntilDestroyed(QFuture<void> future)
{
    m_workers.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    m_workers.append(std::move(future));
}

} // namespace lk

// Runs backups one at a time, whoever asks.
#include "backup/BackupQueue.h"

#include "history/Catalog.h"
#include "storage/Storage.h"

#include <QTimer>

namespace lk {

BackupQueue::BackupQueue(Catalog *catalog, QObject *parent) : QObject(parent), m_catalog(catalog)
{
    m_store.setRetryDelayMs(kKeychainRetryMs);
}

bool BackupQueue::contains(const QString &profile) const
{
    if ((m_job || m_probe || m_starting) && m_current.name == profile)
        return true;
    for (const Entry &e : m_waiting) {
        if (e.profile.name == profile)
            return true;
    }
    return false;
}

bool BackupQueue::enqueue(const Profile &profile, Trigger trigger)
{
    if (contains(profile.name))
        return false;
    if (!isBusy())
        m_current = profile; // next up: what "a backup of … is running" names until it starts
    m_waiting.enqueue({profile, trigger, m_deferrals.value(profile.name)});
    if (!m_job && !m_probe && !m_starting)
        QTimer::singleShot(0, this, &BackupQueue::next);
    return true;
}

void BackupQueue::cancelCurrent(Job::CancelReason reason)
{
    if (m_job)
        m_job->cancel(reason);
    if (m_probe)
        m_probe->cancel();
}

void BackupQueue::cancelAll()
{
    m_waiting.clear();
    cancelCurrent(Job::CancelReason::Shutdown);
}

void BackupQueue::next()
{
    if (m_job || m_probe || m_starting)
        return;
    if (m_waiting.isEmpty()) {
        Q_EMIT idle();
        return;
    }
    const Entry entry = m_waiting.dequeue();
    m_current = entry.profile;
    m_starting = true;
    const auto lastRun =
        m_catalog ? m_catalog->lastRun(entry.profile.name, QStringLiteral("backup")) : std::nullopt;
    m_previousOutcome = lastRun ? lastRun->outcome : QString();

    auto withCredentials = [this, entry](const Credentials &credentials) {
        if (entry.trigger == Trigger::Scheduled &&
            entry.profile.parsedDestination().value().isS3() && entry.deferrals < kMaxDeferrals) {
            // Readiness first: after a wake the network may not be back yet.
            auto *probe = new Storage(entry.profile, entry.profile.parsedDestination().value(),
                                      credentials, this);
            m_probe = probe;
            probe->list([this, probe, entry, credentials](const QList<Storage::ObjectInfo> &,
                                                          const Storage::Failure &f) {
                probe->deleteLater();
                if (!f.message.isEmpty()) {
                    m_starting = false;
                    Q_EMIT deferred(entry.profile.name, f.message);
                    QTimer::singleShot(0, this, &BackupQueue::next);
                    return;
                }
                run(entry, credentials);
            });
            return;
        }
        run(entry, credentials);
    };
    if (!entry.profile.parsedDestination().value().isS3()) {
        withCredentials({});
        return;
    }
    m_store.read(entry.profile, [this, entry, withCredentials](const Result<Credentials> &c) {
        if (!c) {
            if (m_catalog)
                m_catalog->recordRefusedRun(entry.profile.name, QStringLiteral("backup"),
                                            JobResult::failed(c.error()));
            done(entry, JobResult::failed(c.error()));
            return;
        }
        withCredentials(c.value());
    });
}

void BackupQueue::run(const Entry &entry, const Credentials &credentials)
{
    m_deferrals.remove(entry.profile.name);
    auto *job = new BackupJob(entry.profile, credentials, m_catalog, this);
    m_job = job;
    m_starting = false;
    connect(job, &BackupJob::progress, this,
            [this, name = entry.profile.name](BackupJob::Phase phase, qint64 d, qint64 t) {
                Q_EMIT progress(name, phase, d, t);
            });
    connect(job, &BackupJob::finished, this, [this, job, entry](const JobResult &result) {
        // No longer running: whoever handles finished() sees the queue as it now is.
        m_job = nullptr;
        job->deleteLater();
        done(entry, result);
    });
    m_pinger.pingStart(QUrl(entry.profile.pingUrl));
    Q_EMIT started(entry.profile.name, entry.trigger);
    job->start();
}

void BackupQueue::done(const Entry &entry, const JobResult &result)
{
    m_starting = false;
    m_pinger.reportResult(entry.profile, result);
    Q_EMIT finished(entry.profile.name, result, m_previousOutcome);
    QTimer::singleShot(0, this, &BackupQueue::next);
}

} // namespace lk

// Runs backups one at a time, whoever asks (the schedule, "Back up now", the CLI): reads the
// credentials, checks a scheduled run's destination first, pings and posts the webhook.
#pragma once

#include "backup/BackupJob.h"
#include "jobs/JobResult.h"
#include "notify/Pinger.h"
#include "settings/CredentialStore.h"
#include "settings/Profile.h"
#include "storage/Storage.h"

#include <QObject>
#include <QPointer>
#include <QQueue>

namespace lk {

class Catalog;

class BackupQueue : public QObject
{
    Q_OBJECT

public:
    enum class Trigger
    {
        Manual,
        Scheduled
    };
    Q_ENUM(Trigger)

    BackupQueue(Catalog *catalog, QObject *parent = nullptr);

    // Ignored when the profile is already queued or running; returns whether it was added.
    bool enqueue(const Profile &profile, Trigger trigger);
    void cancelCurrent(Job::CancelReason reason = Job::CancelReason::User);
    // Drops every waiting run, then cancels the current one: for quitting.
    void cancelAll();
    bool isBusy() const { return m_job || m_probe || !m_waiting.isEmpty() || m_starting; }
    QString currentProfile() const { return m_current.name; }
    bool contains(const QString &profile) const;

    // A scheduled run whose destination does not answer is deferred this many times (with
    // backoff, by the scheduler) before it runs anyway and reports the failure.
    static constexpr int kMaxDeferrals = 6;
    // At login the keyring may start after LiteKeep: one more try after this delay.
    static constexpr int kKeychainRetryMs = 10000;

Q_SIGNALS:
    void started(const QString &profile, lk::BackupQueue::Trigger trigger);
    void progress(const QString &profile, lk::BackupJob::Phase phase, qint64 done, qint64 total);
    // The destination did not answer before a scheduled run; nothing was recorded.
    void deferred(const QString &profile, const QString &reason);
    // `previousOutcome`: how the run before this one ended, for "works again" notices.
    void finished(const QString &profile, const lk::JobResult &result,
                  const QString &previousOutcome);
    void idle();

private:
    struct Entry
    {
        Profile profile;
        Trigger trigger;
        int deferrals = 0;
    };
    void next();
    void run(const Entry &entry, const Credentials &credentials);
    void done(const Entry &entry, const JobResult &result);

    Catalog *m_catalog;
    CredentialStore m_store;
    Pinger m_pinger;
    QQueue<Entry> m_waiting;
    Profile m_current;
    QPointer<BackupJob> m_job;
    QPointer<Storage> m_probe;
    bool m_starting = false;
    QString m_previousOutcome;

public:
    // Set by the scheduler: how many times this profile's run was deferred so far.
    void setDeferrals(const QString &profile, int count) { m_deferrals[profile] = count; }

private:
    QHash<QString, int> m_deferrals;
};

} // namespace lk

// Applies retention to the destination: plans with Retention, deletes manifest first and data
// second (so a half-done deletion never looks like a generation), logs every deletion.
// It fails closed: when the history it decides with cannot be read (locked, damaged, never
// opened), or the pins on the destination cannot be (Pins.h), it deletes nothing and says why.
#pragma once

#include "generations/Generation.h"
#include "generations/Retention.h"
#include "history/Catalog.h"
#include "jobs/Job.h"

#include <QJsonArray>
#include <QObject>

namespace lk {

class DestinationPins;
class GenerationLister;
class Storage;

// A prune of its own is a run in the history ("prune"); the prune of a backup and a dry run
// are not (the backup's run records what its prune deleted).
class PruneJob : public Job
{
    Q_OBJECT

public:
    // `catalog` is the history it decides with; null (a history that could not be opened at
    // all) means it refuses, as for any history it cannot read.
    PruneJob(Profile profile, Credentials credentials, Catalog *catalog, bool dryRun,
             Locking locking = Locking::TakeLock, QObject *parent = nullptr);

    // Injected clock for tests; the current time otherwise.
    void setNow(const QDateTime &now) { m_now = now; }
    // prune --include-damaged: damaged generations go once retention no longer keeps them.
    // Off by default, and never on for the prune after a backup.
    void setIncludeDamaged(bool include) { m_includeDamaged = include; }

Q_SIGNALS:
    // Objects deleted so far of those the plan deletes (0 of 0 while it reads and plans).
    void progress(int done, int total);

private:
    void run() override;
    void stopWork() override;
    void completeResult(JobResult &result) override;
    QString cancelledBeforeStart() const override;
    void listed(const QList<Generation> &all);
    // The history's part of the decision, or why it cannot be read.
    Status readHistory();
    void plan(const QList<Generation> &all);
    void refuse(const QString &why);
    void deleteNext();
    JobResult succeeded(const QString &message) const;

    bool m_dryRun;
    bool m_includeDamaged = false;
    QDateTime m_now;
    GenerationLister *m_lister = nullptr;
    Storage *m_storage = nullptr;
    DestinationPins *m_pins = nullptr;
    bool m_lastFailed = false;
    QHash<QString, VerificationRecord> m_verifications;
    QHash<QString, QString>
        m_pinnedBy; // pinned generation -> the anomalous one (history and destination)
    QJsonArray m_pinsOnDestination;
    QStringList m_objectsToDelete;     // in order: each manifest before its data
    QHash<QString, QString> m_reasons; // object -> why
    QJsonArray m_plan;
    QJsonArray m_keptDamaged; // damaged generations that only their damage kept
    QJsonArray m_deleted;
    int m_toDelete = 0;
    bool m_deleting = false; // the plan is made and deletions began
};

} // namespace lk

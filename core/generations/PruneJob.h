// Applies retention to the destination: plans with Retention, deletes manifest first and data
// second (so a half-done deletion never looks like a generation), logs every deletion.
// It fails closed: when the history it decides with cannot be read (locked, damaged, never
// opened), or the pins on the destination cannot be (Pins.h), it deletes nothing and says why.
#pragma once

#include "generations/Generation.h"
#include "generations/Retention.h"
#include "history/Catalog.h"
#include "jobs/JobResult.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"
#include "storage/Staging.h"

#include <QJsonArray>
#include <QObject>

namespace lk {

class DestinationPins;
class GenerationLister;
class Storage;

class PruneJob : public QObject
{
    Q_OBJECT

public:
    enum class Locking
    {
        TakeLock,
        CallerHoldsLock
    };

    // `catalog` is the history it decides with; null (a history that could not be opened at
    // all) means it refuses, as for any history it cannot read.
    PruneJob(Profile profile, Credentials credentials, Catalog *catalog, bool dryRun,
             Locking locking = Locking::TakeLock, QObject *parent = nullptr);

    void start();
    void cancel();
    // Injected clock for tests; the current time otherwise.
    void setNow(const QDateTime &now) { m_now = now; }
    // prune --include-damaged: damaged generations go once retention no longer keeps them.
    // Off by default, and never on for the prune after a backup.
    void setIncludeDamaged(bool include) { m_includeDamaged = include; }

Q_SIGNALS:
    void finished(const lk::JobResult &result);

private:
    void begin();
    void listed(const QList<Generation> &all);
    // The history's part of the decision, or why it cannot be read.
    Status readHistory();
    void plan(const QList<Generation> &all);
    void refuse(const QString &why);
    void deleteNext();
    void finish(JobResult result);
    JobResult succeeded(const QString &message) const;

    Profile m_profile;
    Credentials m_credentials;
    Catalog *m_catalog;
    bool m_dryRun;
    bool m_includeDamaged = false;
    Locking m_locking;
    ProfileLock m_lock;
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
    bool m_cancelled = false;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace lk

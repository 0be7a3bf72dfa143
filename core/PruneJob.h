// Applies retention to the destination: plans with Retention, deletes manifest first and data
// second (so a half-done deletion never looks like a generation), logs every deletion.
#pragma once

#include "Credentials.h"
#include "JobResult.h"
#include "Profile.h"
#include "Retention.h"
#include "Staging.h"

#include <QJsonArray>
#include <QObject>

namespace lk {

class Catalog;
class GenerationLister;
class Storage;

class PruneJob : public QObject
{
    Q_OBJECT

public:
    enum class Locking { TakeLock, CallerHoldsLock };

    PruneJob(Profile profile, Credentials credentials, Catalog *catalog, bool dryRun,
             Locking locking = Locking::TakeLock, QObject *parent = nullptr);

    void start();
    void cancel();
    // Injected clock for tests; the current time otherwise.
    void setNow(const QDateTime &now) { m_now = now; }

Q_SIGNALS:
    void finished(const lk::JobResult &result);

private:
    void begin();
    void deleteNext();
    void finish(JobResult result);

    Profile m_profile;
    Credentials m_credentials;
    Catalog *m_catalog;
    bool m_dryRun;
    Locking m_locking;
    ProfileLock m_lock;
    QDateTime m_now;
    GenerationLister *m_lister = nullptr;
    Storage *m_storage = nullptr;
    QStringList m_objectsToDelete;      // in order: each manifest before its data
    QHash<QString, QString> m_reasons;  // object -> why
    QJsonArray m_plan;
    QJsonArray m_deleted;
    bool m_cancelled = false;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace lk

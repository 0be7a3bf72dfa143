// Verifies generations on the destination (one, the latest, all, or a restore drill: the latest
// plus one random older one) and records every verdict in the history.
#pragma once

#include "generations/Generation.h"
#include "jobs/JobResult.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"
#include "storage/Staging.h"
#include "verify/Verifier.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QObject>

#include <atomic>

namespace lk {

class Catalog;
class GenerationLister;

class VerifyJob : public QObject
{
    Q_OBJECT

public:
    enum class Selection
    {
        One,
        Latest,
        All,
        Drill
    };
    enum class Locking
    {
        TakeLock,
        CallerHoldsLock
    };

    VerifyJob(Profile profile, Credentials credentials, Catalog *catalog, Selection selection,
              QString generation = {}, Locking locking = Locking::TakeLock,
              QObject *parent = nullptr);
    ~VerifyJob() override;

    void start();
    void cancel();

    // Which generations a selection means, newest first; public for tests.
    static QList<Generation> select(const QList<Generation> &all, Selection selection,
                                    const QString &generation, QString *error);

Q_SIGNALS:
    // index counts from 1; done/total are bytes of the current generation.
    void progress(int index, int count, const QString &generation, qint64 done, qint64 total);
    void finished(const lk::JobResult &result);

private:
    void begin();
    void verifyNext();
    void finish(JobResult result);

    Profile m_profile;
    Credentials m_credentials;
    Catalog *m_catalog;
    Selection m_selection;
    QString m_generationName;
    Locking m_locking;
    ProfileLock m_lock;
    GenerationLister *m_lister = nullptr;
    QList<Generation> m_queue;
    int m_index = 0;
    QJsonArray m_results;
    int m_failed = 0;
    int m_notChecked = 0;
    int m_skipped = 0;
    QString m_firstProblem;
    QString m_stagingDir;
    qint64 m_runId = -1;
    std::atomic_bool m_cancel{false};
    std::shared_ptr<std::atomic<qint64>> m_done;
    QFutureWatcher<Verdict> m_worker;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace lk

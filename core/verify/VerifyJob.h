// Verifies generations on the destination (one, the latest, all, or a restore drill: the latest
// plus one random older one) and records every verdict in the history.
#pragma once

#include "generations/Generation.h"
#include "jobs/Job.h"
#include "verify/Verifier.h"

#include <QJsonArray>

#include <atomic>
#include <memory>

namespace lk {

class Catalog;
class GenerationLister;

class VerifyJob : public Job
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

    VerifyJob(Profile profile, Credentials credentials, Catalog *catalog, Selection selection,
              QString generation = {}, Locking locking = Locking::TakeLock,
              QObject *parent = nullptr);

    // Which generations a selection means, newest first; public for tests.
    static QList<Generation> select(const QList<Generation> &all, Selection selection,
                                    const QString &generation, QString *error);

Q_SIGNALS:
    // index counts from 1; done/total are bytes of the current generation.
    void progress(int index, int count, const QString &generation, qint64 done, qint64 total);

private:
    void run() override;
    void stopWork() override;
    QString cancelledBeforeStart() const override;
    void verifyNext();
    void verified(const Generation &generation, const Verdict &verdict);
    void finishAll();

    Selection m_selection;
    QString m_generationName;
    GenerationLister *m_lister = nullptr;
    QList<Generation> m_queue;
    int m_index = 0;
    QJsonArray m_results;
    int m_failed = 0;
    int m_notChecked = 0;
    int m_skipped = 0;
    QString m_firstProblem;
    std::shared_ptr<std::atomic<qint64>> m_done;
};

} // namespace lk

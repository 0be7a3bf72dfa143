// PruneJob in process, on generations the real binary made in a local folder (real rclone):
// it reports progress, a prune of its own is a run in the history (the prune inside a backup
// and a dry run are not), and a cancel, even one that stops a deletion half way, ends as
// cancelled, not as a failure of the destination.
#include "generations/PruneJob.h"
#include "history/Catalog.h"
#include "settings/Config.h"

#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace lkt;
using lk::JobResult;
using lk::PruneJob;

class TestPruneJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void progressAndItsOwnRecord();
    void dryRunIsNotARun();
    void cancelBetweenDeletions();
    void cancelDuringADeletion();

private:
    // Backs up `count` times with the binary; each run is a generation.
    bool backUp(int count);
    std::optional<lk::Profile> profile() const;
    QList<QStringList> pruneRuns() const { return historyRows(*m_home, QStringLiteral("prune")); }
    QString dest() const { return m_home->file(QStringLiteral("dest")); }
    int generationsOnDisk() const
    {
        return static_cast<int>(filesEndingWith(dest(), QStringLiteral(".manifest.json")).size());
    }

    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;
    std::unique_ptr<lk::Catalog> m_catalog;
};

void TestPruneJob::init()
{
    m_home = std::make_unique<TestHome>();
    QVERIFY(m_home->isValid());
    m_home->applyToThisProcess();
    m_env = m_home->environment();
    const QString db = m_home->file(QStringLiteral("notes.db"));
    QVERIFY(makeDatabase(db, QStringLiteral("wal"), 200));
    const RunResult r = runLiteKeep(
        {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("notes"),
         QStringLiteral("--db"), db, QStringLiteral("--dest"), dest(),
         QStringLiteral("--keep-days"), QStringLiteral("1"), QStringLiteral("--keep-min"),
         QStringLiteral("1"), QStringLiteral("--drill-days"), QStringLiteral("0")},
        m_env);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    m_catalog = std::make_unique<lk::Catalog>(m_home->historyFile());
}

void TestPruneJob::cleanup()
{
    m_catalog.reset();
    m_home.reset();
}

bool TestPruneJob::backUp(int count)
{
    for (int i = 0; i < count; ++i) {
        const RunResult r = runLiteKeep(
            {QStringLiteral("backup"), QStringLiteral("--profile"), QStringLiteral("notes")},
            m_env);
        if (r.exitCode != 0) {
            qWarning("%s", qPrintable(describe(r)));
            return false;
        }
    }
    return true;
}

std::optional<lk::Profile> TestPruneJob::profile() const
{
    lk::Config config(m_home->configFile());
    if (!config.load())
        return std::nullopt;
    return config.profile(QStringLiteral("notes"));
}

void TestPruneJob::progressAndItsOwnRecord()
{
    QVERIFY(backUp(3));
    // The prunes inside those backups (nothing to delete yet) are the backups' business.
    QVERIFY(pruneRuns().isEmpty());
    QVERIFY(m_catalog->open());
    const auto p = profile();
    QVERIFY(p);

    PruneJob job(*p, {}, m_catalog.get(), false);
    job.setNow(QDateTime::currentDateTimeUtc().addDays(10));
    QSignalSpy progress(&job, &PruneJob::progress);
    QSignalSpy finished(&job, &PruneJob::finished);
    job.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const JobResult r = finished.first().first().value<JobResult>();
    QVERIFY2(r.isSuccess(), qPrintable(r.message));
    QCOMPARE(r.details.value(QLatin1String("deleted")).toArray().size(), 4); // two generations
    QCOMPARE(generationsOnDisk(), 1);

    // From "0 of 0" while it reads, through every deletion, to "4 of 4".
    QVERIFY(progress.size() >= 5);
    QCOMPARE(progress.first().at(0).toInt(), 0);
    QCOMPARE(progress.first().at(1).toInt(), 0);
    QCOMPARE(progress.last().at(0).toInt(), 4);
    QCOMPARE(progress.last().at(1).toInt(), 4);
    for (qsizetype i = 1; i < progress.size(); ++i)
        QVERIFY(progress.at(i).at(0).toInt() >= progress.at(i - 1).at(0).toInt());

    const auto runs = pruneRuns();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().first(), QStringLiteral("succeeded"));
    QVERIFY2(runs.first().at(1).contains(QLatin1String("Pruned 4")),
             qPrintable(runs.first().at(1)));
}

void TestPruneJob::dryRunIsNotARun()
{
    QVERIFY(backUp(2));
    QVERIFY(m_catalog->open());
    const auto p = profile();
    QVERIFY(p);
    PruneJob job(*p, {}, m_catalog.get(), true);
    job.setNow(QDateTime::currentDateTimeUtc().addDays(10));
    QSignalSpy finished(&job, &PruneJob::finished);
    job.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const JobResult r = finished.first().first().value<JobResult>();
    QVERIFY2(r.isSuccess(), qPrintable(r.message));
    QVERIFY(r.details.value(QLatin1String("dry_run")).toBool());
    QCOMPARE(generationsOnDisk(), 2);
    QVERIFY(pruneRuns().isEmpty());
}

void TestPruneJob::cancelBetweenDeletions()
{
    QVERIFY(backUp(3));
    QVERIFY(m_catalog->open());
    const auto p = profile();
    QVERIFY(p);
    PruneJob job(*p, {}, m_catalog.get(), false);
    job.setNow(QDateTime::currentDateTimeUtc().addDays(10));
    connect(&job, &PruneJob::progress, &job, [&job](int done, int) {
        if (done == 1)
            job.cancel();
    });
    QSignalSpy finished(&job, &PruneJob::finished);
    job.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const JobResult r = finished.first().first().value<JobResult>();
    QCOMPARE(r.outcome, JobResult::Outcome::Cancelled);
    QVERIFY2(r.message.contains(QLatin1String("after 1 deletion")), qPrintable(r.message));
    QCOMPARE(r.details.value(QLatin1String("deleted")).toArray().size(), 1);
    QCOMPARE(r.details.value(QLatin1String("stop_reason")).toString(), QStringLiteral("user"));
    const auto runs = pruneRuns();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().first(), QStringLiteral("cancelled"));
}

void TestPruneJob::cancelDuringADeletion()
{
    QVERIFY(backUp(2));
    QVERIFY(m_catalog->open());
    const auto p = profile();
    QVERIFY(p);
    PruneJob job(*p, {}, m_catalog.get(), false);
    job.setNow(QDateTime::currentDateTimeUtc().addDays(10));
    // The first deletion has just started its rclone when the cancel comes.
    connect(&job, &PruneJob::progress, &job, [&job](int done, int total) {
        if (done == 0 && total > 0)
            QTimer::singleShot(0, &job, [&job] { job.cancel(); });
    });
    QSignalSpy finished(&job, &PruneJob::finished);
    job.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const JobResult r = finished.first().first().value<JobResult>();
    QVERIFY2(r.outcome == JobResult::Outcome::Cancelled, qPrintable(r.message));
    QVERIFY(r.details.value(QLatin1String("deleted")).toArray().size() <= 1);
    QCOMPARE(pruneRuns().first().first(), QStringLiteral("cancelled"));
}

QTEST_GUILESS_MAIN(TestPruneJob)
#include "tst_prunejob.moc"

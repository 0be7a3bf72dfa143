// Job: what the four jobs share. A small job of the test's own drives the base as the real
// jobs do: a queued start, one cancel with its reason, one finished(), the lock, the history
// record, the staging folder and work on the pool.
#include "jobs/Job.h"

#include "history/Catalog.h"

#include "TestSupport.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <thread>

using lk::Catalog;
using lk::Job;
using lk::JobResult;

namespace {

lk::Profile makeProfile()
{
    lk::Profile p;
    p.name = QStringLiteral("notes");
    p.databasePath = QStringLiteral("/nonexistent/notes.db");
    return p;
}

// What the worker of a TestJob shares with the test: whether it ran and saw the cancel.
struct WorkerState
{
    std::atomic_bool started{false};
    std::atomic_bool sawCancel{false};
    std::atomic_bool release{false}; // let the worker end without a cancel
};

class TestJob : public Job
{
public:
    enum class Work
    {
        SucceedAtOnce,
        FinishTwice,
        WaitInPool,      // a worker that ends when cancelled or released
        StopForFailure,  // a worker runs; the job stops it for a failure found elsewhere
        StageAndSucceed, // creates its staging folder, then waits in the pool
    };

    TestJob(Work work, Catalog *catalog, Locking locking = Locking::TakeLock,
            QObject *parent = nullptr)
        : Job(QStringLiteral("backup"), makeProfile(), {}, catalog, locking, parent), m_work(work),
          m_state(std::make_shared<WorkerState>())
    {
    }
    using Job::setSkipWhenHeld;

    int runs = 0;
    int stops = 0;
    QString staging;
    std::shared_ptr<WorkerState> state() const { return m_state; }

private:
    void run() override
    {
        ++runs;
        switch (m_work) {
        case Work::SucceedAtOnce:
            finish(JobResult::succeeded(QStringLiteral("done")));
            return;
        case Work::FinishTwice:
            finish(JobResult::succeeded(QStringLiteral("first")));
            fail(QStringLiteral("second"));
            return;
        case Work::StageAndSucceed:
            if (auto s = createStaging(QStringLiteral("+test"), 0); !s) {
                fail(s.error());
                return;
            }
            staging = stagingDir();
            [[fallthrough]];
        case Work::WaitInPool:
        case Work::StopForFailure:
            break;
        }
        auto state = m_state;
        const std::atomic_bool *cancel = cancelFlag();
        runInPool(
            [state, cancel] {
                state->started = true;
                while (!cancel->load() && !state->release.load())
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                state->sawCancel = cancel->load();
                return 42;
            },
            [this](int answer) {
                if (isStopping())
                    finishStopped(QStringLiteral("stopped"));
                else
                    finish(JobResult::succeeded(QString::number(answer)));
            });
        if (m_work == Work::StopForFailure)
            stopFor(JobResult::failed(QStringLiteral("The listing failed.")));
    }
    void stopWork() override { ++stops; }
    QString cancelledBeforeStart() const override { return QStringLiteral("nothing was done"); }

    Work m_work;
    std::shared_ptr<WorkerState> m_state;
};

JobResult onlyResult(const QSignalSpy &spy)
{
    return spy.isEmpty() ? JobResult{} : spy.first().first().value<JobResult>();
}

} // namespace

class TestJobBase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startIsQueuedAndCountsOnce();
    void finishedExactlyOnce();
    void cancelBeforeStartNeverRuns();
    void firstCancelReasonCounts();
    void stopForEndsWithTheFailure();
    void timeoutEndsAsFailure();
    void heldLockSkipsOrFailsWithoutARecord();
    void lockHeldForTheRunOnly();
    void callerHoldsTheLock();
    void historyMarksAnInterruptedRun();
    void stagingLivesAsLongAsTheRun();
    void destroyedWhileItsWorkerRuns();

private:
    std::unique_ptr<lkt::TestHome> m_home;
    std::unique_ptr<Catalog> m_catalog;
};

void TestJobBase::init()
{
    m_home = std::make_unique<lkt::TestHome>();
    QVERIFY(m_home->isValid());
    m_home->applyToThisProcess();
    m_catalog = std::make_unique<Catalog>(m_home->historyFile());
    QVERIFY(m_catalog->open());
}

void TestJobBase::cleanup()
{
    m_catalog.reset();
    m_home.reset();
}

void TestJobBase::startIsQueuedAndCountsOnce()
{
    TestJob job(TestJob::Work::SucceedAtOnce, m_catalog.get());
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    job.start();
    QCOMPARE(job.runs, 0); // queued: nothing ran inside start()
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(job.runs, 1);
    QCOMPARE(onlyResult(finished).outcome, JobResult::Outcome::Succeeded);
    QCOMPARE(onlyResult(finished).details.value(QLatin1String("profile")).toString(),
             QStringLiteral("notes"));
    QVERIFY(!onlyResult(finished).details.contains(QLatin1String("stop_reason")));
}

void TestJobBase::finishedExactlyOnce()
{
    TestJob job(TestJob::Work::FinishTwice, m_catalog.get());
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_COMPARE(finished.size(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(onlyResult(finished).message, QStringLiteral("first"));
    const auto runs = m_catalog->readRuns(QStringLiteral("notes"), 10);
    QVERIFY(runs);
    QCOMPARE(runs.value().size(), 1);
    QCOMPARE(runs.value().first().outcome, QStringLiteral("succeeded"));
}

void TestJobBase::cancelBeforeStartNeverRuns()
{
    TestJob job(TestJob::Work::SucceedAtOnce, m_catalog.get());
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    job.cancel();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(job.runs, 0);
    QCOMPARE(job.stops, 0);
    const JobResult r = onlyResult(finished);
    QCOMPARE(r.outcome, JobResult::Outcome::Cancelled);
    QCOMPARE(r.message, QStringLiteral("nothing was done"));
    QCOMPARE(r.details.value(QLatin1String("stop_reason")).toString(), QStringLiteral("user"));
    // On record, as a cancelled run.
    const auto runs = m_catalog->readRuns(QStringLiteral("notes"), 10);
    QVERIFY(runs);
    QCOMPARE(runs.value().size(), 1);
    QCOMPARE(runs.value().first().outcome, QStringLiteral("cancelled"));
}

void TestJobBase::firstCancelReasonCounts()
{
    TestJob job(TestJob::Work::WaitInPool, m_catalog.get());
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_VERIFY(job.state()->started.load());
    job.cancel(Job::CancelReason::Shutdown);
    job.cancel(Job::CancelReason::User);
    job.cancel(Job::CancelReason::Timeout);
    QCOMPARE(job.stops, 1);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(job.state()->sawCancel.load());
    const JobResult r = onlyResult(finished);
    QCOMPARE(r.outcome, JobResult::Outcome::Cancelled);
    QCOMPARE(r.message, QStringLiteral("stopped"));
    QCOMPARE(r.details.value(QLatin1String("stop_reason")).toString(), QStringLiteral("shutdown"));
    QCOMPARE(job.cancelReason(), Job::CancelReason::Shutdown);
    job.cancel(); // after the end: nothing
    QCOMPARE(job.stops, 1);
}

void TestJobBase::stopForEndsWithTheFailure()
{
    TestJob job(TestJob::Work::StopForFailure, m_catalog.get());
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(job.state()->sawCancel.load()); // the worker stopped
    const JobResult r = onlyResult(finished);
    QCOMPARE(r.outcome, JobResult::Outcome::Failed);
    QCOMPARE(r.message, QStringLiteral("The listing failed."));
    QCOMPARE(r.details.value(QLatin1String("stop_reason")).toString(), QStringLiteral("failure"));
    const auto runs = m_catalog->readRuns(QStringLiteral("notes"), 10);
    QVERIFY(runs);
    QCOMPARE(runs.value().first().outcome, QStringLiteral("failed"));
    QCOMPARE(runs.value().first().message, QStringLiteral("The listing failed."));
}

void TestJobBase::timeoutEndsAsFailure()
{
    TestJob job(TestJob::Work::WaitInPool, m_catalog.get());
    job.setTimeout(100);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(job.state()->sawCancel.load());
    const JobResult r = onlyResult(finished);
    QCOMPARE(r.outcome, JobResult::Outcome::Failed);
    QVERIFY2(r.message.contains(QLatin1String("longer than its limit")), qPrintable(r.message));
    QVERIFY2(r.message.endsWith(QLatin1String("stopped")), qPrintable(r.message));
    QCOMPARE(r.details.value(QLatin1String("stop_reason")).toString(), QStringLiteral("timeout"));
}

void TestJobBase::heldLockSkipsOrFailsWithoutARecord()
{
    lk::ProfileLock other(QStringLiteral("notes"));
    QVERIFY(other.tryLock());
    for (const bool skip : {true, false}) {
        TestJob job(TestJob::Work::SucceedAtOnce, m_catalog.get());
        job.setSkipWhenHeld(skip);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(job.runs, 0);
        const JobResult r = onlyResult(finished);
        QCOMPARE(r.outcome, skip ? JobResult::Outcome::Skipped : JobResult::Outcome::Failed);
        QVERIFY2(r.message.contains(QLatin1String("already in progress")), qPrintable(r.message));
    }
    // The run that holds the profile records its own outcome; these two left no trace.
    const auto runs = m_catalog->readRuns(QStringLiteral("notes"), 10);
    QVERIFY(runs);
    QVERIFY(runs.value().isEmpty());
}

void TestJobBase::lockHeldForTheRunOnly()
{
    TestJob job(TestJob::Work::WaitInPool, m_catalog.get());
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_VERIFY(job.state()->started.load());
    lk::ProfileLock other(QStringLiteral("notes"));
    QVERIFY(!other.tryLock());
    QVERIFY(other.isHeldByAnother());
    job.state()->release = true;
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(onlyResult(finished).message, QStringLiteral("42"));
    QVERIFY(other.tryLock());
}

void TestJobBase::callerHoldsTheLock()
{
    lk::ProfileLock caller(QStringLiteral("notes"));
    QVERIFY(caller.tryLock());
    TestJob job(TestJob::Work::SucceedAtOnce, m_catalog.get(), Job::Locking::CallerHoldsLock);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(onlyResult(finished).outcome, JobResult::Outcome::Succeeded);
    QVERIFY(caller.isLocked()); // not the job's to release
}

void TestJobBase::historyMarksAnInterruptedRun()
{
    // A run that a killed process left "running".
    const auto dead = m_catalog->recordStart(QStringLiteral("notes"), QStringLiteral("backup"));
    QVERIFY(dead);
    TestJob job(TestJob::Work::SucceedAtOnce, m_catalog.get());
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_COMPARE(finished.size(), 1);
    const auto runs = m_catalog->readRuns(QStringLiteral("notes"), 10);
    QVERIFY(runs);
    QCOMPARE(runs.value().size(), 2);
    QCOMPARE(runs.value().at(0).outcome, QStringLiteral("succeeded")); // newest first
    QCOMPARE(runs.value().at(1).outcome, QStringLiteral("interrupted"));
}

void TestJobBase::stagingLivesAsLongAsTheRun()
{
    TestJob job(TestJob::Work::StageAndSucceed, m_catalog.get());
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_VERIFY(job.state()->started.load());
    QVERIFY(!job.staging.isEmpty());
    QVERIFY(QFileInfo(job.staging).isDir());
    job.state()->release = true;
    QTRY_COMPARE(finished.size(), 1);
    QTRY_VERIFY(!QFileInfo::exists(job.staging)); // removed in the background
}

void TestJobBase::destroyedWhileItsWorkerRuns()
{
    auto job = std::make_unique<TestJob>(TestJob::Work::StageAndSucceed, m_catalog.get());
    QSignalSpy finished(job.get(), &Job::finished);
    job->start();
    QTRY_VERIFY(job->state()->started.load());
    const auto state = job->state();
    const QString staging = job->staging;
    job.reset(); // sets the flag, waits for the worker, removes the folder
    QVERIFY(state->sawCancel.load());
    QVERIFY(!QFileInfo::exists(staging));
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 0);
}

QTEST_GUILESS_MAIN(TestJobBase)
#include "tst_job.moc"

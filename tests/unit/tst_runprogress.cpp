// RunProgress: one percentage over a whole backup that only grows, reaches 100, and an estimate
// of the time left; ProgressPrinter's line.
#include "backup/RunProgress.h"

#include <QTest>

using lk::RunProgress;
using Phase = lk::BackupJob::Phase;

class TestRunProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void growsToAHundred();
    void timeLeftOnceKnown();
    void measuredSpeedsWeighThePhases();
    void phasesAJobSkipsCountAsDone();
};

namespace {
struct Step
{
    Phase phase;
    qint64 done;
    qint64 total;
};

// A run of a 100 MiB database compressing to 30 MiB, reported as BackupJob reports it.
QList<Step> aRun()
{
    const qint64 db = 100LL << 20;
    const qint64 gz = 30LL << 20;
    QList<Step> steps{{Phase::Preparing, 0, 0}};
    for (int i = 0; i <= 10; ++i)
        steps.append({Phase::Snapshot, db * i / 10, db});
    for (int i = 0; i <= 10; ++i)
        steps.append({Phase::Compress, db * i / 10, db});
    for (int i = 0; i <= 10; ++i)
        steps.append({Phase::Upload, gz * i / 10, gz});
    steps.append({Phase::Check, 0, 0});
    steps.append({Phase::Manifest, 0, 0});
    for (int i = 0; i <= 10; ++i)
        steps.append({Phase::Verify, gz * i / 10, gz});
    steps.append({Phase::Prune, 0, 0});
    steps.append({Phase::Drill, 5, 10}); // not known in advance: holds the percentage
    steps.append({Phase::Done, 0, 0});
    return steps;
}
} // namespace

void TestRunProgress::growsToAHundred()
{
    RunProgress progress(100LL << 20, 30LL << 20, std::nullopt, true);
    int last = -1;
    qint64 ms = 0;
    for (const Step &s : aRun()) {
        progress.update(s.phase, s.done, s.total, ms += 100);
        QVERIFY2(progress.percent() >= last,
                 qPrintable(QStringLiteral("%1 after %2").arg(progress.percent()).arg(last)));
        QVERIFY(progress.percent() <= 100);
        if (s.phase != Phase::Done)
            QVERIFY(progress.percent() < 100);
        last = progress.percent();
    }
    QCOMPARE(progress.percent(), 100);
    QCOMPARE(progress.remainingMs(), std::optional<qint64>(0));
}

void TestRunProgress::timeLeftOnceKnown()
{
    RunProgress progress(100LL << 20, 30LL << 20, std::nullopt, true);
    progress.update(Phase::Snapshot, 1 << 20, 100LL << 20, 200);
    QVERIFY(!progress.remainingMs()); // too early to say
    // Half the compression done after 10 s: the estimate is positive and finite.
    progress.update(Phase::Compress, 0, 100LL << 20, 5000);
    progress.update(Phase::Compress, 50LL << 20, 100LL << 20, 10000);
    QVERIFY(progress.remainingMs());
    QVERIFY(*progress.remainingMs() > 0);
    QVERIFY(progress.bytesPerSecond() > 0);
    const qint64 early = *progress.remainingMs();
    progress.update(Phase::Upload, 15LL << 20, 30LL << 20, 20000);
    QVERIFY(progress.remainingMs());
    QVERIFY2(*progress.remainingMs() < early * 2,
             qPrintable(QString::number(*progress.remainingMs())));
}

void TestRunProgress::measuredSpeedsWeighThePhases()
{
    // A slow uplink measured earlier: the upload is most of the run, so finishing the
    // compression is only a small part of it.
    lk::UploadSpeed slow;
    slow.uploadBytesPerSecond = 1 << 20; // database bytes per second
    slow.compressBytesPerSecond = 100 << 20;
    RunProgress measured(100LL << 20, 30LL << 20, slow, true);
    measured.update(Phase::Compress, 100LL << 20, 100LL << 20, 2000);
    RunProgress unmeasured(100LL << 20, 30LL << 20, std::nullopt, true);
    unmeasured.update(Phase::Compress, 100LL << 20, 100LL << 20, 2000);
    QVERIFY2(measured.percent() < 10, qPrintable(QString::number(measured.percent())));
    QVERIFY2(unmeasured.percent() > measured.percent(),
             qPrintable(QString::number(unmeasured.percent())));
}

void TestRunProgress::phasesAJobSkipsCountAsDone()
{
    // A staged upload reports no Check progress; a run without verification skips Verify.
    RunProgress progress(10LL << 20, 3LL << 20, std::nullopt, false);
    progress.update(Phase::Upload, 3LL << 20, 3LL << 20, 1000);
    const int afterUpload = progress.percent();
    progress.update(Phase::Prune, 0, 0, 1500);
    QVERIFY(progress.percent() >= afterUpload);
    QVERIFY(progress.percent() < 100);
    progress.update(Phase::Done, 0, 0, 1600);
    QCOMPARE(progress.percent(), 100);
}

QTEST_GUILESS_MAIN(TestRunProgress)
#include "tst_runprogress.moc"

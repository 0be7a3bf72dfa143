// Noticing what other processes write: the history's watcher (a commit by another connection is
// reported, a burst once), the settings file's watcher (a save through a rename), and the pick
// of the runs another process finished (each once, never this process's own, never old ones).
#include "history/Catalog.h"
#include "history/ForeignRuns.h"
#include "history/HistoryReader.h"
#include "history/HistoryWatcher.h"
#include "settings/ConfigWatcher.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lk;

namespace {
RunRecord run(qint64 id, const QString &outcome, const QDateTime &finished,
              const QString &kind = QStringLiteral("backup"))
{
    RunRecord r;
    r.id = id;
    r.profile = QStringLiteral("p");
    r.kind = kind;
    r.startedUtc = finished.isValid() ? finished.addSecs(-5) : QDateTime::currentDateTimeUtc();
    r.finishedUtc = finished;
    r.outcome = outcome;
    r.message = QStringLiteral("message %1").arg(id);
    return r;
}
} // namespace

class TestHistoryWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foreignRunsEachOnceNeverOwnNorOld()
    {
        const QDateTime since = QDateTime::currentDateTimeUtc();
        ForeignRuns foreign(since);
        const auto none = [](qint64) { return false; };
        // Newest first, as the history reads them: 1 ended before the watching began, 2 runs.
        QList<RunRecord> runs{run(2, QStringLiteral("running"), {}),
                              run(1, QStringLiteral("failed"), since.addSecs(-60))};
        QVERIFY(foreign.take(QStringLiteral("p"), runs, {}, none).isEmpty());

        // 2 failed, 3 (this process's own) succeeded, 4 verified: only 2 is news.
        runs = {run(4, QStringLiteral("succeeded"), since.addSecs(3), QStringLiteral("verify")),
                run(3, QStringLiteral("succeeded"), since.addSecs(2)),
                run(2, QStringLiteral("failed"), since.addSecs(1)),
                run(1, QStringLiteral("failed"), since.addSecs(-60))};
        const auto ownThree = [](qint64 id) { return id == 3; };
        QList<ForeignRuns::Finished> found = foreign.take(QStringLiteral("p"), runs, {}, ownThree);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().run.id, 2);
        QCOMPARE(found.first().result.outcome, JobResult::Outcome::Failed);
        QCOMPARE(found.first().result.message, QStringLiteral("message 2"));
        QCOMPARE(found.first().previousOutcome, QStringLiteral("failed"));
        // Asked again: nothing twice.
        QVERIFY(foreign.take(QStringLiteral("p"), runs, {}, ownThree).isEmpty());

        // 5 succeeded after 3: a recovery from 2's failure is for the notifier to judge; the
        // previous outcome is 3's. A warning about 5's generation comes with it.
        RunRecord five = run(5, QStringLiteral("succeeded"), since.addSecs(4));
        five.generation = QStringLiteral("p-20261203T120000Z");
        runs.prepend(five);
        AnomalyRecord warning;
        warning.profile = QStringLiteral("p");
        warning.generation = five.generation;
        found = foreign.take(QStringLiteral("p"), runs, {warning}, ownThree);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().run.id, 5);
        QCOMPARE(found.first().previousOutcome, QStringLiteral("succeeded"));
        QVERIFY(found.first().result.details.contains(QStringLiteral("anomaly")));

        // Another profile keeps its own account.
        QCOMPARE(foreign.take(QStringLiteral("q"), runs, {}, none).size(), 3);
    }

    void interruptedAndRunningAreNotResults()
    {
        QVERIFY(!ForeignRuns::resultOf(run(1, QStringLiteral("running"), {})));
        QVERIFY(!ForeignRuns::resultOf(
            run(1, QStringLiteral("interrupted"), QDateTime::currentDateTimeUtc())));
        QCOMPARE(ForeignRuns::resultOf(
                     run(1, QStringLiteral("cancelled"), QDateTime::currentDateTimeUtc()))
                     ->outcome,
                 JobResult::Outcome::Cancelled);
    }

    void historyWatcherReportsAnotherConnectionsCommit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        Catalog writer(path);
        QVERIFY(writer.open());
        HistoryReader reader(path);
        HistoryWatcher watcher(reader);
        QSignalSpy changed(&watcher, &HistoryWatcher::changed);
        watcher.start();
        // Nothing written: nothing to report, even after a poll.
        QTest::qWait(HistoryWatcher::kPollMs + 500);
        QCOMPARE(changed.size(), 0);

        // A run's records in a burst: reported once, long before a poll would.
        const auto id = writer.recordStart(QStringLiteral("p"), QStringLiteral("backup"));
        QVERIFY(id);
        QVERIFY(writer.recordFinish(id.value(), JobResult::succeeded(QStringLiteral("ok"))));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, HistoryWatcher::kPollMs);
        QTest::qWait(HistoryWatcher::kPollMs + 500);
        QCOMPARE(changed.size(), 1);
        QVERIFY(writer.recordedHere(id.value()));
        QVERIFY(!writer.recordedHere(id.value() + 1));
    }

    void configWatcherSeesASaveThroughARename()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config/litekeep.ini"));
        ConfigWatcher watcher(path); // its folder does not exist yet
        QSignalSpy changed(&watcher, &ConfigWatcher::changed);
        watcher.start();
        for (int i = 1; i <= 3; ++i) {
            {
                QSettings settings(path, QSettings::IniFormat);
                settings.setValue(QStringLiteral("profile.p/keep_days"), 30 + i);
                settings.sync();
                QCOMPARE(settings.status(), QSettings::NoError);
            }
            QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= i, 5000);
            QTest::qWait(ConfigWatcher::kSettleMs * 2);
            QCOMPARE(changed.size(), i);
        }
    }
};

QTEST_GUILESS_MAIN(TestHistoryWatch)
#include "tst_historywatch.moc"

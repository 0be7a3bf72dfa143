// Notifier: which run results and staleness changes deserve the user's attention.
#include "generations/GenerationName.h"
#include "history/Catalog.h"
#include "notify/Notifier.h"

#include "TestSupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using lk::JobResult;
using lk::Notice;
using lk::Notifier;

Q_DECLARE_METATYPE(Notice::Kind)

namespace {
QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc());
}

Notice noticeAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).first().value<Notice>();
}
} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data();
    void decide();
    void runFinishedEmitsTheDecision();
    void anomaly_data();
    void anomaly();
    void isStale_data();
    void isStale();
    void stalenessNoticesOnlyOnChange();
    void stalenessFirstCheckFreshIsSilent();
    void stalenessWithoutAnyVerifiedGeneration();
    void newestVerifiedGeneration();
};

void TestNotifier::decide_data()
{
    QTest::addColumn<int>("outcome"); // JobResult::Outcome
    QTest::addColumn<QString>("previous");
    QTest::addColumn<bool>("onSuccess");
    QTest::addColumn<bool>("expectNotice");
    QTest::addColumn<Notice::Kind>("kind");

    const int ok = int(JobResult::Outcome::Succeeded);
    const int failed = int(JobResult::Outcome::Failed);
    const int cancelled = int(JobResult::Outcome::Cancelled);
    QTest::newRow("failure") << failed << QStringLiteral("succeeded") << false << true
                             << Notice::Kind::Failure;
    QTest::newRow("failure again")
        << failed << QStringLiteral("failed") << false << true << Notice::Kind::Failure;
    QTest::newRow("first run fails")
        << failed << QString() << true << true << Notice::Kind::Failure;
    QTest::newRow("recovery after failed")
        << ok << QStringLiteral("failed") << false << true << Notice::Kind::Recovery;
    QTest::newRow("recovery after interrupted")
        << ok << QStringLiteral("interrupted") << false << true << Notice::Kind::Recovery;
    QTest::newRow("recovery wins over success")
        << ok << QStringLiteral("failed") << true << true << Notice::Kind::Recovery;
    QTest::newRow("success, off") << ok << QStringLiteral("succeeded") << false << false
                                  << Notice::Kind::Success;
    QTest::newRow("success, on") << ok << QStringLiteral("succeeded") << true << true
                                 << Notice::Kind::Success;
    QTest::newRow("first success, off")
        << ok << QString() << false << false << Notice::Kind::Success;
    QTest::newRow("first success, on") << ok << QString() << true << true << Notice::Kind::Success;
    QTest::newRow("success after cancel, off")
        << ok << QStringLiteral("cancelled") << false << false << Notice::Kind::Success;
    QTest::newRow("cancel is silent")
        << cancelled << QStringLiteral("succeeded") << true << false << Notice::Kind::Failure;
    QTest::newRow("cancel after failure is silent")
        << cancelled << QStringLiteral("failed") << true << false << Notice::Kind::Failure;
}

void TestNotifier::decide()
{
    QFETCH(int, outcome);
    QFETCH(QString, previous);
    QFETCH(bool, onSuccess);
    QFETCH(bool, expectNotice);
    QFETCH(Notice::Kind, kind);

    JobResult result;
    result.outcome = JobResult::Outcome(outcome);
    result.message = QStringLiteral("The database file /x/cogito.db does not exist.");
    const auto notice = Notifier::decide(QStringLiteral("nightly"), result, previous, onSuccess);
    QCOMPARE(notice.has_value(), expectNotice);
    if (!notice)
        return;
    QCOMPARE(notice->kind, kind);
    QCOMPARE(notice->profile, QStringLiteral("nightly"));
    QVERIFY2(notice->title.contains(QStringLiteral("\"nightly\"")), qPrintable(notice->title));
    QCOMPARE(notice->message, result.message);
    QCOMPARE(notice->isProblem(), kind == Notice::Kind::Failure);
}

void TestNotifier::runFinishedEmitsTheDecision()
{
    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notice);
    notifier.runFinished(QStringLiteral("a"), JobResult::succeeded(QStringLiteral("ok")),
                         QStringLiteral("succeeded"));
    QCOMPARE(spy.size(), 0);
    notifier.setNotifyOnSuccess(true);
    notifier.runFinished(QStringLiteral("a"), JobResult::succeeded(QStringLiteral("ok")),
                         QStringLiteral("succeeded"));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(noticeAt(spy, 0).kind, Notice::Kind::Success);
    notifier.runFinished(QStringLiteral("a"), JobResult::failed(QStringLiteral("disk full")),
                         QStringLiteral("succeeded"));
    QCOMPARE(spy.size(), 2);
    QCOMPARE(noticeAt(spy, 1).kind, Notice::Kind::Failure);
    QCOMPARE(noticeAt(spy, 1).message, QStringLiteral("disk full"));
    notifier.runFinished(QStringLiteral("a"), JobResult::cancelled(QStringLiteral("stopped")),
                         QStringLiteral("failed"));
    QCOMPARE(spy.size(), 2);
}

void TestNotifier::anomaly_data()
{
    QTest::addColumn<QString>("previous");
    QTest::addColumn<bool>("onSuccess");
    QTest::newRow("success notices off") << QStringLiteral("succeeded") << false;
    QTest::newRow("success notices on") << QStringLiteral("succeeded") << true;
    QTest::newRow("first run") << QString() << false;
    QTest::newRow("wins over recovery") << QStringLiteral("failed") << false;
}

// A backup that succeeded but found tables that lost rows: a warning, whatever the switches.
void TestNotifier::anomaly()
{
    QFETCH(QString, previous);
    QFETCH(bool, onSuccess);
    const QString sentence =
        QStringLiteral("Table notes lost 87 % of its rows (1,204 → 160) since the previous "
                       "backup. The previous backup, nightly-20261001T020000Z, is kept "
                       "until you dismiss this warning.");
    const JobResult result = JobResult::succeeded(
        QStringLiteral("Backed up cogito.db. ") + sentence,
        {{QStringLiteral("generation"), QStringLiteral("nightly-20261002T020000Z")},
         {QStringLiteral("anomaly"), QJsonObject{{QStringLiteral("message"), sentence},
                                                 {QStringLiteral("previous_generation"),
                                                  QStringLiteral("nightly-20261001T020000Z")}}}});
    const auto notice = Notifier::decide(QStringLiteral("nightly"), result, previous, onSuccess);
    QVERIFY(notice.has_value());
    QCOMPARE(notice->kind, Notice::Kind::Anomaly);
    QCOMPARE(notice->profile, QStringLiteral("nightly"));
    QCOMPARE(notice->title, QStringLiteral("Backup of \"nightly\": rows are missing"));
    QCOMPARE(notice->message, sentence);
    QVERIFY(notice->isWarning());
    QVERIFY(notice->isProblem());

    Notifier notifier;
    notifier.setNotifyOnSuccess(onSuccess);
    QSignalSpy spy(&notifier, &Notifier::notice);
    notifier.runFinished(QStringLiteral("nightly"), result, previous);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(noticeAt(spy, 0).kind, Notice::Kind::Anomaly);

    // The same run without findings says nothing (with success notices off and no recovery).
    JobResult plain = result;
    plain.details.remove(QStringLiteral("anomaly"));
    const auto quiet =
        Notifier::decide(QStringLiteral("nightly"), plain, QStringLiteral("succeeded"), false);
    QVERIFY(!quiet.has_value());
}

void TestNotifier::isStale_data()
{
    QTest::addColumn<QDateTime>("newest");
    QTest::addColumn<int>("hours");
    QTest::addColumn<bool>("stale");
    QTest::addColumn<QDateTime>("created");
    const QDateTime now = utc(2026, 11, 27, 12);
    QTest::newRow("none") << QDateTime() << 26 << true << QDateTime();
    // A new profile's grace: as long as the threshold, then it warns like any other.
    QTest::newRow("none, created an hour ago") << QDateTime() << 26 << false << now.addSecs(-3600);
    QTest::newRow("none, created two days ago") << QDateTime() << 26 << true << now.addDays(-2);
    QTest::newRow("three days old, created a week ago")
        << now.addDays(-3) << 26 << true << now.addDays(-7);
    QTest::newRow("an hour old") << now.addSecs(-3600) << 26 << false << QDateTime();
    QTest::newRow("exactly the threshold") << now.addSecs(-26 * 3600) << 26 << false << QDateTime();
    QTest::newRow("a second over") << now.addSecs(-26 * 3600 - 1) << 26 << true << QDateTime();
    QTest::newRow("three days old") << now.addDays(-3) << 26 << true << QDateTime();
    QTest::newRow("three days old, weekly threshold")
        << now.addDays(-3) << 24 * 7 << false << QDateTime();
}

void TestNotifier::isStale()
{
    QFETCH(QDateTime, newest);
    QFETCH(int, hours);
    QFETCH(bool, stale);
    QFETCH(QDateTime, created);
    QCOMPARE(Notifier::isStale(newest, hours, utc(2026, 11, 27, 12), created), stale);
}

void TestNotifier::stalenessNoticesOnlyOnChange()
{
    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notice);
    const QDateTime newest = utc(2026, 11, 24, 2);
    QDateTime now = utc(2026, 11, 27, 12);

    notifier.checkStaleness(QStringLiteral("nightly"), newest, 26, now);
    QCOMPARE(spy.size(), 1);
    Notice n = noticeAt(spy, 0);
    QCOMPARE(n.kind, Notice::Kind::Stale);
    QCOMPARE(n.profile, QStringLiteral("nightly"));
    QVERIFY(n.isProblem());
    QVERIFY2(n.message.contains(QStringLiteral("82 hour")), qPrintable(n.message));
    QVERIFY(notifier.isStale(QStringLiteral("nightly")));

    // Still stale, ten minutes and a day later: no repeat.
    for (int i = 0; i < 3; ++i) {
        now = now.addSecs(600);
        notifier.checkStaleness(QStringLiteral("nightly"), newest, 26, now);
    }
    notifier.checkStaleness(QStringLiteral("nightly"), newest, 26, now.addDays(1));
    QCOMPARE(spy.size(), 1);

    // Another profile has its own state.
    notifier.checkStaleness(QStringLiteral("other"), now.addSecs(-60), 26, now);
    QCOMPARE(spy.size(), 1);
    QVERIFY(!notifier.isStale(QStringLiteral("other")));

    // A verified generation again: Fresh, once.
    notifier.checkStaleness(QStringLiteral("nightly"), now.addSecs(-120), 26, now);
    QCOMPARE(spy.size(), 2);
    n = noticeAt(spy, 1);
    QCOMPARE(n.kind, Notice::Kind::Fresh);
    QVERIFY(!n.isProblem());
    QVERIFY(!notifier.isStale(QStringLiteral("nightly")));
    notifier.checkStaleness(QStringLiteral("nightly"), now.addSecs(-120), 26, now.addSecs(600));
    QCOMPARE(spy.size(), 2);

    // And stale again after the threshold passes.
    notifier.checkStaleness(QStringLiteral("nightly"), now.addSecs(-120), 26,
                            now.addSecs(27 * 3600));
    QCOMPARE(spy.size(), 3);
    QCOMPARE(noticeAt(spy, 2).kind, Notice::Kind::Stale);
}

void TestNotifier::stalenessFirstCheckFreshIsSilent()
{
    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notice);
    const QDateTime now = utc(2026, 11, 27, 12);
    notifier.checkStaleness(QStringLiteral("nightly"), now.addSecs(-3600), 26, now);
    QCOMPARE(spy.size(), 0); // nothing changed from the user's point of view
    QVERIFY(!notifier.isStale(QStringLiteral("nightly")));
}

void TestNotifier::stalenessWithoutAnyVerifiedGeneration()
{
    Notifier notifier;
    QSignalSpy spy(&notifier, &Notifier::notice);
    notifier.checkStaleness(QStringLiteral("nightly"), QDateTime(), 26, utc(2026, 11, 27, 12));
    QCOMPARE(spy.size(), 1);
    const Notice n = noticeAt(spy, 0);
    QCOMPARE(n.kind, Notice::Kind::Stale);
    QVERIFY2(n.message.contains(QStringLiteral("no verified backup")), qPrintable(n.message));
}

void TestNotifier::newestVerifiedGeneration()
{
    lkt::TestHome home;
    QVERIFY(home.isValid());
    home.applyToThisProcess();
    lk::Catalog catalog;
    QVERIFY(catalog.open());
    const QString profile = QStringLiteral("nightly");
    QVERIFY(!Notifier::newestVerifiedGeneration(catalog, profile).isValid());

    const auto name = [&](const QDateTime &t) { return lk::GenerationName(profile, t).baseName(); };
    const QDateTime checked = QDateTime::currentDateTimeUtc();
    const QDateTime older = utc(2026, 11, 24, 1, 0);
    const QDateTime good = utc(2026, 11, 25, 1, 0);
    const QDateTime failed = utc(2026, 11, 26, 1, 0);
    const QDateTime laterFailed = utc(2026, 11, 27, 1, 0);
    QVERIFY(catalog.recordVerification(profile,
                                       {name(older), checked, true, {}, QStringLiteral("backup")}));
    QVERIFY(catalog.recordVerification(profile,
                                       {name(good), checked, true, {}, QStringLiteral("verify")}));
    QVERIFY(catalog.recordVerification(
        profile,
        {name(failed), checked, false, QStringLiteral("sha mismatch"), QStringLiteral("verify")}));
    // Passed after the upload, failed a later verification: its newest verdict counts.
    QVERIFY(catalog.recordVerification(
        profile, {name(laterFailed), checked, true, {}, QStringLiteral("backup")}));
    QVERIFY(
        catalog.recordVerification(profile, {name(laterFailed), checked.addSecs(60), false,
                                             QStringLiteral("gone"), QStringLiteral("verify")}));
    // Names that are not generations are ignored, as are other profiles.
    QVERIFY(catalog.recordVerification(
        profile,
        {QStringLiteral("not-a-generation"), checked, true, {}, QStringLiteral("verify")}));
    QVERIFY(catalog.recordVerification(
        QStringLiteral("other"),
        {lk::GenerationName(QStringLiteral("other"), utc(2026, 11, 27, 5)).baseName(),
         checked,
         true,
         {},
         QStringLiteral("verify")}));

    QCOMPARE(Notifier::newestVerifiedGeneration(catalog, profile), good);
    QCOMPARE(Notifier::newestVerifiedGeneration(catalog, QStringLiteral("other")),
             utc(2026, 11, 27, 5));
    QVERIFY(!Notifier::newestVerifiedGeneration(catalog, QStringLiteral("nobody")).isValid());
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"

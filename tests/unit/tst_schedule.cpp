// Schedule: when the nightly backup is owed, as a pure function of the daily time, the last
// success, the profile's creation and an injected clock; and the Scheduler that drives it.
#include "history/Catalog.h"
#include "schedule/Schedule.h"
#include "schedule/Scheduler.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using lk::Schedule;

namespace {

const QTimeZone &berlin()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/Berlin"));
    return zone;
}

const QTimeZone &newYork()
{
    static const QTimeZone zone(QByteArrayLiteral("America/New_York"));
    return zone;
}

QTimeZone zoneNamed(const QString &name)
{
    return QTimeZone(name.toLatin1());
}

// A wall-clock time in `zone`, as UTC.
QDateTime local(const QTimeZone &zone, int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), zone).toUTC();
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

// One machine's nights: the clock walks minute by minute from `from` to `to`; while the
// machine is awake and a run is owed, it runs (and succeeds) at once. Returns the run times.
struct Asleep
{
    QDateTime from;
    QDateTime to;
};

QList<QDateTime> simulate(const QTime &at, const QTimeZone &zone, const QDateTime &from,
                          const QDateTime &to, QDateTime lastSuccess, const QDateTime &created,
                          const QList<Asleep> &sleeps = {})
{
    QList<QDateTime> runs;
    for (QDateTime now = from; now <= to; now = now.addSecs(60)) {
        bool awake = true;
        for (const Asleep &s : sleeps)
            awake = awake && !(now >= s.from && now < s.to);
        if (!awake)
            continue;
        if (Schedule::isDue(at, lastSuccess, created, now, zone)) {
            runs.append(now);
            lastSuccess = now; // the run's start time is what the history remembers
        }
        // nextRun agrees with isDue: "now" when owed, a later slot otherwise.
        const QDateTime next = Schedule::nextRun(at, lastSuccess, created, now, zone);
        if (next < now || (next == now) != Schedule::isDue(at, lastSuccess, created, now, zone)) {
            qWarning("nextRun disagrees with isDue at %s", qPrintable(now.toString(Qt::ISODate)));
            return {};
        }
    }
    return runs;
}

QStringList localTimes(const QList<QDateTime> &runs, const QTimeZone &zone)
{
    QStringList out;
    for (const QDateTime &r : runs)
        out.append(r.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm t")));
    return out;
}

QStringList utcTimes(const QList<QDateTime> &runs)
{
    QStringList out;
    for (const QDateTime &r : runs)
        out.append(r.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm'Z'")));
    return out;
}

} // namespace

class TestSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slotTimes_data();
    void slotTimes();
    void isDue_data();
    void isDue();
    void nightsInARow_data();
    void nightsInARow();
    void sleepAcrossTheSlot();
    void twoMissedNightsOweOneRun();
    void crashMidRunStillOwesTheSlot();
    void retryDelay_data();
    void retryDelay();
    void schedulerEmitsDueOnceOwed();
    void schedulerCrashedRunStaysDue();
    void schedulerBacksOffAfterFailure();
    void schedulerPausedEmitsNothing();
    void schedulerWithAnUnreadableHistoryRunsOnce();
    void schedulerNoSecondRunThatNight();
    void drillDue_data();
    void drillDue();
    void schedulerNoticesAClockJump();
};

void TestSchedule::slotTimes_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QTime>("at");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("last");
    QTest::addColumn<QDateTime>("next");

    const QTime two(2, 0);
    QTest::newRow("before 02:00") << QStringLiteral("Europe/Berlin") << two
                                  << local(berlin(), 2026, 11, 27, 1, 59, 59)
                                  << utc(2026, 11, 26, 1, 0) << utc(2026, 11, 27, 1, 0);
    QTest::newRow("at 02:00 exactly")
        << QStringLiteral("Europe/Berlin") << two << local(berlin(), 2026, 11, 27, 2, 0)
        << utc(2026, 11, 27, 1, 0) << utc(2026, 11, 28, 1, 0);
    QTest::newRow("after 02:00") << QStringLiteral("Europe/Berlin") << two
                                 << local(berlin(), 2026, 11, 27, 2, 0, 1)
                                 << utc(2026, 11, 27, 1, 0) << utc(2026, 11, 28, 1, 0);
    QTest::newRow("summer time") << QStringLiteral("Europe/Berlin") << two
                                 << local(berlin(), 2026, 7, 1, 12, 0) << utc(2026, 7, 1, 0, 0)
                                 << utc(2026, 7, 2, 0, 0);
    QTest::newRow("just after midnight")
        << QStringLiteral("Europe/Berlin") << two << local(berlin(), 2026, 11, 27, 0, 5)
        << utc(2026, 11, 26, 1, 0) << utc(2026, 11, 27, 1, 0);
    QTest::newRow("late slot, early morning")
        << QStringLiteral("Europe/Berlin") << QTime(23, 30) << local(berlin(), 2026, 11, 27, 0, 10)
        << utc(2026, 11, 26, 22, 30) << utc(2026, 11, 27, 22, 30);
    // 2026-03-29 02:00 does not exist in Berlin (02:00 CET → 03:00 CEST): the slot is 03:00 CEST.
    QTest::newRow("DST forward, before the gap")
        << QStringLiteral("Europe/Berlin") << two << utc(2026, 3, 29, 0, 59)
        << utc(2026, 3, 28, 1, 0) << utc(2026, 3, 29, 1, 0);
    QTest::newRow("DST forward, after the gap")
        << QStringLiteral("Europe/Berlin") << two << utc(2026, 3, 29, 1, 0, 1)
        << utc(2026, 3, 29, 1, 0) << utc(2026, 3, 30, 0, 0);
    // A skipped time runs at the first valid time after it, when the clocks jump (03:00 CEST).
    QTest::newRow("DST forward, 02:30 skipped")
        << QStringLiteral("Europe/Berlin") << QTime(2, 30) << utc(2026, 3, 29, 0, 59)
        << utc(2026, 3, 28, 1, 30) << utc(2026, 3, 29, 1, 0);
    QTest::newRow("DST forward, 02:30 skipped, after the jump")
        << QStringLiteral("Europe/Berlin") << QTime(2, 30) << utc(2026, 3, 29, 1, 0)
        << utc(2026, 3, 29, 1, 0) << utc(2026, 3, 30, 0, 30);
    QTest::newRow("DST forward, 03:00 unaffected")
        << QStringLiteral("Europe/Berlin") << QTime(3, 0) << utc(2026, 3, 29, 0, 30)
        << utc(2026, 3, 28, 2, 0) << utc(2026, 3, 29, 1, 0);
    QTest::newRow("DST back, the day after")
        << QStringLiteral("Europe/Berlin") << two << utc(2026, 10, 26, 1, 0)
        << utc(2026, 10, 26, 1, 0) << utc(2026, 10, 27, 1, 0);
    QTest::newRow("DST back, the day before")
        << QStringLiteral("Europe/Berlin") << two << utc(2026, 10, 24, 12, 0)
        << utc(2026, 10, 24, 0, 0) << QDateTime();
    QTest::newRow("New York DST forward, 02:30 skipped")
        << QStringLiteral("America/New_York") << QTime(2, 30) << utc(2026, 3, 8, 6, 0)
        << utc(2026, 3, 7, 7, 30) << utc(2026, 3, 8, 7, 0);
    // 2026-10-25 02:00–02:59 happens twice in Berlin: the slot is the first one (CEST).
    QTest::newRow("DST back, between the two 02:00")
        << QStringLiteral("Europe/Berlin") << two << utc(2026, 10, 25, 0, 30)
        << utc(2026, 10, 25, 0, 0) << utc(2026, 10, 26, 1, 0);
    QTest::newRow("DST back, before the first 02:00")
        << QStringLiteral("Europe/Berlin") << two << utc(2026, 10, 24, 23, 59)
        << utc(2026, 10, 24, 0, 0) << utc(2026, 10, 25, 0, 0);
    QTest::newRow("New York ordinary night")
        << QStringLiteral("America/New_York") << two << utc(2026, 11, 27, 8, 0)
        << utc(2026, 11, 27, 7, 0) << utc(2026, 11, 28, 7, 0);
}

void TestSchedule::slotTimes()
{
    QFETCH(QString, zone);
    QFETCH(QTime, at);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, last);
    QFETCH(QDateTime, next);
    const QTimeZone tz = zoneNamed(zone);
    QVERIFY(tz.isValid());
    const QDateTime lastSlot = Schedule::lastSlot(at, now, tz);
    const QDateTime nextSlot = Schedule::nextSlot(at, now, tz);
    QCOMPARE(lastSlot, last);
    QCOMPARE(lastSlot.timeSpec(), Qt::UTC);
    QVERIFY(lastSlot <= now);
    QVERIFY(nextSlot > now);
    if (next.isValid())
        QCOMPARE(nextSlot, next);
    // The two slots are one local day apart (23 to 25 hours across a DST change).
    const qint64 gap = lastSlot.secsTo(nextSlot);
    QVERIFY2(gap >= 23 * 3600 && gap <= 25 * 3600, qPrintable(QString::number(gap)));
}

void TestSchedule::isDue_data()
{
    QTest::addColumn<QDateTime>("lastSuccess");
    QTest::addColumn<QDateTime>("created");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("due");
    QTest::addColumn<QDateTime>("nextRun");

    const QDateTime created = local(berlin(), 2026, 11, 1, 12, 0);
    QTest::newRow("before 02:00, last night done")
        << local(berlin(), 2026, 11, 26, 2, 0, 3) << created << local(berlin(), 2026, 11, 27, 1, 59)
        << false << utc(2026, 11, 27, 1, 0);
    QTest::newRow("02:00 reached")
        << local(berlin(), 2026, 11, 26, 2, 0, 3) << created << local(berlin(), 2026, 11, 27, 2, 0)
        << true << local(berlin(), 2026, 11, 27, 2, 0);
    QTest::newRow("after 02:00, not yet run")
        << local(berlin(), 2026, 11, 26, 2, 0, 3) << created << local(berlin(), 2026, 11, 27, 6, 0)
        << true << local(berlin(), 2026, 11, 27, 6, 0);
    QTest::newRow("after 02:00, run done")
        << local(berlin(), 2026, 11, 27, 2, 0, 1) << created << local(berlin(), 2026, 11, 27, 6, 0)
        << false << utc(2026, 11, 28, 1, 0);
    QTest::newRow("manual run before the slot does not count")
        << local(berlin(), 2026, 11, 27, 1, 30) << created << local(berlin(), 2026, 11, 27, 2, 1)
        << true << local(berlin(), 2026, 11, 27, 2, 1);
    QTest::newRow("manual run in the afternoon counts for the night")
        << local(berlin(), 2026, 11, 27, 15, 0) << created << local(berlin(), 2026, 11, 27, 23, 0)
        << false << utc(2026, 11, 28, 1, 0);
    QTest::newRow("two missed nights")
        << local(berlin(), 2026, 11, 25, 2, 0, 3) << created << local(berlin(), 2026, 11, 27, 9, 0)
        << true << local(berlin(), 2026, 11, 27, 9, 0);
    QTest::newRow("never ran, created before the slot")
        << QDateTime() << local(berlin(), 2026, 11, 26, 12, 0)
        << local(berlin(), 2026, 11, 27, 2, 0, 5) << true << local(berlin(), 2026, 11, 27, 2, 0, 5);
    QTest::newRow("never ran, slot not reached")
        << QDateTime() << local(berlin(), 2026, 11, 26, 12, 0)
        << local(berlin(), 2026, 11, 27, 1, 59, 40) << false << utc(2026, 11, 27, 1, 0);
    QTest::newRow("never ran, created after today's slot")
        << QDateTime() << local(berlin(), 2026, 11, 27, 10, 0)
        << local(berlin(), 2026, 11, 27, 11, 0) << false << utc(2026, 11, 28, 1, 0);
    QTest::newRow("never ran, no creation time")
        << QDateTime() << QDateTime() << local(berlin(), 2026, 11, 27, 11, 0) << true
        << local(berlin(), 2026, 11, 27, 11, 0);
    QTest::newRow("DST forward night, before 03:00 CEST")
        << local(berlin(), 2026, 3, 28, 2, 0, 3) << created.addYears(-1)
        << utc(2026, 3, 29, 0, 59, 59) << false << utc(2026, 3, 29, 1, 0);
    QTest::newRow("DST forward night, 03:00 CEST")
        << local(berlin(), 2026, 3, 28, 2, 0, 3) << created.addYears(-1) << utc(2026, 3, 29, 1, 0)
        << true << utc(2026, 3, 29, 1, 0);
    QTest::newRow("DST back night, second 02:00 after a run at the first")
        << utc(2026, 10, 25, 0, 0, 3) << created.addYears(-1) << utc(2026, 10, 25, 1, 0, 30)
        << false << utc(2026, 10, 26, 1, 0);
}

void TestSchedule::isDue()
{
    QFETCH(QDateTime, lastSuccess);
    QFETCH(QDateTime, created);
    QFETCH(QDateTime, now);
    QFETCH(bool, due);
    QFETCH(QDateTime, nextRun);
    const QTime two(2, 0);
    QCOMPARE(Schedule::isDue(two, lastSuccess, created, now, berlin()), due);
    QCOMPARE(Schedule::nextRun(two, lastSuccess, created, now, berlin()), nextRun);
}

void TestSchedule::nightsInARow_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QTime>("at");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QStringList>("expected"); // local run times

    QTest::newRow("Berlin ordinary week")
        << QStringLiteral("Europe/Berlin") << QTime(2, 0) << QDate(2026, 11, 23)
        << QStringList{QStringLiteral("2026-11-24 02:00 CET"),
                       QStringLiteral("2026-11-25 02:00 CET"),
                       QStringLiteral("2026-11-26 02:00 CET")};
    QTest::newRow("Berlin DST forward")
        << QStringLiteral("Europe/Berlin") << QTime(2, 0) << QDate(2026, 3, 27)
        << QStringList{QStringLiteral("2026-03-28 02:00 CET"),
                       QStringLiteral("2026-03-29 03:00 CEST"),
                       QStringLiteral("2026-03-30 02:00 CEST")};
    QTest::newRow("Berlin DST back, 02:00 twice")
        << QStringLiteral("Europe/Berlin") << QTime(2, 0) << QDate(2026, 10, 23)
        << QStringList{QStringLiteral("2026-10-24 02:00 CEST"),
                       QStringLiteral("2026-10-25 02:00 CEST"),
                       QStringLiteral("2026-10-26 02:00 CET")};
    QTest::newRow("Berlin DST back, 02:30 twice")
        << QStringLiteral("Europe/Berlin") << QTime(2, 30) << QDate(2026, 10, 23)
        << QStringList{QStringLiteral("2026-10-24 02:30 CEST"),
                       QStringLiteral("2026-10-25 02:30 CEST"),
                       QStringLiteral("2026-10-26 02:30 CET")};
    QTest::newRow("New York DST forward, 02:30 skipped")
        << QStringLiteral("America/New_York") << QTime(2, 30) << QDate(2026, 3, 6)
        << QStringList{QStringLiteral("2026-03-07 02:30 EST"),
                       QStringLiteral("2026-03-08 03:00 EDT"),
                       QStringLiteral("2026-03-09 02:30 EDT")};
    QTest::newRow("New York DST back, 01:30 twice")
        << QStringLiteral("America/New_York") << QTime(1, 30) << QDate(2026, 10, 30)
        << QStringList{QStringLiteral("2026-10-31 01:30 EDT"),
                       QStringLiteral("2026-11-01 01:30 EDT"),
                       QStringLiteral("2026-11-02 01:30 EST")};
}

void TestSchedule::nightsInARow()
{
    QFETCH(QString, zone);
    QFETCH(QTime, at);
    QFETCH(QDate, first);
    QFETCH(QStringList, expected);
    const QTimeZone tz = zoneNamed(zone);
    // Awake all the time from noon of `first` to noon three days later, last run the night before.
    const QDateTime from = QDateTime(first, QTime(12, 0), tz).toUTC();
    const QDateTime to = QDateTime(first.addDays(3), QTime(12, 0), tz).toUTC();
    const QDateTime lastSuccess = QDateTime(first, at, tz).toUTC().addSecs(2);
    const QList<QDateTime> runs = simulate(at, tz, from, to, lastSuccess, from.addDays(-30));
    QCOMPARE(localTimes(runs, tz), expected);
}

void TestSchedule::sleepAcrossTheSlot()
{
    // Asleep from 01:30 to 07:45: one run on waking, then the usual 02:00 the night after.
    const QTime two(2, 0);
    const QList<QDateTime> runs = simulate(
        two, berlin(), local(berlin(), 2026, 11, 26, 12, 0), local(berlin(), 2026, 11, 28, 12, 0),
        local(berlin(), 2026, 11, 26, 2, 0, 2), local(berlin(), 2026, 11, 1, 0, 0),
        {{local(berlin(), 2026, 11, 27, 1, 30), local(berlin(), 2026, 11, 27, 7, 45)}});
    QCOMPARE(localTimes(runs, berlin()), (QStringList{QStringLiteral("2026-11-27 07:45 CET"),
                                                      QStringLiteral("2026-11-28 02:00 CET")}));

    // Asleep over the DST-back night in New York (01:00–01:59 happens twice): still one run.
    const QList<QDateTime> ny =
        simulate(QTime(1, 30), newYork(), utc(2026, 10, 31, 16, 0), utc(2026, 11, 2, 16, 0),
                 utc(2026, 10, 31, 5, 30, 2), utc(2026, 10, 1, 0, 0),
                 {{utc(2026, 11, 1, 5, 0), utc(2026, 11, 1, 6, 45)}});
    QCOMPARE(utcTimes(ny), (QStringList{QStringLiteral("2026-11-01T06:45Z"),
                                        QStringLiteral("2026-11-02T06:30Z")}));
}

void TestSchedule::twoMissedNightsOweOneRun()
{
    const QTime two(2, 0);
    // Switched off from the evening of the 24th to 09:00 on the 27th: nights 25, 26, 27 missed.
    const QList<QDateTime> runs = simulate(
        two, berlin(), local(berlin(), 2026, 11, 24, 12, 0), local(berlin(), 2026, 11, 28, 12, 0),
        local(berlin(), 2026, 11, 24, 2, 0, 2), local(berlin(), 2026, 11, 1, 0, 0),
        {{local(berlin(), 2026, 11, 24, 20, 0), local(berlin(), 2026, 11, 27, 9, 0)}});
    QCOMPARE(localTimes(runs, berlin()), (QStringList{QStringLiteral("2026-11-27 09:00 CET"),
                                                      QStringLiteral("2026-11-28 02:00 CET")}));

    // The same as one question: owed once now, and after that run nothing until the next slot.
    const QDateTime now = local(berlin(), 2026, 11, 27, 9, 0);
    const QDateTime last = local(berlin(), 2026, 11, 25, 3, 0);
    QVERIFY(Schedule::isDue(two, last, {}, now, berlin()));
    QVERIFY(!Schedule::isDue(two, now, {}, now.addSecs(1), berlin()));
    QCOMPARE(Schedule::nextRun(two, now, {}, now.addSecs(1), berlin()),
             local(berlin(), 2026, 11, 28, 2, 0));
}

void TestSchedule::crashMidRunStillOwesTheSlot()
{
    // The 02:00 run started and the machine died before it recorded success: the history's
    // last success is still the night before, so the slot is owed until a run succeeds.
    const QTime two(2, 0);
    const QDateTime lastSuccess = local(berlin(), 2026, 11, 26, 2, 0, 4);
    for (const QDateTime &now :
         {local(berlin(), 2026, 11, 27, 2, 3), local(berlin(), 2026, 11, 27, 8, 0),
          local(berlin(), 2026, 11, 28, 1, 59)}) {
        QVERIFY2(Schedule::isDue(two, lastSuccess, {}, now, berlin()),
                 qPrintable(now.toString(Qt::ISODate)));
        QCOMPARE(Schedule::nextRun(two, lastSuccess, {}, now, berlin()), now);
    }
    // Once the retried run succeeds, nothing more is owed for that night.
    const QDateTime retried = local(berlin(), 2026, 11, 27, 8, 0);
    QVERIFY(!Schedule::isDue(two, retried, {}, retried.addSecs(60), berlin()));
}

void TestSchedule::retryDelay_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("delayMs");
    QTest::newRow("0 (treated as first)") << 0 << qint64(60'000);
    QTest::newRow("1") << 1 << qint64(60'000);
    QTest::newRow("2") << 2 << qint64(120'000);
    QTest::newRow("3") << 3 << qint64(240'000);
    QTest::newRow("4") << 4 << qint64(480'000);
    QTest::newRow("5") << 5 << qint64(960'000);
    QTest::newRow("6 (capped at 30 min)") << 6 << qint64(1'800'000);
    QTest::newRow("7") << 7 << qint64(1'800'000);
    QTest::newRow("1000") << 1000 << qint64(1'800'000);
}

void TestSchedule::retryDelay()
{
    QFETCH(int, attempt);
    QFETCH(qint64, delayMs);
    QCOMPARE(Schedule::retryDelayMs(attempt), delayMs);
}

namespace {
// A profile whose daily slot was an hour ago (system time zone), created `createdDaysAgo` ago.
lk::Profile slotAnHourAgo(const QString &name, int createdDaysAgo)
{
    lk::Profile p;
    p.name = name;
    p.databasePath = QStringLiteral("/nonexistent/x.db");
    p.destination = QStringLiteral("/nonexistent/dest");
    p.at = QDateTime::currentDateTime().addSecs(-3600).time();
    p.at = QTime(p.at.hour(), p.at.minute());
    p.createdUtc = QDateTime::currentDateTimeUtc().addDays(-createdDaysAgo);
    return p;
}
} // namespace

void TestSchedule::schedulerEmitsDueOnceOwed()
{
    lkt::TestHome home;
    home.applyToThisProcess();
    lk::Catalog catalog;
    QVERIFY(catalog.open());
    lk::Scheduler scheduler(&catalog);
    QSignalSpy due(&scheduler, &lk::Scheduler::due);

    // Owed: created two days ago, never ran.
    scheduler.setProfiles(
        {slotAnHourAgo(QStringLiteral("owed"), 2), slotAnHourAgo(QStringLiteral("fresh"), 0)});
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().first().value<lk::Profile>().name, QStringLiteral("owed"));
    // "Now" for an owed run (a second of slack: the machine's clock may be stepped meanwhile).
    QVERIFY(scheduler.nextRun(QStringLiteral("owed")) <=
            QDateTime::currentDateTimeUtc().addSecs(1));
    QVERIFY(scheduler.nextRun(QStringLiteral("fresh")) >
            QDateTime::currentDateTimeUtc().addSecs(3600 * 20));

    // The run succeeds: nothing owed any more, the next run is tomorrow's slot.
    const auto id = catalog.recordStart(QStringLiteral("owed"), QStringLiteral("backup"));
    QVERIFY(id);
    QVERIFY(catalog.recordFinish(id.value(), lk::JobResult::succeeded(QStringLiteral("ok"))));
    scheduler.runSucceeded(QStringLiteral("owed"));
    due.clear();
    scheduler.evaluate();
    QCOMPARE(due.size(), 0);
    QVERIFY(scheduler.nextRun(QStringLiteral("owed")) >
            QDateTime::currentDateTimeUtc().addSecs(3600 * 20));
}

void TestSchedule::schedulerCrashedRunStaysDue()
{
    lkt::TestHome home;
    home.applyToThisProcess();
    lk::Catalog catalog;
    QVERIFY(catalog.open());
    lk::Scheduler scheduler(&catalog);
    QSignalSpy due(&scheduler, &lk::Scheduler::due);

    // A run started and the process died: "running" in the history, later "interrupted".
    QVERIFY(catalog.recordStart(QStringLiteral("owed"), QStringLiteral("backup")));
    scheduler.setProfiles({slotAnHourAgo(QStringLiteral("owed"), 2)});
    QCOMPARE(due.size(), 1);
    QVERIFY(catalog.markInterrupted(QStringLiteral("owed")));
    scheduler.evaluate();
    QCOMPARE(due.size(), 2);
}

void TestSchedule::schedulerBacksOffAfterFailure()
{
    lkt::TestHome home;
    home.applyToThisProcess();
    lk::Catalog catalog;
    QVERIFY(catalog.open());
    lk::Scheduler scheduler(&catalog);
    QSignalSpy due(&scheduler, &lk::Scheduler::due);
    scheduler.setProfiles({slotAnHourAgo(QStringLiteral("owed"), 2)});
    QCOMPARE(due.size(), 1);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    scheduler.runFailed(QStringLiteral("owed"));
    scheduler.evaluate();
    QCOMPARE(due.size(), 1); // not again at once
    const qint64 wait = before.msecsTo(scheduler.nextRun(QStringLiteral("owed")));
    QVERIFY2(wait >= 55'000 && wait <= 65'000, qPrintable(QString::number(wait)));
    scheduler.runFailed(QStringLiteral("owed"));
    const qint64 wait2 = before.msecsTo(scheduler.nextRun(QStringLiteral("owed")));
    QVERIFY2(wait2 >= 115'000 && wait2 <= 125'000, qPrintable(QString::number(wait2)));

    scheduler.runDeferred(QStringLiteral("owed"));
    QCOMPARE(scheduler.deferrals(QStringLiteral("owed")), 1);
    scheduler.runSucceeded(QStringLiteral("owed"));
    QCOMPARE(scheduler.deferrals(QStringLiteral("owed")), 0);
}

void TestSchedule::schedulerPausedEmitsNothing()
{
    lkt::TestHome home;
    home.applyToThisProcess();
    lk::Catalog catalog;
    QVERIFY(catalog.open());
    lk::Scheduler scheduler(&catalog);
    QSignalSpy due(&scheduler, &lk::Scheduler::due);
    scheduler.setPaused(true);
    scheduler.setProfiles({slotAnHourAgo(QStringLiteral("owed"), 2)});
    QCOMPARE(due.size(), 0);
    scheduler.setPaused(false);
    QCOMPARE(due.size(), 1);
}

// A history of junk bytes: the last success cannot be read. The owed run is due once; after it
// (failed, here, and so never recorded) the schedule waits for the next slot instead of asking
// again and again, and says why. The clock is moved, not waited for.
void TestSchedule::schedulerWithAnUnreadableHistoryRunsOnce()
{
    lkt::TestHome home;
    home.applyToThisProcess();
    {
        QFile junk(lk::Catalog::defaultPath());
        QVERIFY(QDir().mkpath(QFileInfo(junk).absolutePath()));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'x'));
    }
    lk::Catalog catalog;
    QVERIFY(!catalog.open());
    lk::Scheduler scheduler(&catalog);
    QDateTime now = QDateTime::currentDateTimeUtc();
    scheduler.setClock([&now] { return now; });
    QSignalSpy due(&scheduler, &lk::Scheduler::due);
    QSignalSpy problem(&scheduler, &lk::Scheduler::historyProblemChanged);

    const lk::Profile owed = slotAnHourAgo(QStringLiteral("owed"), 2);
    scheduler.setProfiles({owed});
    QCOMPARE(due.size(), 1);
    QVERIFY(!scheduler.historyProblem().isEmpty());
    QCOMPARE(problem.size(), 1);

    scheduler.runFailed(QStringLiteral("owed"));
    for (int minutes = 1; minutes <= 120; ++minutes) {
        now = now.addSecs(60); // two hours of heartbeats and retry timers
        scheduler.evaluate();
    }
    QCOMPARE(due.size(), 1);
    const QDateTime next = scheduler.nextRun(QStringLiteral("owed"));
    QVERIFY2(next > now.addSecs(3600 * 18), qPrintable(next.toString(Qt::ISODate)));

    // A day later the next slot is due, once.
    now = next.addSecs(1);
    scheduler.evaluate();
    scheduler.evaluate();
    QCOMPARE(due.size(), 2);
}

namespace {
// 2026-11-27 at `time` in this machine's time zone (the Scheduler's), as UTC.
QDateTime localNight(const QTime &time, int dayOffset = 0)
{
    return QDateTime(QDate(2026, 11, 27).addDays(dayOffset), time, QTimeZone::systemTimeZone())
        .toUTC();
}

// A successful backup of `profile` in the history, as the job writes it.
bool recordSuccess(const lk::Catalog &catalog, const QString &profile, const QDateTime &startedUtc)
{
    return lkt::runSql(
        catalog.path(),
        QStringLiteral("INSERT INTO runs (profile, kind, started_utc, finished_utc, outcome) "
                       "VALUES ('%1', 'backup', '%2', '%3', 'succeeded')")
            .arg(profile, startedUtc.toString(Qt::ISODateWithMs),
                 startedUtc.addSecs(20).toString(Qt::ISODateWithMs))
            .toUtf8());
}
} // namespace

void TestSchedule::drillDue_data()
{
    QTest::addColumn<QDateTime>("lastDrill");
    QTest::addColumn<int>("days");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("due");
    const QTimeZone berlin("Europe/Berlin");
    auto at = [&berlin](int day, int h, int m, int s = 0) {
        return QDateTime(QDate(2026, 11, day), QTime(h, m, s), berlin).toUTC();
    };
    QTest::newRow("never drilled") << QDateTime() << 7 << at(27, 2, 0) << true;
    QTest::newRow("drills off") << QDateTime() << 0 << at(27, 2, 0) << false;
    // Last week's drill ended at 02:00:30; tonight's backup starts at 02:00:10: a week by dates.
    QTest::newRow("a week later, a little earlier in the day")
        << at(20, 2, 0, 30) << 7 << at(27, 2, 0, 10) << true;
    QTest::newRow("six days later, late at night")
        << at(20, 2, 0, 30) << 7 << at(26, 23, 59) << false;
    // 23:30 Berlin is 22:30 UTC: the local date counts, not the UTC one.
    QTest::newRow("by the local date") << at(20, 23, 30) << 1 << at(21, 0, 30) << true;
    QTest::newRow("the same local day") << at(21, 0, 30) << 1 << at(21, 23, 30) << false;
}

void TestSchedule::drillDue()
{
    QFETCH(QDateTime, lastDrill);
    QFETCH(int, days);
    QFETCH(QDateTime, now);
    QFETCH(bool, due);
    QCOMPARE(lk::Schedule::isDrillDue(lastDrill, days, now, QTimeZone("Europe/Berlin")), due);
}

// The nightly run at 02:00, its success in the history, then every heartbeat of the day with
// the clock moved on: not due again until the next night's 02:00.
void TestSchedule::schedulerNoSecondRunThatNight()
{
    lkt::TestHome home;
    home.applyToThisProcess();
    lk::Catalog catalog;
    QVERIFY(catalog.open());
    lk::Scheduler scheduler(&catalog);
    QDateTime now = localNight(QTime(1, 59, 30));
    scheduler.setClock([&now] { return now; });
    QSignalSpy due(&scheduler, &lk::Scheduler::due);

    lk::Profile p;
    p.name = QStringLiteral("nightly");
    p.databasePath = QStringLiteral("/nonexistent/db.sqlite");
    p.destination = QStringLiteral("/nonexistent/dest");
    p.at = QTime(2, 0);
    p.createdUtc = localNight(QTime(12, 0), -2);
    QVERIFY(recordSuccess(catalog, p.name, localNight(QTime(2, 0), -1))); // last night's
    scheduler.setProfiles({p});
    QCOMPARE(due.size(), 0);
    QCOMPARE(scheduler.nextRun(p.name), localNight(QTime(2, 0)));

    now = localNight(QTime(2, 0));
    scheduler.evaluate();
    QCOMPARE(due.size(), 1);
    QVERIFY(recordSuccess(catalog, p.name, now));
    now = now.addSecs(20);
    scheduler.runSucceeded(p.name);
    for (int heartbeat = 0; heartbeat < 24 * 120 - 50;
         ++heartbeat) { // every 30 s until 01:59 tomorrow
        now = now.addSecs(lk::Scheduler::kHeartbeatMs / 1000);
        scheduler.evaluate();
    }
    QCOMPARE(due.size(), 1);
    QCOMPARE(scheduler.nextRun(p.name), localNight(QTime(2, 0), 1));
    now = localNight(QTime(2, 0), 1);
    scheduler.evaluate();
    QCOMPARE(due.size(), 2);
}

// The wall clock jumps (the machine slept, the time was set): resumed() says by how much, once,
// and a slot passed meanwhile is owed once.
void TestSchedule::schedulerNoticesAClockJump()
{
    lkt::TestHome home;
    home.applyToThisProcess();
    lk::Catalog catalog;
    QVERIFY(catalog.open());
    lk::Scheduler scheduler(&catalog);
    QDateTime now = localNight(QTime(1, 0));
    scheduler.setClock([&now] { return now; });
    QSignalSpy due(&scheduler, &lk::Scheduler::due);
    QSignalSpy resumed(&scheduler, &lk::Scheduler::resumed);

    lk::Profile p;
    p.name = QStringLiteral("asleep");
    p.databasePath = QStringLiteral("/nonexistent/db.sqlite");
    p.destination = QStringLiteral("/nonexistent/dest");
    p.at = QTime(2, 0);
    p.createdUtc = localNight(QTime(12, 0), -2);
    QVERIFY(recordSuccess(catalog, p.name, localNight(QTime(2, 0), -1)));
    scheduler.setProfiles({p});
    QCOMPARE(due.size(), 0);
    QCOMPARE(resumed.size(), 0);

    now = localNight(QTime(7, 30)); // asleep from 01:00 to 07:30
    scheduler.evaluate();
    QCOMPARE(resumed.size(), 1);
    const qint64 gap = resumed.first().first().toLongLong();
    constexpr qint64 kAsleepMs = 6.5 * 3600 * 1000;
    QVERIFY2(gap > kAsleepMs - 30 * 1000 && gap <= kAsleepMs, qPrintable(QString::number(gap)));
    QCOMPARE(due.size(), 1);
    scheduler.runSucceeded(p.name);
    scheduler.evaluate();
    QCOMPARE(resumed.size(), 1);
    QCOMPARE(due.size(), 1);
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"

// Retention: which generations go, as a pure function of the names on the destination, an
// injected clock, a time zone and the policy. Every rule is a row of a table.
#include "generations/Retention.h"

#include <QTest>
#include <QTimeZone>

using lk::GenerationName;
using lk::Retention;

namespace {

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QString isoOf(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

const QString kNotJson = QStringLiteral("the manifest is not valid JSON (unterminated object)");
const QString kNoManifest = QStringLiteral("no manifest: the run that wrote it did not finish");

// An item is written "2026-10-01T02:00:00Z flags": v passed verification, f failed it,
// i incomplete (data without a manifest), d damaged (a manifest that is not valid JSON),
// n newer format, p pinned.
Retention::Item item(const QString &spec)
{
    const QString when = spec.section(QLatin1Char(' '), 0, 0);
    const QString flags = spec.section(QLatin1Char(' '), 1);
    Retention::Item it;
    it.name = GenerationName(QStringLiteral("nightly"), utc(when));
    if (flags.contains(QLatin1Char('v')))
        it.verification = Retention::Verification::Passed;
    if (flags.contains(QLatin1Char('f')))
        it.verification = Retention::Verification::Failed;
    if (flags.contains(QLatin1Char('i'))) {
        it.condition = Retention::Condition::Incomplete;
        it.problem = kNoManifest;
    }
    if (flags.contains(QLatin1Char('d'))) {
        it.condition = Retention::Condition::Damaged;
        it.problem = kNotJson;
    }
    it.newerFormat = flags.contains(QLatin1Char('n'));
    it.pinned = flags.contains(QLatin1Char('p'));
    return it;
}

// Local-time helpers for the rows that are about wall clocks.
QDateTime at(const char *zone, int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone(QByteArray(zone))).toUTC();
}

// Every night at `hour`:00 local time from `first` to `last` (inclusive), as item specs.
QStringList nightly(const char *zone, QDate first, QDate last, int hour, const QString &flags = {})
{
    QStringList specs;
    for (QDate d = first; d <= last; d = d.addDays(1)) {
        const QDateTime t(d, QTime(hour, 0), QTimeZone(QByteArray(zone)));
        specs.append(isoOf(t) + (flags.isEmpty() ? QString() : QLatin1Char(' ') + flags));
    }
    return specs;
}

QStringList timesOf(const QStringList &specs)
{
    QStringList times;
    for (const QString &s : specs)
        times.append(s.section(QLatin1Char(' '), 0, 0));
    return times;
}

// Plans `items` and checks which stay and, for "time=words" entries, that the reason for that
// item contains the words. Shared by the rows with and without --include-damaged.
void checkPlan(const QStringList &items, const QDateTime &now, const QString &zone,
               const Retention::Policy &policy, Retention::DamagedGenerations damaged,
               QStringList kept, const QStringList &reasons)
{
    QList<Retention::Item> list;
    for (const QString &spec : items)
        list.append(item(spec));
    const QTimeZone tz(zone.toLatin1());
    QVERIFY(tz.isValid());
    const auto decisions = Retention::plan(list, now, tz, policy, false, damaged);
    QCOMPARE(decisions.size(), list.size());

    QStringList actuallyKept;
    QHash<QString, QString> reasonOf;
    for (qsizetype i = 0; i < decisions.size(); ++i) {
        const auto &d = decisions.at(i);
        QVERIFY(d.name == list.at(i).name);
        const QString time = isoOf(d.name.createdUtc());
        QVERIFY2(!d.reason.isEmpty(), qPrintable(time));
        QVERIFY2(d.reason.startsWith(d.keep ? QLatin1String("kept") : QLatin1String("deleted")),
                 qPrintable(time + QStringLiteral(": ") + d.reason));
        // Only a damaged item that nothing else keeps is held by its damage, and only by default.
        QCOMPARE(d.keptDamaged, d.keep && d.reason.startsWith(QLatin1String("kept: damaged")));
        if (d.keptDamaged) {
            QCOMPARE(list.at(i).condition, Retention::Condition::Damaged);
            QCOMPARE(damaged, Retention::DamagedGenerations::Keep);
        }
        if (d.keep)
            actuallyKept.append(time);
        reasonOf.insert(time, d.reason);
    }
    actuallyKept.sort();
    kept.sort();
    QCOMPARE(actuallyKept, kept);
    for (const QString &r : reasons) {
        const QString time = r.section(QLatin1Char('='), 0, 0);
        const QString words = r.section(QLatin1Char('='), 1);
        QVERIFY2(reasonOf.contains(time), qPrintable(time));
        QVERIFY2(reasonOf.value(time).contains(words),
                 qPrintable(time + QStringLiteral(": \"") + reasonOf.value(time) +
                            QStringLiteral("\" lacks \"") + words + QLatin1Char('"')));
    }
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void plan_data();
    void plan();
    void includeDamaged_data();
    void includeDamaged();
    void keepsEverythingAfterAFailedRun();
    void decisionsFollowTheItemsOrder();
    void emptyDestination();
    void nightlySeriesAcrossBothDstChanges();
};

void TestRetention::initTestCase()
{
    QVERIFY2(QTimeZone(QByteArrayLiteral("Europe/Berlin")).isValid(), "tzdata is installed");
    QVERIFY(QTimeZone(QByteArrayLiteral("America/New_York")).isValid());
}

void TestRetention::plan_data()
{
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("keepDays");
    QTest::addColumn<int>("keepMin");
    QTest::addColumn<int>("keepMonthly");
    QTest::addColumn<QStringList>("kept"); // times of the items that stay
    // "time=words": the decision's reason for that item must contain the words.
    QTest::addColumn<QStringList>("reasons");

    const QString utcZone = QStringLiteral("UTC");
    const QString berlin = QStringLiteral("Europe/Berlin");

    // --- keep-days boundaries -------------------------------------------------------------
    QTest::newRow("exactly N days old stays, one second more goes")
        << QStringList{QStringLiteral("2026-10-31T01:00:00Z"),
                       QStringLiteral("2026-10-01T02:00:00Z"),
                       QStringLiteral("2026-10-01T01:59:59Z")}
        << utc(QStringLiteral("2026-10-31T02:00:00Z")) << utcZone << 30 << 0 << 0
        << QStringList{QStringLiteral("2026-10-31T01:00:00Z"),
                       QStringLiteral("2026-10-01T02:00:00Z")}
        << QStringList{QStringLiteral("2026-10-01T02:00:00Z=younger than 30"),
                       QStringLiteral("2026-10-01T01:59:59Z=older than 30")};
    QTest::newRow("keep-days 1") << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                                                QStringLiteral("2026-10-30T01:59:59Z")}
                                 << utc(QStringLiteral("2026-10-31T02:00:00Z")) << utcZone << 1 << 0
                                 << 0 << QStringList{QStringLiteral("2026-10-30T02:00:00Z")}
                                 << QStringList{};
    QTest::newRow("keep-days 0 keeps only the newest verified")
        << QStringList{QStringLiteral("2026-10-31T01:00:00Z"),
                       QStringLiteral("2026-10-30T01:00:00Z v"),
                       QStringLiteral("2026-10-29T01:00:00Z v")}
        << utc(QStringLiteral("2026-10-31T02:00:00Z")) << utcZone << 0 << 0 << 0
        << QStringList{QStringLiteral("2026-10-30T01:00:00Z")}
        << QStringList{QStringLiteral("2026-10-30T01:00:00Z=newest verified")};

    // --- days are calendar days in the local zone, across DST changes ----------------------
    // Autumn: now is 5 Nov 02:00 CET (01:00Z); 30 days back is 6 Oct 02:00 CEST (00:00Z), not
    // 720 hours back (01:00Z).
    QTest::newRow("DST ends inside the window")
        << QStringList{QStringLiteral("2026-11-05T00:30:00Z"),
                       QStringLiteral("2026-10-06T00:30:00Z"),
                       QStringLiteral("2026-10-06T00:00:00Z"),
                       QStringLiteral("2026-10-05T23:59:59Z")}
        << at("Europe/Berlin", 2026, 11, 5, 2, 0) << berlin << 30 << 0 << 0
        << QStringList{QStringLiteral("2026-11-05T00:30:00Z"),
                       QStringLiteral("2026-10-06T00:30:00Z"),
                       QStringLiteral("2026-10-06T00:00:00Z")}
        << QStringList{QStringLiteral("2026-10-05T23:59:59Z=older than 30")};
    // Spring: now is 10 Apr 02:00 CEST (00:00Z); 30 days back is 11 Mar 02:00 CET (01:00Z), not
    // 720 hours back (00:00Z).
    QTest::newRow("DST starts inside the window")
        << QStringList{QStringLiteral("2026-04-09T23:00:00Z"),
                       QStringLiteral("2026-03-11T01:00:00Z"),
                       QStringLiteral("2026-03-11T00:59:59Z"),
                       QStringLiteral("2026-03-11T00:30:00Z")}
        << at("Europe/Berlin", 2026, 4, 10, 2, 0) << berlin << 30 << 0 << 0
        << QStringList{QStringLiteral("2026-04-09T23:00:00Z"),
                       QStringLiteral("2026-03-11T01:00:00Z")}
        << QStringList{};
    // 30 days before 28 Apr 02:30 CEST is 29 Mar 02:30, a time that never happened in Berlin.
    // Whatever the cutoff resolves to, a day older goes and a day younger stays.
    QTest::newRow("cutoff falls into the spring-forward gap")
        << QStringList{QStringLiteral("2026-04-28T00:00:00Z"),
                       QStringLiteral("2026-03-29T05:00:00Z"),
                       QStringLiteral("2026-03-28T01:30:00Z")}
        << at("Europe/Berlin", 2026, 4, 28, 2, 30) << berlin << 30 << 0 << 0
        << QStringList{QStringLiteral("2026-04-28T00:00:00Z"),
                       QStringLiteral("2026-03-29T05:00:00Z")}
        << QStringList{};
    // 30 days before 24 Nov 02:30 CET is 25 Oct 02:30, which happened twice.
    QTest::newRow("cutoff falls into the repeated autumn hour")
        << QStringList{QStringLiteral("2026-11-24T00:00:00Z"),
                       QStringLiteral("2026-10-25T03:00:00Z"),
                       QStringLiteral("2026-10-24T01:30:00Z")}
        << at("Europe/Berlin", 2026, 11, 24, 2, 30) << berlin << 30 << 0 << 0
        << QStringList{QStringLiteral("2026-11-24T00:00:00Z"),
                       QStringLiteral("2026-10-25T03:00:00Z")}
        << QStringList{};
    QTest::newRow("another zone: New York, DST ends 1 Nov")
        << QStringList{QStringLiteral("2026-11-10T07:00:00Z"),
                       QStringLiteral("2026-10-11T06:00:00Z"),
                       QStringLiteral("2026-10-11T05:59:59Z")}
        << at("America/New_York", 2026, 11, 10, 2, 0) << QStringLiteral("America/New_York") << 30
        << 0 << 0
        << QStringList{QStringLiteral("2026-11-10T07:00:00Z"),
                       QStringLiteral("2026-10-11T06:00:00Z")}
        << QStringList{};

    // --- the two-month gap: the machine was off; keep-min keeps the newest ---------------
    QStringList july = nightly("UTC", QDate(2026, 7, 1), QDate(2026, 7, 31), 2);
    QTest::newRow("two-month gap keeps the newest keep-min")
        << july << utc(QStringLiteral("2026-10-01T02:00:00Z")) << utcZone << 30 << 7 << 0
        << timesOf(july.mid(24)) // 25..31 July
        << QStringList{QStringLiteral("2026-07-31T02:00:00Z=newest 7 good"),
                       QStringLiteral("2026-07-24T02:00:00Z=older than 30")};
    QStringList julyVerified = july;
    julyVerified[19] +=
        QStringLiteral(" v"); // 20 July, the newest verified, is not among the newest 7
    QTest::newRow("two-month gap keeps the newest verified too")
        << julyVerified << utc(QStringLiteral("2026-10-01T02:00:00Z")) << utcZone << 30 << 7 << 0
        << QStringList{QStringLiteral("2026-07-20T02:00:00Z")} + timesOf(july.mid(24))
        << QStringList{QStringLiteral("2026-07-20T02:00:00Z=newest verified")};
    QTest::newRow("two-month gap with keep-min 0 keeps nothing unverified")
        << july << utc(QStringLiteral("2026-10-01T02:00:00Z")) << utcZone << 30 << 0 << 0
        << QStringList{} << QStringList{};

    // --- keep-min against keep-days ---------------------------------------------------------
    QStringList weekly;
    for (int i = 0; i < 10; ++i)
        weekly.append(isoOf(utc(QStringLiteral("2026-10-29T02:00:00Z")).addDays(-7 * i)));
    QTest::newRow("keep-min beyond keep-days")
        << weekly << utc(QStringLiteral("2026-10-30T02:00:00Z")) << utcZone << 30 << 7 << 0
        << timesOf(weekly.mid(0, 7)) << QStringList{};
    QTest::newRow("keep-days beyond keep-min")
        << weekly << utc(QStringLiteral("2026-10-30T02:00:00Z")) << utcZone << 30 << 2 << 0
        << timesOf(weekly.mid(0, 5)) // 29 Oct back to 1 Oct: inside 30 days
        << QStringList{QStringLiteral("2026-10-15T02:00:00Z=younger than 30")};
    QTest::newRow("keep-min counts only good generations")
        << QStringList{QStringLiteral("2026-08-06T02:00:00Z d"),
                       QStringLiteral("2026-08-05T02:00:00Z f"),
                       QStringLiteral("2026-08-04T02:00:00Z i"),
                       QStringLiteral("2026-08-03T02:00:00Z n"),
                       QStringLiteral("2026-08-02T02:00:00Z"),
                       QStringLiteral("2026-08-01T02:00:00Z v"),
                       QStringLiteral("2026-07-31T02:00:00Z")}
        << utc(QStringLiteral("2026-10-01T02:00:00Z")) << utcZone << 30 << 2 << 0
        << QStringList{QStringLiteral("2026-08-06T02:00:00Z"),
                       QStringLiteral("2026-08-03T02:00:00Z"),
                       QStringLiteral("2026-08-02T02:00:00Z"),
                       QStringLiteral("2026-08-01T02:00:00Z")}
        << QStringList{QStringLiteral("2026-08-06T02:00:00Z=kept: damaged"),
                       QStringLiteral("2026-08-05T02:00:00Z=failed verification"),
                       QStringLiteral("2026-08-04T02:00:00Z=deleted: incomplete"),
                       QStringLiteral("2026-08-03T02:00:00Z=newer LiteKeep")};

    // --- incomplete and failed ones go only once older than keep-days ----------------------
    QTest::newRow("incomplete and failed wait for keep-days")
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z i"),
                       QStringLiteral("2026-10-29T02:00:00Z f"),
                       QStringLiteral("2026-10-28T02:00:00Z v"),
                       QStringLiteral("2026-09-30T02:00:00Z i"),
                       QStringLiteral("2026-09-29T02:00:00Z f")}
        << utc(QStringLiteral("2026-10-31T02:00:00Z")) << utcZone << 30 << 7 << 0
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                       QStringLiteral("2026-10-29T02:00:00Z"),
                       QStringLiteral("2026-10-28T02:00:00Z")}
        << QStringList{
               QStringLiteral("2026-09-30T02:00:00Z=deleted: incomplete, and older than 30")};

    // --- damaged ones (a manifest that does not parse or match) stay by default -------------
    QTest::newRow("damaged stays past keep-days, incomplete goes")
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z v"),
                       QStringLiteral("2026-10-29T02:00:00Z d"),
                       QStringLiteral("2026-09-01T02:00:00Z d"),
                       QStringLiteral("2026-08-01T02:00:00Z i"),
                       QStringLiteral("2020-01-01T00:00:00Z d f")}
        << utc(QStringLiteral("2026-10-31T02:00:00Z")) << utcZone << 30 << 0 << 0
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                       QStringLiteral("2026-10-29T02:00:00Z"),
                       QStringLiteral("2026-09-01T02:00:00Z"),
                       QStringLiteral("2020-01-01T00:00:00Z")}
        << QStringList{QStringLiteral("2026-10-29T02:00:00Z=younger than 30"),
                       QStringLiteral("2026-09-01T02:00:00Z=kept: damaged (") + kNotJson +
                           QStringLiteral("); remove with prune --include-damaged"),
                       QStringLiteral("2026-08-01T02:00:00Z=deleted: incomplete"),
                       QStringLiteral("2020-01-01T00:00:00Z=kept: damaged")};

    // --- never-delete rules -----------------------------------------------------------------
    QTest::newRow("newer format is never ours to delete")
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                       QStringLiteral("2020-01-01T00:00:00Z n"),
                       QStringLiteral("2020-01-02T00:00:00Z i n")}
        << utc(QStringLiteral("2026-10-31T02:00:00Z")) << utcZone << 30 << 0 << 0
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                       QStringLiteral("2020-01-01T00:00:00Z"),
                       QStringLiteral("2020-01-02T00:00:00Z")}
        << QStringList{QStringLiteral("2020-01-01T00:00:00Z=newer LiteKeep")};
    QTest::newRow("pinned stays") << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                                                 QStringLiteral("2025-01-01T00:00:00Z p")}
                                  << utc(QStringLiteral("2026-10-31T02:00:00Z")) << utcZone << 30
                                  << 0 << 0
                                  << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                                                 QStringLiteral("2025-01-01T00:00:00Z")}
                                  << QStringList{QStringLiteral("2025-01-01T00:00:00Z=pinned")};
    // The anomaly alarm pins the backup before a mass delete until the warning is dismissed.
    QTest::newRow("anomaly pin outlives keep-days and keep-min")
        << QStringList{QStringLiteral("2026-10-31T02:00:00Z v"),
                       QStringLiteral("2026-09-20T02:00:00Z v p"),
                       QStringLiteral("2026-09-19T02:00:00Z v"),
                       QStringLiteral("2026-09-18T02:00:00Z v")}
        << utc(QStringLiteral("2026-10-31T03:00:00Z")) << utcZone << 30 << 1 << 0
        << QStringList{QStringLiteral("2026-10-31T02:00:00Z"),
                       QStringLiteral("2026-09-20T02:00:00Z")}
        << QStringList{QStringLiteral("2026-09-20T02:00:00Z=pinned"),
                       QStringLiteral("2026-09-19T02:00:00Z=older than 30")};
    QTest::newRow("anomaly pin with keep-days 0 and keep-min 0")
        << QStringList{QStringLiteral("2026-10-31T02:00:00Z v"),
                       QStringLiteral("2026-10-30T02:00:00Z v p"),
                       QStringLiteral("2026-10-29T02:00:00Z v")}
        << utc(QStringLiteral("2026-10-31T03:00:00Z")) << utcZone << 0 << 0 << 0
        << QStringList{QStringLiteral("2026-10-31T02:00:00Z"),
                       QStringLiteral("2026-10-30T02:00:00Z")}
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z=pinned")};
    QTest::newRow("the same generation unpinned goes")
        << QStringList{QStringLiteral("2026-10-31T02:00:00Z v"),
                       QStringLiteral("2026-09-20T02:00:00Z v"),
                       QStringLiteral("2026-09-19T02:00:00Z v")}
        << utc(QStringLiteral("2026-10-31T03:00:00Z")) << utcZone << 30 << 1 << 0
        << QStringList{QStringLiteral("2026-10-31T02:00:00Z")}
        << QStringList{QStringLiteral("2026-09-20T02:00:00Z=older than 30")};
    QTest::newRow("dated in the future stays")
        << QStringList{QStringLiteral("2027-06-01T00:00:00Z"),
                       QStringLiteral("2026-01-01T00:00:00Z")}
        << utc(QStringLiteral("2026-10-31T02:00:00Z")) << utcZone << 30 << 0 << 0
        << QStringList{QStringLiteral("2027-06-01T00:00:00Z")}
        << QStringList{QStringLiteral("2027-06-01T00:00:00Z=future")};
    QTest::newRow("the newest verified stays when newer ones failed")
        << QStringList{QStringLiteral("2026-08-03T02:00:00Z f"),
                       QStringLiteral("2026-08-02T02:00:00Z v"),
                       QStringLiteral("2026-08-01T02:00:00Z v")}
        << utc(QStringLiteral("2026-10-01T02:00:00Z")) << utcZone << 30 << 0 << 0
        << QStringList{QStringLiteral("2026-08-02T02:00:00Z")} << QStringList{};

    // --- monthly keeps ----------------------------------------------------------------------
    QStringList twiceAMonth;
    for (int month = 6; month >= 1; --month) {
        twiceAMonth.append(
            isoOf(QDateTime(QDate(2026, month, 15), QTime(12, 0), QTimeZone::utc())));
        twiceAMonth.append(isoOf(QDateTime(QDate(2026, month, 1), QTime(12, 0), QTimeZone::utc())));
    }
    QTest::newRow("keep-monthly 3")
        << twiceAMonth << utc(QStringLiteral("2026-06-20T12:00:00Z")) << utcZone << 30 << 0 << 3
        << QStringList{QStringLiteral("2026-06-15T12:00:00Z"),
                       QStringLiteral("2026-06-01T12:00:00Z"),
                       QStringLiteral("2026-05-15T12:00:00Z"),
                       QStringLiteral("2026-04-15T12:00:00Z")}
        << QStringList{QStringLiteral("2026-04-15T12:00:00Z=newest of its month"),
                       QStringLiteral("2026-04-01T12:00:00Z=older than 30"),
                       QStringLiteral("2026-03-15T12:00:00Z=older than 30")};
    QTest::newRow("keep-monthly 0 keeps no month")
        << twiceAMonth << utc(QStringLiteral("2026-06-20T12:00:00Z")) << utcZone << 30 << 0 << 0
        << QStringList{QStringLiteral("2026-06-15T12:00:00Z"),
                       QStringLiteral("2026-06-01T12:00:00Z")}
        << QStringList{};
    QTest::newRow("keep-monthly skips a month's failed newest")
        << QStringList{QStringLiteral("2026-06-15T12:00:00Z"),
                       QStringLiteral("2026-04-20T12:00:00Z f"),
                       QStringLiteral("2026-04-10T12:00:00Z"),
                       QStringLiteral("2026-04-05T12:00:00Z")}
        << utc(QStringLiteral("2026-06-20T12:00:00Z")) << utcZone << 30 << 0 << 2
        << QStringList{QStringLiteral("2026-06-15T12:00:00Z"),
                       QStringLiteral("2026-04-10T12:00:00Z")}
        << QStringList{QStringLiteral("2026-04-10T12:00:00Z=newest of its month")};
    // 31 May 23:30Z is already 1 June in Berlin: months are local months.
    const QStringList monthEdge{
        QStringLiteral("2026-08-19T12:00:00Z"), QStringLiteral("2026-05-31T23:30:00Z"),
        QStringLiteral("2026-05-15T12:00:00Z"), QStringLiteral("2026-04-10T12:00:00Z")};
    QTest::newRow("month of a late-evening generation, Berlin")
        << monthEdge << utc(QStringLiteral("2026-08-20T12:00:00Z")) << berlin << 30 << 0 << 3
        << QStringList{QStringLiteral("2026-08-19T12:00:00Z"),
                       QStringLiteral("2026-05-31T23:30:00Z"),
                       QStringLiteral("2026-05-15T12:00:00Z")}
        << QStringList{};
    QTest::newRow("month of a late-evening generation, UTC")
        << monthEdge << utc(QStringLiteral("2026-08-20T12:00:00Z")) << utcZone << 30 << 0 << 3
        << QStringList{QStringLiteral("2026-08-19T12:00:00Z"),
                       QStringLiteral("2026-05-31T23:30:00Z"),
                       QStringLiteral("2026-04-10T12:00:00Z")}
        << QStringList{};
}

void TestRetention::plan()
{
    QFETCH(QStringList, items);
    QFETCH(QDateTime, now);
    QFETCH(QString, zone);
    QFETCH(int, keepDays);
    QFETCH(int, keepMin);
    QFETCH(int, keepMonthly);
    QFETCH(QStringList, kept);
    QFETCH(QStringList, reasons);
    checkPlan(items, now, zone, {keepDays, keepMin, keepMonthly},
              Retention::DamagedGenerations::Keep, kept, reasons);
}

// The same destinations planned twice: by default (every damaged generation stays) and with
// --include-damaged (a damaged generation goes exactly when retention would delete it).
void TestRetention::includeDamaged_data()
{
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<int>("keepMin");
    QTest::addColumn<QStringList>("keptByDefault");
    QTest::addColumn<QStringList>("keptWithDamaged");
    QTest::addColumn<QStringList>("reasonsWithDamaged");

    QTest::newRow("old damaged goes, young damaged stays")
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z v"),
                       QStringLiteral("2026-10-20T02:00:00Z d"),
                       QStringLiteral("2026-09-01T02:00:00Z d"),
                       QStringLiteral("2026-08-01T02:00:00Z")}
        << 0
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                       QStringLiteral("2026-10-20T02:00:00Z"),
                       QStringLiteral("2026-09-01T02:00:00Z")}
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                       QStringLiteral("2026-10-20T02:00:00Z")}
        << QStringList{QStringLiteral("2026-10-20T02:00:00Z=younger than 30"),
                       QStringLiteral("2026-09-01T02:00:00Z=deleted: damaged (") + kNotJson +
                           QStringLiteral("), and older than 30")};
    QTest::newRow("pinned damaged stays")
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z v"),
                       QStringLiteral("2025-01-01T00:00:00Z d p")}
        << 0
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                       QStringLiteral("2025-01-01T00:00:00Z")}
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                       QStringLiteral("2025-01-01T00:00:00Z")}
        << QStringList{QStringLiteral("2025-01-01T00:00:00Z=pinned")};
    QTest::newRow("damaged dated in the future stays")
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z v"),
                       QStringLiteral("2027-01-01T00:00:00Z d")}
        << 0
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                       QStringLiteral("2027-01-01T00:00:00Z")}
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z"),
                       QStringLiteral("2027-01-01T00:00:00Z")}
        << QStringList{QStringLiteral("2027-01-01T00:00:00Z=future")};
    // Damaged ones never hold a keep-min place, in either mode: the two newest intact stay.
    QTest::newRow("damaged never takes a keep-min place")
        << QStringList{QStringLiteral("2026-08-05T02:00:00Z d"),
                       QStringLiteral("2026-08-04T02:00:00Z"),
                       QStringLiteral("2026-08-03T02:00:00Z"),
                       QStringLiteral("2026-08-02T02:00:00Z")}
        << 2
        << QStringList{QStringLiteral("2026-08-05T02:00:00Z"),
                       QStringLiteral("2026-08-04T02:00:00Z"),
                       QStringLiteral("2026-08-03T02:00:00Z")}
        << QStringList{QStringLiteral("2026-08-04T02:00:00Z"),
                       QStringLiteral("2026-08-03T02:00:00Z")}
        << QStringList{QStringLiteral("2026-08-04T02:00:00Z=newest 2 good"),
                       QStringLiteral("2026-08-02T02:00:00Z=deleted: older than 30")};
    // Verified once, then its manifest was damaged: it is not the newest verified generation.
    QTest::newRow("the newest verified stays, not a damaged one verified before")
        << QStringList{QStringLiteral("2026-08-05T02:00:00Z d v"),
                       QStringLiteral("2026-08-04T02:00:00Z v"),
                       QStringLiteral("2026-08-03T02:00:00Z v")}
        << 0
        << QStringList{QStringLiteral("2026-08-05T02:00:00Z"),
                       QStringLiteral("2026-08-04T02:00:00Z")}
        << QStringList{QStringLiteral("2026-08-04T02:00:00Z")}
        << QStringList{QStringLiteral("2026-08-04T02:00:00Z=newest verified"),
                       QStringLiteral("2026-08-05T02:00:00Z=deleted: damaged")};
    QTest::newRow("incomplete is the same in both modes")
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z v"),
                       QStringLiteral("2026-08-01T02:00:00Z i")}
        << 0 << QStringList{QStringLiteral("2026-10-30T02:00:00Z")}
        << QStringList{QStringLiteral("2026-10-30T02:00:00Z")}
        << QStringList{QStringLiteral("2026-08-01T02:00:00Z=deleted: incomplete")};
}

void TestRetention::includeDamaged()
{
    QFETCH(QStringList, items);
    QFETCH(int, keepMin);
    QFETCH(QStringList, keptByDefault);
    QFETCH(QStringList, keptWithDamaged);
    QFETCH(QStringList, reasonsWithDamaged);
    const QDateTime now = utc(QStringLiteral("2026-10-31T02:00:00Z"));
    const Retention::Policy policy{30, keepMin, 0};

    // By default every damaged item that nothing else keeps says it is kept for its damage.
    QStringList heldByDamage;
    for (const QString &spec : std::as_const(items)) {
        const QString time = spec.section(QLatin1Char(' '), 0, 0);
        if (spec.section(QLatin1Char(' '), 1).contains(QLatin1Char('d')) &&
            keptByDefault.contains(time) && !keptWithDamaged.contains(time))
            heldByDamage.append(time + QStringLiteral("=kept: damaged (") + kNotJson +
                                QStringLiteral("); remove with prune --include-damaged"));
    }
    checkPlan(items, now, QStringLiteral("UTC"), policy, Retention::DamagedGenerations::Keep,
              keptByDefault, heldByDamage);
    if (QTest::currentTestFailed())
        return;
    checkPlan(items, now, QStringLiteral("UTC"), policy, Retention::DamagedGenerations::Prune,
              keptWithDamaged, reasonsWithDamaged);
}

void TestRetention::keepsEverythingAfterAFailedRun()
{
    QList<Retention::Item> list;
    for (const QString &spec : nightly("UTC", QDate(2026, 1, 1), QDate(2026, 3, 31), 2))
        list.append(item(spec));
    list.append(item(QStringLiteral("2025-01-01T00:00:00Z i")));
    list.append(item(QStringLiteral("2025-01-02T00:00:00Z d")));
    const QDateTime now = utc(QStringLiteral("2026-10-01T00:00:00Z"));
    const Retention::Policy policy{1, 0, 0};

    // Without the failure (and with --include-damaged) all would go: the rows are about something.
    int wouldGo = 0;
    for (const auto &d : Retention::plan(list, now, QTimeZone::utc(), policy, false,
                                         Retention::DamagedGenerations::Prune))
        wouldGo += d.keep ? 0 : 1;
    QCOMPARE(wouldGo, list.size());

    // --include-damaged does not change it: never prune after a failed run.
    for (const auto damaged :
         {Retention::DamagedGenerations::Keep, Retention::DamagedGenerations::Prune}) {
        const auto decisions = Retention::plan(list, now, QTimeZone::utc(), policy, true, damaged);
        QCOMPARE(decisions.size(), list.size());
        for (const auto &d : decisions) {
            QVERIFY(d.keep);
            QVERIFY2(d.reason.contains(QLatin1String("last backup failed")), qPrintable(d.reason));
        }
    }
}

void TestRetention::decisionsFollowTheItemsOrder()
{
    // Scrambled input: the decisions come back in the same order, judged by name time.
    const QStringList specs{
        QStringLiteral("2026-09-01T02:00:00Z"), QStringLiteral("2026-10-30T02:00:00Z"),
        QStringLiteral("2026-08-01T02:00:00Z v"), QStringLiteral("2026-10-29T02:00:00Z"),
        QStringLiteral("2026-07-01T02:00:00Z")};
    QList<Retention::Item> list;
    for (const QString &s : specs)
        list.append(item(s));
    const auto decisions = Retention::plan(list, utc(QStringLiteral("2026-10-31T02:00:00Z")),
                                           QTimeZone::utc(), {30, 2, 0}, false);
    QCOMPARE(decisions.size(), list.size());
    const QList<bool> keep{false, true, true, true, false};
    for (qsizetype i = 0; i < decisions.size(); ++i) {
        QVERIFY(decisions.at(i).name == list.at(i).name);
        QCOMPARE(decisions.at(i).keep, keep.at(i));
    }
}

void TestRetention::emptyDestination()
{
    QVERIFY(Retention::plan({}, QDateTime::currentDateTimeUtc(), QTimeZone::utc(), {}, false)
                .isEmpty());
    QVERIFY(
        Retention::plan({}, QDateTime::currentDateTimeUtc(), QTimeZone::utc(), {}, true).isEmpty());
}

// Nightly at 03:00 Berlin time (a wall time that exists exactly once on both DST-change days)
// for a year, judged at 03:00:30 every day: exactly keep-days nights stay whether or not a DST
// change lies in the window.
void TestRetention::nightlySeriesAcrossBothDstChanges()
{
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    const QStringList specs = nightly("Europe/Berlin", QDate(2026, 1, 1), QDate(2026, 12, 31), 3);
    QList<Retention::Item> list;
    for (const QString &s : specs)
        list.append(item(s));
    for (QDate day(2026, 2, 15); day <= QDate(2026, 12, 31); day = day.addDays(1)) {
        const QDateTime now = QDateTime(day, QTime(3, 0, 30), berlin).toUTC();
        QList<Retention::Item> upToNow;
        for (const auto &it : std::as_const(list)) {
            if (it.name.createdUtc() <= now)
                upToNow.append(it);
        }
        const auto decisions = Retention::plan(upToNow, now, berlin, {30, 7, 0}, false);
        int kept = 0;
        QDate oldestKept;
        for (const auto &d : decisions) {
            if (d.keep) {
                ++kept;
                const QDate local = d.name.createdUtc().toTimeZone(berlin).date();
                if (!oldestKept.isValid() || local < oldestKept)
                    oldestKept = local;
            }
        }
        // Tonight plus the 29 nights before; the night exactly 30 days ago went at 03:00:00.
        QVERIFY2(kept == 30, qPrintable(day.toString(Qt::ISODate) + QStringLiteral(": kept ") +
                                        QString::number(kept)));
        QCOMPARE(oldestKept, day.addDays(-29));
    }
}

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"

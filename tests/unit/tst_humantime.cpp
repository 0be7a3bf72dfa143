// HumanTime: relative times, generation names and the exact time, from an injected now, zone and
// locale, in English and in Japanese (through the catalogues the binary embeds), across midnight
// and both DST changes of Europe/Berlin.
#include "present/HumanTime.h"

#include <QTest>
#include <QTimeZone>
#include <QTranslator>

#include <memory>

using lk::HumanTime;

namespace {

const QTimeZone &berlin()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/Berlin"));
    return zone;
}

const QTimeZone &tokyo()
{
    static const QTimeZone zone(QByteArrayLiteral("Asia/Tokyo"));
    return zone;
}

const QLocale kEnglish(QLocale::English, QLocale::UnitedKingdom);
const QLocale kJapanese(QLocale::Japanese, QLocale::Japan);

// A wall-clock time in `zone`, as UTC (as the history and the generation names hold it).
QDateTime local(const QTimeZone &zone, int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), zone).toUTC();
}

QDateTime berlinAt(int y, int mo, int d, int h, int mi, int s = 0)
{
    return local(berlin(), y, mo, d, h, mi, s);
}

// One of the catalogues app/CMakeLists.txt compiles, installed for the test's lifetime.
std::unique_ptr<QTranslator> catalogue(const QString &language)
{
    auto translator = std::make_unique<QTranslator>();
    const QString file = QStringLiteral(LITEKEEP_QM_DIR "/litekeep_%1.qm").arg(language);
    if (!translator->load(file))
        return nullptr;
    QCoreApplication::installTranslator(translator.get());
    return translator;
}

enum class Kind
{
    Ago,
    Ahead,
    Generation,
    Exact
};

QString render(Kind kind, const HumanTime &h, const QDateTime &when)
{
    switch (kind) {
    case Kind::Ago:
        return h.ago(when);
    case Kind::Ahead:
        return h.ahead(when);
    case Kind::Generation:
        return h.generation(when);
    case Kind::Exact:
        return h.exact(when);
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(Kind)

class TestHumanTime : public QObject
{
    Q_OBJECT

private:
    void addRow(const char *name, Kind kind, const QDateTime &now, const QDateTime &when,
                const QString &expected, const QTimeZone &zone = berlin())
    {
        QTest::newRow(name) << kind << now << when << zone << expected;
    }
    void columns()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QTimeZone>("zone");
        QTest::addColumn<QString>("expected");
    }

    std::unique_ptr<QTranslator> m_english;

private Q_SLOTS:
    void initTestCase()
    {
        // The DST rows need the real rules of these zones (tzdata).
        QVERIFY2(berlin().isValid(), "the time zone Europe/Berlin exists (package tzdata)");
        QVERIFY2(tokyo().isValid(), "the time zone Asia/Tokyo exists (package tzdata)");
        // ... and the dates below are its changes: the last Sundays of March and October 2026.
        QVERIFY(!berlin().isDaylightTime(berlinAt(2026, 3, 29, 1, 59)));
        QVERIFY(berlin().isDaylightTime(berlinAt(2026, 3, 29, 3, 0)));
        QVERIFY(berlin().isDaylightTime(QDateTime(QDate(2026, 10, 25), QTime(0, 30), Qt::UTC)));
        QVERIFY(!berlin().isDaylightTime(QDateTime(QDate(2026, 10, 25), QTime(1, 30), Qt::UTC)));
        // English has its own catalogue for the plural forms ("1 minute ago", "2 minutes ago").
        m_english = catalogue(QStringLiteral("en"));
        QVERIFY2(m_english, "the English catalogue was built (litekeep_lrelease)");
    }

    void english_data()
    {
        columns();
        const QDateTime thu10 = berlinAt(2026, 12, 3, 10, 0);
        addRow("just now", Kind::Ago, thu10, thu10.addSecs(-30), QStringLiteral("just now"));
        addRow("no time at all", Kind::Ago, thu10, thu10, QStringLiteral("just now"));
        addRow("59 s", Kind::Ago, thu10, thu10.addSecs(-59), QStringLiteral("just now"));
        addRow("exactly 1 minute", Kind::Ago, thu10, thu10.addSecs(-60),
               QStringLiteral("1 minute ago"));
        addRow("2 minutes", Kind::Ago, thu10, thu10.addSecs(-150), QStringLiteral("2 minutes ago"));
        addRow("59 minutes", Kind::Ago, thu10, thu10.addSecs(-59 * 60),
               QStringLiteral("59 minutes ago"));
        addRow("59:59", Kind::Ago, thu10, thu10.addSecs(-3599), QStringLiteral("59 minutes ago"));
        addRow("exactly 1 hour", Kind::Ago, thu10, thu10.addSecs(-3600),
               QStringLiteral("1 hour ago"));
        addRow("3 hours", Kind::Ago, thu10, berlinAt(2026, 12, 3, 7, 0),
               QStringLiteral("3 hours ago"));
        addRow("today's midnight", Kind::Ago, thu10, berlinAt(2026, 12, 3, 0, 0),
               QStringLiteral("10 hours ago"));
        addRow("just before midnight", Kind::Ago, thu10, berlinAt(2026, 12, 2, 23, 59),
               QStringLiteral("yesterday at 23:59"));
        addRow("yesterday at 02:00", Kind::Ago, thu10, berlinAt(2026, 12, 2, 2, 0),
               QStringLiteral("yesterday at 02:00"));
        addRow("yesterday's midnight", Kind::Ago, thu10, berlinAt(2026, 12, 2, 0, 0),
               QStringLiteral("yesterday at 00:00"));
        addRow("2 days, not yesterday", Kind::Ago, thu10, berlinAt(2026, 12, 1, 23, 59),
               QStringLiteral("2 days ago"));
        addRow("6 days", Kind::Ago, thu10, berlinAt(2026, 11, 27, 2, 0),
               QStringLiteral("6 days ago"));
        addRow("a week: the date", Kind::Ago, thu10, berlinAt(2026, 11, 26, 10, 0),
               QStringLiteral("26 Nov 2026 10:00"));
        addRow("last year", Kind::Ago, thu10, berlinAt(2025, 12, 24, 2, 0),
               QStringLiteral("24 Dec 2025 02:00"));
        addRow("a clock ahead of ours", Kind::Ago, thu10, thu10.addSecs(300),
               QStringLiteral("3 Dec 2026 10:05"));

        // Around midnight, now on the other side.
        addRow("midnight: seconds", Kind::Ago, berlinAt(2026, 12, 4, 0, 0, 30),
               berlinAt(2026, 12, 3, 23, 59, 50), QStringLiteral("just now"));
        addRow("midnight: minutes", Kind::Ago, berlinAt(2026, 12, 4, 0, 1),
               berlinAt(2026, 12, 3, 23, 59), QStringLiteral("2 minutes ago"));
        addRow("midnight: an hour", Kind::Ago, berlinAt(2026, 12, 4, 1, 0),
               berlinAt(2026, 12, 3, 23, 0), QStringLiteral("yesterday at 23:00"));
        addRow("midnight: exactly a day", Kind::Ago, berlinAt(2026, 12, 4, 0, 0),
               berlinAt(2026, 12, 3, 0, 0), QStringLiteral("yesterday at 00:00"));
        addRow("before midnight: the same day", Kind::Ago, berlinAt(2026, 12, 3, 23, 59),
               berlinAt(2026, 12, 3, 0, 1), QStringLiteral("23 hours ago"));

        // Spring forward (29 Mar 2026, 02:00 CET → 03:00 CEST): that Sunday has 23 hours.
        // Midnight minus 24 hours would be Saturday 23:00, and call Saturday 23:30 "yesterday".
        const QDateTime mon30 = berlinAt(2026, 3, 30, 10, 0);
        addRow("spring: Saturday night is 2 days", Kind::Ago, mon30, berlinAt(2026, 3, 28, 23, 30),
               QStringLiteral("2 days ago"));
        addRow("spring: Sunday just after midnight", Kind::Ago, mon30, berlinAt(2026, 3, 29, 0, 15),
               QStringLiteral("yesterday at 00:15"));
        addRow("spring: hours are real hours", Kind::Ago, berlinAt(2026, 3, 29, 4, 0),
               berlinAt(2026, 3, 29, 1, 0), QStringLiteral("2 hours ago"));
        // Fall back (25 Oct 2026, 03:00 CEST → 02:00 CET): that Sunday has 25 hours.
        // Midnight minus 24 hours would be Sunday 01:00, and call Sunday 00:10 "2 days ago".
        const QDateTime mon26 = berlinAt(2026, 10, 26, 0, 30);
        addRow("fall: Sunday just after midnight", Kind::Ago, mon26, berlinAt(2026, 10, 25, 0, 10),
               QStringLiteral("yesterday at 00:10"));
        addRow("fall: Saturday before midnight", Kind::Ago, mon26, berlinAt(2026, 10, 24, 23, 50),
               QStringLiteral("2 days ago"));
        addRow("fall: hours are real hours", Kind::Ago, berlinAt(2026, 10, 25, 4, 0),
               berlinAt(2026, 10, 25, 1, 0), QStringLiteral("4 hours ago"));

        // The next run.
        const QDateTime thu15 = berlinAt(2026, 12, 3, 15, 0);
        addRow("due", Kind::Ahead, thu15, thu15.addSecs(30), QStringLiteral("now"));
        addRow("overdue", Kind::Ahead, thu15, thu15.addSecs(-120), QStringLiteral("now"));
        addRow("in 1 minute", Kind::Ahead, thu15, thu15.addSecs(60), QStringLiteral("in 1 minute"));
        addRow("in 59 minutes", Kind::Ahead, thu15, thu15.addSecs(59 * 60),
               QStringLiteral("in 59 minutes"));
        addRow("tonight after midnight", Kind::Ahead, thu15, berlinAt(2026, 12, 4, 2, 0),
               QStringLiteral("tonight at 02:00"));
        addRow("tonight before midnight", Kind::Ahead, thu15, berlinAt(2026, 12, 3, 20, 0),
               QStringLiteral("tonight at 20:00"));
        addRow("tonight, late in the evening", Kind::Ahead, berlinAt(2026, 12, 3, 23, 30),
               berlinAt(2026, 12, 4, 2, 0), QStringLiteral("tonight at 02:00"));
        addRow("tonight, after midnight", Kind::Ahead, berlinAt(2026, 12, 4, 0, 30),
               berlinAt(2026, 12, 4, 2, 0), QStringLiteral("tonight at 02:00"));
        addRow("tonight, at one", Kind::Ahead, berlinAt(2026, 12, 4, 1, 0),
               berlinAt(2026, 12, 4, 5, 30), QStringLiteral("tonight at 05:30"));
        addRow("today", Kind::Ahead, berlinAt(2026, 12, 3, 9, 0), berlinAt(2026, 12, 3, 14, 0),
               QStringLiteral("today at 14:00"));
        addRow("tomorrow, just after the run", Kind::Ahead, berlinAt(2026, 12, 4, 3, 0),
               berlinAt(2026, 12, 5, 2, 0), QStringLiteral("tomorrow at 02:00"));
        addRow("tomorrow afternoon", Kind::Ahead, thu15, berlinAt(2026, 12, 4, 14, 0),
               QStringLiteral("tomorrow at 14:00"));
        addRow("this week", Kind::Ahead, thu15, berlinAt(2026, 12, 8, 2, 0),
               QStringLiteral("on Tuesday at 02:00"));
        addRow("later", Kind::Ahead, thu15, berlinAt(2026, 12, 11, 2, 0),
               QStringLiteral("11 Dec 2026 02:00"));
        // 02:00 does not exist on 29 Mar 2026: the schedule runs at 03:00 CEST.
        addRow("spring: tonight", Kind::Ahead, berlinAt(2026, 3, 28, 15, 0),
               berlinAt(2026, 3, 29, 3, 0), QStringLiteral("tonight at 03:00"));

        // Generations.
        const QDateTime thu9 = berlinAt(2026, 12, 3, 9, 0);
        addRow("generation: last night", Kind::Generation, thu9, berlinAt(2026, 12, 3, 2, 0),
               QStringLiteral("Last night 02:00"));
        addRow("generation: tonight", Kind::Generation, berlinAt(2026, 12, 3, 3, 0),
               berlinAt(2026, 12, 3, 2, 0), QStringLiteral("Tonight 02:00"));
        addRow("generation: this evening", Kind::Generation, berlinAt(2026, 12, 3, 23, 0),
               berlinAt(2026, 12, 3, 22, 0), QStringLiteral("Tonight 22:00"));
        addRow("generation: today", Kind::Generation, thu9, berlinAt(2026, 12, 3, 8, 30),
               QStringLiteral("Today 08:30"));
        addRow("generation: today, in the evening", Kind::Generation, berlinAt(2026, 12, 3, 23, 0),
               berlinAt(2026, 12, 3, 11, 28), QStringLiteral("Today 11:28"));
        addRow("generation: yesterday", Kind::Generation, thu9, berlinAt(2026, 12, 2, 2, 0),
               QStringLiteral("Yesterday 02:00"));
        addRow("generation: this year", Kind::Generation, thu9, berlinAt(2026, 12, 1, 2, 0),
               QStringLiteral("Tue 1 Dec 02:00"));
        addRow("generation: last year", Kind::Generation, thu9, berlinAt(2025, 12, 2, 2, 0),
               QStringLiteral("Tue 2 Dec 2025 02:00"));
        addRow("generation: the zone is the one given", Kind::Generation,
               local(tokyo(), 2026, 12, 3, 9, 0), local(tokyo(), 2026, 12, 3, 2, 0),
               QStringLiteral("Last night 02:00"), tokyo());
        addRow("generation: after fall back", Kind::Generation, berlinAt(2026, 10, 26, 9, 0),
               berlinAt(2026, 10, 25, 0, 10), QStringLiteral("Yesterday 00:10"));

        // The exact time, for tooltips.
        addRow("exact: winter", Kind::Exact, thu9, berlinAt(2026, 12, 3, 2, 0),
               QStringLiteral("Thursday, 3 December 2026 02:00:00 CET (UTC+01:00)"));
        addRow("exact: Tokyo", Kind::Exact, thu9, local(tokyo(), 2026, 12, 3, 2, 0),
               QStringLiteral("Thursday, 3 December 2026 02:00:00 JST (UTC+09:00)"), tokyo());
        addRow("exact: UTC", Kind::Exact, thu9, QDateTime(QDate(2026, 12, 3), QTime(1, 0), Qt::UTC),
               QStringLiteral("Thursday, 3 December 2026 01:00:00 UTC"), QTimeZone::utc());
        // The hour that happens twice on 25 Oct 2026 reads differently each time.
        addRow("exact: fall, first 02:30", Kind::Exact, mon26,
               QDateTime(QDate(2026, 10, 25), QTime(0, 30), Qt::UTC),
               QStringLiteral("Sunday, 25 October 2026 02:30:00 CEST (UTC+02:00)"));
        addRow("exact: fall, second 02:30", Kind::Exact, mon26,
               QDateTime(QDate(2026, 10, 25), QTime(1, 30), Qt::UTC),
               QStringLiteral("Sunday, 25 October 2026 02:30:00 CET (UTC+01:00)"));
    }

    void english()
    {
        QFETCH(Kind, kind);
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, when);
        QFETCH(QTimeZone, zone);
        QFETCH(QString, expected);
        QCOMPARE(render(kind, HumanTime(now, zone, kEnglish), when), expected);
    }

    void absoluteFormats()
    {
        const HumanTime h(berlinAt(2026, 12, 3, 10, 0), berlin(), kEnglish);
        QCOMPARE(h.dateTime(berlinAt(2026, 11, 26, 2, 0)), QStringLiteral("26 Nov 2026 02:00"));
        QCOMPARE(h.date(QDate(2026, 11, 26)), QStringLiteral("26 Nov 2026"));
        QCOMPARE(h.time(berlinAt(2026, 11, 26, 2, 0)), QStringLiteral("02:00"));
        // The C locale's short time has seconds; ours does not.
        // An unknown time is not made up.
        QCOMPARE(h.ago(QDateTime()), QString());
        QCOMPARE(h.ahead(QDateTime()), QString());
        QCOMPARE(h.generation(QDateTime()), QString());
        QCOMPARE(h.exact(QDateTime()), QString());
        QCOMPARE(h.dateTime(QDateTime()), QString());
        const HumanTime c(berlinAt(2026, 12, 3, 10, 0), berlin(), QLocale::c());
        QCOMPARE(c.time(berlinAt(2026, 11, 26, 2, 0)), QStringLiteral("02:00"));
        QCOMPARE(c.ago(berlinAt(2026, 12, 2, 2, 0)), QStringLiteral("yesterday at 02:00"));
    }

    void japanese_data()
    {
        columns();
        const QDateTime noon = local(tokyo(), 2026, 12, 3, 12, 0);
        auto tokyoAt = [](int y, int mo, int d, int h, int mi) {
            return local(tokyo(), y, mo, d, h, mi);
        };
        const QTimeZone &jst = tokyo();
        addRow("たった今", Kind::Ago, noon, noon.addSecs(-30), QStringLiteral("たった今"), jst);
        addRow("1 分前", Kind::Ago, noon, noon.addSecs(-60), QStringLiteral("1 分前"), jst);
        addRow("59 分前", Kind::Ago, noon, noon.addSecs(-59 * 60), QStringLiteral("59 分前"), jst);
        addRow("3 時間前", Kind::Ago, noon, tokyoAt(2026, 12, 3, 9, 0), QStringLiteral("3 時間前"),
               jst);
        addRow("昨日 2:00", Kind::Ago, noon, tokyoAt(2026, 12, 2, 2, 0),
               QStringLiteral("昨日 2:00"), jst);
        addRow("昨日 23:29", Kind::Ago, tokyoAt(2026, 12, 3, 0, 30), tokyoAt(2026, 12, 2, 23, 29),
               QStringLiteral("昨日 23:29"), jst);
        addRow("3 日前", Kind::Ago, noon, tokyoAt(2026, 11, 30, 2, 0), QStringLiteral("3 日前"),
               jst);
        addRow("一週間より前", Kind::Ago, noon, tokyoAt(2026, 11, 26, 2, 0),
               QStringLiteral("2026年11月26日 2:00"), jst);
        addRow("DST: 昨日", Kind::Ago, berlinAt(2026, 10, 26, 0, 30), berlinAt(2026, 10, 25, 0, 10),
               QStringLiteral("昨日 0:10"));
        addRow("DST: 2 日前", Kind::Ago, berlinAt(2026, 3, 30, 10, 0),
               berlinAt(2026, 3, 28, 23, 30), QStringLiteral("2 日前"));

        addRow("まもなく", Kind::Ahead, noon, noon.addSecs(30), QStringLiteral("まもなく"), jst);
        addRow("10 分後", Kind::Ahead, noon, noon.addSecs(600), QStringLiteral("10 分後"), jst);
        addRow("今夜 2:00", Kind::Ahead, noon, tokyoAt(2026, 12, 4, 2, 0),
               QStringLiteral("今夜 2:00"), jst);
        addRow("今日 14:00", Kind::Ahead, noon, tokyoAt(2026, 12, 3, 14, 0),
               QStringLiteral("今日 14:00"), jst);
        addRow("明日 2:00", Kind::Ahead, tokyoAt(2026, 12, 4, 3, 0), tokyoAt(2026, 12, 5, 2, 0),
               QStringLiteral("明日 2:00"), jst);
        addRow("火曜日 2:00", Kind::Ahead, noon, tokyoAt(2026, 12, 8, 2, 0),
               QStringLiteral("火曜日 2:00"), jst);

        addRow("世代: 今夜", Kind::Generation, tokyoAt(2026, 12, 3, 3, 0),
               tokyoAt(2026, 12, 3, 2, 0), QStringLiteral("今夜 2:00"), jst);
        addRow("世代: 昨夜", Kind::Generation, noon, tokyoAt(2026, 12, 3, 2, 0),
               QStringLiteral("昨夜 2:00"), jst);
        addRow("世代: 今日", Kind::Generation, noon, tokyoAt(2026, 12, 3, 11, 28),
               QStringLiteral("今日 11:28"), jst);
        addRow("世代: 昨日", Kind::Generation, noon, tokyoAt(2026, 12, 2, 2, 0),
               QStringLiteral("昨日 2:00"), jst);
        addRow("世代: 今年", Kind::Generation, noon, tokyoAt(2026, 12, 1, 2, 0),
               QStringLiteral("12月1日(火) 2:00"), jst);
        addRow("世代: 去年", Kind::Generation, noon, tokyoAt(2025, 12, 2, 2, 0),
               QStringLiteral("2025年12月2日(火) 2:00"), jst);

        addRow("正確な時刻", Kind::Exact, noon, tokyoAt(2026, 12, 3, 2, 0),
               QStringLiteral("2026年12月3日木曜日 02:00:00 JST (UTC+09:00)"), jst);
    }

    // Until resources/translations/litekeep_ja.ts has HumanTime's phrases, this fails: it is
    // the Japanese they are meant to read as.
    void japanese()
    {
        QFETCH(Kind, kind);
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, when);
        QFETCH(QTimeZone, zone);
        QFETCH(QString, expected);
        const auto japanese = catalogue(QStringLiteral("ja"));
        QVERIFY2(japanese, "the Japanese catalogue was built (litekeep_lrelease)");
        QCOMPARE(render(kind, HumanTime(now, zone, kJapanese), when), expected);
    }
};

QTEST_GUILESS_MAIN(TestHumanTime)
#include "tst_humantime.moc"

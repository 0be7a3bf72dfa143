// GenerationName: object names of generations, and which profile names are allowed.
#include "generations/GenerationName.h"

#include <QTest>
#include <QTimeZone>

#include <ctime>

using lk::GenerationName;

class TestGenerationName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void rejects_data();
    void rejects();
    void dropsMilliseconds();
    void localDaylightSavingGap();
    void isValidProfileName_data();
    void isValidProfileName();
};

void TestGenerationName::roundTrip_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QDateTime>("created");
    QTest::addColumn<QString>("base");

    const auto utc = [](int y, int mo, int d, int h, int mi, int s) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
    };
    QTest::newRow("plain") << QStringLiteral("nightly") << utc(2026, 11, 27, 2, 0, 0)
                           << QStringLiteral("nightly-20261127T020000Z");
    QTest::newRow("dash in profile") << QStringLiteral("my-app-db") << utc(2026, 1, 2, 3, 4, 5)
                                     << QStringLiteral("my-app-db-20260102T030405Z");
    QTest::newRow("dots in profile")
        << QStringLiteral("app.v2.main") << utc(2024, 2, 29, 23, 59, 59)
        << QStringLiteral("app.v2.main-20240229T235959Z");
    QTest::newRow("profile ends like a date")
        << QStringLiteral("x-20250101T000000Z") << utc(2025, 12, 31, 0, 0, 1)
        << QStringLiteral("x-20250101T000000Z-20251231T000001Z");
    QTest::newRow("underscore, digit first")
        << QStringLiteral("1_db") << utc(1999, 12, 31, 12, 0, 0)
        << QStringLiteral("1_db-19991231T120000Z");
    // A local time is named by its UTC instant.
    QTest::newRow("non-UTC input")
        << QStringLiteral("tz")
        << QDateTime(QDate(2026, 6, 1), QTime(2, 30, 0), QTimeZone(3600 * 2))
        << QStringLiteral("tz-20260601T003000Z");
}

void TestGenerationName::roundTrip()
{
    QFETCH(QString, profile);
    QFETCH(QDateTime, created);
    QFETCH(QString, base);

    const GenerationName name(profile, created);
    QVERIFY(name.isValid());
    QCOMPARE(name.baseName(), base);
    QCOMPARE(name.dataObject(), base + QStringLiteral(".db.gz"));
    QCOMPARE(name.manifestObject(), base + QStringLiteral(".manifest.json"));

    const auto data = GenerationName::parse(name.dataObject());
    QVERIFY(data.has_value());
    QCOMPARE(data->part, GenerationName::Part::Data);
    QCOMPARE(data->name.profile(), profile);
    QCOMPARE(data->name.createdUtc(), created.toUTC());
    QCOMPARE(data->name.createdUtc().timeSpec(), Qt::UTC);
    QVERIFY(data->name == name);

    const auto manifest = GenerationName::parse(name.manifestObject());
    QVERIFY(manifest.has_value());
    QCOMPARE(manifest->part, GenerationName::Part::Manifest);
    QVERIFY(manifest->name == name);
}

void TestGenerationName::rejects_data()
{
    QTest::addColumn<QString>("object");

    QTest::newRow("empty") << QString();
    QTest::newRow("no suffix") << QStringLiteral("nightly-20261127T020000Z");
    QTest::newRow(".gz only") << QStringLiteral("nightly-20261127T020000Z.gz");
    QTest::newRow(".db only") << QStringLiteral("nightly-20261127T020000Z.db");
    QTest::newRow(".json only") << QStringLiteral("nightly-20261127T020000Z.json");
    QTest::newRow("suffix upper case") << QStringLiteral("nightly-20261127T020000Z.DB.GZ");
    QTest::newRow("suffix then more") << QStringLiteral("nightly-20261127T020000Z.db.gz.part");
    QTest::newRow("month 13, hour 25") << QStringLiteral("nightly-20261332T250000Z.db.gz");
    QTest::newRow("30 February") << QStringLiteral("nightly-20260230T000000Z.db.gz");
    QTest::newRow("29 February, no leap year") << QStringLiteral("nightly-20260229T000000Z.db.gz");
    QTest::newRow("minute 60") << QStringLiteral("nightly-20260101T006000Z.manifest.json");
    QTest::newRow("second 60") << QStringLiteral("nightly-20260101T000060Z.manifest.json");
    QTest::newRow("missing Z") << QStringLiteral("nightly-20261127T020000.db.gz");
    QTest::newRow("lower-case z") << QStringLiteral("nightly-20261127T020000z.db.gz");
    QTest::newRow("short time") << QStringLiteral("nightly-20261127T0200Z.db.gz");
    QTest::newRow("extra text after stamp") << QStringLiteral("nightly-20261127T020000Zx.db.gz");
    QTest::newRow("extra text before suffix")
        << QStringLiteral("nightly-20261127T020000Z-copy.db.gz");
    QTest::newRow("no dash") << QStringLiteral("nightly20261127T020000Z.db.gz");
    QTest::newRow("no profile") << QStringLiteral("-20261127T020000Z.db.gz");
    QTest::newRow("profile starts with dash") << QStringLiteral("-a-20261127T020000Z.db.gz");
    QTest::newRow("profile starts with dot") << QStringLiteral(".a-20261127T020000Z.db.gz");
    QTest::newRow("profile ends with dot") << QStringLiteral("a.-20261127T020000Z.db.gz");
    QTest::newRow("profile with space") << QStringLiteral("a b-20261127T020000Z.db.gz");
    QTest::newRow("profile with slash") << QStringLiteral("a/b-20261127T020000Z.db.gz");
    QTest::newRow("profile non-ASCII") << QStringLiteral("bäckup-20261127T020000Z.db.gz");
    QTest::newRow("profile 64 chars")
        << QString(QString(64, QLatin1Char('a')) + QStringLiteral("-20261127T020000Z.db.gz"));
    QTest::newRow("leading space") << QStringLiteral(" nightly-20261127T020000Z.db.gz");
    QTest::newRow("newline before suffix") << QStringLiteral("nightly-20261127T020000Z\n.db.gz");
}

void TestGenerationName::rejects()
{
    QFETCH(QString, object);
    // PCRE's '$' also matches before a final "\n"; the pattern needs '\z' (core bug).
    QVERIFY2(!GenerationName::parse(object).has_value(), qPrintable(object));
}

void TestGenerationName::dropsMilliseconds()
{
    const QDateTime created(QDate(2026, 3, 4), QTime(5, 6, 7, 890), QTimeZone::utc());
    const GenerationName name(QStringLiteral("p"), created);
    QCOMPARE(name.createdUtc().time().msec(), 0);
    const auto parsed = GenerationName::parse(name.dataObject());
    QVERIFY(parsed.has_value());
    // Equality must survive the trip through the name, which carries whole seconds.
    QVERIFY(parsed->name == name);
    QVERIFY(!GenerationName().isValid());
    QVERIFY(!GenerationName(QString(), created).isValid());
}

void TestGenerationName::localDaylightSavingGap()
{
    // Names are UTC; 02:30 on 29 March 2026 does not exist as a local time in Berlin, and a
    // name that was read as a local time first was not recognised there (found by fuzzing).
    const QByteArray zone = qgetenv("TZ");
    qputenv("TZ", "Europe/Berlin");
    tzset();
    const QString object = QStringLiteral("nightly-20260329T023000Z.db.gz");
    const auto parsed = GenerationName::parse(object);
    if (zone.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", zone);
    tzset();
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->name.createdUtc(),
             QDateTime(QDate(2026, 3, 29), QTime(2, 30, 0), QTimeZone::utc()));
    QCOMPARE(parsed->name.dataObject(), object);
}

void TestGenerationName::isValidProfileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("letters") << QStringLiteral("nightly") << true;
    QTest::newRow("one char") << QStringLiteral("a") << true;
    QTest::newRow("digit first") << QStringLiteral("9lives") << true;
    QTest::newRow("dash") << QStringLiteral("my-db") << true;
    QTest::newRow("dot inside") << QStringLiteral("app.v2") << true;
    QTest::newRow("underscore") << QStringLiteral("a_b") << true;
    QTest::newRow("ends with dash") << QStringLiteral("a-") << true;
    QTest::newRow("63 chars") << QString(63, QLatin1Char('x')) << true;
    QTest::newRow("64 chars") << QString(64, QLatin1Char('x')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dash first") << QStringLiteral("-a") << false;
    QTest::newRow("dot first") << QStringLiteral(".a") << false;
    QTest::newRow("underscore first") << QStringLiteral("_a") << false;
    QTest::newRow("ends with dot") << QStringLiteral("a.") << false;
    QTest::newRow("dot dot") << QStringLiteral("..") << false;
    QTest::newRow("space") << QStringLiteral("a b") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("backslash") << QStringLiteral("a\\b") << false;
    QTest::newRow("at sign") << QStringLiteral("a@b") << false;
    QTest::newRow("colon") << QStringLiteral("a:b") << false;
    QTest::newRow("umlaut") << QStringLiteral("bäckup") << false;
    QTest::newRow("trailing newline") << QStringLiteral("a\n") << false;
}

void TestGenerationName::isValidProfileName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(GenerationName::isValidProfileName(name), valid);
}

QTEST_GUILESS_MAIN(TestGenerationName)
#include "tst_generationname.moc"

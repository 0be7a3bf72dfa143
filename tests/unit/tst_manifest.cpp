// Manifest: the JSON that marks a generation complete; what it writes, it must read back.
#include "generations/Manifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <ctime>
#include <functional>

using lk::DatabaseInfo;
using lk::Manifest;

Q_DECLARE_METATYPE(Manifest::ParseError)

namespace {

QString hexOf(char c)
{
    return QString(64, QLatin1Char(c));
}

Manifest sample()
{
    Manifest m;
    m.createdUtc = QDateTime(QDate(2026, 11, 27), QTime(2, 0, 13), QTimeZone::utc());
    m.profile = QStringLiteral("app.v2-main");
    m.sourceFileName = QStringLiteral("データ.sqlite");
    m.sourcePathSha256 = Manifest::pathSha256(QStringLiteral("/home/büro/アプリ/データ.sqlite"));
    m.sourceMode = 0640;
    m.host = QStringLiteral("büro-pc");
    m.litekeepVersion = QStringLiteral("0.1.0");
    m.sqliteVersion = QStringLiteral("3.40.1");
    m.database.pageSize = 4096;
    m.database.pageCount = 1234567;
    m.database.journalMode = QStringLiteral("wal");
    m.database.userVersion = 42;
    m.database.applicationId = -0x7b3aa9b0; // a signed 32-bit number, as SQLite keeps it
    m.database.schemaSha256 =
        QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    m.database.rowCounts = {{QStringLiteral("notes"), 1000},
                            {QStringLiteral("顧客"), 7},
                            {QStringLiteral("注文 履歴"), 0},
                            {QStringLiteral("big"), 5'000'000'000LL}};
    m.database.integrityCheck = QStringLiteral("ok");
    m.database.integrityCheckPragma = QStringLiteral("quick_check");
    m.dbSha256 = hexOf('a');
    m.dbSize = 5'368'709'120LL; // past 32 bits
    m.gzSha256 = QStringLiteral("fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");
    m.gzSize = 123456789;
    m.compressionLevel = 9;
    return m;
}

QJsonObject sampleObject()
{
    return QJsonDocument::fromJson(sample().toJson()).object();
}

QByteArray toBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A copy of the sample with one change in a nested object.
QJsonObject withNested(const QString &section, const QString &key, const QJsonValue &value)
{
    QJsonObject root = sampleObject();
    QJsonObject inner = root.value(section).toObject();
    if (value.isUndefined())
        inner.remove(key);
    else
        inner.insert(key, value);
    root.insert(section, inner);
    return root;
}

QJsonObject without(const QString &key)
{
    QJsonObject root = sampleObject();
    root.remove(key);
    return root;
}

QJsonObject with(const QString &key, const QJsonValue &value)
{
    QJsonObject root = sampleObject();
    root.insert(key, value);
    return root;
}

} // namespace

class TestManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void roundTripDefaults();
    void sampleIsReadable();
    void notJson_data();
    void notJson();
    void wrongShape_data();
    void wrongShape();
    void newerFormat_data();
    void newerFormat();
    void createdAtAnyLocalTime();
};

void TestManifest::roundTrip()
{
    const Manifest m = sample();
    const QByteArray json = m.toJson();
    const Manifest::Parsed parsed = Manifest::fromJson(json);
    QVERIFY2(parsed.isOk(), qPrintable(parsed.message));
    QCOMPARE(parsed.error, Manifest::ParseError::None);
    QVERIFY(parsed.message.isEmpty());

    const Manifest &r = parsed.manifest;
    QCOMPARE(r.format, Manifest::kFormat);
    QCOMPARE(r.createdUtc, m.createdUtc);
    QCOMPARE(r.createdUtc.offsetFromUtc(), 0);
    QCOMPARE(r.profile, m.profile);
    QCOMPARE(r.sourceFileName, m.sourceFileName);
    QCOMPARE(r.sourcePathSha256, m.sourcePathSha256);
    QCOMPARE(r.sourceMode, 0640);
    QCOMPARE(r.host, m.host);
    QCOMPARE(r.litekeepVersion, m.litekeepVersion);
    QCOMPARE(r.sqliteVersion, m.sqliteVersion);
    QCOMPARE(r.database.pageSize, m.database.pageSize);
    QCOMPARE(r.database.pageCount, m.database.pageCount);
    QCOMPARE(r.database.journalMode, m.database.journalMode);
    QCOMPARE(r.database.userVersion, m.database.userVersion);
    QCOMPARE(r.database.applicationId, m.database.applicationId);
    QCOMPARE(r.database.schemaSha256, m.database.schemaSha256);
    QCOMPARE(r.database.rowCounts, m.database.rowCounts);
    QCOMPARE(r.database.rowCounts.value(QStringLiteral("顧客")), 7);
    QCOMPARE(r.database.rowCounts.value(QStringLiteral("big")), 5'000'000'000LL);
    QCOMPARE(r.database.integrityCheck, m.database.integrityCheck);
    QCOMPARE(r.database.integrityCheckPragma, QStringLiteral("quick_check"));
    QVERIFY(r.database == m.database);
    QCOMPARE(r.dbSha256, m.dbSha256);
    QCOMPARE(r.dbSize, m.dbSize);
    QCOMPARE(r.gzSha256, m.gzSha256);
    QCOMPARE(r.gzSize, m.gzSize);
    QCOMPARE(r.compressionLevel, m.compressionLevel);

    // Writing what was read gives the same document: nothing dropped or reinterpreted.
    QCOMPARE(r.toJson(), json);
    // The Japanese names are stored as UTF-8 text, not escaped away.
    QVERIFY(json.contains(QStringLiteral("注文 履歴").toUtf8()));
}

void TestManifest::roundTripDefaults()
{
    // Empty texts and zero sizes are legal; only their shape matters.
    Manifest m;
    m.createdUtc = QDateTime(QDate(1970, 1, 1), QTime(0, 0), QTimeZone::utc());
    m.dbSha256 = hexOf('0');
    m.gzSha256 = hexOf('f');
    const auto parsed = Manifest::fromJson(m.toJson());
    QVERIFY2(parsed.isOk(), qPrintable(parsed.message));
    QCOMPARE(parsed.manifest.toJson(), m.toJson());
    QVERIFY(parsed.manifest.database.rowCounts.isEmpty());
    QCOMPARE(parsed.manifest.dbSize, 0);
    // Manifests from before "integrity_check_pragma" have no such key, and still read.
    QVERIFY(!m.toJson().contains("integrity_check_pragma"));
    QVERIFY(parsed.manifest.database.integrityCheckPragma.isEmpty());
    // Nor "source_path_sha256" and "application_id": unknown, which is not the same as 0.
    QVERIFY(!m.toJson().contains("source_path_sha256"));
    QVERIFY(!m.toJson().contains("application_id"));
    QVERIFY(!m.toJson().contains("source_mode"));
    QCOMPARE(parsed.manifest.sourceMode, -1);
    QVERIFY(parsed.manifest.sourcePathSha256.isEmpty());
    QVERIFY(!parsed.manifest.database.applicationId.has_value());
    // An application_id of 0 is recorded: a database that sets none.
    m.database.applicationId = 0;
    const auto zero = Manifest::fromJson(m.toJson());
    QVERIFY2(zero.isOk(), qPrintable(zero.message));
    QCOMPARE(zero.manifest.database.applicationId, std::optional<qint64>(0));
    QCOMPARE(zero.manifest.toJson(), m.toJson());
}

void TestManifest::sampleIsReadable()
{
    // The shape other tools rely on: these key paths must stay stable.
    const QJsonObject o = sampleObject();
    QCOMPARE(o.value(QStringLiteral("format")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("created")).toString(), QStringLiteral("2026-11-27T02:00:13Z"));
    QCOMPARE(o.value(QStringLiteral("source_file")).toString(), QStringLiteral("データ.sqlite"));
    // The source path as a hash: a manifest names no path on this machine.
    QCOMPARE(o.value(QStringLiteral("source_path_sha256")).toString(),
             QStringLiteral("9e69ca3b254f5761255e791435487288418279d4f2ad421544ac3e0e3f0d843a"));
    QVERIFY(!sample().toJson().contains(QStringLiteral("/home/büro").toUtf8()));
    QCOMPARE(Manifest::pathSha256(QStringLiteral("/home/büro/../büro/アプリ/データ.sqlite")),
             o.value(QStringLiteral("source_path_sha256")).toString());
    QCOMPARE(o.value(QStringLiteral("database"))
                 .toObject()
                 .value(QStringLiteral("application_id"))
                 .toInteger(),
             -0x7b3aa9b0LL);
    QCOMPARE(DatabaseInfo::applicationIdText(-0x7b3aa9b0), QStringLiteral("0x84c55650"));
    QCOMPARE(DatabaseInfo::applicationIdText(0x4c4b), QStringLiteral("0x00004c4b"));
    QCOMPARE(o.value(QStringLiteral("db")).toObject().value(QStringLiteral("size")).toInteger(),
             5'368'709'120LL);
    QCOMPARE(o.value(QStringLiteral("gz")).toObject().value(QStringLiteral("level")).toInt(), 9);
    QCOMPARE(o.value(QStringLiteral("database"))
                 .toObject()
                 .value(QStringLiteral("row_counts"))
                 .toObject()
                 .value(QStringLiteral("顧客"))
                 .toInt(),
             7);
}

void TestManifest::notJson_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray valid = sample().toJson();
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("this is not a manifest");
    QTest::newRow("truncated") << valid.left(valid.size() / 2);
    QTest::newRow("trailing comma") << QByteArray("{\"format\": 1,}");
    QTest::newRow("gzip bytes") << QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8);
    QTest::newRow("two objects") << (valid + valid);
}

void TestManifest::notJson()
{
    QFETCH(QByteArray, bytes);
    const auto parsed = Manifest::fromJson(bytes);
    QVERIFY(!parsed.isOk());
    QCOMPARE(parsed.error, Manifest::ParseError::NotJson);
    QVERIFY2(parsed.message.contains(QLatin1String("not valid JSON")), qPrintable(parsed.message));
}

void TestManifest::wrongShape_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("phrase");

    const QString notObject = QStringLiteral("not a JSON object");
    const QString format = QStringLiteral("\"format\"");
    const QString sums = QStringLiteral("sizes or checksums");
    const QString dbSection = QStringLiteral("database");

    QTest::newRow("array") << QByteArray("[1, 2, 3]") << notObject;
    QTest::newRow("array of manifest")
        << QJsonDocument(QJsonArray{sampleObject()}).toJson() << notObject;
    QTest::newRow("empty object") << QByteArray("{}") << format;
    QTest::newRow("no format") << toBytes(without(QStringLiteral("format"))) << format;
    QTest::newRow("format as text")
        << toBytes(with(QStringLiteral("format"), QStringLiteral("1"))) << format;
    QTest::newRow("format 0") << toBytes(with(QStringLiteral("format"), 0)) << format;
    QTest::newRow("format -1") << toBytes(with(QStringLiteral("format"), -1)) << format;
    QTest::newRow("format 1.5") << toBytes(with(QStringLiteral("format"), 1.5)) << format;
    QTest::newRow("no created") << toBytes(without(QStringLiteral("created")))
                                << QStringLiteral("\"created\"");
    QTest::newRow("created not a time")
        << toBytes(with(QStringLiteral("created"), QStringLiteral("yesterday")))
        << QStringLiteral("creation time");
    QTest::newRow("created impossible")
        << toBytes(with(QStringLiteral("created"), QStringLiteral("2026-02-30T00:00:00Z")))
        << QStringLiteral("creation time");
    QTest::newRow("no profile") << toBytes(without(QStringLiteral("profile")))
                                << QStringLiteral("\"profile\"");
    QTest::newRow("host is a number")
        << toBytes(with(QStringLiteral("host"), 7)) << QStringLiteral("\"host\"");
    QTest::newRow("source_file null") << toBytes(with(QStringLiteral("source_file"), QJsonValue()))
                                      << QStringLiteral("\"source_file\"");
    const QString pathHash = QStringLiteral("\"source_path_sha256\"");
    QTest::newRow("source_path_sha256 is a number")
        << toBytes(with(QStringLiteral("source_path_sha256"), 7)) << pathHash;
    QTest::newRow("source_path_sha256 null")
        << toBytes(with(QStringLiteral("source_path_sha256"), QJsonValue())) << pathHash;
    QTest::newRow("source_path_sha256 empty")
        << toBytes(with(QStringLiteral("source_path_sha256"), QString())) << pathHash;
    QTest::newRow("source_path_sha256 is a path")
        << toBytes(with(QStringLiteral("source_path_sha256"), QStringLiteral("/home/op/app.db")))
        << pathHash;
    const QString mode = QStringLiteral("\"source_mode\"");
    QTest::newRow("source_mode is a number")
        << toBytes(with(QStringLiteral("source_mode"), 420)) << mode;
    QTest::newRow("source_mode not octal")
        << toBytes(with(QStringLiteral("source_mode"), QStringLiteral("0695"))) << mode;
    QTest::newRow("source_mode too long")
        << toBytes(with(QStringLiteral("source_mode"), QStringLiteral("100644"))) << mode;
    QTest::newRow("application_id is text")
        << toBytes(withNested(QStringLiteral("database"), QStringLiteral("application_id"),
                              QStringLiteral("0x1")))
        << QStringLiteral("application_id");
    QTest::newRow("application_id fractional")
        << toBytes(withNested(QStringLiteral("database"), QStringLiteral("application_id"), 1.5))
        << QStringLiteral("application_id");
    QTest::newRow("no database") << toBytes(without(QStringLiteral("database"))) << dbSection;
    QTest::newRow("database is text")
        << toBytes(with(QStringLiteral("database"), QStringLiteral("x"))) << dbSection;
    QTest::newRow("database without page_size")
        << toBytes(withNested(QStringLiteral("database"), QStringLiteral("page_size"),
                              QJsonValue::Undefined))
        << QStringLiteral("page_size");
    QTest::newRow("database page_count fractional")
        << toBytes(withNested(QStringLiteral("database"), QStringLiteral("page_count"), 2.5))
        << QStringLiteral("page_count");
    QTest::newRow("database without row_counts")
        << toBytes(withNested(QStringLiteral("database"), QStringLiteral("row_counts"),
                              QJsonValue::Undefined))
        << QStringLiteral("row_counts");
    QTest::newRow("row count is text")
        << toBytes(withNested(QStringLiteral("database"), QStringLiteral("row_counts"),
                              QJsonObject{{QStringLiteral("顧客"), QStringLiteral("7")}}))
        << QStringLiteral("顧客");
    QTest::newRow("no db") << toBytes(without(QStringLiteral("db"))) << sums;
    QTest::newRow("no gz") << toBytes(without(QStringLiteral("gz"))) << sums;
    QTest::newRow("db sha256 upper case")
        << toBytes(withNested(QStringLiteral("db"), QStringLiteral("sha256"), hexOf('A'))) << sums;
    QTest::newRow("db sha256 63 digits")
        << toBytes(withNested(QStringLiteral("db"), QStringLiteral("sha256"),
                              QString(63, QLatin1Char('a'))))
        << sums;
    QTest::newRow("gz sha256 not hex")
        << toBytes(withNested(QStringLiteral("gz"), QStringLiteral("sha256"), hexOf('g'))) << sums;
    QTest::newRow("gz sha256 is md5")
        << toBytes(withNested(QStringLiteral("gz"), QStringLiteral("sha256"),
                              QString(32, QLatin1Char('b'))))
        << sums;
    QTest::newRow("db sha256 trailing newline")
        << toBytes(withNested(QStringLiteral("db"), QStringLiteral("sha256"),
                              QString(hexOf('a') + QLatin1Char('\n'))))
        << sums;
    QTest::newRow("db size negative")
        << toBytes(withNested(QStringLiteral("db"), QStringLiteral("size"), -1)) << sums;
    QTest::newRow("gz size negative")
        << toBytes(withNested(QStringLiteral("gz"), QStringLiteral("size"), -5)) << sums;
    QTest::newRow("gz size missing")
        << toBytes(withNested(QStringLiteral("gz"), QStringLiteral("size"), QJsonValue::Undefined))
        << sums;
}

void TestManifest::wrongShape()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, phrase);
    const auto parsed = Manifest::fromJson(bytes);
    // PCRE's '$' also matches before a final "\n"; isSha256 needs '\z' (core bug).
    QCOMPARE(parsed.error, Manifest::ParseError::WrongShape);
    QVERIFY(!parsed.isOk());
    QVERIFY2(parsed.message.contains(phrase), qPrintable(parsed.message));
}

void TestManifest::newerFormat_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("format");

    QTest::newRow("format 2") << toBytes(with(QStringLiteral("format"), 2)) << 2;
    QTest::newRow("format 17") << toBytes(with(QStringLiteral("format"), 17)) << 17;
    // A newer format may change anything else: say "newer", not "broken".
    QTest::newRow("format 2, unknown shape")
        << QByteArray(R"({"format": 2, "generation": {"created": 5}})") << 2;
}

void TestManifest::newerFormat()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, format);
    const auto parsed = Manifest::fromJson(bytes);
    QVERIFY(!parsed.isOk());
    QCOMPARE(parsed.error, Manifest::ParseError::NewerFormat);
    QVERIFY2(parsed.message.contains(QStringLiteral("format %1").arg(format)),
             qPrintable(parsed.message));
    QVERIFY2(parsed.message.contains(QLatin1String("update LiteKeep")), qPrintable(parsed.message));
}

void TestManifest::createdAtAnyLocalTime()
{
    // "created" is UTC. In Berlin 02:30 on 29 March 2026 does not exist as a local time and on
    // 25 October 2026 it exists twice; neither may change how a manifest reads (the generation
    // would then look like another one). The fuzz targets run in this zone for the same reason.
    const QByteArray zone = qgetenv("TZ");
    qputenv("TZ", "Europe/Berlin");
    tzset();
    QList<QDateTime> read;
    const QList<QDateTime> written{
        QDateTime(QDate(2026, 3, 29), QTime(2, 30, 0), QTimeZone::utc()),
        QDateTime(QDate(2026, 10, 25), QTime(2, 30, 0), QTimeZone::utc())};
    for (const QDateTime &created : written) {
        Manifest m = sample();
        m.createdUtc = created;
        read.append(Manifest::fromJson(m.toJson()).manifest.createdUtc);
    }
    if (zone.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", zone);
    tzset();
    QCOMPARE(read, written);
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"

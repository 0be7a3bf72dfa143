// Generation::assemble: what a profile's folder holds, from object names, sizes and manifests.
// Only data + a matching manifest is a generation; everything else is incomplete or damaged,
// and objects that do not follow the naming pattern are not there at all.
#include "generations/Generation.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using lk::Generation;
using lk::GenerationName;
using lk::Manifest;

namespace {

constexpr qint64 kGzSize = 1000;

QDateTime timeOf(const QString &base)
{
    QDateTime t = QDateTime::fromString(base.right(16), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    t.setTimeZone(QTimeZone::utc());
    return t;
}

Manifest manifestFor(const QString &profile, const QDateTime &created)
{
    Manifest m;
    m.createdUtc = created;
    m.profile = profile;
    m.sourceFileName = QStringLiteral("cogito.db");
    m.host = QStringLiteral("host");
    m.litekeepVersion = QStringLiteral("0.1.0");
    m.sqliteVersion = QStringLiteral("3.40.1");
    m.database.pageSize = 4096;
    m.database.pageCount = 3;
    m.database.journalMode = QStringLiteral("wal");
    m.database.schemaSha256 = QString(64, QLatin1Char('c'));
    m.database.rowCounts = {{QStringLiteral("notes"), 2}};
    m.database.integrityCheck = QStringLiteral("ok");
    m.dbSha256 = QString(64, QLatin1Char('a'));
    m.dbSize = 12288;
    m.gzSha256 = QString(64, QLatin1Char('b'));
    m.gzSize = kGzSize;
    return m;
}

// The bytes of a manifest object "BASE.manifest.json" of the given kind.
QByteArray manifestBytes(const QString &base, const QString &kind)
{
    const QString profile = base.left(base.size() - 17);
    const QDateTime created = timeOf(base);
    if (kind == QLatin1String("ok"))
        return manifestFor(profile, created).toJson();
    if (kind == QLatin1String("notjson"))
        return "{\"format\": 1, \"created\": ";
    if (kind == QLatin1String("array"))
        return "[1, 2, 3]";
    if (kind == QLatin1String("noformat")) {
        QJsonObject o = QJsonDocument::fromJson(manifestFor(profile, created).toJson()).object();
        o.remove(QStringLiteral("format"));
        return QJsonDocument(o).toJson();
    }
    if (kind == QLatin1String("format99")) {
        QJsonObject o = QJsonDocument::fromJson(manifestFor(profile, created).toJson()).object();
        o.insert(QStringLiteral("format"), 99);
        o.insert(QStringLiteral("something_new"), QJsonObject{{QStringLiteral("x"), 1}});
        return QJsonDocument(o).toJson();
    }
    if (kind == QLatin1String("otherprofile"))
        return manifestFor(QStringLiteral("other"), created).toJson();
    if (kind == QLatin1String("othertime"))
        return manifestFor(profile, created.addSecs(3600)).toJson();
    if (kind == QLatin1String("empty"))
        return {};
    return "unknown kind";
}

} // namespace

class TestGeneration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void assemble_data();
    void assemble();
    void completeCarriesItsFacts();
    void newestFirst();
    void stateNames();
};

void TestGeneration::assemble_data()
{
    // objects: "NAME" or "NAME:SIZE" (size -1: the destination gave none); data objects
    // default to the size the manifests record.
    QTest::addColumn<QStringList>("objects");
    // manifests: "BASE=KIND" for the manifest bytes mirrored locally (absent: not readable).
    QTest::addColumn<QStringList>("manifests");
    // expected, newest first: "BASE|state|words in the problem".
    QTest::addColumn<QStringList>("expected");

    const QString base = QStringLiteral("default-20261127T020000Z");
    const QString data = base + QStringLiteral(".db.gz");
    const QString man = base + QStringLiteral(".manifest.json");

    QTest::newRow("complete") << QStringList{data, man} << QStringList{base + QStringLiteral("=ok")}
                              << QStringList{base + QStringLiteral("|complete|")};
    QTest::newRow("complete, size unknown") << QStringList{data + QStringLiteral(":-1"), man}
                                            << QStringList{base + QStringLiteral("=ok")}
                                            << QStringList{base + QStringLiteral("|complete|")};
    QTest::newRow("data only") << QStringList{data} << QStringList{}
                               << QStringList{base + QStringLiteral("|incomplete|no manifest")};
    QTest::newRow("manifest only")
        << QStringList{man} << QStringList{base + QStringLiteral("=ok")}
        << QStringList{base + QStringLiteral("|incomplete|data file is missing")};
    QTest::newRow("manifest not JSON")
        << QStringList{data, man} << QStringList{base + QStringLiteral("=notjson")}
        << QStringList{base + QStringLiteral("|damaged|not valid JSON")};
    QTest::newRow("manifest empty")
        << QStringList{data, man} << QStringList{base + QStringLiteral("=empty")}
        << QStringList{base + QStringLiteral("|damaged|")};
    QTest::newRow("manifest wrong shape")
        << QStringList{data, man} << QStringList{base + QStringLiteral("=array")}
        << QStringList{base + QStringLiteral("|damaged|not a JSON object")};
    QTest::newRow("manifest without format")
        << QStringList{data, man} << QStringList{base + QStringLiteral("=noformat")}
        << QStringList{base + QStringLiteral("|damaged|format")};
    QTest::newRow("manifest only, not JSON")
        << QStringList{man} << QStringList{base + QStringLiteral("=notjson")}
        << QStringList{base + QStringLiteral("|damaged|not valid JSON")};
    QTest::newRow("newer format") << QStringList{data, man}
                                  << QStringList{base + QStringLiteral("=format99")}
                                  << QStringList{base + QStringLiteral("|newer-format|format 99")};
    QTest::newRow("newer format, manifest only")
        << QStringList{man} << QStringList{base + QStringLiteral("=format99")}
        << QStringList{base + QStringLiteral("|newer-format|format 99")};
    QTest::newRow("manifest for another time")
        << QStringList{data, man} << QStringList{base + QStringLiteral("=othertime")}
        << QStringList{base + QStringLiteral("|damaged|another generation")};
    QTest::newRow("manifest for another profile")
        << QStringList{data, man} << QStringList{base + QStringLiteral("=otherprofile")}
        << QStringList{base + QStringLiteral("|damaged|another generation")};
    QTest::newRow("size mismatch, truncated")
        << QStringList{data + QStringLiteral(":999"), man}
        << QStringList{base + QStringLiteral("=ok")}
        << QStringList{base + QStringLiteral("|damaged|999 bytes")};
    QTest::newRow("size mismatch, longer")
        << QStringList{data + QStringLiteral(":1001"), man}
        << QStringList{base + QStringLiteral("=ok")}
        << QStringList{base + QStringLiteral("|damaged|1001 bytes")};
    QTest::newRow("size zero") << QStringList{data + QStringLiteral(":0"), man}
                               << QStringList{base + QStringLiteral("=ok")}
                               << QStringList{base + QStringLiteral("|damaged|0 bytes")};
    QTest::newRow("manifest listed but not mirrored")
        << QStringList{data, man} << QStringList{}
        << QStringList{base + QStringLiteral("|damaged|could not be read")};

    QTest::newRow("foreign names are ignored")
        << QStringList{QStringLiteral("notes.txt"),
                       QStringLiteral("default-latest.db.gz"),
                       QStringLiteral("default-20261332T250000Z.db.gz"),         // impossible date
                       QStringLiteral("default-20260230T020000Z.manifest.json"), // 30 February
                       QStringLiteral("default-20261127T020000.db.gz"),          // no Z
                       QStringLiteral("default-20261127T020000Z.db"),
                       QStringLiteral("default-20261127T020000Z.db.gz.partial"),
                       QStringLiteral("default-20261127T020000Z.manifest.json.bak"),
                       QStringLiteral("sub/default-20261127T020000Z.db.gz"),
                       QStringLiteral("20261127T020000Z.db.gz"),
                       QStringLiteral(".default-20261127T020000Z.db.gz"),
                       QStringLiteral("default-2026112T020000Z.db.gz"),
                       QString()}
        << QStringList{QStringLiteral("default-20260230T020000Z=ok")} << QStringList{};
    QTest::newRow("other profiles are ignored")
        << QStringList{QStringLiteral("other-20261127T020000Z.db.gz"),
                       QStringLiteral("other-20261127T020000Z.manifest.json"),
                       QStringLiteral("default-x-20261126T020000Z.db.gz"),
                       QStringLiteral("Default-20261125T020000Z.db.gz"),
                       data,
                       man}
        << QStringList{QStringLiteral("other-20261127T020000Z=ok"), base + QStringLiteral("=ok")}
        << QStringList{base + QStringLiteral("|complete|")};
    QTest::newRow("a mix, newest first")
        << QStringList{QStringLiteral("default-20261125T020000Z.manifest.json"),
                       QStringLiteral("default-20261124T020000Z.db.gz"),
                       QStringLiteral("default-20261126T020000Z.db.gz"),
                       QStringLiteral("readme.md"),
                       QStringLiteral("default-20261126T020000Z.manifest.json"),
                       QStringLiteral("default-20261125T020000Z.db.gz"),
                       QStringLiteral("default-20261127T020000Z.manifest.json"),
                       QStringLiteral("default-20261123T020000Z.manifest.json")}
        << QStringList{QStringLiteral("default-20261127T020000Z=ok"),
                       QStringLiteral("default-20261126T020000Z=ok"),
                       QStringLiteral("default-20261125T020000Z=format99"),
                       QStringLiteral("default-20261123T020000Z=array")}
        << QStringList{QStringLiteral("default-20261127T020000Z|incomplete|data file is missing"),
                       QStringLiteral("default-20261126T020000Z|complete|"),
                       QStringLiteral("default-20261125T020000Z|newer-format|format 99"),
                       QStringLiteral("default-20261124T020000Z|incomplete|no manifest"),
                       QStringLiteral("default-20261123T020000Z|damaged|not a JSON object")};
}

void TestGeneration::assemble()
{
    QFETCH(QStringList, objects);
    QFETCH(QStringList, manifests);
    QFETCH(QStringList, expected);

    QList<Generation::Object> list;
    QStringList names;
    for (const QString &spec : std::as_const(objects)) {
        Generation::Object o;
        o.name = spec.section(QLatin1Char(':'), 0, 0);
        o.size = spec.contains(QLatin1Char(':')) ? spec.section(QLatin1Char(':'), 1).toLongLong()
                 : o.name.endsWith(QLatin1String(".db.gz")) ? kGzSize
                                                            : 700;
        list.append(o);
        names.append(o.name);
    }
    QHash<QString, QByteArray> bytes;
    for (const QString &spec : std::as_const(manifests)) {
        const QString base = spec.section(QLatin1Char('='), 0, 0);
        bytes.insert(base + QStringLiteral(".manifest.json"),
                     manifestBytes(base, spec.section(QLatin1Char('='), 1)));
    }

    const QList<Generation> generations =
        Generation::assemble(QStringLiteral("default"), list, bytes);
    QStringList got;
    for (const Generation &g : generations)
        got.append(g.baseName() + QLatin1Char('|') + Generation::stateName(g.state));
    QStringList want;
    for (const QString &e : std::as_const(expected))
        want.append(e.section(QLatin1Char('|'), 0, 1));
    QCOMPARE(got, want);

    for (qsizetype i = 0; i < generations.size(); ++i) {
        const Generation &g = generations.at(i);
        const QString words = expected.at(i).section(QLatin1Char('|'), 2);
        QCOMPARE(g.name.profile(), QStringLiteral("default"));
        QVERIFY2(g.problem.contains(words),
                 qPrintable(g.baseName() + QStringLiteral(": ") + g.problem));
        // Complete means no problem at all; anything else says why.
        QCOMPARE(g.problem.isEmpty(), g.isComplete());
        QCOMPARE(g.isComplete(), g.state == Generation::State::Complete);
        if (g.isComplete()) {
            QVERIFY(g.hasData && g.hasManifest);
            QVERIFY(g.manifest.has_value());
        }
        // Every generation comes from an object of its own name.
        QVERIFY(names.contains(g.name.dataObject()) || names.contains(g.name.manifestObject()));
    }
}

void TestGeneration::completeCarriesItsFacts()
{
    const QString base = QStringLiteral("db.main-20260102T030405Z");
    const Manifest m = manifestFor(QStringLiteral("db.main"), timeOf(base));
    const QList<Generation> gs =
        Generation::assemble(QStringLiteral("db.main"),
                             {{base + QStringLiteral(".db.gz"), kGzSize, QStringLiteral("0123")},
                              {base + QStringLiteral(".manifest.json"), 800, {}}},
                             {{base + QStringLiteral(".manifest.json"), m.toJson()}});
    QCOMPARE(gs.size(), 1);
    const Generation &g = gs.first();
    QVERIFY(g.isComplete());
    QCOMPARE(g.baseName(), base);
    QCOMPARE(g.name.createdUtc(), QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc()));
    QCOMPARE(g.dataSize, kGzSize);
    QCOMPARE(g.dataMd5, QStringLiteral("0123"));
    QVERIFY(g.manifest.has_value());
    QCOMPARE(g.manifest->gzSize, kGzSize);
    QCOMPARE(g.manifest->dbSize, qint64(12288));
    QCOMPARE(g.manifest->database.pageCount, qint64(3));
    QCOMPARE(g.manifest->profile, QStringLiteral("db.main"));
}

void TestGeneration::newestFirst()
{
    // Forty generations over two years in scrambled order, plus a leftover each: the order is
    // by the time in the name, newest first.
    QList<Generation::Object> objects;
    QHash<QString, QByteArray> manifests;
    QList<QDateTime> times;
    const QDateTime start(QDate(2025, 1, 1), QTime(2, 0), QTimeZone::utc());
    for (int i = 0; i < 40; ++i)
        times.append(start.addSecs(qint64((i * 7919) % 40) * 86400 * 18 + i));
    for (const QDateTime &t : std::as_const(times)) {
        const GenerationName n(QStringLiteral("default"), t);
        objects.append({n.manifestObject(), 700, {}});
        objects.append({n.dataObject(), kGzSize, {}});
        manifests.insert(n.manifestObject(), manifestFor(QStringLiteral("default"), t).toJson());
    }
    const QList<Generation> gs =
        Generation::assemble(QStringLiteral("default"), objects, manifests);
    QCOMPARE(gs.size(), times.size());
    for (qsizetype i = 1; i < gs.size(); ++i)
        QVERIFY2(gs.at(i - 1).name.createdUtc() > gs.at(i).name.createdUtc(),
                 qPrintable(gs.at(i).baseName()));
    for (const Generation &g : gs)
        QVERIFY2(g.isComplete(), qPrintable(g.baseName() + g.problem));
}

void TestGeneration::stateNames()
{
    QCOMPARE(Generation::stateName(Generation::State::Complete), QStringLiteral("complete"));
    QCOMPARE(Generation::stateName(Generation::State::Incomplete), QStringLiteral("incomplete"));
    QCOMPARE(Generation::stateName(Generation::State::Damaged), QStringLiteral("damaged"));
    QCOMPARE(Generation::stateName(Generation::State::NewerFormat), QStringLiteral("newer-format"));
}

QTEST_GUILESS_MAIN(TestGeneration)
#include "tst_generation.moc"

// Anomaly: the rule that decides which tables lost too many rows since the previous backup.
#include "generations/Anomaly.h"

#include <QJsonObject>
#include <QTest>

using lk::Anomaly;
using Finding = Anomaly::Finding;
using Counts = QMap<QString, qint64>;

Q_DECLARE_METATYPE(Counts)

namespace {
// "notes:1204" -> {"notes", 1204}
Counts counts(const QStringList &specs)
{
    Counts map;
    for (const QString &spec : specs) {
        const qsizetype colon = spec.indexOf(QLatin1Char(':'));
        map.insert(spec.left(colon), spec.mid(colon + 1).toLongLong());
    }
    return map;
}

// "notes:1204>160" (shrank) or "notes:1204>gone" (vanished)
QString render(const Finding &f)
{
    return QStringLiteral("%1:%2>%3")
        .arg(f.table)
        .arg(f.before)
        .arg(f.kind == Finding::Kind::Vanished ? QStringLiteral("gone") : QString::number(f.after));
}
} // namespace

class TestAnomaly : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void compare_data();
    void compare();
    void customRule();
    void lostPercent_data();
    void lostPercent();
    void sentences();
    void summary();
    void jsonRoundTrip();
};

void TestAnomaly::compare_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QStringList>("findings"); // worst first

    using Specs = std::initializer_list<const char *>;
    const auto list = [](Specs specs) {
        QStringList l;
        for (const char *s : specs)
            l.append(QString::fromUtf8(s));
        return l;
    };
    const auto row = [&list](const char *name, Specs before, Specs after, Specs findings) {
        QTest::newRow(name) << list(before) << list(after) << list(findings);
    };
    row("nothing changed", {"notes:1204", "tags:30"}, {"notes:1204", "tags:30"}, {});
    row("growth is fine", {"notes:100"}, {"notes:5000"}, {});
    row("mass delete", {"notes:1204"}, {"notes:160"}, {"notes:1204>160"});
    row("exactly 20 % is not more than 20 %", {"notes:100"}, {"notes:80"}, {});
    row("just over 20 %", {"notes:100"}, {"notes:79"}, {"notes:100>79"});
    row("big table, small share", {"events:1000000"}, {"events:850000"}, {});
    row("big table, just over", {"events:1000000"}, {"events:799999"}, {"events:1000000>799999"});
    row("emptied", {"notes:5000"}, {"notes:0"}, {"notes:5000>0"});
    // The floor: ten lost rows is the smallest loss that alarms.
    row("tiny table loses one of three", {"settings:3"}, {"settings:2"}, {});
    row("tiny table emptied", {"settings:3"}, {"settings:0"}, {});
    row("nine rows emptied", {"sessions:9"}, {"sessions:0"}, {});
    row("ten rows emptied", {"sessions:10"}, {"sessions:0"}, {"sessions:10>0"});
    row("twelve to two", {"sessions:12"}, {"sessions:2"}, {"sessions:12>2"});
    row("twelve to three", {"sessions:12"}, {"sessions:3"}, {});
    // Vanished tables alarm whenever they held rows.
    row("table dropped", {"notes:1204", "tags:30"}, {"tags:30"}, {"notes:1204>gone"});
    row("small table dropped", {"settings:3"}, {}, {"settings:3>gone"});
    row("empty table dropped", {"scratch:0"}, {}, {});
    row("new table is fine", {"notes:10"}, {"notes:10", "fresh:0"}, {});
    row("renamed table", {"notes:500"}, {"notes_v2:500"}, {"notes:500>gone"});
    row("worst first, then by name", {"a:100", "b:1000", "c:50", "d:100", "e:20"},
        {"a:10", "b:100", "d:10", "e:20"}, {"b:1000>100", "a:100>10", "d:100>10", "c:50>gone"});
    row("nothing before", {}, {"notes:100"}, {});
    row("everything gone", {"notes:100", "tags:20"}, {}, {"notes:100>gone", "tags:20>gone"});
}

void TestAnomaly::compare()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QStringList, findings);
    QStringList got;
    for (const Finding &f : Anomaly::compare(counts(before), counts(after)))
        got.append(render(f));
    QCOMPARE(got, findings);
}

void TestAnomaly::customRule()
{
    Anomaly::Rule strict;
    strict.threshold = 0.05;
    strict.minimumLostRows = 1;
    QCOMPARE(Anomaly::compare(counts({QStringLiteral("settings:3")}),
                              counts({QStringLiteral("settings:2")}), strict)
                 .size(),
             1);
    QCOMPARE(Anomaly::compare(counts({QStringLiteral("notes:100")}),
                              counts({QStringLiteral("notes:94")}), strict)
                 .size(),
             1);
    QCOMPARE(Anomaly::compare(counts({QStringLiteral("notes:100")}),
                              counts({QStringLiteral("notes:95")}), strict)
                 .size(),
             0);
    Anomaly::Rule lax;
    lax.threshold = 0.5;
    QCOMPARE(Anomaly::compare(counts({QStringLiteral("notes:1204")}),
                              counts({QStringLiteral("notes:700")}), lax)
                 .size(),
             0);
    QCOMPARE(Anomaly::compare(counts({QStringLiteral("notes:1204")}),
                              counts({QStringLiteral("notes:160")}), lax)
                 .size(),
             1);
}

void TestAnomaly::lostPercent_data()
{
    QTest::addColumn<qint64>("before");
    QTest::addColumn<qint64>("after");
    QTest::addColumn<int>("percent");
    QTest::newRow("87") << qint64(1204) << qint64(160) << 87;
    QTest::newRow("all") << qint64(10) << qint64(0) << 100;
    QTest::newRow("never 100 while rows remain") << qint64(100000) << qint64(1) << 99;
    QTest::newRow("rounds") << qint64(1000) << qint64(794) << 21;
    QTest::newRow("nothing before") << qint64(0) << qint64(0) << 0;
}

void TestAnomaly::lostPercent()
{
    QFETCH(qint64, before);
    QFETCH(qint64, after);
    QFETCH(int, percent);
    QCOMPARE((Finding{Finding::Kind::Shrank, QStringLiteral("t"), before, after}.lostPercent()),
             percent);
}

void TestAnomaly::sentences()
{
    QCOMPARE(Anomaly::describe({Finding::Kind::Shrank, QStringLiteral("notes"), 1204, 160}),
             QStringLiteral(
                 "Table notes lost 87 % of its rows (1,204 → 160) since the previous backup."));
    QCOMPARE(Anomaly::describe({Finding::Kind::Vanished, QStringLiteral("notes"), 1204, 0}),
             QStringLiteral("Table notes (1,204 rows) is gone since the previous backup."));
}

void TestAnomaly::summary()
{
    const QList<Finding> one{{Finding::Kind::Shrank, QStringLiteral("notes"), 1204, 160}};
    QCOMPARE(
        Anomaly::summary(one, QStringLiteral("default-20261001T020000Z")),
        QStringLiteral("Table notes lost 87 % of its rows (1,204 → 160) since the previous backup. "
                       "The previous backup, default-20261001T020000Z, is kept until you dismiss "
                       "this warning."));
    // Without a history to pin it in, no promise is made.
    QCOMPARE(Anomaly::summary(one, {}),
             QStringLiteral(
                 "Table notes lost 87 % of its rows (1,204 → 160) since the previous backup."));
    const QList<Finding> three =
        one + QList<Finding>{{Finding::Kind::Vanished, QStringLiteral("tags"), 30, 0},
                             {Finding::Kind::Shrank, QStringLiteral("blobs"), 20, 5}};
    QCOMPARE(
        Anomaly::summary(three, QStringLiteral("G")),
        QStringLiteral("Table notes lost 87 % of its rows (1,204 → 160) since the previous backup. "
                       "2 more table(s) lost rows too: tags, blobs. "
                       "The previous backup, G, is kept until you dismiss this warning."));
    QVERIFY(Anomaly::summary({}, QStringLiteral("G")).isEmpty());
}

void TestAnomaly::jsonRoundTrip()
{
    const QList<Finding> findings{{Finding::Kind::Shrank, QStringLiteral("notes"), 1204, 160},
                                  {Finding::Kind::Vanished, QStringLiteral("ノート"), 30, 0}};
    const QJsonArray json = Anomaly::toJson(findings);
    QCOMPARE(json.size(), 2);
    QCOMPARE(json.at(0).toObject().value(QLatin1String("kind")).toString(),
             QStringLiteral("shrank"));
    QCOMPARE(json.at(0).toObject().value(QLatin1String("lost_percent")).toInt(), 87);
    QCOMPARE(json.at(1).toObject().value(QLatin1String("kind")).toString(),
             QStringLiteral("vanished"));
    QCOMPARE(Anomaly::fromJson(json), findings);
    QVERIFY(Anomaly::fromJson(QJsonArray{QJsonObject{}, 3}).isEmpty());
}

QTEST_GUILESS_MAIN(TestAnomaly)
#include "tst_anomaly.moc"

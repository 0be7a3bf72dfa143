// Pins: the anomaly pins kept on the destination, as written and as read back. A pins object
// that cannot be trusted refuses as a whole (prune then deletes nothing); its name never
// passes for a generation.
#include "generations/Generation.h"
#include "generations/GenerationName.h"
#include "generations/Pins.h"

#include <QTest>
#include <QTimeZone>

using lk::Pin;
using lk::Pins;

namespace {
const QString kProfile = QStringLiteral("default");

Pin pin(const QString &generation, const QString &pinnedBy)
{
    return {
        generation, pinnedBy, QDateTime(QDate(2026, 10, 5), QTime(2, 0, 7), QTimeZone::utc()),
        QStringLiteral("Table notes lost 90 % of its rows (300 → 30) since the previous backup.")};
}
} // namespace

class TestPins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void objectName()
    {
        QCOMPARE(Pins::objectName(kProfile), QStringLiteral("default.pins.json"));
        // Never a generation, so never listed, counted or deleted by retention.
        for (const QString &profile : {kProfile, QStringLiteral("a-20261001T020000Z"),
                                       QStringLiteral("x.db"), QStringLiteral("nightly.manifest")})
            QVERIFY2(!lk::GenerationName::parse(Pins::objectName(profile)), qPrintable(profile));
        const QList<lk::Generation> assembled =
            lk::Generation::assemble(kProfile, {{Pins::objectName(kProfile), 120, {}}}, {});
        QVERIFY(assembled.isEmpty());
    }

    void roundTrip()
    {
        const QList<Pin> pins{pin(QStringLiteral("default-20261004T020000Z"),
                                  QStringLiteral("default-20261005T020000Z")),
                              pin(QStringLiteral("default-20261002T020000Z"),
                                  QStringLiteral("default-20261003T020000Z"))};
        const QByteArray json = Pins::toJson(kProfile, pins);
        const auto parsed = Pins::parse(json, kProfile);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        // Sorted by generation: the same pins are the same bytes.
        QCOMPARE(parsed.value(), (QList<Pin>{pins.at(1), pins.at(0)}));
        QCOMPARE(Pins::toJson(kProfile, parsed.value()), json);
        QVERIFY(json.contains("\"since\": \"2026-10-05T02:00:07Z\""));

        const auto empty = Pins::parse(Pins::toJson(kProfile, {}), kProfile);
        QVERIFY(empty && empty.value().isEmpty());
    }

    void readsWhatAPersonMightWrite()
    {
        // No "since" or "reason", unknown fields, a time with an offset: still the pin.
        const auto parsed = Pins::parse(R"({"format": 1, "profile": "default", "comment": "by hand",
            "pins": [{"generation": "default-20261002T020000Z", "pinned_by": "default-20261003T020000Z",
                      "since": "2026-10-03T04:00:00+02:00", "extra": true}]})",
                                        kProfile);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed.value().size(), 1);
        QCOMPARE(parsed.value().first().generation, QStringLiteral("default-20261002T020000Z"));
        QCOMPARE(parsed.value().first().sinceUtc,
                 QDateTime(QDate(2026, 10, 3), QTime(2, 0), QTimeZone::utc()));
        QVERIFY(parsed.value().first().reason.isEmpty());
    }

    void refusesWhatItCannotTrust_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("why");
        const QByteArray pinOk =
            R"({"generation": "default-20261002T020000Z", "pinned_by": "default-20261003T020000Z"})";
        QTest::newRow("empty") << QByteArray() << "not valid JSON";
        QTest::newRow("junk") << QByteArray("\x1f\x8b\x08\x00 gzip, not JSON") << "not valid JSON";
        QTest::newRow("truncated")
            << QByteArray(R"({"format": 1, "profile": "default", "pins": [)") << "not valid JSON";
        QTest::newRow("array") << QByteArray("[1]") << "not a JSON object";
        QTest::newRow("no format")
            << QByteArray(R"({"profile": "default", "pins": []})") << "\"format\"";
        QTest::newRow("format text")
            << QByteArray(R"({"format": "1", "profile": "default", "pins": []})") << "\"format\"";
        QTest::newRow("format 1.5")
            << QByteArray(R"({"format": 1.5, "profile": "default", "pins": []})") << "\"format\"";
        QTest::newRow("format 0") << QByteArray(
                                         R"({"format": 0, "profile": "default", "pins": []})")
                                  << "format 0";
        QTest::newRow("newer") << QByteArray(R"({"format": 2, "profile": "default", "pins": []})")
                               << "newer LiteKeep (format 2)";
        QTest::newRow("other profile")
            << QByteArray(R"({"format": 1, "profile": "other", "pins": []})") << "\"other\"";
        QTest::newRow("no profile") << QByteArray(R"({"format": 1, "pins": []})") << "profile";
        QTest::newRow("no pins") << QByteArray(R"({"format": 1, "profile": "default"})")
                                 << "\"pins\"";
        QTest::newRow("pins object")
            << QByteArray(R"({"format": 1, "profile": "default", "pins": {}})") << "\"pins\"";
        QTest::newRow("pin not object")
            << QByteArray(R"({"format": 1, "profile": "default", "pins": [)" + pinOk + R"(, 3]})")
            << "pin 2 names no generation";
        QTest::newRow("no generation")
            << QByteArray(
                   R"({"format": 1, "profile": "default", "pins": [{"pinned_by": "default-20261003T020000Z"}]})")
            << "pin 1 names no generation";
        QTest::newRow("another profile's generation")
            << QByteArray(
                   R"({"format": 1, "profile": "default", "pins": [{"generation": "other-20261002T020000Z", "pinned_by": "default-20261003T020000Z"}]})")
            << "pin 1 names no generation";
        QTest::newRow("object name, not generation")
            << QByteArray(
                   R"({"format": 1, "profile": "default", "pins": [{"generation": "default-20261002T020000Z.db.gz", "pinned_by": "default-20261003T020000Z"}]})")
            << "pin 1 names no generation";
        QTest::newRow("impossible date")
            << QByteArray(
                   R"({"format": 1, "profile": "default", "pins": [{"generation": "default-20261332T020000Z", "pinned_by": "default-20261003T020000Z"}]})")
            << "pin 1 names no generation";
        QTest::newRow("no pinned_by")
            << QByteArray(
                   R"({"format": 1, "profile": "default", "pins": [{"generation": "default-20261002T020000Z"}]})")
            << "pin 1 names no warning";
        QTest::newRow("huge") << (QByteArray(
                                      R"({"format": 1, "profile": "default", "pins": [], "x": ")") +
                                  QByteArray(Pins::kMaxBytes, 'x') + "\"}")
                              << "larger than";
    }

    void refusesWhatItCannotTrust()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, why);
        const auto parsed = Pins::parse(json, kProfile);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().contains(why), qPrintable(parsed.error()));
    }
};

QTEST_GUILESS_MAIN(TestPins)
#include "tst_pins.moc"

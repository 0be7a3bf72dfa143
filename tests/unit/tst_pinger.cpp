// Pinger: healthcheck pings and the webhook against a small HTTP server on loopback, and
// what happens when the other end is slow, dead or says no.
#include "HttpRecorder.h"
#include "notify/Pinger.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using lk::JobResult;
using lk::Pinger;
using lkt::HttpRecorder;

namespace {

JobResult success()
{
    return JobResult::succeeded(
        QStringLiteral("Backed up nightly-20261127T010000Z (1.0 MB → 200 KB)."),
        {{QStringLiteral("generation"), QStringLiteral("nightly-20261127T010000Z")},
         {QStringLiteral("db_size"), 1048576},
         {QStringLiteral("gz_size"), 204800},
         {QStringLiteral("duration_ms"), 1234},
         {QStringLiteral("warnings"), QStringLiteral("not forwarded")}});
}

} // namespace

class TestPinger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withSuffix_data();
    void withSuffix();
    void payloadFields();
    void successPings();
    void failurePings();
    void emptyUrlsSendNothing();
    void webhookPostsJson();
    void httpErrorIsReported();
    void silentServerTimesOut();
    void refusedPortFailsQuickly();
};

void TestPinger::withSuffix_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("https://hc-ping.com/abc") << QStringLiteral("start")
                           << QStringLiteral("https://hc-ping.com/abc/start");
    QTest::newRow("trailing slash")
        << QStringLiteral("https://hc-ping.com/abc/") << QStringLiteral("fail")
        << QStringLiteral("https://hc-ping.com/abc/fail");
    QTest::newRow("no suffix") << QStringLiteral("https://hc-ping.com/abc") << QString()
                               << QStringLiteral("https://hc-ping.com/abc");
    QTest::newRow("query kept") << QStringLiteral("https://example.org/ping/x?token=1")
                                << QStringLiteral("start")
                                << QStringLiteral("https://example.org/ping/x/start?token=1");
    QTest::newRow("bare host") << QStringLiteral("http://127.0.0.1:8000") << QStringLiteral("fail")
                               << QStringLiteral("http://127.0.0.1:8000/fail");
}

void TestPinger::withSuffix()
{
    QFETCH(QString, url);
    QFETCH(QString, suffix);
    QFETCH(QString, expected);
    QCOMPARE(Pinger::withSuffix(QUrl(url), suffix).toString(), expected);
}

void TestPinger::payloadFields()
{
    const QJsonObject ok = Pinger::payload(QStringLiteral("nightly"), success());
    QCOMPARE(ok.value(QLatin1String("profile")).toString(), QStringLiteral("nightly"));
    QCOMPARE(ok.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(ok.value(QLatin1String("generation")).toString(),
             QStringLiteral("nightly-20261127T010000Z"));
    QCOMPARE(ok.value(QLatin1String("db_size")).toInteger(), 1048576);
    QCOMPARE(ok.value(QLatin1String("gz_size")).toInteger(), 204800);
    QCOMPARE(ok.value(QLatin1String("duration_ms")).toInteger(), 1234);
    QVERIFY(ok.value(QLatin1String("message")).toString().startsWith(QStringLiteral("Backed up")));
    QVERIFY(!ok.value(QLatin1String("host")).toString().isEmpty());
    QVERIFY(!ok.value(QLatin1String("litekeep_version")).toString().isEmpty());
    QVERIFY(
        QDateTime::fromString(ok.value(QLatin1String("time")).toString(), Qt::ISODate).isValid());
    QVERIFY(!ok.contains(QLatin1String("warnings")));

    const QJsonObject bad = Pinger::payload(QStringLiteral("nightly"),
                                            JobResult::failed(QStringLiteral("no such file")));
    QCOMPARE(bad.value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));
    QCOMPARE(bad.value(QLatin1String("message")).toString(), QStringLiteral("no such file"));
    QVERIFY(!bad.contains(QLatin1String("generation")));
    QCOMPARE(Pinger::payload(QStringLiteral("n"), JobResult::cancelled(QStringLiteral("stop")))
                 .value(QLatin1String("outcome"))
                 .toString(),
             QStringLiteral("cancelled"));
}

void TestPinger::successPings()
{
    HttpRecorder server;
    QVERIFY(server.listen());
    Pinger pinger;
    QSignalSpy idle(&pinger, &Pinger::idle);
    QSignalSpy failed(&pinger, &Pinger::requestFailed);
    const QUrl url(server.url(QStringLiteral("/ping/abc-123")));

    pinger.pingStart(url);
    QVERIFY(!pinger.isIdle());
    QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 10000);
    pinger.pingResult(url, success());
    QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 2, 10000);
    QVERIFY(pinger.isIdle());
    QCOMPARE(failed.size(), 0);

    QCOMPARE(server.paths(), (QStringList{QStringLiteral("POST /ping/abc-123/start"),
                                          QStringLiteral("POST /ping/abc-123")}));
    const HttpRecorder::Request &result = server.requests().at(1);
    QCOMPARE(QString::fromUtf8(result.body), success().message);
    QVERIFY(result.userAgent.startsWith("LiteKeep/"));
}

void TestPinger::failurePings()
{
    HttpRecorder server;
    QVERIFY(server.listen());
    Pinger pinger;
    QSignalSpy idle(&pinger, &Pinger::idle);
    const QUrl url(server.url(QStringLiteral("/ping/abc-123/")));

    pinger.pingStart(url);
    pinger.pingResult(
        url, JobResult::failed(QStringLiteral("The database file /x/c.db does not exist.")));
    QTRY_VERIFY_WITH_TIMEOUT(pinger.isIdle(), 10000);
    QVERIFY(idle.size() >= 1);
    QStringList paths = server.paths();
    paths.sort(); // two requests in flight at once: either may arrive first
    QCOMPARE(paths, (QStringList{QStringLiteral("POST /ping/abc-123/fail"),
                                 QStringLiteral("POST /ping/abc-123/start")}));
    for (const HttpRecorder::Request &r : server.requests()) {
        if (r.path.endsWith("/fail"))
            QCOMPARE(r.body, QByteArray("The database file /x/c.db does not exist."));
    }

    // A cancelled run is not a success either.
    pinger.pingResult(url, JobResult::cancelled(QStringLiteral("Cancelled.")));
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 3, 10000);
    QCOMPARE(server.requests().at(2).path, QByteArray("/ping/abc-123/fail"));
}

void TestPinger::emptyUrlsSendNothing()
{
    Pinger pinger;
    pinger.pingStart(QUrl());
    pinger.pingResult(QUrl(), success());
    pinger.webhook(QUrl(), QStringLiteral("nightly"), success());
    QVERIFY(pinger.isIdle());
}

void TestPinger::webhookPostsJson()
{
    HttpRecorder server;
    QVERIFY(server.listen());
    Pinger pinger;
    QSignalSpy failed(&pinger, &Pinger::requestFailed);
    pinger.webhook(QUrl(server.url(QStringLiteral("/hooks/litekeep?token=t"))),
                   QStringLiteral("nightly"), success());
    QTRY_VERIFY_WITH_TIMEOUT(pinger.isIdle(), 10000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(server.requests().size(), 1);
    const HttpRecorder::Request &r = server.requests().first();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/hooks/litekeep?token=t"));
    QCOMPARE(r.contentType, QByteArray("application/json"));
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(r.body, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, r.body.constData());
    QCOMPARE(json.value(QLatin1String("profile")).toString(), QStringLiteral("nightly"));
    QCOMPARE(json.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(json.value(QLatin1String("generation")).toString(),
             QStringLiteral("nightly-20261127T010000Z"));
    QCOMPARE(json.value(QLatin1String("db_size")).toInteger(), 1048576);
    QCOMPARE(json.value(QLatin1String("gz_size")).toInteger(), 204800);
}

void TestPinger::httpErrorIsReported()
{
    HttpRecorder server(500);
    QVERIFY(server.listen());
    Pinger pinger;
    QSignalSpy failed(&pinger, &Pinger::requestFailed);
    QSignalSpy idle(&pinger, &Pinger::idle);
    const QUrl url(server.url(QStringLiteral("/hook")));
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("notification to 127\\.0\\.0\\.1 failed")));
    pinger.webhook(url, QStringLiteral("nightly"), success());
    QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 10000);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toUrl(), url);
}

void TestPinger::silentServerTimesOut()
{
    HttpRecorder server(200, /*silent=*/true);
    QVERIFY(server.listen());
    Pinger pinger;
    pinger.setTimeoutMs(1500);
    QSignalSpy failed(&pinger, &Pinger::requestFailed);
    QSignalSpy idle(&pinger, &Pinger::idle);
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("notification to 127\\.0\\.0\\.1 failed")));
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("notification to 127\\.0\\.0\\.1 failed")));
    QElapsedTimer clock;
    clock.start();
    pinger.pingStart(QUrl(server.url(QStringLiteral("/ping"))));
    pinger.webhook(QUrl(server.url(QStringLiteral("/hook"))), QStringLiteral("nightly"), success());
    QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 15000);
    QVERIFY(pinger.isIdle());
    QCOMPARE(failed.size(), 2);
    QCOMPARE(server.requests().size(), 2); // they did arrive; nobody answered
    // Generous: the point is that it gives up at all, near its timeout and not Qt's defaults.
    QVERIFY2(clock.elapsed() < 12000, qPrintable(QString::number(clock.elapsed())));
}

void TestPinger::refusedPortFailsQuickly()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    } // closed again: nothing listens there now
    Pinger pinger;
    QSignalSpy failed(&pinger, &Pinger::requestFailed);
    QSignalSpy idle(&pinger, &Pinger::idle);
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("notification to 127\\.0\\.0\\.1 failed")));
    QElapsedTimer clock;
    clock.start();
    pinger.webhook(QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(port)),
                   QStringLiteral("nightly"), success());
    QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 10000);
    QCOMPARE(failed.size(), 1);
    QVERIFY2(
        failed.first().at(1).toString().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
        qPrintable(failed.first().at(1).toString()));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

QTEST_GUILESS_MAIN(TestPinger)
#include "tst_pinger.moc"

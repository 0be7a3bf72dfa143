// The real `litekeep backup` telling the outside world: healthcheck pings and the webhook,
// received by an HTTP server in this process, for success, failure and a dead endpoint.
#include "HttpRecorder.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <optional>

using namespace lkt;

class TestNotifications : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;
    QString m_dest;

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }

    // The CLI, run while this thread's event loop keeps serving HTTP.
    RunResult lkAsync(const QStringList &args, int timeoutMs = 120000)
    {
        QProcess process;
        process.setProcessEnvironment(m_env);
        process.start(QStringLiteral(LITEKEEP_BINARY), args);
        RunResult result;
        if (!process.waitForStarted(10000)) {
            result.err = process.errorString().toUtf8();
            return result;
        }
        process.closeWriteChannel();
        QElapsedTimer clock;
        clock.start();
        while (process.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs)
            QTest::qWait(20);
        if (process.state() != QProcess::NotRunning) {
            result.timedOut = true;
            process.kill();
            process.waitForFinished(5000);
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    void addProfile(const QStringList &extra)
    {
        const RunResult r = runLiteKeep(
            QStringList{QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("default"),
                        QStringLiteral("--db"), db(), QStringLiteral("--dest"), m_dest} +
                extra,
            m_env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<TestHome>();
        QVERIFY(m_home->isValid());
        m_env = m_home->environment();
        m_dest = m_home->file(QStringLiteral("backups"));
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 200));
    }

    void successPingsAndWebhook()
    {
        HttpRecorder server;
        QVERIFY(server.listen());
        addProfile({QStringLiteral("--webhook"), server.url(QStringLiteral("/hook")),
                    QStringLiteral("--ping-url"), server.url(QStringLiteral("/ping/token-5f2a"))});

        const RunResult r = lkAsync({QStringLiteral("--json"), QStringLiteral("backup")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject cli = QJsonDocument::fromJson(r.out).object();
        const QString generation = cli.value(QLatin1String("generation")).toString();
        QVERIFY(generation.startsWith(QLatin1String("default-")));

        // Everything arrived by the time the CLI exits (it waits for its notifications).
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 3, 5000);
        QVERIFY2(server.find("/ping/token-5f2a/start"),
                 qPrintable(server.paths().join(QLatin1Char(','))));
        const auto ping = server.find("/ping/token-5f2a");
        QVERIFY2(ping, qPrintable(server.paths().join(QLatin1Char(','))));
        QCOMPARE(ping->method, QByteArray("POST"));
        QVERIFY(!server.find("/ping/token-5f2a/fail"));
        // /start goes out before the run, the result after it.
        QVERIFY(server.paths().indexOf(QStringLiteral("POST /ping/token-5f2a/start")) <
                server.paths().indexOf(QStringLiteral("POST /ping/token-5f2a")));

        const auto hook = server.find("/hook");
        QVERIFY(hook);
        QCOMPARE(hook->method, QByteArray("POST"));
        QCOMPARE(hook->contentType, QByteArray("application/json"));
        const QJsonObject json = QJsonDocument::fromJson(hook->body).object();
        QCOMPARE(json.value(QLatin1String("profile")).toString(), QStringLiteral("default"));
        QCOMPARE(json.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(json.value(QLatin1String("generation")).toString(), generation);
        QCOMPARE(json.value(QLatin1String("db_size")).toInteger(),
                 cli.value(QLatin1String("db_size")).toInteger());
        QCOMPARE(json.value(QLatin1String("gz_size")).toInteger(),
                 cli.value(QLatin1String("gz_size")).toInteger());
        QVERIFY(json.value(QLatin1String("db_size")).toInteger() > 0);
        QVERIFY(json.value(QLatin1String("gz_size")).toInteger() > 0);
        QVERIFY(!json.value(QLatin1String("message")).toString().isEmpty());
        QCOMPARE(filesEndingWith(m_dest, generation + QStringLiteral(".manifest.json")).size(), 1);
    }

    void failurePingsAndWebhook()
    {
        HttpRecorder server;
        QVERIFY(server.listen());
        addProfile({QStringLiteral("--webhook"), server.url(QStringLiteral("/hook")),
                    QStringLiteral("--ping-url"), server.url(QStringLiteral("/ping/token-5f2a"))});
        QVERIFY(QFile::remove(db()));

        const RunResult r = lkAsync({QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 1);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 3, 5000);
        QVERIFY2(server.find("/ping/token-5f2a/start"),
                 qPrintable(server.paths().join(QLatin1Char(','))));
        const auto fail = server.find("/ping/token-5f2a/fail");
        QVERIFY2(fail, qPrintable(server.paths().join(QLatin1Char(','))));
        QVERIFY(!server.find("/ping/token-5f2a"));
        QVERIFY2(fail->body.contains("cogito.db"),
                 fail->body.constData()); // the reason, for the dashboard

        const auto hook = server.find("/hook");
        QVERIFY(hook);
        const QJsonObject json = QJsonDocument::fromJson(hook->body).object();
        QCOMPARE(json.value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(json.value(QLatin1String("profile")).toString(), QStringLiteral("default"));
        QVERIFY(!json.value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(!json.contains(QLatin1String("generation")));
    }

    void deadWebhookNeverFailsTheBackup_data()
    {
        QTest::addColumn<bool>("silent"); // accepts and never answers; otherwise nothing listens
        QTest::newRow("never answers") << true;
        QTest::newRow("connection refused") << false;
    }

    void deadWebhookNeverFailsTheBackup()
    {
        QFETCH(bool, silent);
        HttpRecorder deadServer(200, /*silent=*/true);
        QString hook;
        if (silent) {
            QVERIFY(deadServer.listen());
            hook = deadServer.url(QStringLiteral("/hook/token-77c1"));
        } else {
            hook = QStringLiteral("http://127.0.0.1:%1/hook/token-77c1").arg(freeTcpPort());
        }
        addProfile({QStringLiteral("--webhook"), hook, QStringLiteral("--ping-url"),
                    QString(hook).replace(QStringLiteral("/hook/"), QStringLiteral("/ping/"))});

        QElapsedTimer clock;
        clock.start();
        const RunResult r = lkAsync({QStringLiteral("backup")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.timedOut);
        // The pings give up after their own short timeout; generous bound, no hang.
        QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(filesEndingWith(m_dest, QStringLiteral(".manifest.json")).size(), 1);
        const QList<QStringList> rows = historyRows(*m_home);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().value(0), QStringLiteral("succeeded"));

        // Logged, with where it points but not the token in its path.
        QVERIFY2(r.err.contains("litekeep.notify"), r.err.constData());
        QVERIFY2(r.err.contains("notification to 127.0.0.1 failed"), r.err.constData());
        QVERIFY2(!r.err.contains("token-77c1"), r.err.constData());
        if (silent)
            QVERIFY(deadServer.requests().size() >= 1); // it did arrive; nobody answered
    }
};

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_notifications.moc"

// The real litekeep binary against real rclone and a real S3 server (s3rver) on loopback:
// backups, a plain-tools restore, S3 failures, and secrets that never leak.
#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using namespace lkt;

class TestCliS3 : public QObject
{
    Q_OBJECT

private:
    S3Server m_server{QStringLiteral("backups")};
    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }
    RunResult lk(const QStringList &args, const QByteArray &input = {}) const
    {
        return runLiteKeep(args, m_env, input);
    }
    void addProfile(const QString &dest, const QString &endpoint, const QStringList &extra = {})
    {
        const RunResult r =
            lk(QStringList{QStringLiteral("profile"), QStringLiteral("add"),
                           QStringLiteral("default"), QStringLiteral("--db"), db(),
                           QStringLiteral("--dest"), dest, QStringLiteral("--endpoint"), endpoint} +
               extra);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    void useKeys(const QString &id, const QString &secret)
    {
        m_env.insert(QStringLiteral("LITEKEEP_ACCESS_KEY_ID"), id);
        m_env.insert(QStringLiteral("LITEKEEP_SECRET_ACCESS_KEY"), secret);
    }
    // Objects s3rver stores for the bucket: it keeps each as "<key>._S3rver_object".
    QStringList storedObjects(const QString &suffix) const
    {
        return filesEndingWith(m_server.dataDir() + QLatin1Char('/') + m_server.bucket(),
                               suffix + QStringLiteral("._S3rver_object"));
    }
    // rclone run by hand, as a person restoring without LiteKeep would.
    RunResult plainRclone(const QStringList &args) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        env.insert(QStringLiteral("HOME"), m_home->path());
        env.insert(QStringLiteral("RCLONE_CONFIG_R2_TYPE"), QStringLiteral("s3"));
        env.insert(QStringLiteral("RCLONE_CONFIG_R2_PROVIDER"), QStringLiteral("Other"));
        env.insert(QStringLiteral("RCLONE_CONFIG_R2_ACCESS_KEY_ID"),
                   QLatin1String(S3Server::kAccessKey));
        env.insert(QStringLiteral("RCLONE_CONFIG_R2_SECRET_ACCESS_KEY"),
                   QLatin1String(S3Server::kSecret));
        env.insert(QStringLiteral("RCLONE_CONFIG_R2_ENDPOINT"), m_server.endpoint());
        return runProgram(QStringLiteral("rclone"),
                          QStringList{QStringLiteral("--config"), QString()} + args, env);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), "s3rver starts (scripts/bootstrap installs it)");
        QVERIFY2(qEnvironmentVariableIsSet("AWS_CA_BUNDLE"),
                 "the tests run with AWS_CA_BUNDLE set, as on the machines LiteKeep runs on");
    }

    void init()
    {
        m_home = std::make_unique<TestHome>();
        m_env = m_home->environment();
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 2000));
    }

    void backupAndRestoreWithPlainTools_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::newRow("Cloudflare (R2 settings)") << QString();
        QTest::newRow("Other") << QStringLiteral("Other");
    }
    void backupAndRestoreWithPlainTools()
    {
        QFETCH(QString, provider);
        const QString prefix =
            QStringLiteral("cogito-") + QString::number(QRandomGenerator::global()->generate());
        addProfile(QStringLiteral("s3://backups/") + prefix, m_server.endpoint(),
                   provider.isEmpty() ? QStringList{}
                                      : QStringList{QStringLiteral("--provider"), provider});
        useKeys(QLatin1String(S3Server::kAccessKey), QLatin1String(S3Server::kSecret));
        const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("backup")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString generation =
            QJsonDocument::fromJson(r.out).object().value(QLatin1String("generation")).toString();
        QVERIFY(!generation.isEmpty());

        // Listed by plain rclone: data and manifest side by side.
        const QString folder = QStringLiteral("r2:backups/%1/default/").arg(prefix);
        const RunResult listing = plainRclone({QStringLiteral("lsf"), folder});
        QCOMPARE(listing.exitCode, 0);
        QCOMPARE(QString::fromUtf8(listing.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 (QStringList{generation + QStringLiteral(".db.gz"),
                              generation + QStringLiteral(".manifest.json")}));

        // Download, check the checksum against the manifest, gunzip, compare the content.
        const QString gz = m_home->file(QStringLiteral("download.db.gz"));
        QCOMPARE(plainRclone(
                     {QStringLiteral("copyto"), folder + generation + QStringLiteral(".db.gz"), gz})
                     .exitCode,
                 0);
        const RunResult manifest = plainRclone(
            {QStringLiteral("cat"), folder + generation + QStringLiteral(".manifest.json")});
        QCOMPARE(manifest.exitCode, 0);
        const QString expectedSha = QJsonDocument::fromJson(manifest.out)
                                        .object()
                                        .value(QLatin1String("gz"))
                                        .toObject()
                                        .value(QLatin1String("sha256"))
                                        .toString();
        const RunResult sha = runProgram(QStringLiteral("sha256sum"), {gz}, m_env);
        QCOMPARE(QString::fromUtf8(sha.out).section(QLatin1Char(' '), 0, 0), expectedSha);
        const QString restored = m_home->file(QStringLiteral("restored.db"));
        QCOMPARE(runProgram(QStringLiteral("sh"),
                            {QStringLiteral("-c"), QStringLiteral("gunzip -c \"$0\" > \"$1\""), gz,
                             restored},
                            m_env)
                     .exitCode,
                 0);
        QCOMPARE(runProgram(QStringLiteral("sqlite3"),
                            {restored, QStringLiteral("PRAGMA integrity_check")}, m_env)
                     .out,
                 QByteArray("ok\n"));
        QCOMPARE(sqliteDump(restored), sqliteDump(db()));
    }

    void failures_data()
    {
        QTest::addColumn<QString>("dest");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("keyId");
        QTest::addColumn<QString>("phrase");
        const QString ok = QLatin1String(S3Server::kAccessKey);
        QTest::newRow("wrong access key")
            << QStringLiteral("s3://backups/x") << QString() << QStringLiteral("WRONGKEY")
            << QStringLiteral("rejected the access key");
        QTest::newRow("bucket missing")
            << QStringLiteral("s3://no-such-bucket/x") << QString() << ok
            << QStringLiteral("bucket \"no-such-bucket\" does not exist");
        QTest::newRow("connection refused")
            << QStringLiteral("s3://backups/x")
            << QStringLiteral("http://127.0.0.1:%1").arg(freeTcpPort()) << ok
            << QStringLiteral("refused the connection");
        QTest::newRow("DNS failure")
            << QStringLiteral("s3://backups/x") << QStringLiteral("http://litekeep-test.invalid")
            << ok << QStringLiteral("could not be found");
    }
    void failures()
    {
        QFETCH(QString, dest);
        QFETCH(QString, endpoint);
        QFETCH(QString, keyId);
        QFETCH(QString, phrase);
        addProfile(dest, endpoint.isEmpty() ? m_server.endpoint() : endpoint);
        // A good generation first, so "nothing changed" is about something.
        useKeys(QLatin1String(S3Server::kAccessKey), QLatin1String(S3Server::kSecret));
        const RunResult good = runLiteKeep(
            {QStringLiteral("--config"), m_home->file(QStringLiteral("good.ini")),
             QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("good"),
             QStringLiteral("--db"), db(), QStringLiteral("--dest"),
             QStringLiteral("s3://backups/x"), QStringLiteral("--endpoint"), m_server.endpoint()},
            m_env);
        QCOMPARE(good.exitCode, 0);
        QCOMPARE(runLiteKeep({QStringLiteral("--config"), m_home->file(QStringLiteral("good.ini")),
                              QStringLiteral("backup"), QStringLiteral("--profile"),
                              QStringLiteral("good")},
                             m_env)
                     .exitCode,
                 0);
        const QStringList before = storedObjects(QStringLiteral(".manifest.json"));
        QVERIFY(!before.isEmpty());
        useKeys(keyId, QLatin1String(S3Server::kSecret));
        QElapsedTimer clock;
        clock.start();
        const RunResult r = lk({QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(phrase.toUtf8()), r.err.constData());
        QVERIFY2(clock.elapsed() < 120000, "an unreachable destination fails in bounded time");
        useKeys(QLatin1String(S3Server::kAccessKey), QLatin1String(S3Server::kSecret));
        QCOMPARE(storedObjects(QStringLiteral(".manifest.json")), before);
        const auto rows = historyRows(*m_home);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.last().value(0), QStringLiteral("failed"));
        QVERIFY(rows.last().value(1).contains(phrase));
    }

    void missingCredentialsAreExplained()
    {
        addProfile(QStringLiteral("s3://backups/x"), m_server.endpoint());
        // No keychain can answer: no D-Bus session.
        m_env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                     QStringLiteral("unix:path=/nonexistent/bus"));
        const RunResult r = lk({QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("LITEKEEP_ACCESS_KEY_ID"), r.err.constData());
        QCOMPARE(historyRows(*m_home).last().value(0), QStringLiteral("failed"));
    }

    // Promise 5: the secret reaches rclone only through its environment.
    void secretNeverLeaks()
    {
        const QByteArray secret =
            "LkSecret-" + QByteArray::number(QRandomGenerator::global()->generate64());
        const QString log = m_home->file(QStringLiteral("wrapper.log"));
        const QString envLog = m_home->file(QStringLiteral("wrapper.env"));
        const QString rcPasswords = m_home->file(QStringLiteral("wrapper.rcpass"));
        // The wrapper records argv, whether the secret came through the environment, and the
        // rclone daemon's password (made up by LiteKeep for each run) where there is one.
        m_env.insert(
            QStringLiteral("LITEKEEP_RCLONE"),
            writeRcloneWrapper(
                m_home->path(),
                QStringLiteral("for a in \"$@\"; do printf '%s\\n' \"$a\" >> '%1'; done\n"
                               "env | grep -c '^RCLONE_CONFIG_LITEKEEP_SECRET_ACCESS_KEY=%2$' >> "
                               "'%3' || true\n"
                               "env | grep -c '^AWS_' >> '%3' || true\n"
                               "if [ -n \"$RCLONE_RC_PASS\" ]; then printf '%s\\n' "
                               "\"$RCLONE_RC_PASS\" >> '%4'; fi")
                    .arg(log, QString::fromLatin1(secret), envLog, rcPasswords)));
        addProfile(QStringLiteral("s3://backups/leak"), m_server.endpoint());
        useKeys(QLatin1String(S3Server::kAccessKey),
                QString::fromLatin1(secret)); // s3rver ignores the secret

        QList<RunResult> runs;
        QProcessEnvironment perProcess = m_env; // one rclone per operation, as without the daemon
        perProcess.insert(QStringLiteral("LITEKEEP_RCLONE_DAEMON"), QStringLiteral("0"));
        runs << lk({QStringLiteral("backup")})
             << runLiteKeep({QStringLiteral("--json"), QStringLiteral("backup")}, perProcess)
             << lk({QStringLiteral("status")})
             << lk({QStringLiteral("--json"), QStringLiteral("status")})
             << lk({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("default")});
        QCOMPARE(runs.at(0).exitCode, 0);
        QCOMPARE(runs.at(1).exitCode, 0);
        // A failing run too: wrong bucket.
        QCOMPARE(lk({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("broken"),
                     QStringLiteral("--db"), db(), QStringLiteral("--dest"),
                     QStringLiteral("s3://nobucket/x"), QStringLiteral("--endpoint"),
                     m_server.endpoint()})
                     .exitCode,
                 0);
        runs << lk(
            {QStringLiteral("backup"), QStringLiteral("--profile"), QStringLiteral("broken")});
        QCOMPARE(runs.last().exitCode, 1);

        for (const RunResult &r : runs) {
            QVERIFY2(!r.out.contains(secret), r.out.constData());
            QVERIFY2(!r.err.contains(secret), r.err.constData());
        }
        QFile argv(log);
        QVERIFY(argv.open(QIODevice::ReadOnly));
        const QByteArray arguments = argv.readAll();
        QVERIFY2(arguments.contains("rcd\n"), "the wrapper saw the daemon");
        QVERIFY2(arguments.contains("copyto\n"), "the wrapper saw the uploads");
        QVERIFY(!arguments.contains(secret));
        // The daemon's password: fresh for each run, never in argv nor in what a run printed.
        QFile passwordFile(rcPasswords);
        QVERIFY(passwordFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> passwords = passwordFile.readAll().split('\n');
        QVERIFY2(passwords.size() >= 3 && passwords.at(0).size() >= 32 &&
                     passwords.at(0) != passwords.at(1),
                 "every daemon gets a long password of its own");
        for (const QByteArray &password : passwords) {
            if (password.isEmpty())
                continue;
            QVERIFY(!arguments.contains(password));
            for (const RunResult &r : runs)
                QVERIFY(!r.out.contains(password) && !r.err.contains(password));
        }
        QFile env(envLog);
        QVERIFY(env.open(QIODevice::ReadOnly));
        const QList<QByteArray> counts = env.readAll().split('\n');
        QVERIFY2(counts.size() > 2 && counts.at(0) == "1",
                 "rclone got the secret through its environment");
        QCOMPARE(counts.at(1), QByteArray("0")); // and no AWS_* variable at all
        // Nor in any file LiteKeep wrote (settings, history, staging) or uploaded (manifests).
        QCOMPARE(filesContaining(m_home->file(QStringLiteral("config")), secret), QStringList());
        QCOMPARE(filesContaining(m_home->file(QStringLiteral("data")), secret), QStringList());
        QCOMPARE(filesContaining(m_home->file(QStringLiteral("cache")), secret), QStringList());
        QCOMPARE(filesContaining(m_server.dataDir(), secret), QStringList());
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestCliS3)
#include "tst_cli_s3.moc"

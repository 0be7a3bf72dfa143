// Credentials in a real keychain (GNOME Keyring in a private D-Bus session, see
// tests/support/with-keyring): stored by the CLI, used by a backup, never written to a file.
#include "TestSupport.h"

#include <QtTest>

using namespace lkt;

class TestKeychain : public QObject
{
    Q_OBJECT

private:
    S3Server m_server{QStringLiteral("backups")};
    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;

    RunResult lk(const QStringList &args, const QByteArray &input = {}) const
    {
        return runLiteKeep(args, m_env, input);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run through with-keyring");
        QVERIFY(m_server.start());
    }

    void init()
    {
        m_home = std::make_unique<TestHome>();
        m_env = m_home->environment();
        QVERIFY(
            makeDatabase(m_home->file(QStringLiteral("cogito.db")), QStringLiteral("wal"), 100));
        const RunResult r =
            lk({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("default"),
                QStringLiteral("--db"), m_home->file(QStringLiteral("cogito.db")),
                QStringLiteral("--dest"), QStringLiteral("s3://backups/keychain"),
                QStringLiteral("--endpoint"), m_server.endpoint()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void storeUseAndRemove()
    {
        const QByteArray secret =
            "KcSecret-" + QByteArray::number(QRandomGenerator::global()->generate64());
        RunResult r =
            lk({QStringLiteral("credentials"), QStringLiteral("set"), QStringLiteral("default")},
               QByteArray(S3Server::kAccessKey) + '\n' + secret + '\n');
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // The entry really is in the Secret Service, under service "litekeep".
        const RunResult lookup = runProgram(QStringLiteral("secret-tool"),
                                            {QStringLiteral("search"), QStringLiteral("--all"),
                                             QStringLiteral("server"), QStringLiteral("litekeep")},
                                            m_env);
        // secret-tool prints the secret on stdout and the attributes on stderr.
        QVERIFY2(lookup.text().contains(QStringLiteral("attribute.user = default:") +
                                        m_server.endpoint()),
                 qPrintable(lookup.text()));

        r = lk({QStringLiteral("backup")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains(secret) && !r.err.contains(secret));
        for (const char *sub : {"config", "data", "cache"})
            QCOMPARE(filesContaining(m_home->file(QLatin1String(sub)), secret), QStringList());

        r = lk(
            {QStringLiteral("credentials"), QStringLiteral("remove"), QStringLiteral("default")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = lk({QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("No credentials are stored"), r.err.constData());
    }

    void wrongKeyFromKeychainIsExplained()
    {
        RunResult r =
            lk({QStringLiteral("credentials"), QStringLiteral("set"), QStringLiteral("default")},
               QByteArray("NOT-A-KEY\nwhatever\n"));
        QCOMPARE(r.exitCode, 0);
        r = lk({QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("rejected the access key"), r.err.constData());
    }

    void noKeychainRefusesWithoutWritingAnything()
    {
        m_env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                     QStringLiteral("unix:path=/nonexistent/bus"));
        const QByteArray secret =
            "NoKcSecret-" + QByteArray::number(QRandomGenerator::global()->generate64());
        const RunResult r =
            lk({QStringLiteral("credentials"), QStringLiteral("set"), QStringLiteral("default")},
               QByteArray("KEY\n") + secret + '\n');
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("keychain") || r.err.contains("keyring"), r.err.constData());
        QVERIFY2(r.err.contains("LITEKEEP_ACCESS_KEY_ID"), "the headless route is offered");
        QCOMPARE(filesContaining(m_home->path(), secret), QStringList());
    }

    void badInput()
    {
        RunResult r =
            lk({QStringLiteral("credentials"), QStringLiteral("set"), QStringLiteral("default")},
               QByteArray("only-one-line\n"));
        QCOMPARE(r.exitCode, 2);
        r = lk({QStringLiteral("credentials"), QStringLiteral("set"), QStringLiteral("nope")},
               QByteArray("a\nb\n"));
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"

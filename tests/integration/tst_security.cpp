// Security promises with the real binary, rclone and s3rver: TLS is always verified (a self-signed
// server is refused unless its authority is given with --ca-cert), and a secret never leaves
// rclone's environment whatever verb runs (failures and debug output included), while the files
// LiteKeep keeps for itself are private. (Restores that might write elsewhere: tst_restore_paths.)
#include "S3CliFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using namespace lkt;

namespace {

QString sentence(const RunResult &r)
{
    const QStringList lines = QString::fromUtf8(r.err).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("litekeep: ")))
            return line.mid(10);
    }
    return {};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "0600"-style mode of a file.
QString modeOf(const QString &path)
{
    const RunResult r =
        runProgram(QStringLiteral("stat"), {QStringLiteral("-c"), QStringLiteral("%a"), path},
                   QProcessEnvironment::systemEnvironment());
    return QString::fromUtf8(r.out).trimmed();
}

} // namespace

class TestSecurity : public QObject, public S3CliFixture
{
    Q_OBJECT

private:
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), "s3rver starts (scripts/bootstrap installs it)");
    }

    void init() { QVERIFY(freshHome(QStringLiteral("sec"))); }

    // A server with a self-signed certificate: refused by default, whatever the environment says;
    // accepted only once its certificate is given with --ca-cert; refused again for another one.
    void tlsIsAlwaysVerified()
    {
        QTemporaryDir certs;
        QTemporaryDir otherCerts;
        QVERIFY(makeSelfSignedCertificate(certs.path()));
        QVERIFY(makeSelfSignedCertificate(otherCerts.path()));
        S3Server tls(QStringLiteral("backups"));
        tls.useTls(certs.filePath(QStringLiteral("key.pem")),
                   certs.filePath(QStringLiteral("cert.pem")));
        QVERIFY2(tls.start(), "s3rver serves TLS");
        QVERIFY(tls.endpoint().startsWith(QLatin1String("https://")));
        addProfile(QStringLiteral("default"), QStringLiteral("s3://backups/tls"), tls.endpoint());
        const auto stored = [&tls] {
            return filesEndingWith(tls.dataDir(), QStringLiteral(".manifest.json._S3rver_object"));
        };
        const auto refused = [&](const QProcessEnvironment &env) {
            const RunResult r = lk({QStringLiteral("backup")}, env);
            QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
            const QString said = sentence(r);
            QVERIFY2(said.contains(QLatin1String("TLS certificate of ") + tls.endpoint() +
                                   QLatin1String(" could not be verified")),
                     qPrintable(describe(r)));
            QVERIFY2(said.contains(QLatin1String("x509: ")) &&
                         said.contains(QLatin1String("--ca-cert FILE")),
                     qPrintable(said));
            QCOMPARE(stored(), QStringList());
        };
        refused(m_env);

        // Nothing in our environment can switch verification off or trust another authority.
        QProcessEnvironment hostile = m_env;
        hostile.insert(QStringLiteral("RCLONE_NO_CHECK_CERTIFICATE"), QStringLiteral("true"));
        hostile.insert(QStringLiteral("RCLONE_CA_CERT"),
                       certs.filePath(QStringLiteral("cert.pem")));
        hostile.insert(QStringLiteral("SSL_CERT_FILE"), certs.filePath(QStringLiteral("cert.pem")));
        hostile.insert(QStringLiteral("AWS_CA_BUNDLE"), certs.filePath(QStringLiteral("cert.pem")));
        refused(hostile);
        // There is no option that does.
        for (const char *option : {"--no-check-certificate", "--insecure"}) {
            const RunResult r = lk({QStringLiteral("profile"), QStringLiteral("set"),
                                    QStringLiteral("default"), QLatin1String(option)});
            QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        }
        const RunResult help = lk({QStringLiteral("help"), QStringLiteral("profile")});
        QVERIFY2(help.out.contains("--ca-cert FILE"), help.out.constData());
        for (const char *word : {"insecure", "no-check", "skip-verify", "verify=false"})
            QVERIFY2(!help.out.toLower().contains(word), word);

        // A file that is not a certificate is refused when it is set.
        RunResult r =
            lk({QStringLiteral("profile"), QStringLiteral("set"), QStringLiteral("default"),
                QStringLiteral("--ca-cert"), certs.filePath(QStringLiteral("missing.pem"))});
        QVERIFY2(r.exitCode == 2 && r.err.contains("cannot be read"), qPrintable(describe(r)));
        r = lk({QStringLiteral("profile"), QStringLiteral("set"), QStringLiteral("default"),
                QStringLiteral("--ca-cert"), db()});
        QVERIFY2(r.exitCode == 2 && r.err.contains("not a PEM certificate"),
                 qPrintable(describe(r)));

        // Another authority: still refused.
        r = lk({QStringLiteral("profile"), QStringLiteral("set"), QStringLiteral("default"),
                QStringLiteral("--ca-cert"), otherCerts.filePath(QStringLiteral("cert.pem"))});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        refused(m_env);

        // The server's own certificate: accepted, for every verb.
        r = lk({QStringLiteral("profile"), QStringLiteral("set"), QStringLiteral("default"),
                QStringLiteral("--ca-cert"), certs.filePath(QStringLiteral("cert.pem"))});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        r = lk({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("show"),
                QStringLiteral("default")});
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()
                     .value(QLatin1String("profile"))
                     .toObject()
                     .value(QLatin1String("ca_cert"))
                     .toString(),
                 certs.filePath(QStringLiteral("cert.pem")));
        r = lk({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("default")});
        QVERIFY2(r.out.contains(QString(QStringLiteral("ca_cert: ") +
                                        certs.filePath(QStringLiteral("cert.pem")))
                                    .toUtf8()),
                 r.out.constData());
        QVERIFY(readAll(m_home->configFile())
                    .contains(certs.filePath(QStringLiteral("cert.pem")).toUtf8()));
        const QString generation = backup();
        QVERIFY(!generation.isEmpty());
        QCOMPARE(stored().size(), 1);
        QCOMPARE(lk({QStringLiteral("verify"), QStringLiteral("--all")}).exitCode, 0);
        const QString restored = m_home->file(QStringLiteral("restored.db"));
        QCOMPARE(
            lk({QStringLiteral("restore"), generation, QStringLiteral("--to"), restored}).exitCode,
            0);
        QCOMPARE(sqliteDump(restored), sqliteDump(db()));

        // Removed again: refused again.
        QCOMPARE(lk({QStringLiteral("profile"), QStringLiteral("set"), QStringLiteral("default"),
                     QStringLiteral("--ca-cert"), QString()})
                     .exitCode,
                 0);
        QVERIFY(!lk({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("default")})
                     .out.contains("ca_cert"));
        const RunResult again = lk({QStringLiteral("list")});
        QVERIFY2(again.exitCode == 1 &&
                     sentence(again).contains(QLatin1String("could not be verified")),
                 qPrintable(describe(again)));
    }

    // Every verb, failures and Qt's debug output included, with a distinctive secret; then every
    // place it could end up is searched for it.
    void secretsNeverLeak()
    {
        const QByteArray secret =
            "Zz9-SECRET-canary-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
        const QByteArray secretHash =
            QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex();
        m_env.insert(QStringLiteral("LITEKEEP_SECRET_ACCESS_KEY"),
                     QString::fromLatin1(secret)); // s3rver ignores it
        // Temporary files and the home directory inside the searched tree too.
        QDir().mkpath(m_home->file(QStringLiteral("tmp")));
        QDir().mkpath(m_home->file(QStringLiteral("home")));
        m_env.insert(QStringLiteral("TMPDIR"), m_home->file(QStringLiteral("tmp")));
        m_env.insert(QStringLiteral("LITEKEEP_UPLOAD_MODE"), QStringLiteral("stream")); // rcat too
        m_env.insert(QStringLiteral("HOME"), m_home->file(QStringLiteral("home")));
        // No real keychain may be touched.
        m_env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                     QStringLiteral("unix:path=/nonexistent/bus"));

        // The wrapper logs argv, the names (not values) of its environment, a hash of the secret
        // it got, and the modes of everything in the staging folder at that moment.
        const QString argvLog = m_home->file(QStringLiteral("argv.log"));
        const QString envLog = m_home->file(QStringLiteral("env.log"));
        const QString modes = m_home->file(QStringLiteral("modes.log"));
        const QString rcPasswords = m_home->file(QStringLiteral("rcpass.log"));
        m_env.insert(
            QStringLiteral("LITEKEEP_RCLONE"),
            wrapper(QStringLiteral(
                        "for a in \"$@\"; do printf '%s\\n' \"$a\" >> '%1'; done\n"
                        "if [ -n \"$RCLONE_RC_PASS\" ]; then printf '%s\\n' \"$RCLONE_RC_PASS\" >> "
                        "'%5'; fi\n"
                        "echo \"names: $(env | sed 's/=.*//' | sort | tr '\\n' ' ')\" >> '%2'\n"
                        "echo \"secret: $(printf %s \"$RCLONE_CONFIG_LITEKEEP_SECRET_ACCESS_KEY\" "
                        "| sha256sum)\" >> '%2'\n"
                        "[ -d '%4' ] && find '%4' -exec stat -c '%a %F %n' {} + >> '%3'")
                        .arg(argvLog, envLog, modes, m_home->stagingRoot(), rcPasswords)));

        addProfile(QStringLiteral("default"), dest(), m_server.endpoint());
        addProfile(QStringLiteral("broken"), QStringLiteral("s3://no-such-bucket/x"),
                   m_server.endpoint());
        addProfile(QStringLiteral("refused"), dest(),
                   QStringLiteral("http://127.0.0.1:%1").arg(freeTcpPort()));

        QList<std::pair<QStringList, RunResult>> runs;
        const auto run = [&](const QStringList &args, int expectedExit,
                             const QProcessEnvironment &env, const QByteArray &input = {}) {
            const RunResult r = lk(args, env, input);
            runs.append({args, r});
            if (expectedExit >= 0 && r.exitCode != expectedExit)
                qWarning("litekeep %s: %s", qPrintable(args.join(QLatin1Char(' '))),
                         qPrintable(describe(r)));
            return r.exitCode == expectedExit || expectedExit < 0;
        };
        const auto ok = [&](const QStringList &args) { return run(args, 0, m_env); };
        const auto S = [](const char *text) { return QString::fromLatin1(text); };

        QVERIFY(ok({S("profile"), S("set"), S("default"), S("--keep-days"), S("40")}));
        QVERIFY(ok({S("profile"), S("show"), S("default")}));
        QVERIFY(ok({S("--json"), S("profile"), S("show"), S("default")}));
        QVERIFY(ok({S("profile"), S("list")}));
        QVERIFY(ok({S("--json"), S("profile"), S("list")}));
        // Credentials through stdin, with no keychain to take them: refused, secret not echoed.
        QVERIFY(
            run({S("credentials"), S("set"), S("default")}, -1, m_env, "S3RVER\n" + secret + "\n"));
        QVERIFY(run({S("--json"), S("credentials"), S("set"), S("default")}, -1, m_env,
                    "S3RVER\n" + secret + "\n"));
        QVERIFY(run({S("credentials"), S("remove"), S("default")}, -1, m_env));
        QVERIFY(ok({S("backup")}));
        QVERIFY(QProcess::execute(
                    QStringLiteral("sqlite3"),
                    {db(), QStringLiteral("INSERT INTO tags VALUES ('second', 2)")}) == 0);
        QVERIFY(ok({S("--json"), S("backup")}));
        QProcessEnvironment perProcess = m_env; // one rclone per operation (copyto, lsjson)
        perProcess.insert(QStringLiteral("LITEKEEP_RCLONE_DAEMON"), QStringLiteral("0"));
        QVERIFY(QProcess::execute(QStringLiteral("sqlite3"),
                                  {db(), QStringLiteral("INSERT INTO tags VALUES ('third', 3)")}) ==
                0);
        QVERIFY(run({S("backup"), S("--no-verify")}, 0, perProcess));
        const QStringList names = listedNames(m_env);
        QCOMPARE(names.size(), 3);
        QVERIFY(ok({S("list")}));
        QVERIFY(ok({S("--json"), S("list")}));
        QVERIFY(ok({S("verify")}));
        QVERIFY(ok({S("--json"), S("verify"), S("--all")}));
        QVERIFY(ok({S("verify"), S("--drill")}));
        QVERIFY(ok({S("show"), S("--latest")}));
        QVERIFY(ok({S("--json"), S("show"), names.last(), S("--deep")}));
        QVERIFY(ok({S("diff"), names.last(), names.first()}));
        QVERIFY(ok({S("--json"), S("diff"), names.first(), S("--live")}));
        QVERIFY(ok({S("status")}));
        QVERIFY(ok({S("--json"), S("status")}));
        QVERIFY(ok({S("prune"), S("--dry-run")}));
        QVERIFY(ok({S("--json"), S("prune")}));
        QVERIFY(ok({S("restore"), S("--latest"), S("--to"), m_home->file(S("restored.db"))}));
        QVERIFY(ok({S("--json"), S("restore"), names.last(), S("--in-place"), S("--force")}));
        QVERIFY(ok({S("restore"), S("--undo")}));
        QVERIFY(ok({S("schedule"), S("install"), S("--systemd")}));
        QVERIFY(ok({S("schedule"), S("install"), S("--cron")}));
        QVERIFY(ok({S("schedule"), S("remove"), S("--systemd")}));
        QVERIFY(run({S("dismiss"), S("--all")}, -1, m_env));
        // Failures: a missing bucket, a refused connection, a rejected key, and a bad argument.
        QVERIFY(run({S("backup"), S("--profile"), S("broken")}, 1, m_env));
        QVERIFY(run({S("--json"), S("backup"), S("--profile"), S("refused")}, 1, m_env));
        QVERIFY(run({S("verify"), S("--profile"), S("broken")}, 1, m_env));
        QVERIFY(run({S("restore"), S("--profile"), S("refused"), S("--latest"), S("--to"),
                     m_home->file(S("r2.db"))},
                    1, m_env));
        QProcessEnvironment wrongKey = m_env;
        wrongKey.insert(QStringLiteral("LITEKEEP_ACCESS_KEY_ID"), QStringLiteral("WRONGKEY"));
        QVERIFY(run({S("backup")}, 1, wrongKey));
        QVERIFY(run({S("list")}, 1, wrongKey));
        QVERIFY(run({S("backup"), S("--bogus")}, 2, m_env));
        // Everything Qt can log, at debug level.
        QProcessEnvironment debug = m_env;
        debug.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        debug.insert(QStringLiteral("QT_DEBUG_PLUGINS"), QStringLiteral("1"));
        QVERIFY(run({S("backup")}, 0, debug));
        QVERIFY(run({S("list")}, 0, debug));
        QVERIFY(run({S("backup"), S("--profile"), S("broken")}, 1, debug));
        QVERIFY(run({S("status")}, 0, debug));

        // stdout and stderr of every run.
        for (const auto &[args, r] : std::as_const(runs))
            QVERIFY2(!r.out.contains(secret) && !r.err.contains(secret),
                     qPrintable(args.join(QLatin1Char(' '))));
        // Every child's argv; the secret went through the environment, and nothing from AWS_*.
        const QByteArray arguments = readAll(argvLog);
        for (const char *verb : {"rcd", "rcat", "copyto", "lsjson", "cat", "sync"})
            QVERIFY2(arguments.contains(QByteArray(QByteArray(verb) + '\n')), verb);
        QVERIFY(!arguments.contains(secret));
        // The rclone daemons' passwords (one per run) are nowhere but in their environments.
        const QList<QByteArray> passwords = readAll(rcPasswords).split('\n');
        QVERIFY2(passwords.size() > 3, "the daemon ran");
        for (const QByteArray &password : passwords) {
            if (password.isEmpty())
                continue;
            QVERIFY(!arguments.contains(password));
            for (const auto &[args, r] : std::as_const(runs))
                QVERIFY2(!r.out.contains(password) && !r.err.contains(password),
                         qPrintable(args.join(QLatin1Char(' '))));
            QCOMPARE(filesContaining(m_home->path(), password), QStringList{rcPasswords});
        }
        const QByteArray environments = readAll(envLog);
        QVERIFY2(environments.contains(QByteArray("secret: " + secretHash)),
                 "rclone got the secret through its environment");
        QVERIFY(environments.contains(" RCLONE_CONFIG_LITEKEEP_SECRET_ACCESS_KEY "));
        QVERIFY(!environments.contains(" AWS_"));
        QVERIFY(!environments.contains(" LITEKEEP_SECRET_ACCESS_KEY"));
        // Every file: settings, the history (raw bytes), the caches, staging, temporary files, the
        // schedule's units, the wrapper's logs, and everything on the server.
        QVERIFY(QFile::exists(m_home->historyFile()));
        QVERIFY(QFile::exists(m_home->configFile()));
        QCOMPARE(filesContaining(m_home->path(), secret), QStringList());
        QCOMPARE(filesContaining(m_server.dataDir(), secret), QStringList());

        // Private files are private: staging folders 0700 and what is in them 0600, at every
        // moment rclone ran; the history and the pre-restore copies 0600.
        const QStringList seen =
            QString::fromUtf8(readAll(modes)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(seen.size() > 5, "the staging folder was seen while rclone ran");
        bool sawData = false;
        for (const QString &line : seen) {
            const QString mode = line.section(QLatin1Char(' '), 0, 0);
            if (line.contains(QLatin1String(" directory ")))
                QVERIFY2(mode == QLatin1String("700"), qPrintable(line));
            else
                QVERIFY2(mode == QLatin1String("600"), qPrintable(line));
            sawData = sawData || line.endsWith(QLatin1String(".db.gz"));
        }
        QVERIFY2(sawData, "the staged .db.gz was seen");
        for (const QString &file : QDir(QFileInfo(m_home->historyFile()).absolutePath())
                                       .entryList({QStringLiteral("history.sqlite*")}, QDir::Files))
            QCOMPARE(
                modeOf(QFileInfo(m_home->historyFile()).absolutePath() + QLatin1Char('/') + file),
                QStringLiteral("600"));
        QCOMPARE(modeOf(QFileInfo(m_home->historyFile()).absolutePath()), QStringLiteral("700"));
        QCOMPARE(modeOf(m_home->stagingRoot()), QStringLiteral("700"));
        const QDir preRestore(m_home->file(QStringLiteral("data/litekeep/pre-restore")));
        QVERIFY(!preRestore.entryList(QDir::Files).isEmpty());
        for (const QString &file : preRestore.entryList(QDir::Files))
            QCOMPARE(modeOf(preRestore.filePath(file)), QStringLiteral("600"));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"

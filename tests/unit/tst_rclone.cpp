// rclone behind LiteKeep: log parsing, the child's environment, error sentences, and the
// process runner driven end to end by small fake rclone scripts.
#include "TestSupport.h"
#include "backup/DataUpload.h"
#include "settings/Profile.h"
#include "storage/Destination.h"
#include "storage/RcloneErrors.h"
#include "storage/RcloneLog.h"
#include "storage/RcloneProcess.h"
#include "storage/Storage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <csignal>
#include <optional>

using lk::RcloneErrors;
using lk::RcloneProcess;
using lk::Storage;

namespace {

// Lines as rclone v1.60.1 prints them with --use-json-log.
const QByteArray kStatsLine =
    R"({"level":"info","msg":"\nTransferred:   \t    1 MiB / 5 MiB, 20%, 1.026 MiB/s, ETA 4s\nTransferred:            0 / 1, 0%\nElapsed time:         1.0s\nTransferring:\n *                                             a: 20% /5Mi, 1.025Mi/s, 4s\n\n","source":"accounting/stats.go:482","stats":{"bytes":1048576,"checks":0,"deletedDirs":0,"deletes":0,"elapsedTime":1.086556987,"errors":0,"eta":4,"fatalError":false,"renames":0,"retryError":false,"speed":1075873.9432898315,"totalBytes":5242880,"totalChecks":0,"totalTransfers":1,"transferTime":0,"transferring":[{"bytes":1048576,"eta":4,"group":"global_stats","name":"a","percentage":20,"size":5242880,"speed":1075873.9432898315,"speedAvg":1075253.3373183142}],"transfers":0},"time":"2026-11-27T03:16:57.868802+00:00"})";
const QByteArray kFinalStatsLine =
    R"({"level":"info","msg":"\nTransferred:   \t    5 MiB / 5 MiB, 100%, 1.013 MiB/s, ETA 0s\nTransferred:            1 / 1, 100%\nElapsed time:         4.9s\n\n","source":"accounting/stats.go:482","stats":{"bytes":5242880,"checks":0,"deletedDirs":0,"deletes":0,"elapsedTime":4.945445684,"errors":0,"eta":0,"fatalError":false,"renames":0,"retryError":false,"speed":1062338.7372003028,"totalBytes":5242880,"totalChecks":0,"totalTransfers":1,"transferTime":0,"transfers":1},"time":"2026-11-27T03:16:59.72747+00:00"})";
const QByteArray kErrorLine =
    R"({"level":"error","msg":"error listing: directory not found","object":"","objectType":"string","source":"walk/walk.go:174","time":"2026-11-27T03:16:59.794623+00:00"})";
const QByteArray kCopiedLine =
    R"({"level":"info","msg":"Copied (new) to: b","object":"a","objectType":"*local.Object","source":"operations/operations.go:564","time":"2026-11-27T03:16:59.72728+00:00"})";
const QByteArray kPlainLine = "2026/11/27 03:16:59 Failed to lsjson with 2 errors: last error was: "
                              "error in ListJSON: directory not found";

// `rclone lsjson --hash` of a folder with two files and a sub-folder.
const QByteArray kListing = R"([
{"Path":"nightly-20261127T020000Z.db.gz","Name":"nightly-20261127T020000Z.db.gz","Size":3000000,"MimeType":"application/gzip","ModTime":"2026-11-27T03:16:56.766015750Z","IsDir":false,"Hashes":{"crc32":"774ce0f9","md5":"ec8b932295a66d609e0c1db838bb16bd","sha1":"4073bf426a111e33e506bc8905056a1a7724ffab"}},
{"Path":"nightly-20261127T020000Z.manifest.json","Name":"nightly-20261127T020000Z.manifest.json","Size":1234,"ModTime":"2026-11-27T03:17:00Z","IsDir":false},
{"Path":"sub","Name":"sub","Size":-1,"MimeType":"inode/directory","ModTime":"2026-11-27T03:17:00.290015600Z","IsDir":true}
]
)";

lk::Profile cloudflareProfile()
{
    lk::Profile p;
    p.name = QStringLiteral("nightly");
    p.databasePath = QStringLiteral("/data/app.db");
    p.destination = QStringLiteral("s3://my-bucket/hosts/alpha");
    p.endpoint = QStringLiteral("https://0123abcd.r2.cloudflarestorage.com");
    return p;
}

lk::Destination destinationOf(const lk::Profile &p)
{
    return lk::Destination::parse(p.destination).value();
}

const lk::Credentials kCredentials{QStringLiteral("AKIAEXAMPLEKEY"),
                                   QStringLiteral("s3cr3t/Secret+Key")};

// Runs one RcloneProcess to its end and keeps what it reported.
struct Driven
{
    std::optional<RcloneProcess::Outcome> outcome;
    int finishedCount = 0;
    QList<QPair<qint64, qint64>> progress;

    void attach(RcloneProcess &process)
    {
        QObject::connect(&process, &RcloneProcess::finished, &process,
                         [this](const RcloneProcess::Outcome &o) {
                             outcome = o;
                             ++finishedCount;
                         });
        QObject::connect(&process, &RcloneProcess::transferProgress, &process,
                         [this](qint64 bytes, qint64 total) {
                             progress.append({bytes, total});
                         });
    }
};

} // namespace

Q_DECLARE_METATYPE(RcloneProcess::Outcome)

class TestRclone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void parseLogLine();
    void logFeed();
    void parseListing();
    void childEnvironment();
    void remoteEnvironment();
    void explain_data();
    void explain();
    void program();
    void fakeRcloneReports();
    void cancelTerminates();
    void cancelKillsStubbornChild();
    void timeout();
    void missingProgram();
    void destructorKillsChild();
    void storageListAndUpload();
    void storageSessionThroughOneDaemon();
    void dataUploadWaitsForRelease();

private:
    QTemporaryDir m_dir;
    QString fake(const QString &name, const QByteArray &body);
};

void TestRclone::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qRegisterMetaType<RcloneProcess::Outcome>();
}

void TestRclone::cleanup()
{
    qunsetenv("LITEKEEP_RCLONE");
}

QString TestRclone::fake(const QString &name, const QByteArray &body)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write("#!/bin/sh\n" + body) < 0)
        return {};
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void TestRclone::parseLogLine()
{
    lk::RcloneLog::Line line;
    QVERIFY(lk::RcloneLog::parseLine(kStatsLine, &line));
    QCOMPARE(line.level, QStringLiteral("info"));
    QVERIFY(line.hasStats);
    QCOMPARE(line.bytes, 1048576);
    QCOMPARE(line.totalBytes, 5242880);
    QVERIFY(line.message.startsWith(QLatin1String("Transferred:"))); // trimmed

    line = {};
    QVERIFY(lk::RcloneLog::parseLine(kErrorLine, &line));
    QCOMPARE(line.level, QStringLiteral("error"));
    QCOMPARE(line.message, QStringLiteral("error listing: directory not found"));
    QVERIFY(!line.hasStats);

    line = {};
    QVERIFY(lk::RcloneLog::parseLine(kCopiedLine, &line));
    QCOMPARE(line.message, QStringLiteral("Copied (new) to: b"));
    QVERIFY(!line.hasStats);

    for (const QByteArray &notJson : {kPlainLine, QByteArray(), QByteArray("{\"level\":"),
                                      QByteArray("[1,2]"), QByteArray("panic: runtime error")}) {
        lk::RcloneLog::Line ignored;
        QVERIFY2(!lk::RcloneLog::parseLine(notJson, &ignored), notJson.constData());
    }
}

void TestRclone::logFeed()
{
    lk::RcloneLog log;
    QList<QPair<qint64, qint64>> stats;
    log.onStats = [&stats](qint64 bytes, qint64 total) { stats.append({bytes, total}); };

    // Pieces as a pipe delivers them: lines split anywhere, several lines in one read.
    const QByteArray all = kStatsLine + "\n" + kCopiedLine + "\r\n\n" + kErrorLine + "\n" +
                           kFinalStatsLine + "\n" + kPlainLine + "\n" + "no newline at the end";
    for (qsizetype i = 0; i < all.size(); i += 37)
        log.feed(all.mid(i, 37));
    QCOMPARE(stats.size(), 2);
    QCOMPARE(stats.at(0), (QPair<qint64, qint64>(1048576, 5242880)));
    QCOMPARE(stats.at(1), (QPair<qint64, qint64>(5242880, 5242880)));
    QCOMPARE(log.errors(), QStringList{QStringLiteral("error listing: directory not found")});
    QVERIFY(!log.tail().contains(QLatin1String("no newline"))); // still partial
    log.flush();
    QCOMPARE(log.tail(), QStringLiteral("info: Copied (new) to: b\n"
                                        "error: error listing: directory not found\n") +
                             QString::fromUtf8(kPlainLine) +
                             QStringLiteral("\nno newline at the end"));

    // The tail stays short: the last lines only.
    for (int i = 0; i < 40; ++i)
        log.feed("plain line " + QByteArray::number(i) + "\n");
    const QStringList tail = log.tail().split(QLatin1Char('\n'));
    QVERIFY2(tail.size() <= 12, qPrintable(log.tail()));
    QCOMPARE(tail.last(), QStringLiteral("plain line 39"));

    // A runaway line without a newline is cut, not kept whole.
    lk::RcloneLog runaway;
    runaway.feed(QByteArray(1024 * 1024, 'x'));
    runaway.flush();
    QVERIFY(runaway.tail().size() <= 64 * 1024);
    QVERIFY(!runaway.tail().isEmpty());
}

void TestRclone::parseListing()
{
    const auto listing = Storage::parseListing(kListing);
    QVERIFY2(listing.isOk(), qPrintable(listing.error()));
    QCOMPARE(listing->size(), 2); // the folder is left out
    const Storage::ObjectInfo &gz = listing->at(0);
    QCOMPARE(gz.name, QStringLiteral("nightly-20261127T020000Z.db.gz"));
    QCOMPARE(gz.size, 3000000);
    QCOMPARE(gz.md5, QStringLiteral("ec8b932295a66d609e0c1db838bb16bd"));
    QVERIFY(gz.modTime.isValid());
    QCOMPARE(gz.modTime.toUTC(),
             QDateTime(QDate(2026, 11, 27), QTime(3, 16, 56, 766), QTimeZone::utc()));
    const Storage::ObjectInfo &manifest = listing->at(1);
    QCOMPARE(manifest.name, QStringLiteral("nightly-20261127T020000Z.manifest.json"));
    QCOMPARE(manifest.size, 1234);
    QVERIFY(manifest.md5.isEmpty()); // no hash given: empty, not made up

    const auto empty = Storage::parseListing("[]\n");
    QVERIFY(empty.isOk());
    QVERIFY(empty->isEmpty());

    for (const QByteArray &bad : {QByteArray("[\n{\"Name\":\"a\""), QByteArray("Failed to lsjson"),
                                  QByteArray("{\"Name\":\"a\"}"), QByteArray()}) {
        const auto r = Storage::parseListing(bad);
        QVERIFY2(!r.isOk(), bad.constData());
        QVERIFY2(r.error().contains(QLatin1String("listing could not be read")),
                 qPrintable(r.error()));
    }
}

void TestRclone::childEnvironment()
{
    qputenv("AWS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt");
    qputenv("AWS_ACCESS_KEY_ID", "AKIAINHERITED");
    qputenv("FOO", "bar");
    qputenv("LITEKEEP_SECRET_ACCESS_KEY", "inherited-secret");
    qputenv("RCLONE_CONFIG_OTHER_TYPE", "s3");

    QProcessEnvironment remote;
    remote.insert(QStringLiteral("RCLONE_CONFIG_LITEKEEP_TYPE"), QStringLiteral("s3"));
    remote.insert(QStringLiteral("RCLONE_CONFIG_LITEKEEP_ACCESS_KEY_ID"),
                  QStringLiteral("AKIAOURS"));
    const QProcessEnvironment env = RcloneProcess::childEnvironment(remote);

    for (const char *name : {"AWS_CA_BUNDLE", "AWS_ACCESS_KEY_ID", "FOO",
                             "LITEKEEP_SECRET_ACCESS_KEY", "RCLONE_CONFIG_OTHER_TYPE"})
        QVERIFY2(!env.contains(QLatin1String(name)), name);
    for (const QString &key : env.keys()) {
        QVERIFY2(!key.startsWith(QLatin1String("AWS_")), qPrintable(key));
        QVERIFY2(!env.value(key).contains(QLatin1String("inherited")), qPrintable(key));
    }
    QCOMPARE(env.value(QStringLiteral("PATH")), qEnvironmentVariable("PATH"));
    QVERIFY(env.contains(QStringLiteral("HOME")));
    QCOMPARE(env.value(QStringLiteral("RCLONE_CONFIG_LITEKEEP_TYPE")), QStringLiteral("s3"));
    QCOMPARE(env.value(QStringLiteral("RCLONE_CONFIG_LITEKEEP_ACCESS_KEY_ID")),
             QStringLiteral("AKIAOURS"));

    // Secrets go through the environment, never the command line.
    const QStringList args = RcloneProcess::commonArguments();
    QVERIFY(args.contains(QStringLiteral("--use-json-log")));
    const qsizetype config = args.indexOf(QStringLiteral("--config"));
    QVERIFY(config >= 0 && config + 1 < args.size());
    QVERIFY(args.at(config + 1).isEmpty()); // no config file: the remote lives in RCLONE_CONFIG_*

    for (const char *name :
         {"AWS_ACCESS_KEY_ID", "FOO", "LITEKEEP_SECRET_ACCESS_KEY", "RCLONE_CONFIG_OTHER_TYPE"})
        qunsetenv(name);
}

void TestRclone::remoteEnvironment()
{
    const QString var = QStringLiteral("RCLONE_CONFIG_LITEKEEP_");
    QCOMPARE(QString::fromLatin1(lk::Destination::kRemoteName).toUpper() + QLatin1Char('_'),
             var.mid(QStringLiteral("RCLONE_CONFIG_").size()));

    lk::Profile p = cloudflareProfile();
    QProcessEnvironment env = Storage::remoteEnvironment(p, destinationOf(p), kCredentials);
    QCOMPARE(env.value(var + QStringLiteral("TYPE")), QStringLiteral("s3"));
    QCOMPARE(env.value(var + QStringLiteral("PROVIDER")), QStringLiteral("Cloudflare"));
    QCOMPARE(env.value(var + QStringLiteral("ENDPOINT")), p.endpoint);
    QCOMPARE(env.value(var + QStringLiteral("ACCESS_KEY_ID")), kCredentials.accessKeyId);
    QCOMPARE(env.value(var + QStringLiteral("SECRET_ACCESS_KEY")), kCredentials.secretAccessKey);
    QCOMPARE(env.value(var + QStringLiteral("REGION")), QStringLiteral("auto"));
    QCOMPARE(env.value(var + QStringLiteral("NO_CHECK_BUCKET")), QStringLiteral("true"));
    QCOMPARE(env.value(var + QStringLiteral("ENV_AUTH")), QStringLiteral("false"));
    for (const QString &key : env.keys())
        QVERIFY2(key.startsWith(var), qPrintable(key));

    p.provider = QStringLiteral("cloudflare");
    env = Storage::remoteEnvironment(p, destinationOf(p), kCredentials);
    QCOMPARE(env.value(var + QStringLiteral("REGION")), QStringLiteral("auto"));

    p.provider = QStringLiteral("Other");
    env = Storage::remoteEnvironment(p, destinationOf(p), kCredentials);
    QVERIFY(!env.contains(var + QStringLiteral("REGION"))); // rclone's default
    p.region = QStringLiteral("eu-west-1");
    env = Storage::remoteEnvironment(p, destinationOf(p), kCredentials);
    QCOMPARE(env.value(var + QStringLiteral("REGION")), QStringLiteral("eu-west-1"));

    lk::Profile local = cloudflareProfile();
    local.destination = QStringLiteral("/srv/backups");
    QVERIFY(Storage::remoteEnvironment(local, destinationOf(local), kCredentials).isEmpty());

    // A private certificate authority reaches rclone as its global --ca-cert (RCLONE_CA_CERT);
    // nothing anywhere turns certificate verification off.
    p.caCertificate = QStringLiteral("/etc/litekeep/ca.pem");
    env = Storage::remoteEnvironment(p, destinationOf(p), kCredentials);
    QCOMPARE(env.value(QStringLiteral("RCLONE_CA_CERT")), p.caCertificate);
    const QProcessEnvironment child = RcloneProcess::childEnvironment(env);
    for (const QString &key : child.keys())
        QVERIFY2(!key.contains(QLatin1String("NO_CHECK_CERTIFICATE")) &&
                     !key.contains(QLatin1String("INSECURE")),
                 qPrintable(key));
    QVERIFY(!RcloneProcess::commonArguments()
                 .join(QLatin1Char(' '))
                 .contains(QLatin1String("no-check-certificate")));
}

void TestRclone::explain_data()
{
    QTest::addColumn<RcloneProcess::Outcome>("outcome");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QStringList>("phrases");
    QTest::addColumn<QStringList>("absent");

    const QString s3 = QStringLiteral("s3://my-bucket/hosts/alpha");
    const QString endpoint = QStringLiteral("https://0123abcd.r2.cloudflarestorage.com");
    auto failed = [](QStringList errors, int exitCode = 1) {
        RcloneProcess::Outcome o;
        o.started = true;
        o.exitCode = exitCode;
        o.errors = errors;
        for (const QString &e : errors)
            o.stderrTail += QStringLiteral("error: ") + e + QLatin1Char('\n');
        o.stderrTail.chop(1);
        return o;
    };

    {
        RcloneProcess::Outcome o;
        o.startError = QStringLiteral("execvp: No such file or directory");
        QTest::newRow("not started") << o << s3
                                     << QStringList{QStringLiteral("rclone could not be started"),
                                                    QStringLiteral("No such file or directory"),
                                                    QStringLiteral("LITEKEEP_RCLONE")}
                                     << QStringList{};
    }
    QTest::newRow("403 access key")
        << failed({QStringLiteral(
               "Failed to copy: InvalidAccessKeyId: The AWS Access Key Id you provided "
               "does not exist in our records.\n\tstatus code: 403, request id: "
               "17B9C2D5E1A0F3C4, host id: ")})
        << s3 << QStringList{QStringLiteral("rejected the access key"), endpoint}
        << QStringList{QStringLiteral("does not exist")}; // the key is unknown, not the bucket
    QTest::newRow("no such bucket")
        << failed(
               {QStringLiteral("Failed to copy: NoSuchBucket: The specified bucket does not exist\n"
                               "\tstatus code: 404, request id: 17B9C2D5E1A0F3C5, host id: ")})
        << s3
        << QStringList{QStringLiteral("does not exist"), QStringLiteral("\"my-bucket\""), endpoint}
        << QStringList{QStringLiteral("access key")};
    QTest::newRow("connection refused")
        << failed({QStringLiteral(
               "Failed to copy: RequestError: send request failed\ncaused by: Put "
               "\"http://127.0.0.1:1/my-bucket/hosts/alpha/nightly/x.db.gz\": dial tcp "
               "127.0.0.1:1: connect: connection refused")})
        << s3 << QStringList{QStringLiteral("refused"), endpoint} << QStringList{};
    QTest::newRow("unknown host")
        << failed(
               {QStringLiteral("Failed to copy: RequestError: send request failed\ncaused by: Put "
                               "\"https://nonexistent.invalid/my-bucket\": dial tcp: lookup "
                               "nonexistent.invalid: no such host")})
        << s3 << QStringList{QStringLiteral("could not be found"), endpoint} << QStringList{};
    {
        RcloneProcess::Outcome o = failed({QStringLiteral("context canceled")}, 143);
        o.cancelled = true;
        QTest::newRow("cancelled") << o << s3 << QStringList{QStringLiteral("cancelled")}
                                   << QStringList{QStringLiteral("143")};
    }
    {
        RcloneProcess::Outcome o = failed({}, 143);
        o.timedOut = true;
        QTest::newRow("timed out")
            << o << s3 << QStringList{QStringLiteral("took too long"), endpoint} << QStringList{};
    }
    QTest::newRow("self-signed certificate")
        << failed(
               {QStringLiteral("error listing: RequestError: send request failed\ncaused by: Get "
                               "\"https://127.0.0.1:9000/my-bucket\": x509: certificate signed by "
                               "unknown authority")})
        << s3
        << QStringList{QStringLiteral("TLS certificate"), endpoint,
                       QStringLiteral("x509: certificate signed by unknown authority"),
                       QStringLiteral("--ca-cert FILE")}
        << QStringList{};
    {
        RcloneProcess::Outcome o = failed({});
        o.stderrTail =
            QStringLiteral("2026/11/27 06:23:40 Failed to add certificates from --ca-cert");
        QTest::newRow("unusable --ca-cert file")
            << o << s3
            << QStringList{QStringLiteral("CA certificate file"), QStringLiteral("profile set")}
            << QStringList{};
    }
    {
        RcloneProcess::Outcome o = failed({}, -1);
        o.crashed = true;
        QTest::newRow("crashed") << o << s3 << QStringList{QStringLiteral("crashed")}
                                 << QStringList{};
    }
    QTest::newRow("disk full, local")
        << failed({QStringLiteral(
               "Failed to copy: write /srv/backups/nightly/x.db.gz: no space left on "
               "device")})
        << QStringLiteral("/srv/backups")
        << QStringList{QStringLiteral("is full"), QStringLiteral("/srv/backups")} << QStringList{};
    QTest::newRow("unknown error")
        << failed({QStringLiteral("something odd"), QStringLiteral("the very last problem")}, 7)
        << s3 << QStringList{QStringLiteral("code 7"), QStringLiteral("the very last problem")}
        << QStringList{QStringLiteral("something odd")};
    {
        RcloneProcess::Outcome o;
        o.started = true;
        o.exitCode = 1;
        o.stderrTail = QStringLiteral("Usage:\n  rclone [flags]\nError: unknown flag: --bogus");
        QTest::newRow("unknown, plain text only")
            << o << s3
            << QStringList{QStringLiteral("code 1"), QStringLiteral("unknown flag: --bogus")}
            << QStringList{};
    }
}

void TestRclone::explain()
{
    QFETCH(RcloneProcess::Outcome, outcome);
    QFETCH(QString, destination);
    QFETCH(QStringList, phrases);
    QFETCH(QStringList, absent);

    const auto dest = lk::Destination::parse(destination);
    QVERIFY(dest.isOk());
    const QString message =
        RcloneErrors::explain(outcome, QStringLiteral("Uploading the backup"), dest.value(),
                              QStringLiteral("https://0123abcd.r2.cloudflarestorage.com"));
    QVERIFY2(message.startsWith(QLatin1String("Uploading the backup")), qPrintable(message));
    for (const QString &phrase : phrases)
        QVERIFY2(message.contains(phrase), qPrintable(phrase + QStringLiteral(" / ") + message));
    for (const QString &phrase : absent)
        QVERIFY2(!message.contains(phrase, Qt::CaseInsensitive),
                 qPrintable(phrase + QStringLiteral(" / ") + message));
}

void TestRclone::program()
{
    qunsetenv("LITEKEEP_RCLONE");
    QCOMPARE(RcloneProcess::program(), QStringLiteral("rclone"));
    qputenv("LITEKEEP_RCLONE", "/opt/rclone/bin/rclone");
    QCOMPARE(RcloneProcess::program(), QStringLiteral("/opt/rclone/bin/rclone"));
}

void TestRclone::fakeRcloneReports()
{
    const QString script = fake(
        QStringLiteral("reporting"),
        "printf '%s\\n' \"$@\"\n"
        "echo \"ENV AWS_CA_BUNDLE=${AWS_CA_BUNDLE:-unset} TYPE=$RCLONE_CONFIG_LITEKEEP_TYPE\"\n"
        "cat >&2 <<'EOF'\n" +
            kStatsLine + "\n" + kCopiedLine + "\n" + kFinalStatsLine + "\n" + kErrorLine + "\n" +
            kPlainLine +
            "\nEOF\n"
            "printf 'no newline at the end' >&2\n"
            "exit 5\n");
    QVERIFY(!script.isEmpty());
    qputenv("LITEKEEP_RCLONE", QFile::encodeName(script));
    qputenv("AWS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt");

    RcloneProcess process;
    QSignalSpy finishedSpy(&process, &RcloneProcess::finished);
    QSignalSpy progressSpy(&process, &RcloneProcess::transferProgress);
    Driven driven;
    driven.attach(process);
    QProcessEnvironment remote;
    remote.insert(QStringLiteral("RCLONE_CONFIG_LITEKEEP_TYPE"), QStringLiteral("local"));
    process.start({QStringLiteral("lsjson"), QStringLiteral("litekeep:bucket/x")}, remote, 30000);

    QVERIFY(finishedSpy.wait(10000));
    QCOMPARE(finishedSpy.count(), 1);
    QVERIFY(driven.outcome.has_value());
    const RcloneProcess::Outcome &o = *driven.outcome;
    QVERIFY(o.started);
    QVERIFY(!o.cancelled && !o.timedOut && !o.crashed);
    QCOMPARE(o.exitCode, 5);
    QVERIFY(!o.succeeded());
    QCOMPARE(o.errors, QStringList{QStringLiteral("error listing: directory not found")});

    QCOMPARE(progressSpy.count(), 2);
    QCOMPARE(progressSpy.at(0).at(0).toLongLong(), 1048576);
    QCOMPARE(progressSpy.at(0).at(1).toLongLong(), 5242880);
    QCOMPARE(progressSpy.at(1).at(0).toLongLong(), 5242880);
    QCOMPARE(driven.progress.size(), 2);

    // The tail keeps messages and plain text, not the bulky stats.
    QVERIFY2(o.stderrTail.contains(QLatin1String("info: Copied (new) to: b")),
             qPrintable(o.stderrTail));
    QVERIFY2(o.stderrTail.contains(QLatin1String("error: error listing: directory not found")),
             qPrintable(o.stderrTail));
    QVERIFY2(o.stderrTail.contains(QString::fromUtf8(kPlainLine)), qPrintable(o.stderrTail));
    QVERIFY2(o.stderrTail.endsWith(QLatin1String("no newline at the end")),
             qPrintable(o.stderrTail));
    QVERIFY2(!o.stderrTail.contains(QLatin1String("Transferred:")), qPrintable(o.stderrTail));

    // What the child saw: our common flags then the arguments, and the explicit environment.
    const QString out = QString::fromUtf8(o.stdoutData);
    const QStringList argv =
        out.section(QStringLiteral("ENV "), 0, 0).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(argv.mid(0, 1), QStringList{QStringLiteral("--config")});
    QVERIFY(argv.contains(QStringLiteral("--use-json-log")));
    QCOMPARE(argv.mid(argv.size() - 2),
             (QStringList{QStringLiteral("lsjson"), QStringLiteral("litekeep:bucket/x")}));
    QVERIFY2(out.contains(QLatin1String("ENV AWS_CA_BUNDLE=unset TYPE=local")), qPrintable(out));

    QCOMPARE(finishedSpy.count(), 1); // exactly one
}

void TestRclone::cancelTerminates()
{
    const QString script = fake(QStringLiteral("sleeper"), "exec sleep 30\n");
    qputenv("LITEKEEP_RCLONE", QFile::encodeName(script));

    RcloneProcess process;
    Driven driven;
    driven.attach(process);
    QElapsedTimer timer;
    timer.start();
    process.start({QStringLiteral("copyto")}, {}, 0);
    QTest::qWait(200);
    process.cancel();
    process.cancel(); // idempotent
    QTRY_VERIFY_WITH_TIMEOUT(driven.outcome.has_value(), 10000);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(driven.outcome->cancelled);
    QVERIFY(!driven.outcome->timedOut);
    QVERIFY(!driven.outcome->crashed);
    QVERIFY(!driven.outcome->succeeded());
    QTest::qWait(100);
    QCOMPARE(driven.finishedCount, 1);
    process.cancel(); // after the end: nothing happens
    QCOMPARE(driven.finishedCount, 1);
}

void TestRclone::cancelKillsStubbornChild()
{
    // Ignores SIGTERM, so only the kill after the grace period ends it.
    const QString script = fake(QStringLiteral("stubborn"), "trap '' TERM\nexec sleep 30\n");
    qputenv("LITEKEEP_RCLONE", QFile::encodeName(script));

    RcloneProcess process;
    Driven driven;
    driven.attach(process);
    QElapsedTimer timer;
    timer.start();
    process.start({}, {}, 0);
    QTest::qWait(200);
    process.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(driven.outcome.has_value(), 15000);
    QVERIFY2(timer.elapsed() < 12000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(driven.outcome->cancelled);
    QVERIFY(!driven.outcome->crashed); // killed on purpose is not a crash
}

void TestRclone::timeout()
{
    const QString script = fake(QStringLiteral("slow"), "exec sleep 30\n");
    qputenv("LITEKEEP_RCLONE", QFile::encodeName(script));

    RcloneProcess process;
    Driven driven;
    driven.attach(process);
    QElapsedTimer timer;
    timer.start();
    process.start({}, {}, 300);
    QTRY_VERIFY_WITH_TIMEOUT(driven.outcome.has_value(), 10000);
    QVERIFY2(timer.elapsed() >= 250 && timer.elapsed() < 5000,
             qPrintable(QString::number(timer.elapsed())));
    QVERIFY(driven.outcome->timedOut);
    QVERIFY(!driven.outcome->cancelled);
    QVERIFY(!driven.outcome->crashed);
    QVERIFY(!driven.outcome->succeeded());
    const QString message =
        RcloneErrors::explain(*driven.outcome, QStringLiteral("Listing"),
                              lk::Destination::parse(QStringLiteral("/srv/b")).value(), {});
    QVERIFY2(message.contains(QLatin1String("took too long")), qPrintable(message));
}

void TestRclone::missingProgram()
{
    qputenv("LITEKEEP_RCLONE", QFile::encodeName(m_dir.filePath(QStringLiteral("no-such-rclone"))));
    RcloneProcess process;
    Driven driven;
    driven.attach(process);
    process.start({QStringLiteral("version")}, {}, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(driven.outcome.has_value(), 10000);
    QVERIFY(!driven.outcome->started);
    QVERIFY(!driven.outcome->startError.isEmpty());
    QVERIFY(!driven.outcome->succeeded());
    QTest::qWait(100);
    QCOMPARE(driven.finishedCount, 1);
    const QString message =
        RcloneErrors::explain(*driven.outcome, QStringLiteral("Uploading"),
                              lk::Destination::parse(QStringLiteral("/srv/b")).value(), {});
    QVERIFY2(message.contains(QLatin1String("rclone could not be started")), qPrintable(message));
}

void TestRclone::destructorKillsChild()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("child.pid"));
    const QString script = fake(QStringLiteral("pid"),
                                "echo $$ > '" + QFile::encodeName(pidFile) + "'\nexec sleep 30\n");
    qputenv("LITEKEEP_RCLONE", QFile::encodeName(script));

    auto process = std::make_unique<RcloneProcess>();
    Driven driven;
    driven.attach(*process);
    process->start({}, {}, 0);
    QTRY_VERIFY_WITH_TIMEOUT(QFile(pidFile).size() > 0, 5000);
    QFile f(pidFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const pid_t pid = f.readAll().trimmed().toInt();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid, 0), 0); // running

    process.reset();
    QCOMPARE(::kill(pid, 0), -1);      // gone and reaped: no orphaned rclone
    QCOMPARE(driven.finishedCount, 0); // no signal from a dying object
}

void TestRclone::storageListAndUpload()
{
    const QString argsFile = m_dir.filePath(QStringLiteral("storage.args"));
    // lsjson prints a listing, copyto records its arguments and exits 0.
    const QString script =
        fake(QStringLiteral("storage"), "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" +
                                            QFile::encodeName(argsFile) +
                                            "'\n"
                                            "case \" $* \" in\n"
                                            "  *' lsjson '*) cat <<'EOF'\n" +
                                            kListing +
                                            "EOF\n;;\n"
                                            "esac\nexit 0\n");
    qputenv("LITEKEEP_RCLONE", QFile::encodeName(script));

    const lk::Profile p = cloudflareProfile();
    Storage storage(p, destinationOf(p), kCredentials);

    std::optional<QList<Storage::ObjectInfo>> listed;
    Storage::Failure listFailure;
    storage.list([&](const QList<Storage::ObjectInfo> &objects, const Storage::Failure &f) {
        listed = objects;
        listFailure = f;
    });
    QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000);
    QVERIFY2(listFailure.message.isEmpty(), qPrintable(listFailure.message));
    QCOMPARE(listed->size(), 2);
    QCOMPARE(listed->at(0).md5, QStringLiteral("ec8b932295a66d609e0c1db838bb16bd"));
    QFile args(argsFile);
    QVERIFY(args.open(QIODevice::ReadOnly));
    QVERIFY(args.readAll().contains("\nlitekeep:my-bucket/hosts/alpha/nightly\n"));
    args.close();

    std::optional<bool> uploaded;
    storage.upload(QStringLiteral("/tmp/staging/x.db.gz"),
                   QStringLiteral("nightly-20261127T020000Z.db.gz"),
                   [&](bool ok, const Storage::Failure &f) {
                       uploaded = ok;
                       QVERIFY2(f.message.isEmpty(), qPrintable(f.message));
                   });
    QTRY_VERIFY_WITH_TIMEOUT(uploaded.has_value(), 10000);
    QVERIFY(*uploaded);
    QVERIFY(args.open(QIODevice::ReadOnly));
    const QByteArray argv = args.readAll();
    QVERIFY(
        argv.contains("\ncopyto\n/tmp/staging/x.db.gz\n"
                      "litekeep:my-bucket/hosts/alpha/nightly/nightly-20261127T020000Z.db.gz\n"));
    // The secret never appears on a command line that `ps` shows.
    QVERIFY(!argv.contains(kCredentials.secretAccessKey.toUtf8()));
    QVERIFY(!argv.contains(kCredentials.accessKeyId.toUtf8()));
}

namespace {
lk::Profile localProfile(const QString &folder)
{
    lk::Profile p;
    p.name = QStringLiteral("local");
    p.databasePath = QStringLiteral("/data/app.db");
    p.destination = folder;
    return p;
}
QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
// Waits for one Storage callback and keeps what it gave.
template <typename T> struct Answer
{
    std::optional<T> value;
    Storage::Failure failure;
    Storage::Done<T> callback()
    {
        return [this](const T &v, const Storage::Failure &f) {
            value = v;
            failure = f;
        };
    }
};
} // namespace

// A session's operations go through one `rclone rcd` (real rclone, a local destination): the
// same answers as processes give, and the same sentences for failures.
void TestRclone::storageSessionThroughOneDaemon()
{
    const QString argvLog = m_dir.filePath(QStringLiteral("daemon.argv"));
    qputenv("LITEKEEP_RCLONE",
            QFile::encodeName(
                fake(QStringLiteral("logging"),
                     "echo \"$*\" >> '" + QFile::encodeName(argvLog) + "'\nexec rclone \"$@\"\n")));
    const QString folder = m_dir.filePath(QStringLiteral("destination"));
    const lk::Profile p = localProfile(folder);
    Storage storage(p, destinationOf(p), {});
    storage.startSession();

    Answer<QList<Storage::ObjectInfo>> empty;
    storage.list(empty.callback()); // no folder yet: nothing there, not an error
    QTRY_VERIFY_WITH_TIMEOUT(empty.value.has_value(), 20000);
    QVERIFY2(empty.failure.message.isEmpty(), qPrintable(empty.failure.message));
    QVERIFY(empty.value->isEmpty());

    const QString file = m_dir.filePath(QStringLiteral("x.db.gz"));
    const QByteArray content(100000, 'x');
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(content) == content.size());
    }
    Answer<bool> uploaded;
    storage.upload(file, QStringLiteral("local-20261127T020000Z.db.gz"), uploaded.callback());
    QTRY_VERIFY_WITH_TIMEOUT(uploaded.value.has_value(), 20000);
    QVERIFY2(*uploaded.value, qPrintable(uploaded.failure.message));
    QCOMPARE(contentOf(folder + QStringLiteral("/local/local-20261127T020000Z.db.gz")), content);

    Answer<QList<Storage::ObjectInfo>> one;
    storage.list(one.callback());
    QTRY_VERIFY_WITH_TIMEOUT(one.value.has_value(), 20000);
    QCOMPARE(one.value->size(), 1);
    QCOMPARE(one.value->first().name, QStringLiteral("local-20261127T020000Z.db.gz"));
    QCOMPARE(one.value->first().size, content.size());
    QCOMPARE(
        one.value->first().md5,
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex()));

    Answer<bool> missing; // a failure is explained as for a process (after rclone's retries)
    storage.remove(QStringLiteral("local-20261126T020000Z.db.gz"), missing.callback());
    QTRY_VERIFY_WITH_TIMEOUT(missing.value.has_value(), 20000);
    QVERIFY(!*missing.value);
    QVERIFY2(missing.failure.message.startsWith(
                 QStringLiteral("Deleting local-20261126T020000Z.db.gz failed")),
             qPrintable(missing.failure.message));
    QVERIFY2(missing.failure.message.contains(folder), qPrintable(missing.failure.message));
    QVERIFY2(missing.failure.stderrTail.contains(QLatin1String("not found")),
             qPrintable(missing.failure.stderrTail));
    Storage plain(p, destinationOf(p), {}); // the same, one process
    Answer<bool> missingToo;
    plain.remove(QStringLiteral("local-20261126T020000Z.db.gz"), missingToo.callback());
    QTRY_VERIFY_WITH_TIMEOUT(missingToo.value.has_value(), 20000);
    QVERIFY(!*missingToo.value);
    QVERIFY2(missingToo.failure.message.startsWith(
                 QStringLiteral("Deleting local-20261126T020000Z.db.gz failed")),
             qPrintable(missingToo.failure.message));

    Answer<bool> removed;
    storage.remove(QStringLiteral("local-20261127T020000Z.db.gz"), removed.callback());
    QTRY_VERIFY_WITH_TIMEOUT(removed.value.has_value(), 20000);
    QVERIFY2(*removed.value, qPrintable(removed.failure.message));
    QVERIFY(!QFile::exists(folder + QStringLiteral("/local/local-20261127T020000Z.db.gz")));

    // One rclone in all: the daemon.
    QFile log(argvLog);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QList<QByteArray> calls = log.readAll().trimmed().split('\n');
    QCOMPARE(calls.size(), 2); // the daemon, and `plain`'s deletefile
    QVERIFY2(calls.first().contains(" rcd --rc-addr 127.0.0.1:0"), calls.first().constData());
    QVERIFY2(calls.last().contains(" deletefile "), calls.last().constData());

    // Ended, the session's daemon takes no more calls: operations are processes again.
    storage.endSession();
    Answer<QList<Storage::ObjectInfo>> after;
    storage.list(after.callback());
    QTRY_VERIFY_WITH_TIMEOUT(after.value.has_value(), 20000);
    log.seek(0);
    QVERIFY(log.readAll().contains(" lsjson "));
}

// The data object is compressed, and then waits: it is uploaded only once released (the
// backup releases it when the snapshot passed quick_check).
void TestRclone::dataUploadWaitsForRelease()
{
    const QString folder = m_dir.filePath(QStringLiteral("held"));
    const lk::Profile p = localProfile(folder);
    Storage storage(p, destinationOf(p), {});
    storage.startSession();
    const QString snapshot = m_dir.filePath(QStringLiteral("held.db"));
    QVERIFY(lkt::makeDatabase(snapshot, QStringLiteral("delete"), 2000));

    std::atomic_bool cancel{false};
    lk::DataUpload upload(&storage, &cancel, std::make_shared<std::atomic<qint64>>(0));
    QSignalSpy compressed(&upload, &lk::DataUpload::compressionFinished);
    std::optional<Storage::Failure> finished;
    QObject::connect(&upload, &lk::DataUpload::finished, &upload,
                     [&finished](const Storage::Failure &f) { finished = f; });
    lk::DataUpload::Options options;
    options.snapshotPath = snapshot;
    options.gzPath = m_dir.filePath(QStringLiteral("held.db.gz"));
    options.objectName = QStringLiteral("local-20261127T020000Z.db.gz");
    upload.start(options);
    QTRY_COMPARE_WITH_TIMEOUT(compressed.size(), 1, 20000);
    QTest::qWait(1000);
    QVERIFY(!finished.has_value());
    QVERIFY(!QFile::exists(folder + QStringLiteral("/local/") + options.objectName));

    upload.release();
    QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 20000);
    QVERIFY2(finished->message.isEmpty(), qPrintable(finished->message));
    QCOMPARE(contentOf(folder + QStringLiteral("/local/") + options.objectName),
             contentOf(options.gzPath));
}

QTEST_GUILESS_MAIN(TestRclone)
#include "tst_rclone.moc"

// The data object goes to S3 through `rclone rcat` while it is compressed. A failed stream falls
// back to the staged copy; a run stopped mid-stream leaves no object behind, because rclone is
// stopped before its input ends (an end of input would make it store the partial content).
#include "S3CliFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>
#include <QtTest>

#include <csignal>

using namespace lkt;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "VERB OBJECT" of every upload of a .db.gz (rcat or copyto), in order.
QStringList dataCalls(const QString &argvLog)
{
    QStringList calls;
    for (const QByteArray &line : readAll(argvLog).split('\n')) {
        if (line.endsWith(".db.gz") && (line.startsWith("rcat ") || line.startsWith("copyto ")))
            calls.append(QString::fromUtf8(line));
    }
    return calls;
}

} // namespace

class TestStreamedUpload : public QObject, public S3CliFixture
{
    Q_OBJECT

    QString argvLog() const { return m_home->file(QStringLiteral("argv.log")); }
    // A wrapper that logs "VERB ... OBJECT" of every call, then runs `body`.
    QProcessEnvironment withWrapper(const QString &body) const
    {
        QProcessEnvironment env = m_env;
        env.insert(
            QStringLiteral("LITEKEEP_RCLONE"),
            wrapper(QStringLiteral("for a in \"$@\"; do case \"$a\" in "
                                   "copyto|rcat|cat|lsjson|sync) verb=$a;; esac; done\n"
                                   "echo \"$verb ${*##* }\" >> '%1'\necho \"$*\" >> '%1.full'\n%2")
                        .arg(argvLog(), body)));
        // Every upload a process of its own, as the wrapper sees them (no rclone daemon).
        env.insert(QStringLiteral("LITEKEEP_RCLONE_DAEMON"), QStringLiteral("0"));
        return env;
    }

    QString sql(const QString &statement) const
    {
        const RunResult r =
            runProgram(QStringLiteral("sqlite3"), {m_home->historyFile(), statement},
                       QProcessEnvironment::systemEnvironment());
        return QString::fromUtf8(r.out).trimmed();
    }
    // What the history says the last staged upload did, against a compressor of 100 MB/s.
    void setUpload(double bytesPerSecond, double idleShare) const
    {
        sql(QStringLiteral("UPDATE upload_plan SET upload_bps = %1, upload_idle = %2, "
                           "compress_bps = 1e8, streamed_since = 0")
                .arg(bytesPerSecond, 0, 'f', 0)
                .arg(idleShare));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM upload_plan WHERE upload_bps = %1")
                         .arg(bytesPerSecond, 0, 'f', 0)),
                 QStringLiteral("1"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), "s3rver starts (scripts/bootstrap installs it)");
    }

    void init()
    {
        QVERIFY(freshHome(QStringLiteral("stream")));
        m_env.insert(QStringLiteral("LITEKEEP_STREAM_MIN_MIB"),
                     QStringLiteral("0")); // small databases too
        addProfile(QStringLiteral("default"), dest(), m_server.endpoint());
    }

    void dataGoesThroughRcatAndVerifies()
    {
        const QString generation = backup(withWrapper({}));
        QVERIFY(!generation.isEmpty());
        const QStringList calls = dataCalls(argvLog());
        QCOMPARE(calls.size(), 1);
        QVERIFY2(calls.first().startsWith(QLatin1String("rcat ")) &&
                     calls.first().endsWith(QStringLiteral("/default/%1.db.gz").arg(generation)),
                 qPrintable(calls.first()));
        // Downloaded, hashed, gunzipped and checked against the manifest.
        const RunResult verified = lk({QStringLiteral("verify"), QStringLiteral("--latest")});
        QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
        QVERIFY(QFile::exists(storedFile(generation + QStringLiteral(".db.gz"))));
    }

    // rclone rcat takes part of the stream, then fails: the staged copy goes up whole instead.
    void failedStreamFallsBackToTheStagedCopy()
    {
        QVERIFY(
            makeDatabase(db(), QStringLiteral("wal"), 20000)); // a few MB: more than a pipe holds
        const RunResult r =
            lk({QStringLiteral("--json"), QStringLiteral("backup")},
               withWrapper(QStringLiteral(
                   "case \"$*\" in *rcat*) head -c 100000 > /dev/null; exit 1;; esac")));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QJsonObject result = QJsonDocument::fromJson(r.out).object();
        const QString generation = result.value(QLatin1String("generation")).toString();
        QVERIFY2(QJsonDocument(result).toJson().contains("streamed upload failed"),
                 r.out.constData());
        const QStringList calls = dataCalls(argvLog());
        QCOMPARE(calls.size(), 2);
        QVERIFY2(calls.at(0).startsWith(QLatin1String("rcat ")) &&
                     calls.at(1).startsWith(QLatin1String("copyto ")),
                 qPrintable(calls.join(QLatin1Char('\n'))));
        const RunResult verified = lk({QStringLiteral("verify"), generation});
        QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
    }

    // Cancelled while rclone still reads the stream: no object at all on the destination, not
    // even a truncated .db.gz without a manifest.
    void cancelledMidStreamLeavesNothing()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 20000));
        const QString started = m_home->file(QStringLiteral("rcat-started"));
        QProcess run;
        run.setProcessEnvironment(withWrapper(
            QStringLiteral(
                "case \"$*\" in *rcat*) touch '%1'; exec rclone --bwlimit 64k \"$@\";; esac")
                .arg(started)));
        run.start(QStringLiteral(LITEKEEP_BINARY), {QStringLiteral("backup")});
        QVERIFY(waitForFile(started, 60000));
        QThread::msleep(1500); // part of the stream is on its way
        ::kill(static_cast<pid_t>(run.processId()), SIGINT);
        QVERIFY(run.waitForFinished(60000));
        const QByteArray err = run.readAllStandardError();
        QCOMPARE(run.exitCode(), 1);
        QVERIFY2(err.contains("cancelled"), err.constData());
        QVERIFY2(listedNames(m_env).isEmpty(),
                 qPrintable(listedNames(m_env).join(QLatin1Char(' '))));
        QCOMPARE(dataCalls(argvLog()).size(), 1);
    }

    // The property behind that: rclone never sees the end of its input from a run that did not
    // finish the stream. Here "rclone rcat" is a slow reader that notes when its input ends.
    void cancelledStreamNeverEndsTheInput()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 20000));
        const QString started = m_home->file(QStringLiteral("rcat-started"));
        const QString received = m_home->file(QStringLiteral("received"));
        const QString ended = m_home->file(QStringLiteral("input-ended"));
        QProcess run;
        run.setProcessEnvironment(
            withWrapper(QStringLiteral("case \"$*\" in *rcat*)\n"
                                       "  touch '%1'\n"
                                       "  while :; do\n"
                                       "    n=$(head -c 16384 | tee -a '%2' | wc -c)\n"
                                       "    [ \"$n\" -eq 0 ] && break\n"
                                       "    sleep 0.2\n"
                                       "  done\n"
                                       "  touch '%3'; exit 0;;\n"
                                       "esac")
                            .arg(started, received, ended)));
        run.start(QStringLiteral(LITEKEEP_BINARY), {QStringLiteral("backup")});
        QVERIFY(waitForFile(started, 60000));
        QThread::msleep(1500);
        ::kill(static_cast<pid_t>(run.processId()), SIGINT);
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 1);
        QThread::msleep(1000); // a reader that was given an end of input would have noted it by now
        QVERIFY2(QFileInfo(received).size() > 0, "the stream had started");
        QVERIFY2(!QFile::exists(ended), "rclone was given an end of input by a cancelled run");
    }

    // Under the threshold (64 MiB by default) the data is staged, then copied: for a small
    // database the stream's multipart upload costs more than it saves.
    void smallDatabaseIsStagedByDefault()
    {
        QProcessEnvironment env = withWrapper({});
        env.remove(QStringLiteral("LITEKEEP_STREAM_MIN_MIB"));
        const QString generation = backup(env);
        QVERIFY(!generation.isEmpty());
        const QStringList calls = dataCalls(argvLog());
        QCOMPARE(calls.size(), 1);
        QVERIFY2(calls.first().startsWith(QLatin1String("copyto ")), qPrintable(calls.first()));
        // As one PUT (up to 4 GiB), so that the destination computes the object's MD5 itself.
        const QByteArray full = readAll(argvLog() + QStringLiteral(".full"));
        QVERIFY2(full.contains("--s3-upload-cutoff 4G copyto "), full.constData());
    }

    // The listing runs beside the snapshot. When it fails, the snapshot stops, the listing's
    // error is what the user reads (not "cancelled"), and nothing is left behind.
    void failedListingStopsTheSnapshot()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 200000)); // a snapshot that takes a while
        const RunResult r =
            lk({QStringLiteral("backup")},
               withWrapper(QStringLiteral("case \"$*\" in *lsjson*) echo 'Failed to lsjson: "
                                          "AccessDenied: Access Denied' >&2; exit 1;; esac")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Access") && !r.err.contains("cancelled"), r.err.constData());
        QVERIFY(dataCalls(argvLog()).isEmpty());
        QVERIFY(QDir(m_home->stagingRoot())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                    .isEmpty());
        const QList<QStringList> runs = historyRows(*m_home);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().value(0), QStringLiteral("failed"));
    }

    // quick_check runs while the snapshot is compressed (and streamed): a snapshot that fails it
    // stops the run with its own sentence, and nothing at all reaches the destination.
    void damagedSnapshotIsNeverUploaded_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("streamed") << QStringLiteral("stream");
        QTest::newRow("staged") << QStringLiteral("staged");
    }
    void damagedSnapshotIsNeverUploaded()
    {
        QFETCH(QString, mode);
        QVERIFY(makeDatabase(db(), QStringLiteral("delete"), 20000));
        QFile file(db());
        QVERIFY(file.open(QIODevice::ReadWrite));
        constexpr qint64 kPage = 4096;
        QVERIFY(file.size() > 100 * kPage);
        // A few b-tree pages in the middle scribbled over; the header stays valid, and the
        // backup API copies pages as they are.
        QByteArray noise(3 * kPage, Qt::Uninitialized);
        QRandomGenerator(7).generate(noise.begin(), noise.end());
        QVERIFY(file.seek(file.size() / 2 / kPage * kPage));
        QCOMPARE(file.write(noise), noise.size());
        file.close();

        QProcessEnvironment env = withWrapper({});
        env.insert(QStringLiteral("LITEKEEP_UPLOAD_MODE"), mode);
        const RunResult r = lk({QStringLiteral("backup")}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("failed SQLite's integrity check") && !r.err.contains("cancelled"),
                 r.err.constData());
        QVERIFY2(listedNames(m_env).isEmpty(), "no generation");
        // Not even a partial object: nothing under this test's prefix on the server.
        const QString prefix = QFileInfo(storedFile(QStringLiteral("x"))).absolutePath();
        QCOMPARE(QDir(prefix).entryList(QDir::Files), QStringList());
        QVERIFY(QDir(m_home->stagingRoot())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                    .isEmpty());
        QCOMPARE(historyRows(*m_home).last().value(0), QStringLiteral("failed"));
    }

    // Left to choose, a backup learns from the ones before it (UploadPlan): the first streams
    // and records the compressor's speed; the next stages, to learn the upload's. From then on
    // an upload far faster than the compressor, or one that kept the cores busy, gets the staged
    // copy; a slow one that left them idle gets the stream.
    void theWayFollowsWhatEarlierBackupsMeasured()
    {
        const QProcessEnvironment env = withWrapper({});
        const auto lastWay = [this] {
            return dataCalls(argvLog()).constLast().section(QLatin1Char(' '), 0, 0);
        };
        QVERIFY(!backup(env).isEmpty());
        QCOMPARE(lastWay(), QStringLiteral("rcat"));
        QCOMPARE(sql(QStringLiteral(
                     "SELECT upload_bps = 0, compress_bps > 0, streamed_since FROM upload_plan "
                     "WHERE profile = 'default'")),
                 QStringLiteral("1|1|1"));
        const QString staged = backup(env);
        QVERIFY(!staged.isEmpty());
        QCOMPARE(lastWay(), QStringLiteral("copyto"));
        QCOMPARE(
            sql(QStringLiteral("SELECT upload_bps > 0, upload_idle BETWEEN 0 AND 1, streamed_since "
                               "FROM upload_plan")),
            QStringLiteral("1|1|0"));

        setUpload(1e9, 0.9); // ten times the compressor's speed
        QVERIFY(!backup(env).isEmpty());
        QCOMPARE(lastWay(), QStringLiteral("copyto"));
        setUpload(1e7, 0.9); // a tenth, with the cores idle
        QVERIFY(!backup(env).isEmpty());
        QCOMPARE(lastWay(), QStringLiteral("rcat"));
        setUpload(1e7, 0.2); // as slow, but the cores were busy
        QVERIFY(!backup(env).isEmpty());
        QCOMPARE(lastWay(), QStringLiteral("copyto"));

        // LITEKEEP_UPLOAD_MODE overrides what was learnt.
        QProcessEnvironment forced = env;
        forced.insert(QStringLiteral("LITEKEEP_UPLOAD_MODE"), QStringLiteral("staged"));
        setUpload(1e7, 0.9);
        QVERIFY(!backup(forced).isEmpty());
        QCOMPARE(lastWay(), QStringLiteral("copyto"));
        QCOMPARE(dataCalls(argvLog()).size(), 6);
        const RunResult verified = lk({QStringLiteral("verify"), staged});
        QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestStreamedUpload)
#include "tst_streamed_upload.moc"

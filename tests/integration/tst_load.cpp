// Load with the real binary, rclone and s3rver: 500 generations in one prefix, a backup while an
// application commits about 200 times a second, and a database larger than LiteKeep's memory
// bound backed up and verified within it. Times are printed, never asserted (see bench/ for the
// 2 GB run).
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace lkt;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// VmHWM (peak resident set) of a running process in KiB, or -1 once it is gone.
qint64 peakRssKiB(qint64 pid)
{
    const QList<QByteArray> lines = readAll(QStringLiteral("/proc/%1/status").arg(pid)).split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

constexpr qint64 kMemoryBoundKiB = 128 * 1024;

// Under AddressSanitizer (scripts/test's second run) shadow memory and quarantine add far more
// than the bound: the peak is printed, not checked.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

} // namespace

class TestLoad : public QObject
{
    Q_OBJECT

private:
    S3Server m_server{QStringLiteral("backups")};
    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;
    QString m_prefix;

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }
    RunResult lk(const QStringList &args) const { return runLiteKeep(args, m_env, {}, 300000); }
    void addProfile(const QStringList &extra = {})
    {
        const RunResult r = lk(
            QStringList{QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("default"),
                        QStringLiteral("--db"), db(), QStringLiteral("--dest"),
                        QStringLiteral("s3://backups/") + m_prefix, QStringLiteral("--endpoint"),
                        m_server.endpoint(), QStringLiteral("--drill-days"), QStringLiteral("0")} +
            extra);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }
    QString backup()
    {
        const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("backup")});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(describe(r)));
        return QJsonDocument::fromJson(r.out)
            .object()
            .value(QLatin1String("generation"))
            .toString();
    }
    QString stored(const QString &object) const
    {
        return QStringLiteral("%1/%2/%3/default/%4._S3rver_object")
            .arg(m_server.dataDir(), m_server.bucket(), m_prefix, object);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), "s3rver starts (scripts/bootstrap installs it)");
    }

    void init()
    {
        m_home = std::make_unique<TestHome>();
        m_env = m_home->environment();
        m_env.insert(QStringLiteral("LITEKEEP_ACCESS_KEY_ID"), QLatin1String(S3Server::kAccessKey));
        m_env.insert(QStringLiteral("LITEKEEP_SECRET_ACCESS_KEY"),
                     QLatin1String(S3Server::kSecret));
        m_prefix = QStringLiteral("load-%1-%2")
                       .arg(QString::fromLatin1(QTest::currentTestFunction()).toLower())
                       .arg(QRandomGenerator::global()->generate());
    }

    // One real generation copied under 499 more names (objects planted straight into s3rver's
    // files): all 500 listed, complete, newest first.
    void fiveHundredGenerations()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 50));
        addProfile({QStringLiteral("--keep-days"), QStringLiteral("36500")});
        const QString real = backup();
        QVERIFY(!real.isEmpty());
        const QByteArray data = readAll(stored(real + QStringLiteral(".db.gz")));
        const QJsonObject manifest =
            QJsonDocument::fromJson(readAll(stored(real + QStringLiteral(".manifest.json"))))
                .object();
        QVERIFY(!data.isEmpty() && !manifest.isEmpty());

        QStringList expected{real};
        const QDateTime first(QDate(2025, 1, 1), QTime(2, 0), QTimeZone::utc());
        for (int i = 0; i < 499; ++i) {
            const QDateTime created = first.addSecs(3600LL * i);
            const QString name = QStringLiteral("default-") +
                                 created.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
            QJsonObject m = manifest;
            m.insert(QStringLiteral("created"),
                     created.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")));
            const QString folder = m_prefix + QStringLiteral("/default/") + name;
            QVERIFY(m_server.plantObject(folder + QStringLiteral(".db.gz"), data));
            QVERIFY(m_server.plantObject(folder + QStringLiteral(".manifest.json"),
                                         QJsonDocument(m).toJson()));
            expected.insert(1, name); // newest first: the real one, then the planted ones backwards
        }

        for (const char *pass :
             {"first listing (every manifest downloaded)", "second listing (manifests cached)"}) {
            QElapsedTimer clock;
            clock.start();
            const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("list")});
            qInfo("%s of 500 generations: %lld ms", pass, clock.elapsed());
            QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
            const QJsonArray generations = QJsonDocument::fromJson(r.out)
                                               .object()
                                               .value(QLatin1String("generations"))
                                               .toArray();
            QCOMPARE(generations.size(), 500);
            QStringList names;
            for (const QJsonValue &v : generations) {
                names.append(v.toObject().value(QLatin1String("generation")).toString());
                QCOMPARE(v.toObject().value(QLatin1String("state")).toString(),
                         QStringLiteral("complete"));
                QCOMPARE(v.toObject().value(QLatin1String("gz_size")).toInteger(), data.size());
            }
            QCOMPARE(names, expected);
        }
        // The next backup still finds its place among them.
        QVERIFY(!backup().isEmpty());
    }

    // The test writer commits as fast as it can (about 200-250 commits a second here) for the
    // whole backup, with a busy timeout of 0: any lock LiteKeep held would show as a busy error.
    void backupWhileAWriterCommits200TimesASecond()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 30000));
        addProfile();
        QProcess writer;
        writer.start(QStringLiteral(LITEKEEP_TEST_WRITER),
                     {db(), QStringLiteral("1"), QStringLiteral("120000")});
        QVERIFY(writer.waitForStarted());
        QVERIFY2(waitForOutput(writer, QProcess::StandardError, "ready", 10000),
                 "the writer started");
        QElapsedTimer clock;
        clock.start();
        QTest::qWait(300);
        const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("backup")});
        QTest::qWait(300);
        ::kill(static_cast<pid_t>(writer.processId()), SIGTERM);
        QVERIFY(writer.waitForFinished(10000));
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));

        const QJsonObject stats =
            QJsonDocument::fromJson(writer.readAllStandardOutput().trimmed()).object();
        const int commits = stats.value(QLatin1String("commits")).toInt();
        qInfo("writer: %d commits in %lld ms (%.0f a second), p99 %.1f ms, max %.1f ms, during a "
              "backup of %lld ms",
              commits, elapsed, commits * 1000.0 / double(elapsed),
              stats.value(QLatin1String("p99_ms")).toDouble(),
              stats.value(QLatin1String("max_ms")).toDouble(),
              QJsonDocument::fromJson(r.out)
                  .object()
                  .value(QLatin1String("duration_ms"))
                  .toInteger());
        QVERIFY2(commits > 100, "the writer kept committing");
        QCOMPARE(stats.value(QLatin1String("busy")).toInt(), 0);

        // The generation is a consistent snapshot taken in the middle of it all.
        const QString restored = m_home->file(QStringLiteral("restored.db"));
        const RunResult restore = lk({QStringLiteral("restore"), QStringLiteral("--latest"),
                                      QStringLiteral("--to"), restored});
        QVERIFY2(restore.exitCode == 0, qPrintable(describe(restore)));
        const RunResult check =
            runProgram(QStringLiteral("sqlite3"),
                       {restored, QStringLiteral("PRAGMA integrity_check; SELECT count(*) FROM "
                                                 "notes; SELECT count(*) > 0 FROM writer_log;")},
                       m_env);
        QCOMPARE(check.out, QByteArray("ok\n30000\n1\n"));
    }

    // A 256 MiB database (a quarter of it random, so the .gz is about 64 MiB) backs up and
    // verifies with LiteKeep's peak memory under 128 MiB: everything is streamed.
    void largeDatabaseWithinBoundedMemory()
    {
        const RunResult made = runProgram(
            QStringLiteral("sqlite3"),
            {db(),
             QStringLiteral(
                 "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                 "CREATE TABLE big(id INTEGER PRIMARY KEY, data BLOB);"
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 65536)"
                 " INSERT INTO big SELECT i, zeroblob(3072) || randomblob(1024) FROM n;"
                 "PRAGMA journal_mode=WAL;")},
            m_env);
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const qint64 size = QFileInfo(db()).size();
        QVERIFY2(size > 2 * kMemoryBoundKiB * 1024, "the database is larger than the bound");
        addProfile();

        // rclone is a separate process: its own peak, through /usr/bin/time.
        const bool haveTime = QFileInfo(QStringLiteral("/usr/bin/time")).isExecutable();
        const QString rcloneRss = m_home->file(QStringLiteral("rclone-rss"));
        if (haveTime)
            m_env.insert(
                QStringLiteral("LITEKEEP_RCLONE"),
                writeRcloneWrapper(
                    m_home->path(),
                    QStringLiteral("exec /usr/bin/time -a -o '%1' -f '%M %C' rclone \"$@\"")
                        .arg(rcloneRss)));

        for (const QStringList &args :
             {QStringList{QStringLiteral("backup")},
              QStringList{QStringLiteral("verify"), QStringLiteral("--latest")}}) {
            QProcess run;
            run.setProcessEnvironment(m_env);
            run.setProcessChannelMode(QProcess::ForwardedOutputChannel);
            QElapsedTimer clock;
            clock.start();
            run.start(QStringLiteral(LITEKEEP_BINARY), args);
            QVERIFY(run.waitForStarted());
            qint64 peak = 0;
            while (!run.waitForFinished(50)) {
                peak = std::max(peak, peakRssKiB(run.processId()));
                run.readAllStandardError();
            }
            const QByteArray err = run.readAllStandardError();
            QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0,
                     err.constData());
            qInfo("litekeep %s of %lld MiB: %lld ms, peak RSS %lld MiB (bound %lld MiB)",
                  qPrintable(args.join(QLatin1Char(' '))), size >> 20, clock.elapsed(), peak >> 10,
                  kMemoryBoundKiB >> 10);
            QVERIFY2(peak > 0, "the peak was measured");
            if (!kSanitized)
                QVERIFY2(peak < kMemoryBoundKiB,
                         qPrintable(QStringLiteral("peak RSS %1 KiB").arg(peak)));
        }
        if (!haveTime) {
            qInfo("/usr/bin/time is not installed: rclone's memory was not measured");
            return;
        }
        qint64 rclonePeak = 0;
        for (const QByteArray &line : readAll(rcloneRss).split('\n'))
            rclonePeak = std::max(rclonePeak, line.split(' ').value(0).toLongLong());
        qInfo("rclone's peak RSS over all its runs: %lld MiB", rclonePeak >> 10);
        QVERIFY(rclonePeak > 0);
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestLoad)
#include "tst_load.moc"

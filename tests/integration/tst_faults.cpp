// Faults injected into real runs (the real binary, rclone and s3rver): rclone killed in the middle
// of the data or before the manifest, LiteKeep itself killed, the server stopped or killed during
// "verify --all", a .db.gz corrupted on its way down (once, or on every download), a wrong key, a
// missing bucket, a full staging disk, a locked or replaced database, two runs at once, and a
// crash in the middle of an in-place restore. After every fault the same
// promises are checked: the run failed with exit 1 and one actionable sentence, the history records
// it, the generations listed are the ones there were, they still verify, and the next run works.
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace lkt;

namespace {

// The sentence LiteKeep printed for the failure: its first "litekeep: " line on stderr.
QString sentence(const RunResult &r)
{
    const QStringList lines = QString::fromUtf8(r.err).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("litekeep: ")))
            return line.mid(10);
    }
    return {};
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private:
    S3Server m_server{QStringLiteral("backups")};
    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;
    QString m_prefix;

    // What there was before the fault.
    struct Before
    {
        QStringList complete; // generations listed as complete, newest first
        qsizetype backupRuns = 0;
        qsizetype verifyRuns = 0;
        qsizetype restoreRuns = 0;
    };

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }
    QString dest() const { return QStringLiteral("s3://backups/") + m_prefix; }
    RunResult lk(const QStringList &args, const QProcessEnvironment &env) const
    {
        return runLiteKeep(args, env, {}, 240000);
    }
    RunResult lk(const QStringList &args) const { return lk(args, m_env); }

    void addProfile(const QStringList &extra = {})
    {
        const RunResult r = lk(QStringList{QStringLiteral("profile"), QStringLiteral("add"),
                                           QStringLiteral("default"), QStringLiteral("--db"), db(),
                                           QStringLiteral("--dest"), dest(),
                                           QStringLiteral("--endpoint"), m_server.endpoint(),
                                           QStringLiteral("--drill-days"), QStringLiteral("0")} +
                               extra);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }
    QString backup(const QProcessEnvironment &env)
    {
        const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("backup")}, env);
        if (r.exitCode != 0) {
            qWarning("%s", qPrintable(describe(r)));
            return {};
        }
        return QJsonDocument::fromJson(r.out)
            .object()
            .value(QLatin1String("generation"))
            .toString();
    }
    QString backup() { return backup(m_env); }
    void change(const QString &sql) const
    {
        QCOMPARE(runProgram(QStringLiteral("sqlite3"), {db(), sql}, m_env).exitCode, 0);
    }

    // `list --json`: every entry, as (generation, state).
    QList<std::pair<QString, QString>> listed() const
    {
        const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("list")});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(describe(r)));
        QList<std::pair<QString, QString>> entries;
        const QJsonArray array =
            QJsonDocument::fromJson(r.out).object().value(QLatin1String("generations")).toArray();
        for (const QJsonValue &v : array)
            entries.append({v.toObject().value(QLatin1String("generation")).toString(),
                            v.toObject().value(QLatin1String("state")).toString()});
        return entries;
    }
    QStringList completeGenerations() const
    {
        QStringList names;
        for (const auto &[name, state] : listed()) {
            if (state == QLatin1String("complete"))
                names.append(name);
        }
        return names;
    }

    // A profile with two good generations of a database of `rows` rows.
    Before twoGenerations(int rows = 300, const QStringList &extra = {})
    {
        Before before;
        [&] {
            QVERIFY(makeDatabase(db(), QStringLiteral("wal"), rows));
            addProfile(extra);
            QVERIFY(!backup().isEmpty());
            change(QStringLiteral("INSERT INTO tags VALUES ('second', 2)"));
            QVERIFY(!backup().isEmpty());
        }();
        before.complete = completeGenerations();
        before.backupRuns = historyRows(*m_home).size();
        before.verifyRuns = historyRows(*m_home, QStringLiteral("verify")).size();
        before.restoreRuns = historyRows(*m_home, QStringLiteral("restore")).size();
        return before;
    }

    // The promises after a fault, once its cause is gone: the run of `kind` that failed is in the
    // history with `outcome` (and `phrase`), the complete generations are those there were (plus
    // `added`), they all verify, and a normal backup works.
    void checkPromises(const Before &before, const QString &kind, const QString &outcome,
                       const QString &phrase, const QStringList &added = {},
                       qsizetype runIndexOffset = 0)
    {
        QStringList expected = added + before.complete;
        QCOMPARE(completeGenerations(), expected);

        const RunResult verify = lk({QStringLiteral("verify"), QStringLiteral("--all")});
        QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));
        for (const QString &generation : std::as_const(expected))
            QVERIFY2(verify.out.contains((generation + QStringLiteral(": passed")).toUtf8()),
                     qPrintable(describe(verify)));

        const QString next = backup();
        QVERIFY2(!next.isEmpty(), "the next normal run works");
        expected.prepend(next);
        QCOMPARE(completeGenerations(), expected);

        const qsizetype index = (kind == QLatin1String("backup")   ? before.backupRuns
                                 : kind == QLatin1String("verify") ? before.verifyRuns
                                                                   : before.restoreRuns) +
                                runIndexOffset;
        const auto rows = historyRows(*m_home, kind);
        QVERIFY2(rows.size() > index, "the failed run is in the history");
        QCOMPARE(rows.at(index).value(0), outcome);
        QVERIFY2(rows.at(index).value(1).contains(phrase),
                 qPrintable(rows.at(index).join(QLatin1String(" | "))));
    }

    // A run that failed: exit 1 and a sentence that says what happened.
    static void checkFailed(const RunResult &r, const QString &phrase)
    {
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        const QString said = sentence(r);
        QVERIFY2(said.contains(phrase), qPrintable(describe(r)));
        QVERIFY2(said.endsWith(QLatin1Char('.')) || said.endsWith(QLatin1Char(')')),
                 qPrintable(said));
    }

    QProcessEnvironment withWrapper(const QString &body) const
    {
        QProcessEnvironment env = m_env;
        const QString folder = m_home->file(QStringLiteral("wrapper"));
        QDir().mkpath(folder);
        env.insert(QStringLiteral("LITEKEEP_RCLONE"), writeRcloneWrapper(folder, body));
        // These wrappers act on one rclone command each: one process per operation, no daemon
        // (the daemon's own faults are tested below).
        env.insert(QStringLiteral("LITEKEEP_RCLONE_DAEMON"), QStringLiteral("0"));
        return env;
    }
    // Every download of a .db.gz (`rclone cat`, what the verifier runs) counted in `counter`; the
    // first `corrupted` of them come back with one bit flipped in the gzip header's mtime, which
    // gunzip ignores, so only the SHA-256 of the .db.gz can see it.
    QProcessEnvironment corruptingDownloads(const QString &counter, int corrupted) const
    {
        return withWrapper(
            QStringLiteral(
                "case \"$*\" in *\" cat \"*.db.gz*)\n"
                "  n=$(cat '%1' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '%1'\n"
                "  if [ $n -le %2 ]; then\n"
                "    rclone \"$@\" | perl -e 'binmode STDIN; binmode STDOUT; read(STDIN, $h, 10);\n"
                "      substr($h, 5, 1) ^= \"\\x01\"; print $h; print while read(STDIN, $_, "
                "65536)'\n"
                "    exit 0\n"
                "  fi;;\n"
                "esac")
                .arg(counter)
                .arg(corrupted));
    }
    static int downloads(const QString &counter)
    {
        QFile file(counter);
        return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toInt() : 0;
    }
    // The last verification `list --json` shows for `generation`.
    QJsonObject verificationOf(const QString &generation) const
    {
        const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("list")});
        const QJsonArray array =
            QJsonDocument::fromJson(r.out).object().value(QLatin1String("generations")).toArray();
        for (const QJsonValue &v : array) {
            if (v.toObject().value(QLatin1String("generation")).toString() == generation)
                return v.toObject().value(QLatin1String("verification")).toObject();
        }
        return {};
    }
    QStringList stagingLeft() const
    {
        return QDir(m_home->stagingRoot()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    }

    // m_env with `body` run in front of rclone, the daemon allowed (unlike withWrapper), and
    // the upload staged (so the daemon makes it).
    QProcessEnvironment withDaemonWrapper(const QString &body) const
    {
        QProcessEnvironment env = m_env;
        const QString folder = m_home->file(QStringLiteral("daemon-wrapper"));
        QDir().mkpath(folder);
        env.insert(QStringLiteral("LITEKEEP_RCLONE"), writeRcloneWrapper(folder, body));
        env.insert(QStringLiteral("LITEKEEP_UPLOAD_MODE"), QStringLiteral("staged"));
        return env;
    }
    // Starts a backup whose rclone daemon sends at 256 KB/s; once its upload has run for a
    // second (progress is on stderr), returns the daemon's pid, or 0 if it never got there.
    pid_t startSlowDaemonUpload(QProcess &run, QByteArray *err) const
    {
        const QString pidFile = m_home->file(QStringLiteral("daemon-pid"));
        run.setProcessEnvironment(
            withDaemonWrapper(QStringLiteral("case \"$*\" in *\" rcd \"*) echo $$ > '%1'; exec "
                                             "rclone --bwlimit 256k \"$@\";; esac")
                                  .arg(pidFile)));
        run.setReadChannel(QProcess::StandardError);
        run.start(QStringLiteral(LITEKEEP_BINARY), {QStringLiteral("backup")});
        QDeadlineTimer deadline(60000);
        while (!err->contains("Uploading") && !deadline.hasExpired() &&
               run.state() != QProcess::NotRunning) {
            run.waitForReadyRead(200);
            *err += run.readAllStandardError();
        }
        QTest::qWait(1000);
        if (!err->contains("Uploading") || run.state() != QProcess::Running)
            return 0;
        QFile file(pidFile);
        return file.open(QIODevice::ReadOnly)
                   ? static_cast<pid_t>(file.readAll().trimmed().toLongLong())
                   : 0;
    }

    // Whether `pid` is a live process (a zombie waiting for its parent is not).
    static bool processAlive(qint64 pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        return close > 0 && line.size() > close + 2 && line.at(close + 2) != 'Z';
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
        m_prefix = QStringLiteral("faults-%1-%2")
                       .arg(QString::fromLatin1(QTest::currentTestFunction()).toLower())
                       .arg(QRandomGenerator::global()->generate());
    }

    void cleanup()
    {
        // A test that stopped the server must not leave the next one without it.
        if (m_server.pid() == 0)
            QVERIFY(m_server.restart());
    }

    // rclone dies (SIGKILL, as the OOM killer would do it) one second into the streamed data
    // upload, and again one second into the retry from the staged copy.
    void rcloneKilledDuringTheDataUpload()
    {
        const Before before = twoGenerations(20000); // a few MB, uploaded at 256 KB/s
        const RunResult r =
            lk({QStringLiteral("backup")},
               withWrapper(QStringLiteral(
                   "case \"$*\" in *rcat*.db.gz*|*copyto*.db.gz*)\n"
                   "  rclone --bwlimit 256k \"$@\" <&0 & sleep 1; kill -9 $!; kill -9 $$;;\n"
                   "esac")));
        checkFailed(r, QStringLiteral("rclone was killed"));
        QVERIFY2(sentence(r).contains(QLatin1String(".db.gz")), qPrintable(describe(r)));
        QVERIFY(stagingLeft().isEmpty());
        checkPromises(before, QStringLiteral("backup"), QStringLiteral("failed"),
                      QStringLiteral("rclone was killed"));
    }

    // The data arrived; rclone dies when it starts on the manifest. The data object without a
    // manifest must never list as a generation.
    void rcloneKilledBeforeTheManifest()
    {
        const Before before = twoGenerations();
        const RunResult r = lk({QStringLiteral("backup")},
                               withWrapper(QStringLiteral(
                                   "case \"$*\" in *copyto*.manifest.json*) kill -9 $$;; esac")));
        checkFailed(r, QStringLiteral("rclone was killed"));
        QVERIFY2(sentence(r).contains(QLatin1String(".manifest.json")), qPrintable(describe(r)));
        // The orphaned data is there, and listed for what it is.
        const auto entries = listed();
        QCOMPARE(entries.size(), before.complete.size() + 1);
        QCOMPARE(entries.first().second, QStringLiteral("incomplete"));
        checkPromises(before, QStringLiteral("backup"), QStringLiteral("failed"),
                      QStringLiteral("rclone was killed"));
    }

    // The same faults for the rclone daemon that carries a backup's listing, upload, check and
    // manifest.
    void daemonKilledDuringTheDataUpload()
    {
        const Before before = twoGenerations(20000);
        QProcess run;
        QByteArray err;
        const pid_t daemon = startSlowDaemonUpload(run, &err);
        QVERIFY2(daemon > 0, err.constData());
        QCOMPARE(::kill(daemon, SIGKILL), 0);
        QVERIFY(run.waitForFinished(60000));
        RunResult r;
        r.exitCode = run.exitCode();
        r.out = run.readAllStandardOutput();
        r.err = err + run.readAllStandardError();
        checkFailed(r, QStringLiteral("rclone was killed"));
        QVERIFY2(sentence(r).contains(QLatin1String(".db.gz")), qPrintable(describe(r)));
        QVERIFY(stagingLeft().isEmpty());
        checkPromises(before, QStringLiteral("backup"), QStringLiteral("failed"),
                      QStringLiteral("rclone was killed"));
    }

    // Ctrl+C during the daemon's upload: cancelled, nothing added, and the daemon gone with the
    // run.
    void daemonStoppedWithACancelledRun()
    {
        const Before before = twoGenerations(20000);
        QProcess run;
        QByteArray err;
        const pid_t daemon = startSlowDaemonUpload(run, &err);
        QVERIFY2(daemon > 0, err.constData());
        QCOMPARE(::kill(static_cast<pid_t>(run.processId()), SIGINT), 0);
        QVERIFY(run.waitForFinished(30000));
        err += run.readAllStandardError();
        QCOMPARE(run.exitCode(), 1);
        QVERIFY2(err.contains("cancelled"), err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(::kill(daemon, 0) != 0, 10000); // no rclone left behind
        QVERIFY(stagingLeft().isEmpty());
        QCOMPARE(completeGenerations(), before.complete);
        QCOMPARE(historyRows(*m_home).last().value(0), QStringLiteral("cancelled"));
    }

    // LiteKeep SIGKILLed while its rclone daemon idles (the data goes up through rcat): the
    // daemon, which holds the credentials in its environment and would print nothing to notice
    // its closed pipes, dies with LiteKeep instead of running on as an orphan.
    void daemonDiesWithAKilledLiteKeep()
    {
        const Before before = twoGenerations();
        const QString daemonPid = m_home->file(QStringLiteral("daemon-pid"));
        const QString streaming = m_home->file(QStringLiteral("rcat-started"));
        QProcessEnvironment env =
            withDaemonWrapper(QStringLiteral("case \"$*\" in *\" rcd \"*) echo $$ > '%1';; *rcat*) "
                                             "touch '%2'; exec sleep 60;; esac")
                                  .arg(daemonPid, streaming));
        env.insert(QStringLiteral("LITEKEEP_UPLOAD_MODE"), QStringLiteral("stream"));
        env.insert(QStringLiteral("LITEKEEP_STREAM_MIN_MIB"), QStringLiteral("0"));
        QProcess run;
        run.setProcessEnvironment(env);
        run.start(QStringLiteral(LITEKEEP_BINARY), {QStringLiteral("backup")});
        QVERIFY(waitForFile(streaming, 60000));
        QFile pidFile(daemonPid);
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const qint64 daemon = pidFile.readAll().trimmed().toLongLong();
        QVERIFY(processAlive(daemon));
        run.kill();
        QVERIFY(run.waitForFinished(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(daemon), 10000);
        checkPromises(before, QStringLiteral("backup"), QStringLiteral("interrupted"),
                      QStringLiteral("interrupted"));
    }

    // A daemon that a dead run left running (an older LiteKeep, a kernel without the parent-death
    // signal) is ended by the next run of the profile, which finds it beside the profile's lock.
    void leftoverDaemonIsReapedByTheNextRun()
    {
        const Before before = twoGenerations();
        QProcess leftover;
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        env.insert(QStringLiteral("HOME"), m_home->path());
        env.insert(QStringLiteral("RCLONE_RC_USER"), QStringLiteral("litekeep"));
        env.insert(QStringLiteral("RCLONE_RC_PASS"), QStringLiteral("left-behind"));
        leftover.setProcessEnvironment(env);
        leftover.start(QStringLiteral("rclone"),
                       {QStringLiteral("--config"), QString(), QStringLiteral("rcd"),
                        QStringLiteral("--rc-addr"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(leftover.waitForStarted(10000));
        const QString locks = m_home->file(QStringLiteral("cache/litekeep/locks"));
        QVERIFY(QDir().mkpath(locks));
        QFile pidFile(locks + QStringLiteral("/default.rcd.pid"));
        QVERIFY(pidFile.open(QIODevice::WriteOnly));
        pidFile.write(QByteArray::number(leftover.processId()));
        pidFile.close();

        change(QStringLiteral("INSERT INTO tags VALUES ('third', 3)"));
        const RunResult r = lk({QStringLiteral("backup")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(leftover.waitForFinished(10000), "the leftover daemon was ended");
        QCOMPARE(leftover.exitStatus(), QProcess::CrashExit); // SIGKILL
        QVERIFY2(!pidFile.exists(), "the run's own daemon removed its pid file on exit");
        QCOMPARE(completeGenerations().size(), before.complete.size() + 1);
    }

    // An rclone whose daemon cannot start (an old or a restricted build): each operation runs as
    // a process of its own, and the backup succeeds all the same.
    void daemonThatCannotStart()
    {
        const Before before = twoGenerations();
        const QString argvLog = m_home->file(QStringLiteral("argv.log"));
        const QProcessEnvironment env = withDaemonWrapper(
            QStringLiteral(
                "echo \"$*\" >> '%1'\n"
                "case \"$*\" in *\" rcd \"*) echo 'unknown command \"rcd\"' >&2; exit 1;; esac")
                .arg(argvLog));
        change(QStringLiteral("INSERT INTO tags VALUES ('third', 3)"));
        const RunResult r = lk({QStringLiteral("backup")}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QFile log(argvLog);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray calls = log.readAll();
        QVERIFY2(calls.contains(" rcd ") && calls.contains(" lsjson ") &&
                     calls.contains(" copyto "),
                 calls.constData());
        QCOMPARE(completeGenerations().size(), before.complete.size() + 1);
    }

    // LiteKeep itself is SIGKILLed during the upload: the lock and the staging files it leaves are
    // recovered by the next run, which records the killed one as interrupted.
    void liteKeepKilledMidRun()
    {
        const Before before = twoGenerations();
        const QString started = m_home->file(QStringLiteral("rclone-started"));
        const QString wrapperPid = m_home->file(QStringLiteral("wrapper-pid"));
        QProcess run;
        run.setProcessEnvironment(
            withWrapper(QStringLiteral("case \"$*\" in *rcat*.db.gz*|*copyto*.db.gz*) echo $$ > "
                                       "'%1'; touch '%2'; sleep 60;; esac")
                            .arg(wrapperPid, started)));
        run.start(QStringLiteral(LITEKEEP_BINARY), {QStringLiteral("backup")});
        QVERIFY(waitForFile(started, 60000));
        run.kill();
        QVERIFY(run.waitForFinished(10000));
        QFile pidFile(wrapperPid);
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        ::kill(static_cast<pid_t>(pidFile.readAll().trimmed().toLongLong()),
               SIGKILL); // the orphaned rclone
        QVERIFY2(!stagingLeft().isEmpty(), "the killed run left its staging files");
        QVERIFY(QFile::exists(m_home->file(QStringLiteral("cache/litekeep/locks/default.lock"))));
        QCOMPARE(historyRows(*m_home).last().value(0), QStringLiteral("running"));

        checkPromises(before, QStringLiteral("backup"), QStringLiteral("interrupted"),
                      QStringLiteral("interrupted"));
        QVERIFY2(stagingLeft().isEmpty(), qPrintable(stagingLeft().join(QLatin1Char(' '))));
    }

    // The server is stopped: every job gives up after rclone's retries (with backoff), with a
    // sentence that names the endpoint; a stopped server answers nothing, so this is quick. (A
    // server that accepts connections and never answers is cut off by the listing's time limit.)
    void serverDown()
    {
        const Before before = twoGenerations();
        m_server.stop();
        const RunResult r = lk({QStringLiteral("backup")});
        checkFailed(r, QStringLiteral("refused the connection"));
        QVERIFY2(sentence(r).contains(m_server.endpoint()), qPrintable(describe(r)));
        for (const QStringList &args :
             {QStringList{QStringLiteral("list")}, QStringList{QStringLiteral("verify")},
              QStringList{QStringLiteral("prune")},
              QStringList{QStringLiteral("restore"), QStringLiteral("--latest"),
                          QStringLiteral("--to"), m_home->file(QStringLiteral("r.db"))}})
            checkFailed(lk(args), QStringLiteral("refused the connection"));
        QVERIFY(!QFile::exists(m_home->file(QStringLiteral("r.db"))));
        QVERIFY(m_server.restart());
        checkPromises(before, QStringLiteral("backup"), QStringLiteral("failed"),
                      QStringLiteral("refused the connection"));
    }

    // The server process dies (SIGKILL) at the second download of "verify --all".
    void serverKilledDuringVerifyAll()
    {
        const Before before = twoGenerations();
        change(QStringLiteral("INSERT INTO tags VALUES ('third', 3)"));
        const QString third = backup();
        QVERIFY(!third.isEmpty());
        const QString counter = m_home->file(QStringLiteral("cat-calls"));
        const RunResult r = lk(
            {QStringLiteral("verify"), QStringLiteral("--all")},
            withWrapper(QStringLiteral(
                            "case \"$*\" in *\" cat \"*)\n"
                            "  n=$(cat '%1' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '%1'\n"
                            "  [ $n -eq 2 ] && kill -9 %2;;\n"
                            "esac")
                            .arg(counter)
                            .arg(m_server.pid())));
        checkFailed(r, QStringLiteral("could not be checked"));
        QVERIFY2(r.err.contains("refused the connection"), qPrintable(describe(r)));
        QVERIFY2(r.out.contains((third + QStringLiteral(": passed")).toUtf8()),
                 qPrintable(describe(r)));
        QVERIFY2(!r.out.contains("FAILED"), qPrintable(describe(r)));
        QVERIFY(m_server.restart());
        checkPromises(before, QStringLiteral("verify"), QStringLiteral("failed"),
                      QStringLiteral("could not be checked"), {third});
    }

    // One bit of the .db.gz flipped on its way down, on the first download only (a bad link, not
    // a bad object): the check fails, a second download passes, and the generation is good. The
    // backup, "verify GENERATION" and a restore all go through the same check.
    void verificationCorruptedInTransitOnce()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 300));
        addProfile();
        const QString counter = m_home->file(QStringLiteral("downloads"));
        const QString said =
            QStringLiteral("the first download was corrupted in transit (the SHA-256 of the "
                           ".db.gz does not match the manifest); a second download passed");
        const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("backup")},
                               corruptingDownloads(counter, 1));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(downloads(counter), 2);
        const QJsonObject result = QJsonDocument::fromJson(r.out).object();
        const QString generation = result.value(QLatin1String("generation")).toString();
        QVERIFY(!generation.isEmpty());
        QVERIFY2(result.value(QLatin1String("message")).toString().contains(said),
                 qPrintable(describe(r)));
        const QJsonObject verification = verificationOf(generation);
        QVERIFY2(verification.value(QLatin1String("passed")).toBool(), qPrintable(describe(r)));
        QCOMPARE(verification.value(QLatin1String("kind")).toString(), QStringLiteral("backup"));
        QVERIFY2(verification.value(QLatin1String("reason")).toString().contains(said),
                 qPrintable(verification.value(QLatin1String("reason")).toString()));
        QCOMPARE(historyRows(*m_home).last().value(0), QStringLiteral("succeeded"));

        QFile::remove(counter);
        const RunResult verify =
            lk({QStringLiteral("verify"), generation}, corruptingDownloads(counter, 1));
        QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));
        QVERIFY2(verify.out.contains((generation + QStringLiteral(": passed; ") + said).toUtf8()),
                 qPrintable(describe(verify)));
        QCOMPARE(downloads(counter), 2);

        QFile::remove(counter);
        const QString target = m_home->file(QStringLiteral("restored.db"));
        const RunResult restore =
            lk({QStringLiteral("restore"), generation, QStringLiteral("--to"), target},
               corruptingDownloads(counter, 1));
        QVERIFY2(restore.exitCode == 0, qPrintable(describe(restore)));
        QCOMPARE(downloads(counter), 2);
        QCOMPARE(sqliteDump(target), sqliteDump(db()));
        QVERIFY(stagingLeft().isEmpty());
    }

    // The stored .db.gz really is bad (here every download of it comes back with the same bit
    // flipped): it fails on two downloads, not one and not three, and the sentence names the check.
    void verificationCorruptedOnEveryDownload()
    {
        const Before before = twoGenerations();
        change(QStringLiteral("INSERT INTO tags VALUES ('third', 3)"));
        const QString counter = m_home->file(QStringLiteral("downloads"));
        const QString said =
            QStringLiteral("the SHA-256 of the .db.gz does not match the manifest; a second "
                           "download failed the same way");
        const RunResult r = lk({QStringLiteral("backup")}, corruptingDownloads(counter, 1000));
        checkFailed(r,
                    QStringLiteral("failed verification after upload: ") + said + QLatin1Char('.'));
        QCOMPARE(downloads(counter), 2);
        const QStringList complete = completeGenerations();
        QCOMPARE(complete.size(), before.complete.size() + 1); // it stays, for inspection
        const QString generation = complete.first();
        QVERIFY(!before.complete.contains(generation));
        const QJsonObject verification = verificationOf(generation);
        QVERIFY(verification.contains(QLatin1String("passed")));
        QVERIFY(!verification.value(QLatin1String("passed")).toBool());
        QCOMPARE(verification.value(QLatin1String("reason")).toString(), said);

        QFile::remove(counter);
        const RunResult verify =
            lk({QStringLiteral("verify"), generation}, corruptingDownloads(counter, 1000));
        QVERIFY2(verify.exitCode == 1, qPrintable(describe(verify)));
        QVERIFY2(verify.out.contains((generation + QStringLiteral(": FAILED: ") + said).toUtf8()),
                 qPrintable(describe(verify)));
        QCOMPARE(downloads(counter), 2);

        checkPromises(before, QStringLiteral("backup"), QStringLiteral("failed"), said,
                      {generation});
    }

    void wrongKey()
    {
        const Before before = twoGenerations();
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("LITEKEEP_ACCESS_KEY_ID"), QStringLiteral("WRONGKEY"));
        const RunResult r = lk({QStringLiteral("backup")}, env);
        checkFailed(r, QStringLiteral("rejected the access key"));
        checkPromises(before, QStringLiteral("backup"), QStringLiteral("failed"),
                      QStringLiteral("rejected the access key"));
    }

    void bucketMissing()
    {
        const Before before = twoGenerations();
        const QString missing = QStringLiteral("s3://no-such-bucket/") + m_prefix;
        QCOMPARE(lk({QStringLiteral("profile"), QStringLiteral("set"), QStringLiteral("default"),
                     QStringLiteral("--dest"), missing})
                     .exitCode,
                 0);
        const RunResult r = lk({QStringLiteral("backup")});
        checkFailed(r, QStringLiteral("bucket \"no-such-bucket\" does not exist"));
        QCOMPARE(lk({QStringLiteral("profile"), QStringLiteral("set"), QStringLiteral("default"),
                     QStringLiteral("--dest"), dest()})
                     .exitCode,
                 0);
        checkPromises(before, QStringLiteral("backup"), QStringLiteral("failed"),
                      QStringLiteral("does not exist"));
    }

    // The staging folder is on a 1 MB tmpfs (a private mount namespace).
    void stagingDiskFull()
    {
        if (runProgram(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("true")},
                       m_env)
                .exitCode != 0)
            QSKIP("unshare cannot make a private mount namespace here");
        const Before before = twoGenerations(20000);
        const RunResult r = runProgram(
            QStringLiteral("unshare"),
            {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral(
                 "mount -t tmpfs -o size=1m tmpfs \"$XDG_CACHE_HOME\" && exec \"$0\" backup"),
             QStringLiteral(LITEKEEP_BINARY)},
            m_env);
        checkFailed(r, QStringLiteral("Not enough free space"));
        checkPromises(before, QStringLiteral("backup"), QStringLiteral("failed"),
                      QStringLiteral("Not enough free space"));
    }

    // Another process holds an exclusive lock: LiteKeep waits the busy timeout, then says so.
    void databaseLockedExclusively()
    {
        const Before before =
            twoGenerations(300, {QStringLiteral("--busy-timeout"), QStringLiteral("2")});
        QProcess holder;
        holder.start(QStringLiteral("sqlite3"), {db()});
        QVERIFY(holder.waitForStarted());
        holder.write("PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\nINSERT INTO notes(title) "
                     "VALUES ('held');\n"
                     ".print locked\n.flush\n");
        QVERIFY2(waitForOutput(holder, QProcess::StandardOutput, "locked", 10000),
                 "the lock is held");
        const RunResult r = lk({QStringLiteral("backup")});
        holder.write("ROLLBACK;\n.quit\n");
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        checkFailed(r, QStringLiteral("locked"));
        checkPromises(before, QStringLiteral("backup"), QStringLiteral("failed"),
                      QStringLiteral("locked"));
    }

    // The database file is replaced by something that is not SQLite (a botched deploy).
    void databaseReplacedByNonSqlite()
    {
        const Before before = twoGenerations();
        const QString kept = m_home->file(QStringLiteral("kept.db"));
        QVERIFY(QFile::rename(db(), kept));
        QFile::remove(db() + QStringLiteral("-wal"));
        QFile::remove(db() + QStringLiteral("-shm"));
        QByteArray junk(256 * 1024, '\0');
        for (auto &c : junk)
            c = static_cast<char>(QRandomGenerator::global()->generate());
        QFile file(db());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(junk);
        file.close();
        const RunResult r = lk({QStringLiteral("backup")});
        checkFailed(r, QStringLiteral("not an SQLite database"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), junk); // untouched
        file.close();
        QVERIFY(QFile::remove(db()));
        QVERIFY(QFile::rename(kept, db()));
        checkPromises(before, QStringLiteral("backup"), QStringLiteral("failed"),
                      QStringLiteral("not an SQLite database"));
    }

    // A second run of the same profile while the first uploads: refused at once, no crash, and
    // the first one finishes normally.
    void twoRunsAtOnce()
    {
        const Before before = twoGenerations();
        const QString started = m_home->file(QStringLiteral("rclone-started"));
        QProcess first;
        first.setProcessEnvironment(withWrapper(
            QStringLiteral(
                "case \"$*\" in *rcat*.db.gz*|*copyto*.db.gz*) touch '%1'; sleep 3;; esac")
                .arg(started)));
        first.start(QStringLiteral(LITEKEEP_BINARY),
                    {QStringLiteral("--json"), QStringLiteral("backup")});
        QVERIFY(waitForFile(started, 60000));
        const RunResult second = lk({QStringLiteral("backup")});
        checkFailed(second, QStringLiteral("already in progress"));
        QVERIFY(first.waitForFinished(120000));
        QCOMPARE(first.exitStatus(), QProcess::NormalExit);
        QCOMPARE(first.exitCode(), 0);
        const QString firstGeneration = QJsonDocument::fromJson(first.readAllStandardOutput())
                                            .object()
                                            .value(QLatin1String("generation"))
                                            .toString();
        // The refused run was skipped, not failed: no record of its own (issue 23), only the
        // first run's success.
        const auto rows = historyRows(*m_home);
        QCOMPARE(rows.size(), before.backupRuns + 1);
        QCOMPARE(rows.last().value(0), QStringLiteral("succeeded"));
        checkPromises(before, QStringLiteral("backup"), QStringLiteral("succeeded"),
                      QStringLiteral("Backed up"), {firstGeneration}, 0);
    }

    // SIGKILL in the middle of writing an in-place restore: the live database holds either what
    // it held or the generation, never a mix, and the pre-restore copy is there.
    void crashDuringInPlaceRestore_data()
    {
        QTest::addColumn<QString>("journalMode");
        QTest::newRow("rollback journal") << QStringLiteral("delete");
        QTest::newRow("WAL") << QStringLiteral("wal");
    }
    void crashDuringInPlaceRestore()
    {
        QFETCH(QString, journalMode);
        // Big enough (about 120 MB, compressing to a few MB) that writing it takes a while.
        const auto make = [&](const QString &marker) {
            for (const char *suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(db() + QLatin1String(suffix));
            const RunResult r = runProgram(
                QStringLiteral("sqlite3"),
                {db(), QStringLiteral(
                           "PRAGMA journal_mode=%1; PRAGMA synchronous=OFF;"
                           "CREATE TABLE big(id INTEGER PRIMARY KEY, data BLOB);"
                           "CREATE TABLE marker(v TEXT); INSERT INTO marker VALUES ('%2');"
                           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i "
                           "< 30000)"
                           " INSERT INTO big SELECT i, zeroblob(4000) || randomblob(8) FROM n;")
                           .arg(journalMode, marker)},
                m_env);
            return r.exitCode == 0;
        };
        const auto contentHash = [](const QString &path) {
            return runProgram(QStringLiteral("sqlite3"), {path, QStringLiteral(".sha3sum")},
                              QProcessEnvironment::systemEnvironment())
                .out;
        };
        QVERIFY(make(QStringLiteral("generation")));
        addProfile();
        const RunResult backedUp =
            lk({QStringLiteral("--json"), QStringLiteral("backup"), QStringLiteral("--no-verify")});
        QVERIFY2(backedUp.exitCode == 0,
                 qPrintable(describe(backedUp))); // the restores below verify it
        const QString generation = QJsonDocument::fromJson(backedUp.out)
                                       .object()
                                       .value(QLatin1String("generation"))
                                       .toString();
        const QByteArray generationHash = contentHash(db());
        QVERIFY(make(QStringLiteral("live"))); // every page differs from the generation's
        const QByteArray liveHash = contentHash(db());
        QVERIFY(liveHash != generationHash);
        const Before before{completeGenerations(), historyRows(*m_home).size(),
                            historyRows(*m_home, QStringLiteral("verify")).size(),
                            historyRows(*m_home, QStringLiteral("restore")).size()};

        QProcess restore;
        restore.setProcessEnvironment(m_env);
        restore.start(
            QStringLiteral(LITEKEEP_BINARY),
            {QStringLiteral("restore"), QStringLiteral("--latest"), QStringLiteral("--in-place")});
        QVERIFY2(waitForOutput(restore, QProcess::StandardError, "Writing the database", 180000),
                 "the restore reached its writing phase");
        restore.kill();
        QVERIFY(restore.waitForFinished(10000));
        QVERIFY2(restore.exitStatus() == QProcess::CrashExit, "killed before it finished writing");
        qInfo("left behind: %s",
              qPrintable(QDir(m_home->path()).entryList(QDir::Files).join(QLatin1Char(' '))));

        // Old or new, never a mix; and intact.
        const QByteArray after = contentHash(db());
        QVERIFY2(after == liveHash || after == generationHash, after.constData());
        qInfo("after the crash the database holds %s",
              after == liveHash ? "what it held" : "the generation");
        QCOMPARE(runProgram(QStringLiteral("sqlite3"),
                            {db(), QStringLiteral("PRAGMA integrity_check")}, m_env)
                     .out,
                 QByteArray("ok\n"));
        const QDir copies(m_home->file(QStringLiteral("data/litekeep/pre-restore")));
        const QStringList kept = copies.entryList({QStringLiteral("*.db")}, QDir::Files);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(contentHash(copies.filePath(kept.first())), liveHash);

        // The next restore works, and the history says the killed one was interrupted.
        const RunResult again =
            lk({QStringLiteral("restore"), generation, QStringLiteral("--in-place")});
        QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
        QCOMPARE(contentHash(db()), generationHash);
        const auto restores = historyRows(*m_home, QStringLiteral("restore"));
        QCOMPARE(restores.size(), before.restoreRuns + 2);
        QCOMPARE(restores.at(before.restoreRuns).value(0), QStringLiteral("interrupted"));
        QCOMPARE(restores.last().value(0), QStringLiteral("succeeded"));
        QCOMPARE(completeGenerations(), before.complete);
        const RunResult verify = lk({QStringLiteral("verify"), QStringLiteral("--all")});
        QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"

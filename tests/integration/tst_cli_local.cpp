// The real litekeep binary backing up to a local folder: profiles, backups, plain-tools
// restores, bad input, locks, cancellation and a live writer.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace lkt;

class TestCliLocal : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;
    QString m_dest;

    QString db(const QString &name = QStringLiteral("cogito.db")) const
    {
        return m_home->file(name);
    }

    RunResult lk(const QStringList &args, const QByteArray &input = {}) const
    {
        return runLiteKeep(args, m_env, input);
    }
    void addProfile(const QString &dbPath, const QStringList &extra = {})
    {
        const RunResult r = lk(QStringList{QStringLiteral("profile"), QStringLiteral("add"),
                                           QStringLiteral("default"), QStringLiteral("--db"),
                                           dbPath, QStringLiteral("--dest"), m_dest} +
                               extra);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    // One b-tree page in the middle scribbled over; the header stays valid.
    static bool damagePageInTheMiddle(const QString &path)
    {
        QFile file(path);
        constexpr qint64 kPage = 4096;
        if (!file.open(QIODevice::ReadWrite) || file.size() < 20 * kPage)
            return false;
        QByteArray noise(kPage, Qt::Uninitialized);
        QRandomGenerator(11).generate(noise.begin(), noise.end());
        return file.seek(file.size() / 2 / kPage * kPage) && file.write(noise) == noise.size();
    }
    // Starts `litekeep backup` with rclone wrapped so that the call whose arguments match the
    // shell pattern `call` hangs; true once it hangs there. One process per operation (the
    // wrapper acts on commands, not on daemon calls).
    bool startBackupHangingAt(QProcess &run, const QString &call)
    {
        const QString started = m_home->file(QStringLiteral("rclone-started"));
        m_env.insert(
            QStringLiteral("LITEKEEP_RCLONE"),
            writeRcloneWrapper(m_home->path(),
                               QStringLiteral("case \"$*\" in %1) touch '%2'; sleep 60;; esac")
                                   .arg(call, started)));
        m_env.insert(QStringLiteral("LITEKEEP_RCLONE_DAEMON"), QStringLiteral("0"));
        run.setProcessEnvironment(m_env);
        run.start(QStringLiteral(LITEKEEP_BINARY), {QStringLiteral("backup")});
        return waitForFile(started, 30000);
    }
    static void daemonOrNot()
    {
        QTest::addColumn<bool>("daemon");
        QTest::newRow("daemon") << true;
        QTest::newRow("one process per operation") << false;
    }
    QStringList manifests() const
    {
        return filesEndingWith(m_dest, QStringLiteral(".manifest.json"));
    }
    QStringList dataObjects() const { return filesEndingWith(m_dest, QStringLiteral(".db.gz")); }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<TestHome>();
        QVERIFY(m_home->isValid());
        m_env = m_home->environment();
        m_dest = m_home->file(QStringLiteral("backups"));
    }

    void profileVerbs()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 100));
        addProfile(db(), {QStringLiteral("--keep-days"), QStringLiteral("45"),
                          QStringLiteral("--at"), QStringLiteral("03:30")});
        QVERIFY(QFile::exists(m_home->configFile()));

        RunResult r =
            lk({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray profiles =
            QJsonDocument::fromJson(r.out).object().value(QLatin1String("profiles")).toArray();
        QCOMPARE(profiles.size(), 1);
        const QJsonObject p = profiles.first().toObject();
        QCOMPARE(p.value(QLatin1String("name")).toString(), QStringLiteral("default"));
        QCOMPARE(p.value(QLatin1String("database")).toString(), db());
        QCOMPARE(p.value(QLatin1String("keep_days")).toInt(), 45);
        QCOMPARE(p.value(QLatin1String("at")).toString(), QStringLiteral("03:30"));

        r = lk({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("default")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(db().toUtf8()));

        // Mistakes are usage errors (exit 2) with a sentence, and change nothing.
        const QByteArray before = [this] {
            QFile f(m_home->configFile());
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        r = lk({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("default"),
                QStringLiteral("--db"), db()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("already exists"), r.err.constData());
        r = lk({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("bad/name"),
                QStringLiteral("--db"), db()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not a valid profile name"), r.err.constData());
        r = lk({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("other")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--db"), r.err.constData());
        r = lk({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("s3"),
                QStringLiteral("--db"), db(), QStringLiteral("--dest"),
                QStringLiteral("s3://bucket/x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("endpoint"), r.err.constData());
        r = lk({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no profile named \"nope\""), r.err.constData());
        r = lk({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        const QByteArray after = [this] {
            QFile f(m_home->configFile());
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        QCOMPARE(after, before);

        r = lk({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("default")});
        QCOMPARE(r.exitCode, 0);
        r = lk({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()
                     .value(QLatin1String("profiles"))
                     .toArray()
                     .size(),
                 0);
    }

    void configOption()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        const QString config = m_home->file(QStringLiteral("elsewhere/my.ini"));
        RunResult r = lk({QStringLiteral("--config"), config, QStringLiteral("profile"),
                          QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--db"), db(),
                          QStringLiteral("--dest"), m_dest});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFile::exists(config));
        QVERIFY(!QFile::exists(m_home->configFile()));
        r = lk({QStringLiteral("--config"), config, QStringLiteral("backup"),
                QStringLiteral("--profile"), QStringLiteral("x")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void backupAndRestoreWithPlainTools_data()
    {
        QTest::addColumn<QString>("journalMode");
        QTest::newRow("wal") << QStringLiteral("wal");
        QTest::newRow("rollback journal") << QStringLiteral("delete");
    }
    void backupAndRestoreWithPlainTools()
    {
        QFETCH(QString, journalMode);
        QVERIFY(makeDatabase(db(), journalMode, 3000));
        addProfile(db());
        const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("backup")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(result.value(QLatin1String("ok")).toBool(), true);
        const QString generation = result.value(QLatin1String("generation")).toString();
        QVERIFY(generation.startsWith(QLatin1String("default-")));

        QCOMPARE(dataObjects().size(), 1);
        QCOMPARE(manifests().size(), 1);
        QVERIFY(dataObjects().first().endsWith(QStringLiteral("/default/") + generation +
                                               QStringLiteral(".db.gz")));

        // Promise 1: gunzip + sqlite3 are enough.
        const QString restored = m_home->file(QStringLiteral("restored.db"));
        const RunResult gunzip =
            runProgram(QStringLiteral("sh"),
                       {QStringLiteral("-c"), QStringLiteral("gunzip -c \"$0\" > \"$1\""),
                        dataObjects().first(), restored},
                       QProcessEnvironment::systemEnvironment());
        QCOMPARE(gunzip.exitCode, 0);
        const RunResult check =
            runProgram(QStringLiteral("sqlite3"),
                       {restored, QStringLiteral("PRAGMA integrity_check; PRAGMA journal_mode;")},
                       QProcessEnvironment::systemEnvironment());
        QCOMPARE(check.out, QByteArray("ok\ndelete\n"));
        const QByteArray source = sqliteDump(db());
        QVERIFY(!source.isEmpty());
        QCOMPARE(sqliteDump(restored), source);

        // The manifest describes exactly this file and names no local path.
        QFile manifestFile(manifests().first());
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QByteArray manifestBytes = manifestFile.readAll();
        QVERIFY(!manifestBytes.contains(m_home->path().toUtf8()));
        const QJsonObject manifest = QJsonDocument::fromJson(manifestBytes).object();
        QFile gz(dataObjects().first());
        QVERIFY(gz.open(QIODevice::ReadOnly));
        QCOMPARE(manifest.value(QLatin1String("gz"))
                     .toObject()
                     .value(QLatin1String("sha256"))
                     .toString(),
                 QString::fromLatin1(
                     QCryptographicHash::hash(gz.readAll(), QCryptographicHash::Sha256).toHex()));
        QFile plain(restored);
        QVERIFY(plain.open(QIODevice::ReadOnly));
        QCOMPARE(
            manifest.value(QLatin1String("db"))
                .toObject()
                .value(QLatin1String("sha256"))
                .toString(),
            QString::fromLatin1(
                QCryptographicHash::hash(plain.readAll(), QCryptographicHash::Sha256).toHex()));
        const QJsonObject database = manifest.value(QLatin1String("database")).toObject();
        QCOMPARE(database.value(QLatin1String("journal_mode")).toString(), journalMode);
        QCOMPARE(database.value(QLatin1String("user_version")).toInt(), 7);
        QCOMPARE(database.value(QLatin1String("row_counts"))
                     .toObject()
                     .value(QLatin1String("notes"))
                     .toInt(),
                 3000);
        QCOMPARE(manifest.value(QLatin1String("source_file")).toString(),
                 QStringLiteral("cogito.db"));

        // History and status know about it; staging is empty again.
        const auto rows = historyRows(*m_home);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().value(0), QStringLiteral("succeeded"));
        QCOMPARE(rows.first().value(2), generation);
        QVERIFY(QDir(m_home->stagingRoot())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                    .isEmpty());
        const RunResult status = lk({QStringLiteral("--json"), QStringLiteral("status")});
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.out.contains(generation.toUtf8()));
    }

    // One decision (ProfileStatus), said in words and in JSON: waiting for the first backup,
    // healthy, failed with the reason, healthy again.
    void statusSaysTheStateOfTheProfile()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        addProfile(db());
        auto stateOf = [this](QJsonObject *entry = nullptr) {
            const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("status")});
            const QJsonObject e =
                jsonOf(r).value(QLatin1String("profiles")).toArray().at(0).toObject();
            if (entry)
                *entry = e;
            return e.value(QLatin1String("state")).toString();
        };
        QCOMPARE(stateOf(), QStringLiteral("first-backup-pending"));
        QVERIFY(lk({QStringLiteral("status")}).out.contains("State: waiting for its first backup"));

        QCOMPARE(lk({QStringLiteral("backup")}).exitCode, 0);
        QJsonObject entry;
        QCOMPARE(stateOf(&entry), QStringLiteral("healthy"));
        QVERIFY(entry.value(QLatin1String("problems")).toArray().isEmpty());
        QVERIFY(entry.value(QLatin1String("next_run")).toString().endsWith(QLatin1Char('Z')));

        // The database goes missing: the next backup fails, and status says why.
        const QString aside = db() + QStringLiteral(".aside");
        QVERIFY(QFile::rename(db(), aside));
        const RunResult failed = lk({QStringLiteral("backup")});
        QVERIFY(failed.exitCode != 0);
        QCOMPARE(stateOf(&entry), QStringLiteral("failed"));
        const QString reason = entry.value(QLatin1String("problems")).toArray().at(0).toString();
        QVERIFY2(!reason.isEmpty() && failed.text().contains(reason), qPrintable(describe(failed)));
        const RunResult text = lk({QStringLiteral("status")});
        QVERIFY2(text.out.contains("State: FAILED"), text.out.constData());
        QVERIFY2(text.out.contains(QStringLiteral("Problem: %1").arg(reason).toUtf8()),
                 text.out.constData());

        QVERIFY(QFile::rename(aside, db()));
        QCOMPARE(lk({QStringLiteral("backup")}).exitCode, 0);
        QCOMPARE(stateOf(), QStringLiteral("healthy"));
    }

    // On a terminal the progress is one line, rewritten: the phase and one percentage over the
    // whole run that only grows and ends at 100. Elsewhere (a log, cron) plain lines.
    void progressOnATerminalIsOneUpdatingLine()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
            QSKIP("script(1) from bsdutils is needed for a pseudo-terminal");
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 2000));
        addProfile(db());
        // script(1) gives the run a pseudo-terminal; its output is what the terminal got.
        const RunResult r =
            runProgram(QStringLiteral("script"),
                       {QStringLiteral("-qec"),
                        QStringLiteral("'%1' backup").arg(QLatin1String(LITEKEEP_BINARY)),
                        QStringLiteral("/dev/null")},
                       m_env);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QByteArray out = r.out;
        QVERIFY2(out.contains("\r\033[KTaking snapshot  "), out.constData());
        QVERIFY2(out.contains("\r\033[KUploading  "), out.constData());
        QVERIFY2(out.contains("\r\033[KDone  100%"), out.constData());
        // No line feeds between the updates: one line, rewritten.
        const QByteArray progress = out.left(out.indexOf("Done  100%"));
        QVERIFY2(!progress.contains('\n'), progress.constData());
        int last = -1;
        for (const QByteArray &update : out.split('\r')) {
            const qsizetype percentSign = update.indexOf('%');
            if (!update.startsWith("\033[K") || percentSign < 0)
                continue;
            const QByteArray before = update.left(percentSign);
            const int percent = before.mid(before.lastIndexOf(' ') + 1).toInt();
            QVERIFY2(percent >= last, update.constData());
            last = percent;
        }
        QCOMPARE(last, 100);

        // Not a terminal: a line at each phase, each with the run's percentage.
        const RunResult plain = lk({QStringLiteral("backup")});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(plain.err.contains("Taking snapshot  0%\n"), plain.err.constData());
        QVERIFY2(!plain.err.contains('\r'), plain.err.constData());
    }

    void twoRunsInOneSecondKeepBothGenerations()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        addProfile(db());
        QCOMPARE(lk({QStringLiteral("backup")}).exitCode, 0);
        QCOMPARE(lk({QStringLiteral("backup")}).exitCode, 0);
        QCOMPARE(dataObjects().size(), 2);
        QCOMPARE(manifests().size(), 2);
    }

    // A manifest is data from the destination: its text reaches the terminal without the
    // control characters a hostile one could carry (escape sequences, carriage returns).
    void hostileManifestTextIsNotPrintedRaw()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        addProfile(db());
        QCOMPARE(lk({QStringLiteral("backup")}).exitCode, 0);
        QCOMPARE(manifests().size(), 1);
        QFile manifest(manifests().first());
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(manifest.readAll()).object();
        manifest.close();
        json.insert(QStringLiteral("host"), QStringLiteral("evil\x1b]0;owned\x07\x1b[2J\rhost"));
        QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifest.write(QJsonDocument(json).toJson());
        manifest.close();

        const QString generation =
            QFileInfo(manifests().first()).fileName().section(QLatin1Char('.'), 0, 0);
        const RunResult shown = lk({QStringLiteral("show"), generation});
        QVERIFY2(shown.exitCode == 0, shown.err.constData());
        QVERIFY2(shown.out.contains("evil"), shown.out.constData());
        QVERIFY2(shown.out.contains("host"), shown.out.constData());
        for (const char control : {'\x1b', '\x07', '\r'})
            QVERIFY2(!shown.out.contains(control), shown.out.toHex().constData());
        // The JSON form keeps the exact text, escaped as JSON escapes it.
        const RunResult json2 = lk({QStringLiteral("--json"), QStringLiteral("show"), generation});
        QCOMPARE(QJsonDocument::fromJson(json2.out)
                     .object()
                     .value(QLatin1String("manifest"))
                     .toObject()
                     .value(QLatin1String("host"))
                     .toString(),
                 json.value(QLatin1String("host")).toString());
    }

    // A local folder too: a generation from 2020 whose manifest is not valid JSON survives
    // prune and the prune after a backup; only prune --include-damaged deletes it.
    void damagedGenerationIsKeptUntilIncluded()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        addProfile(db(), {QStringLiteral("--keep-days"), QStringLiteral("1"),
                          QStringLiteral("--keep-min"), QStringLiteral("1")});
        QCOMPARE(lk({QStringLiteral("backup")}).exitCode, 0);
        QCOMPARE(dataObjects().size(), 1);
        const QString folder = m_dest + QStringLiteral("/default/");
        const QString damaged = QStringLiteral("default-20200101T000000Z");
        QVERIFY(QFile::copy(dataObjects().first(), folder + damaged + QStringLiteral(".db.gz")));
        {
            QFile manifest(folder + damaged + QStringLiteral(".manifest.json"));
            QVERIFY(manifest.open(QIODevice::WriteOnly));
            manifest.write("{\"format\": 1, \"created\": ");
        }
        const QStringList damagedFiles{folder + damaged + QStringLiteral(".db.gz"),
                                       folder + damaged + QStringLiteral(".manifest.json")};
        auto present = [&damagedFiles] {
            return QFile::exists(damagedFiles.at(0)) && QFile::exists(damagedFiles.at(1));
        };

        const RunResult prune = lk({QStringLiteral("prune")});
        QVERIFY2(prune.exitCode == 0, prune.err.constData());
        QVERIFY2(
            prune.out.contains(QStringLiteral("keep    %1  kept: damaged (").arg(damaged).toUtf8()),
            prune.out.constData());
        QVERIFY(present());
        QCOMPARE(lk({QStringLiteral("backup")}).exitCode, 0);
        QVERIFY(present());
        QCOMPARE(dataObjects().size(), 3);

        const RunResult dry = lk({QStringLiteral("prune"), QStringLiteral("--dry-run"),
                                  QStringLiteral("--include-damaged")});
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        QVERIFY2(dry.out.contains(
                     QStringLiteral("would delete  %1  deleted: damaged (").arg(damaged).toUtf8()),
                 dry.out.constData());
        QVERIFY(present());

        const RunResult removed =
            lk({QStringLiteral("prune"), QStringLiteral("--include-damaged")});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        QVERIFY(!QFile::exists(damagedFiles.at(0)) && !QFile::exists(damagedFiles.at(1)));
        QCOMPARE(dataObjects().size(), 2);
        QCOMPARE(manifests().size(), 2);
    }

    void defaultDestinationWorksWithoutAnyAccount()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        RunResult r = lk({QStringLiteral("profile"), QStringLiteral("add"),
                          QStringLiteral("default"), QStringLiteral("--db"), db()});
        QCOMPARE(r.exitCode, 0);
        r = lk({QStringLiteral("backup")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(filesEndingWith(m_home->file(QStringLiteral("data/litekeep/backups/default")),
                                 QStringLiteral(".db.gz"))
                     .size(),
                 1);
    }

    void badSource_data()
    {
        QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
        QTest::addColumn<QString>("phrase");
        QTest::newRow("missing") << QByteArray() << QStringLiteral("does not exist");
        QTest::newRow("empty") << QByteArray("", 0) << QStringLiteral("is empty");
        QByteArray random(64 * 1024, '\0');
        for (auto &c : random)
            c = static_cast<char>(QRandomGenerator::global()->generate());
        QTest::newRow("random bytes") << random << QStringLiteral("not an SQLite database");
        QTest::newRow("sqlcipher-like")
            << random.left(16) + QByteArray(8192, 'x') << QStringLiteral("encrypted");
    }
    void badSource()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, phrase);
        const QString path = db(QStringLiteral("bad.db"));
        if (!content.isNull()) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        addProfile(path);
        const RunResult r = lk({QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(phrase.toUtf8()), r.err.constData());
        QVERIFY(manifests().isEmpty());
        const auto rows = historyRows(*m_home);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().value(0), QStringLiteral("failed"));
        QVERIFY(rows.first().value(1).contains(phrase));
        if (!content.isNull()) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), content); // nothing lost
        }
    }

    void directoryAsDatabase()
    {
        QDir().mkpath(db(QStringLiteral("folder.db")));
        addProfile(db(QStringLiteral("folder.db")));
        const RunResult r = lk({QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("is a folder"), r.err.constData());
    }

    void unreadableDatabase()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("delete"), 10));
        addProfile(db());
        QFile::setPermissions(db(), QFileDevice::Permissions());
        QStringList command{QStringLiteral(LITEKEEP_BINARY), QStringLiteral("backup")};
        if (::geteuid() == 0) {
            // root reads anything: run as nobody, with the test home open to it.
            QVERIFY(runProgram(QStringLiteral("chmod"),
                               {QStringLiteral("-R"), QStringLiteral("a+rwX"), m_home->path()},
                               m_env)
                        .exitCode == 0);
            QFile::setPermissions(db(), QFileDevice::Permissions());
            command = QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                  QStringLiteral("--clear-groups"), QStringLiteral("--")} +
                      command;
            const RunResult r = runProgram(QStringLiteral("setpriv"), command, m_env);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("permission"), r.err.constData());
        } else {
            const RunResult r = lk({QStringLiteral("backup")});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("permission"), r.err.constData());
        }
        QVERIFY(manifests().isEmpty());
    }

    void lockedDatabaseFailsWithinTheBusyTimeout()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("delete"), 50));
        addProfile(db(), {QStringLiteral("--busy-timeout"), QStringLiteral("2")});
        QProcess holder;
        holder.start(QStringLiteral("sqlite3"), {db()});
        QVERIFY(holder.waitForStarted());
        holder.write("PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\n"
                     "INSERT INTO notes(title) VALUES ('held');\n.print locked\n.flush\n");
        QVERIFY2(waitForOutput(holder, QProcess::StandardOutput, "locked", 10000),
                 "the lock is held");

        QElapsedTimer clock;
        clock.start();
        const RunResult r = lk({QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("locked"), r.err.constData());
        QVERIFY2(clock.elapsed() < 30000, "a lock must not make a backup hang");
        QVERIFY(manifests().isEmpty());

        holder.write("ROLLBACK;\n.quit\n");
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        const RunResult again = lk({QStringLiteral("backup")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
    }

    void noRoomToStage()
    {
        if (runProgram(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("true")},
                       m_env)
                .exitCode != 0)
            QSKIP("unshare cannot make a private mount namespace here");
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 20000)); // several MB
        addProfile(db());
        const QString script = QStringLiteral(
            "mount -t tmpfs -o size=1m tmpfs \"$XDG_CACHE_HOME\" && exec \"$0\" backup");
        const RunResult r =
            runProgram(QStringLiteral("unshare"),
                       {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                        QStringLiteral(LITEKEEP_BINARY)},
                       m_env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Not enough free space"), r.err.constData());
        QVERIFY(manifests().isEmpty());
        QCOMPARE(historyRows(*m_home).last().value(0), QStringLiteral("failed"));
    }

    void rcloneMissing_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("LITEKEEP_RCLONE")
            << QStringLiteral("LITEKEEP_RCLONE") << QStringLiteral("/nonexistent/rclone");
        QTest::newRow("not on PATH")
            << QStringLiteral("PATH") << m_home->file(QStringLiteral("empty-bin"));
    }
    void rcloneMissing()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        addProfile(db());
        m_env.insert(variable, value);
        const RunResult r = lk({QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("rclone could not be started"), r.err.constData());
        QVERIFY(manifests().isEmpty());
        QCOMPARE(historyRows(*m_home).last().value(0), QStringLiteral("failed"));
    }

    void secondRunOfAProfileIsRefused()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        addProfile(db());
        // The first run's rclone waits until the second run has been refused.
        const QString started = m_home->file(QStringLiteral("rclone-started"));
        const QString release = m_home->file(QStringLiteral("release"));
        m_env.insert(QStringLiteral("LITEKEEP_RCLONE"),
                     writeRcloneWrapper(m_home->path(), holdUntilReleased(started, release)));
        QProcess first;
        first.setProcessEnvironment(m_env);
        first.start(QStringLiteral(LITEKEEP_BINARY), {QStringLiteral("backup")});
        QVERIFY(waitForFile(started, 20000));

        const RunResult second = lk({QStringLiteral("--json"), QStringLiteral("backup")});
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains("already in progress"), second.err.constData());
        // It names the process that holds the profile, and is skipped, not a failed backup.
        const QByteArray holder = QByteArray::number(first.processId()) + ": litekeep backup";
        QVERIFY2(second.err.contains(holder), second.err.constData());
        QCOMPARE(
            QJsonDocument::fromJson(second.out).object().value(QLatin1String("outcome")).toString(),
            QStringLiteral("skipped"));

        QVERIFY(QFile(release).open(QIODevice::WriteOnly));
        QVERIFY(first.waitForFinished(60000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(manifests().size(), 1);
        const auto rows = historyRows(*m_home);
        QCOMPARE(rows.size(), 1); // the first run's own record only
        QCOMPARE(rows.first().value(0), QStringLiteral("succeeded"));
    }

    // Ctrl+C at any moment of a run, from the first instant on, with and without the rclone
    // daemon: the run ends with exit 1 and a sentence (or 0 when it had already finished),
    // never with an abort, and its history record is closed.
    void interruptAtEveryMoment_data() { daemonOrNot(); }
    void interruptAtEveryMoment()
    {
        QFETCH(bool, daemon);
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 200));
        addProfile(db());
        if (!daemon)
            m_env.insert(QStringLiteral("LITEKEEP_RCLONE_DAEMON"), QStringLiteral("0"));
        int cancelled = 0;
        int runs = 0;
        for (int delayMs = 0; delayMs <= 1000; delayMs += 50) {
            QProcess run;
            run.setProcessEnvironment(m_env);
            // Started with SIGINT blocked, so a signal sent before LiteKeep's handler exists
            // waits for it (the handler unblocks it) instead of killing the process outright.
            run.setChildProcessModifier([] {
                sigset_t set;
                sigemptyset(&set);
                sigaddset(&set, SIGINT);
                ::sigprocmask(SIG_BLOCK, &set, nullptr);
            });
            run.start(QStringLiteral(LITEKEEP_BINARY), {QStringLiteral("backup")});
            QVERIFY(run.waitForStarted(10000));
            ++runs;
            if (delayMs > 0)
                QTest::qWait(delayMs);
            ::kill(static_cast<pid_t>(run.processId()), SIGINT);
            QVERIFY(run.waitForFinished(60000));
            const QByteArray err = run.readAllStandardError();
            const QByteArray context = "delay " + QByteArray::number(delayMs) + " ms: " + err;
            QVERIFY2(run.exitStatus() == QProcess::NormalExit, context.constData());
            QVERIFY2(run.exitCode() == 0 || run.exitCode() == 1, context.constData());
            if (run.exitCode() == 1) {
                QVERIFY2(err.toLower().contains("cancelled"), context.constData());
                ++cancelled;
            }
            // Every run that started its record closed it; none is left "running".
            const auto rows = historyRows(*m_home);
            QVERIFY2(!rows.isEmpty() && rows.last().value(0) != QStringLiteral("running"),
                     context.constData());
            for (const QStringList &row : rows)
                QVERIFY2(row.value(0) != QStringLiteral("running"), context.constData());
        }
        QVERIFY2(cancelled > runs / 2, "most of the sweep lands inside a run");
        QVERIFY(QDir(m_home->stagingRoot())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                    .isEmpty());
        // What the cancelled runs left is complete generations only, and the next run works.
        const RunResult next = lk({QStringLiteral("--json"), QStringLiteral("list")});
        QCOMPARE(next.exitCode, 0);
        QStringList notComplete;
        const QJsonArray listed = QJsonDocument::fromJson(next.out)
                                      .object()
                                      .value(QLatin1String("generations"))
                                      .toArray();
        for (const QJsonValue &g : listed) {
            const QJsonObject o = g.toObject();
            if (o.value(QLatin1String("state")).toString() != QLatin1String("complete"))
                notComplete.append(o.value(QLatin1String("generation")).toString() +
                                   QLatin1Char(' ') + o.value(QLatin1String("state")).toString() +
                                   QLatin1Char(' ') + o.value(QLatin1String("problem")).toString());
        }
        QVERIFY2(notComplete.isEmpty(), qPrintable(notComplete.join(QLatin1String("; "))));
        const RunResult after = lk({QStringLiteral("backup")});
        QVERIFY2(after.exitCode == 0, after.err.constData());
    }

    // One damaged page in the middle of the database: refused with the check's sentence (the
    // check fails while the run's rclone daemon is still starting), nothing stored.
    void damagedPageRefusesTheBackup_data() { daemonOrNot(); }
    void damagedPageRefusesTheBackup()
    {
        QFETCH(bool, daemon);
        QVERIFY(makeDatabase(db(), QStringLiteral("delete"), 2000));
        QVERIFY(damagePageInTheMiddle(db()));
        addProfile(db());
        if (!daemon)
            m_env.insert(QStringLiteral("LITEKEEP_RCLONE_DAEMON"), QStringLiteral("0"));
        const RunResult r = lk({QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("failed SQLite's integrity check") && !r.err.contains("cancelled"),
                 r.err.constData());
        QVERIFY(dataObjects().isEmpty());
        QVERIFY(manifests().isEmpty());
        QCOMPARE(historyRows(*m_home).last().value(0), QStringLiteral("failed"));
    }

    void interruptCancelsCleanly()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        addProfile(db());
        QProcess run;
        QVERIFY(startBackupHangingAt(run, QStringLiteral("*copyto*")));
        ::kill(static_cast<pid_t>(run.processId()), SIGINT);
        QVERIFY(run.waitForFinished(20000));
        QCOMPARE(run.exitCode(), 1);
        QVERIFY2(run.readAllStandardError().contains("cancelled"),
                 "the user is told it was cancelled");
        QVERIFY(manifests().isEmpty());
        QCOMPARE(historyRows(*m_home).last().value(0), QStringLiteral("cancelled"));
        QVERIFY(QDir(m_home->stagingRoot())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                    .isEmpty());
    }

    // Ctrl+C once the data object is stored and the manifest is on its way: the data object is
    // removed again, so "nothing was added" is true and no orphan lists as incomplete.
    void interruptBeforeTheManifestLeavesNothing()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        addProfile(db());
        QProcess run;
        QVERIFY(startBackupHangingAt(run, QStringLiteral("*copyto*manifest.json*")));
        QCOMPARE(dataObjects().size(), 1); // the data is stored, the manifest is not
        ::kill(static_cast<pid_t>(run.processId()), SIGINT);
        QVERIFY(run.waitForFinished(30000));
        QCOMPARE(run.exitCode(), 1);
        const QByteArray err = run.readAllStandardError();
        QVERIFY2(err.contains("nothing was added"), err.constData());
        QVERIFY2(dataObjects().isEmpty(), qPrintable(dataObjects().join(QLatin1Char(' '))));
        QVERIFY(manifests().isEmpty());
        QCOMPARE(historyRows(*m_home).last().value(0), QStringLiteral("cancelled"));
    }

    void killedRunIsRecoveredNextTime()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        addProfile(db());
        const QString started = m_home->file(QStringLiteral("rclone-started"));
        QProcessEnvironment slow = m_env;
        slow.insert(QStringLiteral("LITEKEEP_RCLONE"),
                    writeRcloneWrapper(
                        m_home->path(),
                        QStringLiteral("case \"$*\" in *copyto*) touch '%1'; sleep 60;; esac")
                            .arg(started)));
        slow.insert(QStringLiteral("LITEKEEP_RCLONE_DAEMON"),
                    QStringLiteral("0")); // copyto is a process
        QProcess run;
        run.setProcessEnvironment(slow);
        run.start(QStringLiteral(LITEKEEP_BINARY), {QStringLiteral("backup")});
        QVERIFY(waitForFile(started, 30000));
        run.kill(); // SIGKILL: no chance to clean up
        QVERIFY(run.waitForFinished(10000));
        QVERIFY(!QDir(m_home->stagingRoot())
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                     .isEmpty());

        const RunResult next = lk({QStringLiteral("backup")});
        QVERIFY2(next.exitCode == 0, next.err.constData());
        QCOMPARE(manifests().size(), 1);
        QVERIFY(QDir(m_home->stagingRoot())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                    .isEmpty());
        const auto rows = historyRows(*m_home);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).value(0), QStringLiteral("interrupted"));
        QCOMPARE(rows.at(1).value(0), QStringLiteral("succeeded"));
    }

    void headlessSchedule()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 10));
        addProfile(db(), {QStringLiteral("--at"), QStringLiteral("03:15")});
        RunResult r = lk(
            {QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("--systemd")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString units = m_home->file(QStringLiteral("config/systemd/user/"));
        QFile timer(units + QStringLiteral("litekeep-default.timer"));
        QVERIFY(timer.open(QIODevice::ReadOnly));
        const QByteArray timerText = timer.readAll();
        QVERIFY(timerText.contains("OnCalendar=*-*-* 03:15:00"));
        QVERIFY(timerText.contains("Persistent=true"));
        QFile service(units + QStringLiteral("litekeep-default.service"));
        QVERIFY(service.open(QIODevice::ReadOnly));
        const QByteArray serviceText = service.readAll();
        const QByteArray expected = QByteArray("ExecStart=" LITEKEEP_BINARY " --config ") +
                                    m_home->configFile().toUtf8() +
                                    QByteArray(" backup --profile default");
        QVERIFY2(serviceText.contains(expected), serviceText.constData());
        // The unit's command really runs a backup.
        const QString exec = QString::fromUtf8(serviceText)
                                 .section(QStringLiteral("ExecStart="), 1)
                                 .section(QLatin1Char('\n'), 0, 0);
        r = runProgram(QStringLiteral("sh"), {QStringLiteral("-c"), exec}, m_env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(manifests().size(), 1);

        r = lk({QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("--cron")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("15 3 * * * " LITEKEEP_BINARY), r.out.constData());
        r = lk({QStringLiteral("schedule"), QStringLiteral("remove"), QStringLiteral("--systemd")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!QFile::exists(units + QStringLiteral("litekeep-default.timer")));
        QCOMPARE(lk({QStringLiteral("schedule"), QStringLiteral("install")}).exitCode, 2);
    }

    void backupWhileAnApplicationWritesEvery5ms()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 30000));
        addProfile(db());
        QProcess writer;
        writer.start(QStringLiteral(LITEKEEP_TEST_WRITER),
                     {db(), QStringLiteral("5"), QStringLiteral("60000")});
        QVERIFY(writer.waitForStarted());
        QVERIFY2(waitForOutput(writer, QProcess::StandardError, "ready", 10000),
                 "the writer started");
        QTest::qWait(300);

        const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("backup")});
        ::kill(static_cast<pid_t>(writer.processId()), SIGTERM);
        QVERIFY(writer.waitForFinished(10000));
        QVERIFY2(r.exitCode == 0, r.err.constData());

        const QJsonObject stats =
            QJsonDocument::fromJson(writer.readAllStandardOutput().trimmed()).object();
        QVERIFY2(stats.value(QLatin1String("commits")).toInt() > 20, "the writer kept committing");
        QCOMPARE(stats.value(QLatin1String("busy")).toInt(), 0);

        const QString restored = m_home->file(QStringLiteral("restored.db"));
        QCOMPARE(runProgram(QStringLiteral("sh"),
                            {QStringLiteral("-c"), QStringLiteral("gunzip -c \"$0\" > \"$1\""),
                             dataObjects().first(), restored},
                            m_env)
                     .exitCode,
                 0);
        const RunResult check = runProgram(
            QStringLiteral("sqlite3"),
            {restored, QStringLiteral("PRAGMA integrity_check; SELECT count(*) FROM notes;")},
            m_env);
        QCOMPARE(check.out, QByteArray("ok\n30000\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliLocal)
#include "tst_cli_local.moc"

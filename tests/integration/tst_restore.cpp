// Restores with the real binary: to a new file, in place under a live reader and writer,
// refusals that leave the live file untouched, undo, and the by-hand runbook run verbatim.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

#include <sys/stat.h>

#include <csignal>
#include <unistd.h>

using namespace lkt;

class TestRestore : public QObject
{
    Q_OBJECT

private:
    S3Server m_server{QStringLiteral("backups")};
    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;
    QString m_dest;

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }
    RunResult lk(const QStringList &args) const { return runLiteKeep(args, m_env); }
    QJsonObject lkJson(const QStringList &args, int expectedExit = 0)
    {
        const RunResult r = lk(QStringList{QStringLiteral("--json")} + args);
        if (r.exitCode != expectedExit)
            qWarning("litekeep %s: exit %d: %s", qPrintable(args.join(QLatin1Char(' '))),
                     r.exitCode, r.err.constData());
        return QJsonDocument::fromJson(r.out).object();
    }
    void addProfile(const QStringList &extra = {})
    {
        const RunResult r = lk(QStringList{QStringLiteral("profile"), QStringLiteral("add"),
                                           QStringLiteral("default"), QStringLiteral("--db"), db(),
                                           QStringLiteral("--dest"), m_dest} +
                               extra);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    // Backs up and returns the generation and the dump of the database at that moment.
    std::pair<QString, QByteArray> backUp()
    {
        const QByteArray dump = sqliteDump(db());
        const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("backup")});
        if (r.exitCode != 0)
            qWarning("backup failed: %s", r.err.constData());
        return {
            QJsonDocument::fromJson(r.out).object().value(QLatin1String("generation")).toString(),
            dump};
    }
    static QByteArray fileBytes(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    void change(const QString &sql) const
    {
        QCOMPARE(runProgram(QStringLiteral("sqlite3"), {db(), sql}, m_env).exitCode, 0);
    }
    QString dataObject(const QString &generation) const
    {
        return m_dest + QStringLiteral("/default/") + generation + QStringLiteral(".db.gz");
    }
    // The manifests the last listing mirrored (what a restore's early download chooses from).
    QString manifestCache() const
    {
        const QDir root(m_home->file(QStringLiteral("cache/litekeep/manifests")));
        const QStringList folders = root.entryList({QStringLiteral("default-*")}, QDir::Dirs);
        return folders.size() == 1 ? root.filePath(folders.first()) : QString();
    }
    // An environment whose rclone logs "VERB LAST-ARGUMENT" of each call to the returned file.
    std::pair<QProcessEnvironment, QString> loggingRclone() const
    {
        const QString log = m_home->file(QStringLiteral("rclone-calls.log"));
        const QString folder = m_home->file(QStringLiteral("wrapper"));
        QDir().mkpath(folder);
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("LITEKEEP_RCLONE"),
                   writeRcloneWrapper(
                       folder, QStringLiteral("for a in \"$@\"; do case \"$a\" in "
                                              "cat|copyto|lsjson|sync) verb=$a;; esac; done\n"
                                              "echo \"$verb ${*##* }\" >> '%1'")
                                   .arg(log)));
        return {env, log};
    }
    int catsOf(const QString &log, const QString &generation) const
    {
        return int(
            fileBytes(log).count(QStringLiteral("cat %1\n").arg(dataObject(generation)).toUtf8()));
    }
    QJsonObject restoreTo(const QString &target, const QProcessEnvironment &env)
    {
        const RunResult r =
            runLiteKeep({QStringLiteral("--json"), QStringLiteral("restore"),
                         QStringLiteral("--latest"), QStringLiteral("--to"), target},
                        env);
        if (r.exitCode != 0)
            qWarning("restore: exit %d: %s", r.exitCode, r.err.constData());
        return QJsonDocument::fromJson(r.out).object();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void init()
    {
        m_home = std::make_unique<TestHome>();
        m_env = m_home->environment();
        m_dest = m_home->file(QStringLiteral("backups"));
    }

    void toNewFileEqualsTheGeneration_data()
    {
        QTest::addColumn<QString>("journalMode");
        QTest::newRow("wal") << QStringLiteral("wal");
        QTest::newRow("rollback journal") << QStringLiteral("delete");
    }
    void toNewFileEqualsTheGeneration()
    {
        QFETCH(QString, journalMode);
        QVERIFY(makeDatabase(db(), journalMode, 2000));
        addProfile();
        const auto [generation, dump] = backUp();
        QVERIFY(!generation.isEmpty());
        change(QStringLiteral("DELETE FROM notes WHERE id % 2 = 0"));

        const QString target = m_home->file(QStringLiteral("restored/copy.db"));
        QDir().mkpath(QFileInfo(target).absolutePath());
        const QJsonObject result = lkJson({QStringLiteral("restore"), QStringLiteral("--latest"),
                                           QStringLiteral("--to"), target});
        QCOMPARE(result.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(result.value(QLatin1String("restored_path")).toString(), target);
        QCOMPARE(result.value(QLatin1String("generation")).toString(), generation);
        QCOMPARE(sqliteDump(target), dump);
        // Nothing else was left in the target folder.
        QCOMPARE(QDir(QFileInfo(target).absolutePath()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("copy.db")});
        QCOMPARE(historyRows(*m_home, QStringLiteral("restore")).last().value(0),
                 QStringLiteral("succeeded"));
    }

    // A restore to a new file gives back what the source file was: its journal mode (a WAL
    // database comes back in WAL mode, though a generation is stored in DELETE mode) and its
    // permission bits as the manifest recorded them; a manifest from before the field leaves
    // them to the umask.
    void restoredFileIsLikeTheOriginal_data()
    {
        QTest::addColumn<QString>("journalMode");
        QTest::addColumn<int>("mode");
        QTest::newRow("wal, 0640") << QStringLiteral("wal") << 0640;
        QTest::newRow("rollback journal, 0604") << QStringLiteral("delete") << 0604;
    }
    void restoredFileIsLikeTheOriginal()
    {
        QFETCH(QString, journalMode);
        QFETCH(int, mode);
        QVERIFY(makeDatabase(db(), journalMode, 200));
        QCOMPARE(::chmod(QFile::encodeName(db()).constData(), mode_t(mode)), 0);
        addProfile();
        const auto [generation, dump] = backUp();
        QVERIFY(!generation.isEmpty());
        const QString manifestPath =
            m_dest + QStringLiteral("/default/") + generation + QStringLiteral(".manifest.json");
        const QJsonObject manifest = QJsonDocument::fromJson(fileBytes(manifestPath)).object();
        QCOMPARE(manifest.value(QLatin1String("source_mode")).toString(),
                 QStringLiteral("0%1").arg(mode, 3, 8, QLatin1Char('0')));

        auto modeOf = [](const QString &path) {
            struct stat st
            {
            };
            return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777)
                                                                         : -1;
        };
        auto journalOf = [](const QString &path) {
            QProcess sqlite;
            sqlite.start(QStringLiteral("sqlite3"), {path, QStringLiteral("PRAGMA journal_mode;")});
            sqlite.waitForFinished(10000);
            return QString::fromUtf8(sqlite.readAllStandardOutput()).trimmed();
        };
        const QString target = m_home->file(QStringLiteral("copy.db"));
        QVERIFY(lkJson({QStringLiteral("restore"), generation, QStringLiteral("--to"), target})
                    .value(QLatin1String("ok"))
                    .toBool());
        QCOMPARE(modeOf(target), mode);
        QCOMPARE(journalOf(target), journalMode);
        QCOMPARE(sqliteDump(target), dump);
        QVERIFY(!QFileInfo::exists(target + QStringLiteral("-wal")));

        // A manifest without the field (LiteKeep 0.1.0): the mode follows the umask.
        QByteArray old = fileBytes(manifestPath);
        old.replace(
            QStringLiteral("\"source_mode\": \"0%1\",").arg(mode, 3, 8, QLatin1Char('0')).toUtf8(),
            "");
        QVERIFY(!old.contains("source_mode"));
        QFile rewrite(manifestPath);
        QVERIFY(rewrite.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(rewrite.write(old) == old.size());
        rewrite.close();
        const mode_t mask = ::umask(022); // read it back: the child inherits ours
        ::umask(mask);
        const QString older = m_home->file(QStringLiteral("older.db"));
        QVERIFY(lkJson({QStringLiteral("restore"), generation, QStringLiteral("--to"), older})
                    .value(QLatin1String("ok"))
                    .toBool());
        QCOMPARE(modeOf(older), int(0666 & ~mask));
        QCOMPARE(journalOf(older), journalMode);
    }

    void neverOverwritesSilently()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 100));
        addProfile();
        const auto [generation, dump] = backUp();
        const QString target = m_home->file(QStringLiteral("existing.db"));
        QFile f(target);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
        f.close();

        RunResult r = lk({QStringLiteral("restore"), generation, QStringLiteral("--to"), target});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("already exists"), r.err.constData());
        QCOMPARE(fileBytes(target), QByteArray("precious"));

        r = lk({QStringLiteral("restore"), generation, QStringLiteral("--to"), target,
                QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(sqliteDump(target), dump);
        const QStringList kept =
            QDir(m_home->path()).entryList({QStringLiteral("existing.db.before-restore-*")});
        QCOMPARE(kept.size(), 1);
        QCOMPARE(fileBytes(m_home->file(kept.first())), QByteArray("precious"));
    }

    void badTargets()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 100));
        addProfile();
        const auto [generation, dump] = backUp();
        RunResult r = lk({QStringLiteral("restore"), generation, QStringLiteral("--to"),
                          m_home->file(QStringLiteral("no/such/dir/x.db"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("does not exist"), r.err.constData());
        r = lk({QStringLiteral("restore"), QStringLiteral("default-20200101T000000Z"),
                QStringLiteral("--to"), m_home->file(QStringLiteral("x.db"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no generation named"), r.err.constData());
        r = lk({QStringLiteral("restore"), generation, QStringLiteral("--to"), db()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--in-place"), r.err.constData());
        r = lk({QStringLiteral("restore"), generation});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(sqliteDump(db()), dump);
    }

    void readOnlyTargetFolder()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 100));
        addProfile();
        const auto [generation, dump] = backUp();
        const QString folder = m_home->file(QStringLiteral("readonly"));
        QDir().mkpath(folder);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther |
                                          QFile::ExeOther);
        const QStringList args{QStringLiteral(LITEKEEP_BINARY), QStringLiteral("restore"),
                               generation, QStringLiteral("--to"),
                               folder + QStringLiteral("/x.db")};
        RunResult r;
        if (::geteuid() == 0) {
            // root writes anywhere: run as nobody, who owns the test home but not the folder.
            QCOMPARE(
                runProgram(QStringLiteral("chown"),
                           {QStringLiteral("-R"), QStringLiteral("65534:65534"), m_home->path()},
                           m_env)
                    .exitCode,
                0);
            QCOMPARE(runProgram(QStringLiteral("chown"), {QStringLiteral("0:0"), folder}, m_env)
                         .exitCode,
                     0);
            m_env.insert(QStringLiteral("HOME"), m_home->path());
            r = runProgram(QStringLiteral("setpriv"),
                           QStringList{QStringLiteral("--reuid=65534"),
                                       QStringLiteral("--regid=65534"),
                                       QStringLiteral("--clear-groups"), QStringLiteral("--")} +
                               args,
                           m_env);
        } else {
            r = runProgram(args.first(), args.mid(1), m_env);
        }
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not writable"), r.err.constData());
        QVERIFY(!QFile::exists(folder + QStringLiteral("/x.db")));
    }

    void noRoomForTheDownload()
    {
        if (runProgram(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("true")},
                       m_env)
                .exitCode != 0)
            QSKIP("unshare cannot make a private mount namespace here");
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 20000));
        addProfile();
        const auto [generation, dump] = backUp();
        const QString small = m_home->file(QStringLiteral("small"));
        QDir().mkpath(small);
        const QString script = QStringLiteral("mount -t tmpfs -o size=1m tmpfs \"$1\" && exec "
                                              "\"$0\" restore --latest --to \"$1/x.db\"");
        const RunResult r =
            runProgram(QStringLiteral("unshare"),
                       {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                        QStringLiteral(LITEKEEP_BINARY), small},
                       m_env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not enough free space"), r.err.constData());
    }

    void inPlaceUnderAReaderAndAWriter()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 3000));
        addProfile();
        const auto [generation, dump] = backUp();
        change(QStringLiteral(
            "DELETE FROM notes WHERE id > 100; INSERT INTO tags VALUES ('after-backup', 1);"));
        const auto table = [](const QString &path, const char *sql) {
            return runProgram(QStringLiteral("sqlite3"), {path, QLatin1String(sql)},
                              QProcessEnvironment::systemEnvironment())
                .out;
        };
        const char *const tables[] = {"SELECT * FROM notes ORDER BY id",
                                      "SELECT * FROM tags ORDER BY name",
                                      "SELECT * FROM blobs ORDER BY id"};
        QList<QByteArray> before;
        for (const char *sql : tables)
            before.append(table(db(), sql));

        QProcess reader;
        reader.start(QStringLiteral("sqlite3"), {db()});
        QVERIFY(reader.waitForStarted());
        reader.write("BEGIN;\nSELECT count(*) FROM notes;\n.print reading\n.flush\n");
        QVERIFY(waitForOutput(reader, QProcess::StandardOutput, "reading", 10000));
        QProcess writer;
        writer.start(QStringLiteral(LITEKEEP_TEST_WRITER),
                     {db(), QStringLiteral("5"), QStringLiteral("60000")});
        QVERIFY(waitForOutput(writer, QProcess::StandardError, "ready", 10000));

        const QJsonObject result = lkJson(
            {QStringLiteral("restore"), QStringLiteral("--latest"), QStringLiteral("--in-place")});
        ::kill(static_cast<pid_t>(writer.processId()), SIGTERM);
        QVERIFY(writer.waitForFinished(10000));
        reader.write("COMMIT;\n.quit\n");
        reader.closeWriteChannel();
        QVERIFY(reader.waitForFinished(10000));

        QCOMPARE(result.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(result.value(QLatin1String("generation")).toString(), generation);
        QVERIFY2(!result.value(QLatin1String("other_processes")).toArray().isEmpty(),
                 "the open connections were reported");
        const QString copy = result.value(QLatin1String("pre_restore_copy")).toString();
        QVERIFY(QFile::exists(copy));

        // The restored tables equal the generation (the writer only adds to its own table).
        const QString generationFile = m_home->file(QStringLiteral("generation.db"));
        QCOMPARE(lk({QStringLiteral("restore"), generation, QStringLiteral("--to"), generationFile})
                     .exitCode,
                 0);
        for (const char *sql : tables)
            QCOMPARE(table(db(), sql), table(generationFile, sql));
        QCOMPARE(table(db(), "PRAGMA journal_mode"), QByteArray("wal\n"));
        QCOMPARE(table(db(), "PRAGMA integrity_check"), QByteArray("ok\n"));
        // What was there is kept.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(table(copy, tables[i]), before.at(i));
        QVERIFY(table(copy, "SELECT count(*) FROM tags WHERE name = 'after-backup'") == "1\n");
    }

    void corruptedGenerationIsRefused()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("delete"), 2000));
        addProfile();
        const auto [older, olderDump] = backUp();
        change(QStringLiteral("INSERT INTO tags VALUES ('second', 2)"));
        const auto [newer, newerDump] = backUp();
        QVERIFY(older != newer);
        // Overwrite bytes in the middle of the newest .db.gz, keeping its size.
        QFile gz(dataObject(newer));
        QVERIFY(gz.open(QIODevice::ReadWrite));
        gz.seek(gz.size() / 2);
        gz.write(QByteArray(64, '\x5a'));
        gz.close();
        change(QStringLiteral("INSERT INTO tags VALUES ('live', 3)"));
        const QByteArray live = fileBytes(db());

        RunResult r = lk({QStringLiteral("restore"), newer, QStringLiteral("--in-place")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("failed verification"), r.err.constData());
        QCOMPARE(fileBytes(db()), live); // byte-identical
        QVERIFY(!QDir(m_home->file(QStringLiteral("data/litekeep/pre-restore"))).exists() ||
                QDir(m_home->file(QStringLiteral("data/litekeep/pre-restore"))).isEmpty());

        // --latest skips it, says so, and restores the older one.
        const QString target = m_home->file(QStringLiteral("latest.db"));
        r = lk({QStringLiteral("restore"), QStringLiteral("--latest"), QStringLiteral("--to"),
                target});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains(QByteArray(QByteArray("Skipped ") + newer.toUtf8())),
                 r.out.constData());
        QCOMPARE(sqliteDump(target), olderDump);
    }

    void lockedLiveDatabaseChangesNothing()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("delete"), 100));
        addProfile({QStringLiteral("--busy-timeout"), QStringLiteral("2")});
        backUp();
        QProcess holder;
        holder.start(QStringLiteral("sqlite3"), {db()});
        QVERIFY(holder.waitForStarted());
        holder.write("PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\nINSERT INTO notes(title) "
                     "VALUES ('held');\n.print locked\n.flush\n");
        QVERIFY(waitForOutput(holder, QProcess::StandardOutput, "locked", 10000));
        const QByteArray live = fileBytes(db());
        const RunResult r = lk(
            {QStringLiteral("restore"), QStringLiteral("--latest"), QStringLiteral("--in-place")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("locked") && r.err.contains("nothing was changed"),
                 r.err.constData());
        QCOMPARE(fileBytes(db()), live);
        holder.write("ROLLBACK;\n.quit\n");
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
    }

    void anotherDatabasesGenerationNeedsForce()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 100));
        addProfile();
        const auto [generation, dump] = backUp();
        const QString other = m_home->file(QStringLiteral("other.db"));
        QVERIFY(makeDatabase(other, QStringLiteral("wal"), 10));
        QCOMPARE(lk({QStringLiteral("profile"), QStringLiteral("set"), QStringLiteral("default"),
                     QStringLiteral("--db"), other})
                     .exitCode,
                 0);
        const QByteArray otherDump = sqliteDump(other);
        RunResult r = lk({QStringLiteral("restore"), generation, QStringLiteral("--in-place")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cogito.db") && r.err.contains("--force"), r.err.constData());
        QCOMPARE(sqliteDump(other), otherDump);
        r = lk({QStringLiteral("restore"), generation, QStringLiteral("--in-place"),
                QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(sqliteDump(other), dump);
    }

    // The profile now points at another application's database that only shares the file name:
    // in place, the generation is refused with what differs, and only --force puts it there.
    void anotherDatabaseWithTheSameFileNameNeedsForce()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 100));
        addProfile();
        const auto [generation, dump] = backUp();
        const QString other = m_home->file(QStringLiteral("elsewhere/cogito.db"));
        QVERIFY(QDir().mkpath(QFileInfo(other).absolutePath()));
        QCOMPARE(runProgram(QStringLiteral("sqlite3"),
                            {other, QStringLiteral(
                                        "PRAGMA application_id = 1280001360; "
                                        "CREATE TABLE ledger(amount); CREATE TABLE accounts(name); "
                                        "INSERT INTO ledger VALUES (42);")},
                            m_env)
                     .exitCode,
                 0);
        QCOMPARE(lk({QStringLiteral("profile"), QStringLiteral("set"), QStringLiteral("default"),
                     QStringLiteral("--db"), other})
                     .exitCode,
                 0);
        const QByteArray live = fileBytes(other);

        const RunResult r =
            lk({QStringLiteral("restore"), generation, QStringLiteral("--in-place")});
        QCOMPARE(r.exitCode, 1);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(QStringLiteral("Generation %1 does not look like a backup of %2")
                                  .arg(generation, other)),
                 r.err.constData());
        QVERIFY2(err.contains(QLatin1String(
                     "its application_id is 0x4c4b4550 here but 0x00000000 in the generation")),
                 r.err.constData());
        QVERIFY2(
            err.contains(QStringLiteral(
                             "it was taken from a database at another path than this profile's, %1")
                             .arg(other)),
            r.err.constData());
        QVERIFY2(
            err.contains(QLatin1String("the two share no table (here: \"accounts\", \"ledger\"; in "
                                       "the generation: \"blobs\", \"notes\", \"tags\")")),
            r.err.constData());
        QVERIFY2(err.contains(QLatin1String("Nothing was changed")) &&
                     err.contains(QLatin1String("--force")),
                 r.err.constData());
        QCOMPARE(fileBytes(other), live); // byte-identical
        QVERIFY(!QDir(m_home->file(QStringLiteral("data/litekeep/pre-restore"))).exists() ||
                QDir(m_home->file(QStringLiteral("data/litekeep/pre-restore"))).isEmpty());
        // --json carries the same sentence for the wizard and scripts.
        const QJsonObject refused = lkJson(
            {QStringLiteral("restore"), QStringLiteral("--latest"), QStringLiteral("--in-place")},
            1);
        QVERIFY2(refused.value(QLatin1String("another_database"))
                     .toString()
                     .contains(QLatin1String("application_id")),
                 QJsonDocument(refused).toJson().constData());
        QCOMPARE(fileBytes(other), live);

        const QJsonObject forced =
            lkJson({QStringLiteral("restore"), generation, QStringLiteral("--in-place"),
                    QStringLiteral("--force")});
        QCOMPARE(forced.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(sqliteDump(other), dump);
        const QString copy = forced.value(QLatin1String("pre_restore_copy")).toString();
        QCOMPARE(runProgram(QStringLiteral("sqlite3"),
                            {copy, QStringLiteral("SELECT amount FROM ledger")}, m_env)
                     .out,
                 QByteArray("42\n"));
    }

    // The same database after its application migrated the schema: going back is what a restore
    // is for, and needs no --force.
    void aMigratedSchemaIsStillTheSameDatabase()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 100));
        addProfile();
        const auto [generation, dump] = backUp();
        change(QStringLiteral("PRAGMA user_version = 8; CREATE TABLE drafts(x); DROP VIEW "
                              "note_titles; DROP TABLE tags;"));
        const RunResult r =
            lk({QStringLiteral("restore"), generation, QStringLiteral("--in-place")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(sqliteDump(db()), dump);
    }

    void undoPutsBackWhatWasThere()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 500));
        addProfile();
        const auto [generation, dump] = backUp();
        change(QStringLiteral("UPDATE notes SET title = 'edited after the backup'"));
        const QByteArray edited = sqliteDump(db());
        QCOMPARE(lk({QStringLiteral("restore"), QStringLiteral("--latest"),
                     QStringLiteral("--in-place")})
                     .exitCode,
                 0);
        QCOMPARE(sqliteDump(db()), dump);
        const RunResult r = lk({QStringLiteral("restore"), QStringLiteral("--undo")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(sqliteDump(db()), edited);
        // The undo kept a copy too: undoing it again restores the generation's content.
        QCOMPARE(lk({QStringLiteral("restore"), QStringLiteral("--undo")}).exitCode, 0);
        QCOMPARE(sqliteDump(db()), dump);
    }

    void pageSizeMismatchIsHandled()
    {
        QCOMPARE(runProgram(
                     QStringLiteral("sqlite3"),
                     {db(), QStringLiteral("PRAGMA page_size=8192; PRAGMA journal_mode=WAL; "
                                           "CREATE TABLE t(x); INSERT INTO t VALUES (1),(2),(3);")},
                     m_env)
                     .exitCode,
                 0);
        addProfile();
        const auto [generation, dump] = backUp();
        // The live database is rebuilt with another page size after the backup.
        QFile::remove(db());
        QFile::remove(db() + QStringLiteral("-wal"));
        QFile::remove(db() + QStringLiteral("-shm"));
        QCOMPARE(
            runProgram(
                QStringLiteral("sqlite3"),
                {db(), QStringLiteral(
                           "PRAGMA page_size=4096; PRAGMA journal_mode=WAL; CREATE TABLE t(x);")},
                m_env)
                .exitCode,
            0);
        const QJsonObject result =
            lkJson({QStringLiteral("restore"), generation, QStringLiteral("--in-place")});
        QCOMPARE(result.value(QLatin1String("ok")).toBool(), true);
        QVERIFY2(QJsonDocument(result).toJson().contains("pages"), "the adaptation is explained");
        QCOMPARE(sqliteDump(db()), dump);
        QCOMPARE(runProgram(QStringLiteral("sqlite3"),
                            {db(), QStringLiteral("PRAGMA journal_mode")}, m_env)
                     .out,
                 QByteArray("wal\n"));
    }

    // A restore to a file starts downloading the generation the last listing's manifests point
    // to while it lists again. When the listing names a newer one, the early download is dropped
    // (its file too) and the newer one is restored.
    void earlyDownloadOfAnOlderGenerationIsDropped()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 20000));
        addProfile({QStringLiteral("--drill-days"), QStringLiteral("0")});
        const auto [older, olderDump] = backUp();
        QCOMPARE(lk({QStringLiteral("list")}).exitCode, 0); // mirrors the older manifest
        change(QStringLiteral("DELETE FROM notes WHERE id % 3 = 0"));
        const auto [newer, newerDump] = backUp();
        QVERIFY(!older.isEmpty() && !newer.isEmpty() && older != newer);
        QFile::remove(manifestCache() + QLatin1Char('/') + newer +
                      QStringLiteral(".manifest.json"));
        QVERIFY(QFile::exists(manifestCache() + QLatin1Char('/') + older +
                              QStringLiteral(".manifest.json")));

        const auto [env, log] = loggingRclone();
        const QString target = m_home->file(QStringLiteral("restored/copy.db"));
        QDir().mkpath(QFileInfo(target).absolutePath());
        const QJsonObject result = restoreTo(target, env);
        QCOMPARE(result.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(result.value(QLatin1String("generation")).toString(), newer);
        QCOMPARE(sqliteDump(target), newerDump);
        QVERIFY2(catsOf(log, older) == 1,
                 fileBytes(log).constData()); // the early download started, and was dropped
        QCOMPARE(catsOf(log, newer), 1);
        QCOMPARE(QDir(QFileInfo(target).absolutePath()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("copy.db")});
    }

    // The early download counts only for the same manifest: a cached manifest that differs from
    // the destination's (tampered with, or rewritten) makes the restore download and check again.
    void earlyDownloadWithADifferentManifestIsNotUsed()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 2000));
        addProfile({QStringLiteral("--drill-days"), QStringLiteral("0")});
        const auto [generation, dump] = backUp();
        QCOMPARE(lk({QStringLiteral("list")}).exitCode, 0);
        const QString cached =
            manifestCache() + QLatin1Char('/') + generation + QStringLiteral(".manifest.json");
        QFile file(cached);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        json.insert(QStringLiteral("host"), QStringLiteral("somewhere-else"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(json).toJson());
        file.close();
        change(QStringLiteral("DELETE FROM notes"));

        const auto [env, log] = loggingRclone();
        const QString target = m_home->file(QStringLiteral("restored/copy.db"));
        QDir().mkpath(QFileInfo(target).absolutePath());
        const QJsonObject result = restoreTo(target, env);
        QCOMPARE(result.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(sqliteDump(target), dump);
        QCOMPARE(catsOf(log, generation),
                 2); // the early one, then the one that was checked and used
        QCOMPARE(QDir(QFileInfo(target).absolutePath()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("copy.db")});
    }

    // show and diff: looking inside a generation before restoring it.
    void showAndDiffBeforeARestore()
    {
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 300));
        addProfile();
        const auto [generation, dump] = backUp();
        change(QStringLiteral("DELETE FROM notes WHERE id <= 12; CREATE TABLE later(x);"));

        QJsonObject shown = lkJson({QStringLiteral("show"), generation});
        QCOMPARE(shown.value(QLatin1String("generation")).toString(), generation);
        QCOMPARE(shown.value(QLatin1String("manifest"))
                     .toObject()
                     .value(QLatin1String("database"))
                     .toObject()
                     .value(QLatin1String("row_counts"))
                     .toObject()
                     .value(QLatin1String("notes"))
                     .toInt(),
                 300);
        QVERIFY(!shown.value(QLatin1String("verifications"))
                     .toArray()
                     .isEmpty()); // verified after upload
        shown =
            lkJson({QStringLiteral("show"), QStringLiteral("--latest"), QStringLiteral("--deep")});
        bool sawView = false;
        for (const QJsonValue &o : shown.value(QLatin1String("database"))
                                       .toObject()
                                       .value(QLatin1String("objects"))
                                       .toArray())
            sawView = sawView || o[QLatin1String("type")] == QLatin1String("view");
        QVERIFY(sawView);

        // From the live database to the generation: what a restore would bring back or remove.
        const QJsonObject diff =
            lkJson({QStringLiteral("diff"), generation, QStringLiteral("--live")});
        QCOMPARE(diff.value(QLatin1String("identical")).toBool(), false);
        bool sawNotes = false;
        for (const QJsonValue &t : diff.value(QLatin1String("tables")).toArray()) {
            if (t[QLatin1String("name")] == QLatin1String("notes")) {
                sawNotes = true;
                QCOMPARE(t[QLatin1String("before")].toInt(), 300);
                QCOMPARE(t[QLatin1String("after")].toInt(), 288);
            }
        }
        QVERIFY(sawNotes);
        const RunResult text = lk({QStringLiteral("diff"), generation, QStringLiteral("--live")});
        QVERIFY2(text.out.contains("notes: 300 → 288 rows (-12)"), text.out.constData());
        QVERIFY2(text.out.contains("later"), text.out.constData());
        QCOMPARE(lk({QStringLiteral("show"), QStringLiteral("default-20000101T000000Z")}).exitCode,
                 1);
        QCOMPARE(lk({QStringLiteral("diff"), generation}).exitCode, 2);
    }

    // docs/restore-by-hand(.ja).md, run verbatim against s3rver: the runbook cannot rot.
    void runbookWorksWithoutLiteKeep_data()
    {
        QTest::addColumn<QString>("document");
        QTest::newRow("English") << QStringLiteral("docs/restore-by-hand.md");
        QTest::newRow("Japanese") << QStringLiteral("docs/restore-by-hand.ja.md");
    }
    void runbookWorksWithoutLiteKeep()
    {
        QFETCH(QString, document);
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 1500));
        const QString prefix =
            QStringLiteral("runbook%1").arg(QRandomGenerator::global()->generate());
        m_dest = QStringLiteral("s3://backups/") + prefix;
        addProfile({QStringLiteral("--endpoint"), m_server.endpoint(), QStringLiteral("--provider"),
                    QStringLiteral("Other")});
        m_env.insert(QStringLiteral("LITEKEEP_ACCESS_KEY_ID"), QLatin1String(S3Server::kAccessKey));
        m_env.insert(QStringLiteral("LITEKEEP_SECRET_ACCESS_KEY"),
                     QLatin1String(S3Server::kSecret));
        const auto first = backUp();
        QVERIFY(!first.first.isEmpty());
        change(QStringLiteral("INSERT INTO tags VALUES ('newest', 9)"));
        const auto [generation, dump] = backUp();    // the runbook must pick this, the newest
        change(QStringLiteral("DELETE FROM notes")); // the "disaster"
        const QByteArray disaster = sqliteDump(db());

        QFile doc(QStringLiteral(LITEKEEP_SOURCE_DIR "/") + document);
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        static const QRegularExpression block(
            QStringLiteral("<!-- runbook:(settings|step) -->\\s*```sh\\n(.*?)```"),
            QRegularExpression::DotMatchesEverythingOption);
        QString script = QStringLiteral("set -eu\n");
        int steps = 0;
        auto it = block.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            if (m.captured(1) == QLatin1String("settings")) {
                // Our values instead of the reader's.
                script +=
                    QStringLiteral(
                        "export RCLONE_CONFIG_R2_TYPE=s3 RCLONE_CONFIG_R2_PROVIDER=Other "
                        "RCLONE_CONFIG_R2_ACCESS_KEY_ID=%1 RCLONE_CONFIG_R2_SECRET_ACCESS_KEY=%2 "
                        "RCLONE_CONFIG_R2_ENDPOINT=%3\nFOLDER='r2:backups/%4/default'\nDB='%5'\n")
                        .arg(QLatin1String(S3Server::kAccessKey), QLatin1String(S3Server::kSecret),
                             m_server.endpoint(), prefix, db());
            } else {
                script += m.captured(2);
                ++steps;
            }
        }
        QCOMPARE(steps, 3);
        const QString work = m_home->file(QStringLiteral("by-hand"));
        QDir().mkpath(work);
        QProcessEnvironment env = m_env; // AWS_CA_BUNDLE is set here, as on the user's machine
        env.insert(QStringLiteral("HOME"), work);
        QProcess bash;
        bash.setWorkingDirectory(work);
        bash.setProcessEnvironment(env);
        bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
        QVERIFY(bash.waitForFinished(120000));
        const QByteArray out = bash.readAllStandardOutput() + bash.readAllStandardError();
        QVERIFY2(bash.exitCode() == 0, out.constData());
        QVERIFY2(out.contains(QByteArray(QByteArray("Restoring ") + generation.toUtf8())),
                 out.constData());
        QVERIFY2(out.contains("integrity_check: ok"), out.constData());
        QCOMPARE(sqliteDump(db()), dump);
        const QStringList aside =
            QDir(m_home->path()).entryList({QStringLiteral("cogito.db.before-restore-*")});
        QVERIFY2(!aside.isEmpty(), "the old database was moved aside");
        const QString oldMain =
            m_home->file(aside.filter(QRegularExpression(QStringLiteral("-\\d{6}$"))).value(0));
        QCOMPARE(sqliteDump(oldMain), disaster);
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestRestore)
#include "tst_restore.moc"

// DatabaseIdentity on real SQLite files: which generations may replace the live database in
// place (a migrated schema may, another application's file may not), what the refusal says, and
// which live files have nothing to compare with.
#include "TestSupport.h"
#include "restore/DatabaseIdentity.h"
#include "sqlite/SqliteDatabase.h"

#include <QtTest>

#include <memory>

using namespace lk;

class TestDatabaseIdentity : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    QString make(const QString &name, const char *sql)
    {
        QDir().mkpath(QFileInfo(m_dir->filePath(name)).absolutePath());
        const QString path = m_dir->filePath(name);
        return lkt::runSql(path, sql) ? path : QString();
    }
    // The manifest a backup of `path` would write now.
    static Manifest manifestOf(const QString &path)
    {
        SqliteDatabase db;
        Manifest m;
        if (!db.open(path, SqliteDatabase::Mode::ReadOnly))
            return m;
        m.sourceFileName = QFileInfo(path).fileName();
        m.sourcePathSha256 = Manifest::pathSha256(path);
        m.database = DatabaseInfo::inspect(db).value();
        return m;
    }
    static DatabaseIdentity::Live live(const QString &path)
    {
        auto read = DatabaseIdentity::read(path, 1000, nullptr);
        if (!read || !read.value())
            qWarning("no live facts of %s: %s", qPrintable(path), qPrintable(read.error()));
        return read && read.value() ? *read.value() : DatabaseIdentity::Live{};
    }
    // A manifest from before "source_path_sha256" and "application_id".
    static Manifest old(Manifest m)
    {
        m.sourcePathSha256.clear();
        m.database.applicationId.reset();
        return m;
    }

    static constexpr const char *kApp = "PRAGMA application_id = 1280001360;" // 0x4c4b4550
                                        "CREATE TABLE notes(id INTEGER PRIMARY KEY, title TEXT);"
                                        "CREATE TABLE tags(name TEXT PRIMARY KEY);"
                                        "INSERT INTO notes(title) VALUES ('one'), ('two');";

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void aMigratedSchemaIsTheSameDatabase()
    {
        const QString path = make(QStringLiteral("a/app.db"), kApp);
        QVERIFY(!path.isEmpty());
        const Manifest before = manifestOf(path);
        QCOMPARE(DatabaseIdentity::mismatch(QStringLiteral("g"), before, live(path)), QString());
        // The application migrates after the backup: a restore goes back to before that.
        QVERIFY(
            lkt::runSql(path, "PRAGMA user_version = 2; CREATE TABLE drafts(x); DROP TABLE tags;"));
        QCOMPARE(DatabaseIdentity::mismatch(QStringLiteral("g"), before, live(path)), QString());
        QCOMPARE(DatabaseIdentity::mismatch(QStringLiteral("g"), old(before), live(path)),
                 QString());
    }

    void anotherApplicationsFileIsRefused()
    {
        const QString ours = make(QStringLiteral("a/app.db"), kApp);
        const QString theirs =
            make(QStringLiteral("b/app.db"), "PRAGMA application_id = 7; CREATE TABLE notes(body);"
                                             "CREATE TABLE ledger(amount);");
        QVERIFY(!ours.isEmpty() && !theirs.isEmpty());
        const QString why = DatabaseIdentity::mismatch(QStringLiteral("default-20261127T020000Z"),
                                                       manifestOf(ours), live(theirs));
        QVERIFY2(why.startsWith(
                     QStringLiteral(
                         "Generation default-20261127T020000Z does not look like a backup of %1:")
                         .arg(theirs)),
                 qPrintable(why));
        QVERIFY2(why.contains(QLatin1String(
                     "its application_id is 0x00000007 here but 0x4c4b4550 in the generation")),
                 qPrintable(why));
        QVERIFY2(
            why.contains(QStringLiteral(
                             "it was taken from a database at another path than this profile's, %1")
                             .arg(theirs)),
            qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("the schema differs (tables only here: \"ledger\"; "
                                            "only in the generation: \"tags\")")),
                 qPrintable(why));
        QVERIFY2(!why.contains(QLatin1String("is a backup of \"")),
                 qPrintable(why)); // the same file name
    }

    void eachSignAloneRefuses()
    {
        const QString path = make(QStringLiteral("a/app.db"), kApp);
        const Manifest m = manifestOf(path);
        // Another application_id, everything else the same (a file the application re-created?).
        Manifest otherId = m;
        otherId.database.applicationId = 0;
        QVERIFY(DatabaseIdentity::mismatch(QStringLiteral("g"), otherId, live(path))
                    .contains(QLatin1String("0x00000000 in the generation")));
        // Another path: the profile now points at another file of the same application.
        Manifest otherPath = m;
        otherPath.sourcePathSha256 =
            Manifest::pathSha256(m_dir->filePath(QStringLiteral("elsewhere/app.db")));
        QVERIFY(DatabaseIdentity::mismatch(QStringLiteral("g"), otherPath, live(path))
                    .contains(QLatin1String("it was taken from a database at another path")));
        // Another file name (what the check said before it knew more).
        Manifest otherName = old(m);
        otherName.sourceFileName = QStringLiteral("other.db");
        QVERIFY(DatabaseIdentity::mismatch(QStringLiteral("g"), otherName, live(path))
                    .contains(QLatin1String("it is a backup of \"other.db\", not of \"app.db\"")));
        // An old manifest knows only the name and the schema: no table in common refuses.
        const QString stranger = make(QStringLiteral("c/app.db"),
                                      "CREATE TABLE ledger(amount); CREATE TABLE accounts(name);");
        const QString why = DatabaseIdentity::mismatch(QStringLiteral("g"), old(m), live(stranger));
        QVERIFY2(why.contains(QLatin1String("the two share no table (here: \"accounts\", "
                                            "\"ledger\"; in the generation: \"notes\", \"tags\")")),
                 qPrintable(why));
    }

    void aPathThroughASymlinkIsTheSame()
    {
        const QString path = make(QStringLiteral("a/app.db"), kApp);
        QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("a")),
                            m_dir->filePath(QStringLiteral("link"))));
        Manifest m = manifestOf(path);
        m.sourcePathSha256 = Manifest::pathSha256(
            QFileInfo(path).canonicalFilePath()); // even if the temporary folder is a link
        const QString viaLink = m_dir->filePath(QStringLiteral("link/app.db"));
        QCOMPARE(DatabaseIdentity::mismatch(QStringLiteral("g"), m, live(viaLink)), QString());
        m.sourcePathSha256 = Manifest::pathSha256(m_dir->filePath(QStringLiteral("a/../a/app.db")));
        QCOMPARE(DatabaseIdentity::mismatch(QStringLiteral("g"), m, live(path)), QString());
    }

    void nothingToCompareWith()
    {
        // No file, an empty database, a file SQLite cannot read: nothing another database's
        // generation could destroy, so nothing refuses (the restore keeps a copy anyway).
        auto read =
            DatabaseIdentity::read(m_dir->filePath(QStringLiteral("missing.db")), 100, nullptr);
        QVERIFY(read && !read.value());
        const QString empty = make(QStringLiteral("empty.db"), "PRAGMA user_version = 1;");
        read = DatabaseIdentity::read(empty, 100, nullptr);
        QVERIFY(read && !read.value());
        QFile garbage(m_dir->filePath(QStringLiteral("garbage.db")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, 'x'));
        garbage.close();
        read = DatabaseIdentity::read(garbage.fileName(), 100, nullptr);
        QVERIFY2(read && !read.value(), qPrintable(read.error()));
    }

    void aLockedDatabaseStopsTheRestore()
    {
        const QString path = make(QStringLiteral("locked.db"), kApp);
        SqliteDatabase holder;
        QVERIFY(holder.open(path, SqliteDatabase::Mode::ReadWriteCreate));
        QVERIFY(holder.execute(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                              "INSERT INTO tags VALUES ('held');")));
        const auto read = DatabaseIdentity::read(path, 100, nullptr);
        QVERIFY(!read);
        QVERIFY2(read.error().contains(QLatin1String("locked")) &&
                     read.error().contains(QLatin1String("nothing was changed")),
                 qPrintable(read.error()));
        QVERIFY(holder.execute(QStringLiteral("ROLLBACK;")));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseIdentity)
#include "tst_databaseidentity.moc"

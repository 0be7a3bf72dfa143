// Snapshot: a consistent copy of a live database, and plain refusals for what is not one.
#include "sqlite/DatabaseInfo.h"
#include "sqlite/Snapshot.h"
#include "sqlite/SqliteDatabase.h"

#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using lk::Snapshot;

namespace {

// A raw connection of "another program", so the test controls exactly which locks it holds.
class Connection
{
public:
    explicit Connection(const QString &path)
    {
        if (sqlite3_open(QFile::encodeName(path).constData(), &m_db) != SQLITE_OK) {
            sqlite3_close(m_db);
            m_db = nullptr;
        }
    }
    ~Connection() { sqlite3_close(m_db); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    QString exec(const QString &sql) // the error, or empty
    {
        char *message = nullptr;
        const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
        QString error =
            rc == SQLITE_OK ? QString() : QString::fromUtf8(message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
        return error;
    }
    QVariant value(const QString &sql)
    {
        sqlite3_stmt *stmt = nullptr;
        QVariant result;
        if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            if (sqlite3_column_type(stmt, 0) == SQLITE_INTEGER)
                result = QVariant::fromValue<qint64>(sqlite3_column_int64(stmt, 0));
            else
                result =
                    QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        }
        sqlite3_finalize(stmt);
        return result;
    }

private:
    sqlite3 *m_db = nullptr;
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = static_cast<char>(rng.bounded(256));
    return data;
}

} // namespace

class TestSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void walWithUncheckpointedPages();
    void rollbackJournal();
    void refusesNonDatabases_data();
    void refusesNonDatabases();
    void corruptedPages();
    void exclusivelyLocked();
    void cancelled();
    void schemaHash();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // Checks the snapshot file itself against what take() reported.
    void checkSnapshotFile(const QString &target, const Snapshot::Taken &taken);
};

void TestSnapshot::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestSnapshot::checkSnapshotFile(const QString &target, const Snapshot::Taken &taken)
{
    QVERIFY(!QFile::exists(target + QStringLiteral("-wal")));
    QVERIFY(!QFile::exists(target + QStringLiteral("-journal")));
    // A copy of the user's data: private from the start.
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                      QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    QCOMPARE(QFileInfo(target).permissions() & others, QFile::Permissions());
    Connection snap(target);
    QVERIFY(snap.isOpen());
    QCOMPARE(snap.value(QStringLiteral("PRAGMA journal_mode")).toString(),
             QStringLiteral("delete"));
    QCOMPARE(snap.value(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(taken.info.integrityCheck, QStringLiteral("ok"));
    QCOMPARE(taken.info.integrityCheckPragma, QStringLiteral("quick_check"));
    QCOMPARE(taken.info.pageSize, snap.value(QStringLiteral("PRAGMA page_size")).toLongLong());
    QCOMPARE(taken.info.pageCount, snap.value(QStringLiteral("PRAGMA page_count")).toLongLong());
    QCOMPARE(taken.info.userVersion, 7);
    QCOMPARE(taken.bytes, QFileInfo(target).size());
    QCOMPARE(taken.bytes, taken.info.pageSize * taken.info.pageCount);
    for (auto it = taken.info.rowCounts.cbegin(); it != taken.info.rowCounts.cend(); ++it) {
        const QString sql = QStringLiteral("SELECT count(*) FROM ") + lk::quoteIdentifier(it.key());
        QCOMPARE(snap.value(sql).toLongLong(), it.value());
    }
}

void TestSnapshot::walWithUncheckpointedPages()
{
    const QString source = path(QStringLiteral("wal.db"));
    QVERIFY(lkt::makeDatabase(source, QStringLiteral("wal"), 500));

    // A writer that never checkpoints: these rows exist only in the -wal file.
    Connection writer(source);
    QVERIFY(writer.isOpen());
    QCOMPARE(writer.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")), QString());
    QCOMPARE(writer.exec(QStringLiteral(
                 "CREATE TABLE \"日本語 表\"(id INTEGER PRIMARY KEY, v TEXT);"
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                 " INSERT INTO \"日本語 表\"(v) SELECT 'only-in-the-wal ' || i FROM n;"
                 "UPDATE notes SET title = 'changed-in-the-wal' WHERE id <= 10;")),
             QString());
    QVERIFY(QFileInfo(source + QStringLiteral("-wal")).size() > 0);
    QVERIFY(!readFile(source).contains("only-in-the-wal"));
    QVERIFY(readFile(source + QStringLiteral("-wal")).contains("only-in-the-wal"));
    QCOMPARE(Snapshot::estimatedSize(source),
             QFileInfo(source).size() + QFileInfo(source + QStringLiteral("-wal")).size());
    QCOMPARE(Snapshot::precheckSource(source), QString());

    const QString target = path(QStringLiteral("wal.snapshot"));
    const auto taken = Snapshot::take(source, target, 5000);
    QVERIFY2(taken.isOk(), qPrintable(taken.error()));
    QCOMPARE(taken->info.journalMode, QStringLiteral("wal")); // the source's mode
    checkSnapshotFile(target, taken.value());
    if (QTest::currentTestFailed())
        return;

    // Every table, with the counts the live database has now.
    const QStringList tables{QStringLiteral("blobs"), QStringLiteral("notes"),
                             QStringLiteral("tags"), QStringLiteral("日本語 表")};
    QCOMPARE(taken->info.rowCounts.keys(), tables);
    for (const QString &table : tables) {
        const QString sql = QStringLiteral("SELECT count(*) FROM ") + lk::quoteIdentifier(table);
        QCOMPARE(taken->info.rowCounts.value(table), writer.value(sql).toLongLong());
    }
    QCOMPARE(taken->info.rowCounts.value(QStringLiteral("日本語 表")), 3000);
    Connection snap(target);
    QCOMPARE(
        snap.value(QStringLiteral("SELECT count(*) FROM notes WHERE title = 'changed-in-the-wal'"))
            .toLongLong(),
        10);

    // The same content as the live database, row for row.
    const QByteArray dump = lkt::sqliteDump(target);
    QVERIFY(dump.contains("only-in-the-wal 3000"));
    QCOMPARE(dump, lkt::sqliteDump(source));
}

void TestSnapshot::rollbackJournal()
{
    const QString source = path(QStringLiteral("delete.db"));
    QVERIFY(lkt::makeDatabase(source, QStringLiteral("delete"), 800));
    const QByteArray before = readFile(source);
    QVERIFY(before.size() > 100 * 1024);

    const QString target = path(QStringLiteral("delete.snapshot"));
    const auto taken = Snapshot::take(source, target, 5000);
    QVERIFY2(taken.isOk(), qPrintable(taken.error()));
    QCOMPARE(taken->info.journalMode, QStringLiteral("delete"));
    QCOMPARE(taken->info.rowCounts.value(QStringLiteral("notes")), 800);
    checkSnapshotFile(target, taken.value());
    QCOMPARE(lkt::sqliteDump(target), lkt::sqliteDump(source));

    QVERIFY(readFile(source) == before); // read, never written
    QVERIFY(!QFile::exists(source + QStringLiteral("-journal")));

    // Taking again over an existing target replaces it.
    const auto again = Snapshot::take(source, target, 5000);
    QVERIFY2(again.isOk(), qPrintable(again.error()));
    QCOMPARE(again->bytes, taken->bytes);
}

void TestSnapshot::refusesNonDatabases_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // written unless the name says otherwise
    QTest::addColumn<QString>("phrase");

    QTest::newRow("missing") << QStringLiteral("missing.db") << QByteArray()
                             << QStringLiteral("does not exist");
    QTest::newRow("directory") << QStringLiteral("folder.db") << QByteArray()
                               << QStringLiteral("is a folder");
    QTest::newRow("empty") << QStringLiteral("empty.db") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("random bytes") << QStringLiteral("random.db") << randomBytes(64 * 1024, 3)
                                  << QStringLiteral("not an SQLite database");
    QTest::newRow("text") << QStringLiteral("text.db") << QByteArray("SQLite format 2\nhello\n")
                          << QStringLiteral("not an SQLite database");

    // Like SQLCipher: a valid database body behind 16 bytes of salt instead of the header.
    const QString body = path(QStringLiteral("cipher-body.db"));
    QVERIFY(lkt::makeDatabase(body, QStringLiteral("delete"), 100));
    const QByteArray cipher = randomBytes(16, 5) + readFile(body).mid(16);
    QTest::newRow("SQLCipher-like")
        << QStringLiteral("cipher.db") << cipher << QStringLiteral("not an SQLite database");
}

void TestSnapshot::refusesNonDatabases()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, phrase);

    const QString source = path(name);
    if (name == QLatin1String("folder.db"))
        QVERIFY(QDir().mkpath(source));
    else if (name != QLatin1String("missing.db"))
        QVERIFY(writeFile(source, content));

    const QString problem = Snapshot::precheckSource(source);
    QVERIFY2(problem.contains(phrase), qPrintable(problem));
    QVERIFY2(problem.contains(source), qPrintable(problem));

    const QString target = path(name + QStringLiteral(".snapshot"));
    const auto taken = Snapshot::take(source, target, 1000);
    QVERIFY(!taken.isOk());
    QVERIFY2(taken.error().contains(phrase), qPrintable(taken.error()));

    // Nothing created, nothing touched.
    QVERIFY(!QFile::exists(target));
    if (name == QLatin1String("missing.db"))
        QVERIFY(!QFile::exists(source));
    else if (name == QLatin1String("folder.db"))
        QVERIFY(QFileInfo(source).isDir());
    else
        QVERIFY(readFile(source) == content);
}

void TestSnapshot::corruptedPages()
{
    const QString source = path(QStringLiteral("corrupt.db"));
    QVERIFY(lkt::makeDatabase(source, QStringLiteral("delete"), 3000));
    QByteArray bytes = readFile(source);
    const qsizetype pageSize = 4096;
    QVERIFY(bytes.size() > 50 * pageSize);
    // Scribble over a few whole b-tree pages in the middle; page 1 (the header) stays valid.
    const QByteArray noise = randomBytes(3 * pageSize, 11);
    bytes.replace(bytes.size() / 2 / pageSize * pageSize, noise.size(), noise);
    QVERIFY(writeFile(source, bytes));
    QCOMPARE(Snapshot::precheckSource(source), QString()); // the header alone looks fine

    const QString target = path(QStringLiteral("corrupt.snapshot"));
    const auto taken = Snapshot::take(source, target, 1000);
    QVERIFY(!taken.isOk());
    QVERIFY2(taken.error().contains(QLatin1String("integrity")) ||
                 taken.error().contains(QLatin1String("not a valid")),
             qPrintable(taken.error()));
    QVERIFY(readFile(source) == bytes);
}

void TestSnapshot::exclusivelyLocked()
{
    const QString source = path(QStringLiteral("locked.db"));
    QVERIFY(lkt::makeDatabase(source, QStringLiteral("delete"), 200));
    const QByteArray before = readFile(source);

    const QString target = path(QStringLiteral("locked.snapshot"));
    {
        Connection holder(source);
        QVERIFY(holder.isOpen());
        QCOMPARE(holder.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; "
                                            "INSERT INTO notes(title) VALUES ('uncommitted');")),
                 QString());

        QElapsedTimer timer;
        timer.start();
        const auto taken = Snapshot::take(source, target, 500);
        const qint64 elapsed = timer.elapsed();
        QVERIFY(!taken.isOk());
        QVERIFY2(taken.error().contains(QLatin1String("locked")), qPrintable(taken.error()));
        QVERIFY2(taken.error().contains(QLatin1String("busy timeout")), qPrintable(taken.error()));
        QVERIFY2(elapsed >= 400 && elapsed < 5000, qPrintable(QString::number(elapsed)));

        QCOMPARE(holder.exec(QStringLiteral("ROLLBACK")), QString());
    }
    QVERIFY(readFile(source) == before);

    // Once the lock is gone the same database snapshots fine.
    const auto taken = Snapshot::take(source, target, 500);
    QVERIFY2(taken.isOk(), qPrintable(taken.error()));
    QCOMPARE(taken->info.rowCounts.value(QStringLiteral("notes")), 200);
    QVERIFY(readFile(source) == before);
}

void TestSnapshot::cancelled()
{
    const QString source = path(QStringLiteral("cancel.db"));
    QVERIFY(lkt::makeDatabase(source, QStringLiteral("wal"), 100));
    std::atomic_bool cancel{true};
    const auto taken =
        Snapshot::take(source, path(QStringLiteral("cancel.snapshot")), 1000, &cancel);
    QVERIFY(!taken.isOk());
    QVERIFY2(taken.error().contains(QLatin1String("Cancelled")), qPrintable(taken.error()));
}

void TestSnapshot::schemaHash()
{
    const QString a = path(QStringLiteral("schema-a.db"));
    const QString b = path(QStringLiteral("schema-b.db"));
    QVERIFY(lkt::makeDatabase(a, QStringLiteral("delete"), 10));
    QVERIFY(lkt::makeDatabase(b, QStringLiteral("wal"), 90));

    auto inspect = [](const QString &file) {
        lk::SqliteDatabase db;
        const lk::Status opened = db.open(file, lk::SqliteDatabase::Mode::ReadOnly);
        if (!opened)
            return lk::Result<lk::DatabaseInfo>::fail(opened.error);
        return lk::DatabaseInfo::inspect(db);
    };

    const auto infoA = inspect(a);
    const auto infoB = inspect(b);
    QVERIFY2(infoA.isOk(), qPrintable(infoA.error()));
    QVERIFY2(infoB.isOk(), qPrintable(infoB.error()));
    QCOMPARE(infoA->schemaSha256.size(), 64);
    // Same schema, different data and journal mode: same hash.
    QCOMPARE(infoA->schemaSha256, infoB->schemaSha256);
    QCOMPARE(infoA->rowCounts.value(QStringLiteral("notes")), 10);
    QCOMPARE(infoB->rowCounts.value(QStringLiteral("notes")), 90);
    QCOMPARE(infoB->journalMode, QStringLiteral("wal"));
    QVERIFY(infoA->rowCounts.keys() == infoB->rowCounts.keys());
    QVERIFY(!infoA->rowCounts.contains(QStringLiteral("note_titles"))); // a view is not a table

    {
        Connection c(b);
        QCOMPARE(c.exec(QStringLiteral("CREATE TABLE extra(x)")), QString());
    }
    const auto added = inspect(b);
    QVERIFY2(added.isOk(), qPrintable(added.error()));
    QVERIFY(added->schemaSha256 != infoA->schemaSha256);
    QCOMPARE(added->rowCounts.value(QStringLiteral("extra"), -1), 0);

    {
        Connection c(a);
        QCOMPARE(c.exec(QStringLiteral("CREATE TABLE extra(x)")), QString());
    }
    const auto same = inspect(a);
    QCOMPARE(same->schemaSha256, added->schemaSha256);

    {
        Connection c(a);
        QCOMPARE(c.exec(QStringLiteral("CREATE INDEX extra_x ON extra(x)")), QString());
    }
    QVERIFY(inspect(a)->schemaSha256 != added->schemaSha256);
}

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"

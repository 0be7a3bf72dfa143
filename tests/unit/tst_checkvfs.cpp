// CheckVfs: the read-only VFS that keeps index pages for PRAGMA integrity_check. It must
// change how fast a check runs, never what it finds.
#include "sqlite/DatabaseInfo.h"
#include "sqlite/SqliteDatabase.h"
#include "verify/CheckVfs.h"

#include "TestSupport.h"

#include <QTest>

#include <sqlite3.h>

#include <limits>

using lk::CheckVfs;
using lk::DatabaseInfo;
using lk::SqliteDatabase;

namespace {

// A table of `rows` random rows with an index on a random column, so that the check looks
// the index up at random.
bool makeDatabase(const QString &path, int rows)
{
    return lkt::runSql(
        path, "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b TEXT);"
              "CREATE INDEX t_a ON t(a);"
              "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < " +
                  QByteArray::number(rows) +
                  ") INSERT INTO t(a, b) SELECT hex(randomblob(12)), hex(randomblob(40)) FROM c;");
}

QString check(const QString &path, const char *vfs)
{
    SqliteDatabase db;
    if (lk::Status s = db.open(path, SqliteDatabase::Mode::ReadOnly, 5000, vfs); !s)
        return s.error;
    auto result = DatabaseInfo::integrityCheckOf(db);
    return result ? result.value() : result.error();
}

} // namespace

class TestCheckVfs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registers()
    {
        QVERIFY(CheckVfs::name());
        QCOMPARE(QByteArray(CheckVfs::name()), QByteArray("litekeep-check"));
        QVERIFY(sqlite3_vfs_find(CheckVfs::name()));
        QVERIFY(sqlite3_vfs_find(nullptr) != sqlite3_vfs_find(CheckVfs::name())); // not the default
    }

    // Under AddressSanitizer the process alone is above the 112 MiB ceiling; the cache must
    // still be exercised there.
    void initTestCase() { CheckVfs::setProcessCeiling(std::numeric_limits<qint64>::max() / 2); }

    // The same verdict as without it, with index pages served from memory.
    void soundDatabasePassesWithHits()
    {
        lkt::TestHome home;
        const QString path = home.file(QStringLiteral("sound.db"));
        QVERIFY(makeDatabase(path, 60000)); // an index of several MiB: beyond SQLite's 2 MiB cache
        QCOMPARE(check(path, nullptr), QStringLiteral("ok"));
        const CheckVfs::Counters before = CheckVfs::counters();
        QCOMPARE(check(path, CheckVfs::name()), QStringLiteral("ok"));
        const CheckVfs::Counters after = CheckVfs::counters();
        QVERIFY2(after.hits - before.hits > 1000,
                 qPrintable(QStringLiteral("%1 hits, %2 misses")
                                .arg(after.hits - before.hits)
                                .arg(after.misses - before.misses)));
    }

    // An index whose content does not match its table is found, cache or not.
    void damagedIndexIsFound()
    {
        lkt::TestHome home;
        const QString path = home.file(QStringLiteral("damaged.db"));
        QVERIFY(makeDatabase(path, 20000));
        // Declares the index on the other column: its entries no longer match the rows.
        QVERIFY(lkt::runSql(
            path, "PRAGMA writable_schema=ON;"
                  "UPDATE sqlite_schema SET sql = 'CREATE INDEX t_a ON t(b)' WHERE name = 't_a';"));
        const QString plain = check(path, nullptr);
        QVERIFY2(plain != QLatin1String("ok"), qPrintable(plain));
        QCOMPARE(check(path, CheckVfs::name()), plain);
    }

    // With no room at all it reads through, and still agrees: no budget, or a process already
    // at its ceiling.
    void noCacheReadsThrough_data()
    {
        QTest::addColumn<qint64>("budget");
        QTest::addColumn<qint64>("ceiling");
        QTest::newRow("no budget") << qint64(0) << std::numeric_limits<qint64>::max() / 2;
        QTest::newRow("at the ceiling") << CheckVfs::kDefaultCacheBytes << qint64(1);
    }
    void noCacheReadsThrough()
    {
        QFETCH(qint64, budget);
        QFETCH(qint64, ceiling);
        lkt::TestHome home;
        const QString path = home.file(QStringLiteral("nocache.db"));
        QVERIFY(makeDatabase(path, 20000));
        CheckVfs::setCacheBytes(budget);
        CheckVfs::setProcessCeiling(ceiling);
        const CheckVfs::Counters before = CheckVfs::counters();
        const QString verdict = check(path, CheckVfs::name());
        const CheckVfs::Counters after = CheckVfs::counters();
        CheckVfs::setCacheBytes(CheckVfs::kDefaultCacheBytes);
        initTestCase();
        QCOMPARE(verdict, QStringLiteral("ok"));
        QCOMPARE(after.hits, before.hits);
        QVERIFY(after.misses > before.misses);
    }
};

QTEST_GUILESS_MAIN(TestCheckVfs)
#include "tst_checkvfs.moc"

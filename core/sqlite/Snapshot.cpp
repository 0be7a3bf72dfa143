// A hot, consistent copy of a live SQLite database through the online backup API.
#include "sqlite/Snapshot.h"

#include "sqlite/SqliteDatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace lk {

namespace {
bool isBusy(int rc)
{
    return SqliteDatabase::isBusy(rc);
}
} // namespace

QString Snapshot::precheckSource(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return tr("The database file %1 does not exist. Check the path in the profile.").arg(path);
    if (info.isDir())
        return tr("%1 is a folder, not an SQLite database file.").arg(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read the database file %1: %2. Check its permissions.")
            .arg(path, file.errorString());
    if (info.size() == 0)
        return tr("%1 is empty (0 bytes); there is no database to back up yet.").arg(path);
    if (!SqliteDatabase::hasSqliteHeader(path))
        return tr("%1 is not an SQLite database (it may be encrypted, for example with "
                  "SQLCipher, or another kind of file).")
            .arg(path);
    return {};
}

qint64 Snapshot::estimatedSize(const QString &source)
{
    return QFileInfo(source).size() + QFileInfo(source + QStringLiteral("-wal")).size();
}

Result<Snapshot::Taken> Snapshot::take(const QString &source, const QString &target,
                                       int busyTimeoutMs, const std::atomic_bool *cancel)
{
    auto taken = copy(source, target, busyTimeoutMs, cancel);
    if (!taken)
        return taken;
    Taken checked = taken.value();
    if (Status s = check(source, target, &checked, cancel); !s)
        return Result<Taken>::fail(s.error);
    return Result<Taken>::ok(checked);
}

Result<Snapshot::Taken> Snapshot::copy(const QString &source, const QString &target,
                                       int busyTimeoutMs, const std::atomic_bool *cancel,
                                       Durability durability)
{
    using R = Result<Taken>;
    if (const QString problem = precheckSource(source); !problem.isEmpty())
        return R::fail(problem);

    SqliteDatabase src;
    if (Status s = src.open(source, SqliteDatabase::Mode::ReadOnly, busyTimeoutMs); !s)
        return R::fail(s.error);

    // Reading the journal mode touches the schema, which also proves the file is readable.
    auto mode = src.queryValue(QStringLiteral("PRAGMA journal_mode"));
    if (!mode) {
        const int code = src.lastErrorCode() & 0xff;
        if (code == SQLITE_NOTADB)
            return R::fail(
                tr("%1 is not an SQLite database (it may be encrypted or damaged).").arg(source));
        if (isBusy(code))
            return R::fail(tr("The database %1 stayed locked by another process for more than "
                              "%2 s. Try again when it is less busy, or raise the busy timeout.")
                               .arg(source)
                               .arg(busyTimeoutMs / 1000.0));
        return R::fail(tr("Cannot read the database %1: %2.").arg(source, mode.error()));
    }
    const QString sourceJournalMode = mode.value().toString().toLower();

    QFile::remove(target);
    {
        // Private from the first byte: SQLite keeps the mode of an existing (empty) file, and
        // gives its journal the same.
        QFile empty(target);
        if (empty.open(QIODevice::WriteOnly))
            empty.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    SqliteDatabase dst;
    if (Status s = dst.open(target, SqliteDatabase::Mode::ReadWriteCreate, busyTimeoutMs); !s)
        return R::fail(s.error);
    if (durability == Durability::Scratch) {
        if (Status s = dst.execute(QStringLiteral("PRAGMA synchronous=OFF")); !s)
            return R::fail(tr("Cannot prepare the snapshot: %1.").arg(s.error));
    }

    // One step copies every page inside one read transaction: a consistent image even while
    // writers commit. Past the busy timeout we give up rather than hang.
    const int rc = dst.copyFrom(src, busyTimeoutMs, cancel);
    if (rc == -1)
        return R::fail(tr("Cannot start the snapshot of %1: %2.").arg(source, dst.lastError()));

    if (cancel && cancel->load())
        return R::fail(tr("Cancelled."));
    if (rc != SQLITE_DONE) {
        if (isBusy(rc))
            return R::fail(tr("The database %1 stayed locked by another process for more than "
                              "%2 s. Try again when it is less busy, or raise the busy timeout.")
                               .arg(source)
                               .arg(busyTimeoutMs / 1000.0));
        if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
            return R::fail(tr("%1 is not a valid SQLite database (%2).")
                               .arg(source, QString::fromUtf8(sqlite3_errstr(rc))));
        if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR)
            return R::fail(tr("Writing the snapshot to %1 failed (%2). Is the disk full?")
                               .arg(target, QString::fromUtf8(sqlite3_errstr(rc))));
        return R::fail(tr("The snapshot of %1 failed: %2.")
                           .arg(source, QString::fromUtf8(sqlite3_errstr(rc))));
    }
    src.close();

    // The copy is a standalone file: no -wal beside it, readable by a plain sqlite3.
    if (Status s = dst.execute(QStringLiteral("PRAGMA journal_mode=DELETE")); !s)
        return R::fail(tr("Cannot prepare the snapshot: %1.").arg(s.error));
    dst.close();

    Taken taken;
    taken.info.journalMode = sourceJournalMode;
    taken.bytes = QFileInfo(target).size();
    return R::ok(taken);
}

Status Snapshot::check(const QString &source, const QString &target, Taken *taken,
                       const std::atomic_bool *cancel)
{
    SqliteDatabase dst;
    if (Status s = dst.open(target, SqliteDatabase::Mode::ReadOnly, 0); !s)
        return s;

    // quick_check reads every page and its structure. The full integrity_check, which also
    // matches every index against its table, costs about fifteen times as much; it runs on the
    // copy downloaded back from the destination when the backup is verified (the default),
    // which holds exactly these bytes (SHA-256), and on every verification and restore.
    dst.watchCancel(cancel);
    constexpr auto kDepth = DatabaseInfo::Check::Quick;
    auto integrity = DatabaseInfo::integrityCheckOf(dst, kDepth);
    if (cancel && cancel->load())
        return Status::failure(tr("Cancelled."));
    const int code = dst.lastErrorCode() & 0xff;
    const bool damaged = !integrity && (code == SQLITE_CORRUPT || code == SQLITE_NOTADB);
    if (!integrity && !damaged)
        return Status::failure(
            tr("The integrity check of the snapshot failed to run: %1.").arg(integrity.error()));
    if (damaged || integrity.value() != QLatin1String("ok"))
        return Status::failure(
            tr("The snapshot of %1 failed SQLite's integrity check (%2). Nothing "
               "was uploaded. The database itself may be damaged: keep your "
               "existing backups and investigate before the next run.")
                .arg(source, damaged ? integrity.error() : integrity.value()));

    auto info = DatabaseInfo::inspect(dst);
    if (!info)
        return Status::failure(tr("Cannot read the snapshot: %1.").arg(info.error()));
    dst.close();

    const QString journalMode = taken->info.journalMode;
    taken->info = info.value();
    taken->info.journalMode = journalMode;
    taken->info.integrityCheck = integrity.value();
    taken->info.integrityCheckPragma = DatabaseInfo::pragmaName(kDepth);
    return Status::success();
}

} // namespace lk

// Full verification of one generation.
#include "verify/Verifier.h"

#include "compress/Digest.h"
#include "compress/Gzip.h"
#include "sqlite/SqliteDatabase.h"
#include "storage/RcloneErrors.h"
#include "storage/RcloneStream.h"
#include "verify/CheckVfs.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStorageInfo>

#include <algorithm>
#include <thread>

#if defined(Q_OS_UNIX)
#include <fcntl.h>
#include <unistd.h>
#endif

namespace lk {

namespace {
constexpr qint64 kRoomMargin = 16 * 1024 * 1024;
// The most page cache the check may have, in KiB (issue 8: LiteKeep and rclone within 128 MiB).
constexpr qint64 kMaxCheckCacheKiB = 32 * 1024;
// rclone's read-ahead for the download (16 MiB by default, which it fills when we inflate
// more slowly than it downloads): 4 MiB kept its peak 13 MiB lower at the same speed.
const QString kReadAhead = QStringLiteral("4M");

// integrity_check looks every row of a table up in each of its indexes, in the table's order,
// so at random in the indexes. When they do not fit in SQLite's page cache (2 MiB by default),
// nearly every lookup reads a page from the kernel again: 360,000 preads for a 40 MB text-heavy
// database. A cache that holds them made the check 1.5x faster there; one that holds a small
// part of them was slower than the default (a 16 MiB cache for a 114 MiB index: +5-10% CPU).
// So: as big as the indexes of the table with the most, when that is affordable, and the
// default otherwise. Counting their pages reads each index at most up to the point where it is
// clearly too big (0.1 s on the bench's 400 MB database).
// Not mmap: mapped pages of the file count as resident memory.
void sizeCacheForCheck(SqliteDatabase &db)
{
    const auto pageSize = db.queryValue(QStringLiteral("PRAGMA page_size"));
    const auto indexes = db.queryRows(
        QStringLiteral("SELECT tbl_name, name FROM sqlite_schema WHERE type = 'index'"));
    if (!pageSize || pageSize.value().toLongLong() <= 0 || !indexes)
        return;
    const qint64 limit = 2 * kMaxCheckCacheKiB * 1024 / pageSize.value().toLongLong(); // pages
    QHash<QString, qint64> pagesPerTable;
    qint64 most = 0;
    for (const QVariantList &row : indexes.value()) {
        qint64 &pages = pagesPerTable[row.value(0).toString()];
        if (pages > limit)
            continue;
        QString name = row.value(1).toString();
        name.replace(QLatin1Char('\''), QLatin1String("''"));
        const auto counted = db.queryValue(
            QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM dbstat WHERE name = '%1' LIMIT %2)")
                .arg(name, QString::number(limit - pages + 1)));
        if (!counted)
            return; // no dbstat here: SQLite's default
        pages += counted.value().toLongLong();
        most = std::max(most, pages);
    }
    if (most == 0 || most > limit)
        return; // no index, or mostly misses anyway
    const qint64 kib = most * pageSize.value().toLongLong() / 1024;
    const qint64 cache = std::min(kMaxCheckCacheKiB, kib + kib / 4 + 2048);
    db.execute(QStringLiteral("PRAGMA cache_size = -%1").arg(cache));
}

// Starts writing `path` to disk on another thread, so that a restore's fsync before the file
// is put in place (LiveDatabase::publish) overlaps the checks instead of following them.
std::thread flushInBackground(const QString &path)
{
#if defined(Q_OS_UNIX)
    return std::thread([name = QFile::encodeName(path)] {
        const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            ::fsync(fd);
            ::close(fd);
        }
    });
#else
    Q_UNUSED(path);
    return {};
#endif
}

Verdict failed(const QString &reason)
{
    return {Verdict::Kind::Failed, reason, {}};
}

Verdict notChecked(const QString &reason, const QString &tail = {})
{
    return {Verdict::Kind::NotChecked, reason, tail};
}
} // namespace

Verdict Verifier::verifyCopy(const Profile &profile, const QProcessEnvironment &remote,
                             const Generation &generation, const QString &path,
                             const std::atomic_bool *cancel,
                             const std::shared_ptr<std::atomic<qint64>> &done)
{
    Verdict v = verify(profile, remote, generation, path, cancel,
                       [done](qint64 bytes, qint64) { done->store(bytes); });
    QFile::remove(path);
    return v;
}

QString Verifier::compareWithManifest(const QString &databasePath, const Manifest &manifest,
                                      const std::atomic_bool *cancel)
{
    SqliteDatabase db;
    if (Status s = db.open(databasePath, SqliteDatabase::Mode::ReadOnly, 5000, CheckVfs::name());
        !s)
        return s.error;
    db.watchCancel(cancel);
    sizeCacheForCheck(db); // only speed: a failure leaves SQLite's default
    auto integrity = DatabaseInfo::integrityCheckOf(db);
    if (!integrity)
        return tr("PRAGMA integrity_check could not run: %1").arg(integrity.error());
    if (integrity.value() != QLatin1String("ok"))
        return tr("PRAGMA integrity_check reports: %1").arg(integrity.value());
    auto info = DatabaseInfo::inspect(db);
    if (!info)
        return tr("the database cannot be read: %1").arg(info.error());
    const DatabaseInfo &want = manifest.database;
    const DatabaseInfo &got = info.value();
    if (got.pageSize != want.pageSize || got.pageCount != want.pageCount)
        return tr("it has %1 pages of %2 bytes, the manifest says %3 of %4")
            .arg(got.pageCount)
            .arg(got.pageSize)
            .arg(want.pageCount)
            .arg(want.pageSize);
    if (got.schemaSha256 != want.schemaSha256)
        return tr("its schema differs from the one recorded in the manifest");
    if (got.userVersion != want.userVersion)
        return tr("its user_version is %1, the manifest says %2")
            .arg(got.userVersion)
            .arg(want.userVersion);
    if (got.rowCounts != want.rowCounts) {
        for (auto it = want.rowCounts.cbegin(); it != want.rowCounts.cend(); ++it) {
            if (got.rowCounts.value(it.key(), -1) != it.value())
                return tr("table \"%1\" has %2 rows, the manifest says %3")
                    .arg(it.key())
                    .arg(got.rowCounts.value(it.key(), -1))
                    .arg(it.value());
        }
        return tr("its tables differ from those recorded in the manifest");
    }
    return {};
}

Verdict Verifier::verify(const Profile &profile, const QProcessEnvironment &remote,
                         const Generation &generation, const QString &databasePath,
                         const std::atomic_bool *cancel, const Progress &progress, Flush flush)
{
    if (!generation.manifest)
        return failed(generation.problem.isEmpty() ? tr("it has no readable manifest")
                                                   : generation.problem);
    if (!generation.hasData)
        return failed(generation.problem.isEmpty() ? tr("the data file is missing")
                                                   : generation.problem);
    const Manifest &manifest = *generation.manifest;
    const auto destination = profile.parsedDestination();
    if (!destination)
        return notChecked(destination.error());

    QStorageInfo storage(QFileInfo(databasePath).absolutePath());
    if (storage.isValid() && storage.bytesAvailable() < manifest.dbSize + kRoomMargin)
        return notChecked(tr("not enough free space in %1 to check it (%2 bytes needed)")
                              .arg(QFileInfo(databasePath).absolutePath())
                              .arg(manifest.dbSize + kRoomMargin));

    const Verdict first = downloadAndCheck(profile, destination.value(), remote, generation,
                                           databasePath, cancel, progress, flush);
    if (first.kind != Verdict::Kind::Failed)
        return first;
    // A check failed, but the bytes may have been changed on their way here, not where they are
    // stored: only a second download that fails too says the stored object is damaged.
    if (cancel && cancel->load())
        return notChecked(tr("cancelled"));
    if (progress)
        progress(0, manifest.gzSize);
    Verdict second = downloadAndCheck(profile, destination.value(), remote, generation,
                                      databasePath, cancel, progress, flush);
    switch (second.kind) {
    case Verdict::Kind::Passed:
        second.reason =
            tr("the first download was corrupted in transit (%1); a second download passed")
                .arg(first.reason);
        break;
    case Verdict::Kind::Failed:
        second.reason =
            second.reason == first.reason
                ? tr("%1; a second download failed the same way").arg(first.reason)
                : tr("%1; a second download failed too: %2").arg(first.reason, second.reason);
        break;
    case Verdict::Kind::NotChecked:
        break; // the network or a cancel: says nothing about the object, as on a first download
    }
    return second;
}

Verdict Verifier::downloadAndCheck(const Profile &profile, const Destination &destination,
                                   const QProcessEnvironment &remote, const Generation &generation,
                                   const QString &databasePath, const std::atomic_bool *cancel,
                                   const Progress &progress, Flush flush)
{
    const Manifest &manifest = *generation.manifest;

    QFile out(databasePath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return notChecked(tr("cannot write %1: %2").arg(databasePath, out.errorString()));
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);

    Digest gzHash(Digest::Algorithm::Sha256);
    Digest dbHash(Digest::Algorithm::Sha256);
    Gzip::Inflater inflater;
    qint64 gzBytes = 0, dbBytes = 0;
    QString contentProblem;

    const auto sink = [&](QByteArrayView chunk) {
        gzHash.addData(chunk);
        gzBytes += chunk.size();
        if (gzBytes > manifest.gzSize) {
            contentProblem =
                tr("it is larger than the manifest says (%1 bytes)").arg(manifest.gzSize);
            return false;
        }
        const bool ok = inflater.feed(chunk, [&](QByteArrayView plain) {
            dbHash.addData(plain);
            dbBytes += plain.size();
            if (out.write(plain.data(), plain.size()) != plain.size()) {
                contentProblem.clear();
                return false;
            }
            return true;
        });
        if (!ok && !inflater.error().isEmpty())
            contentProblem = inflater.error();
        if (progress)
            progress(gzBytes, manifest.gzSize);
        return ok;
    };

    const QString object = destination.object(profile.name, generation.name.dataObject());
    const RcloneProcess::Outcome outcome = RcloneStream::read(
        {QStringLiteral("cat"), QStringLiteral("--buffer-size"), kReadAhead, object}, remote, sink,
        cancel);
    const bool writeFailed = out.error() != QFileDevice::NoError;
    out.close();

    auto giveUp = [&](Verdict v) {
        QFile::remove(databasePath);
        return v;
    };
    if (!contentProblem.isEmpty())
        return giveUp(failed(contentProblem));
    if (writeFailed)
        return giveUp(notChecked(
            tr("writing %1 failed: %2. Is the disk full?").arg(databasePath, out.errorString())));
    if (cancel && cancel->load())
        return giveUp(notChecked(tr("cancelled")));
    if (!outcome.succeeded())
        return giveUp(notChecked(
            RcloneErrors::explain(outcome, tr("Downloading %1").arg(generation.name.dataObject()),
                                  destination, profile.endpoint),
            outcome.stderrTail));
    if (gzBytes != manifest.gzSize)
        return giveUp(failed(tr("it has %1 bytes, the manifest says %2 (truncated?)")
                                 .arg(gzBytes)
                                 .arg(manifest.gzSize)));
    if (gzHash.hexResult() != manifest.gzSha256)
        return giveUp(failed(tr("the SHA-256 of the .db.gz does not match the manifest")));
    if (!inflater.isFinished())
        return giveUp(failed(tr("the gzip stream ends early (truncated)")));
    if (dbBytes != manifest.dbSize || dbHash.hexResult() != manifest.dbSha256)
        return giveUp(
            failed(tr("the SHA-256 of the decompressed database does not match the manifest")));

    std::thread flusher;
    if (flush == Flush::WhileChecking)
        flusher = flushInBackground(databasePath);
    const QString problem = compareWithManifest(databasePath, manifest, cancel);
    if (flusher.joinable())
        flusher.join();
    if (cancel && cancel->load())
        return giveUp(notChecked(tr("cancelled")));
    if (!problem.isEmpty())
        return giveUp(failed(problem));
    return {Verdict::Kind::Passed, {}, {}};
}

} // namespace lk

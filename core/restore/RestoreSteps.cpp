// The steps of a restore on the worker thread: fetch and verify, write to a new file, or put
// in place of the live database (an undo too).
#include "restore/RestoreSteps.h"

#include "history/Catalog.h"
#include "restore/DatabaseIdentity.h"
#include "sqlite/SqliteDatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

namespace lk {

namespace {
QString stamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

// Moves `path` and its -wal/-shm aside so nothing is overwritten; returns the new name.
Result<QString> moveAside(const QString &path)
{
    const QString aside = path + QStringLiteral(".before-restore-") + stamp();
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFileInfo::exists(path + suffix) && !QFile::rename(path + suffix, aside + suffix))
            return Result<QString>::fail(
                RestoreJob::tr("Cannot move %1 aside.").arg(path + suffix));
    }
    return Result<QString>::ok(aside);
}
} // namespace

void RestoreJob::Steps::run()
{
    if (request.mode == Mode::Undo) {
        work->generation = undo->generation;
        replaceInPlace(undo->preRestoreCopy); // the copy stays where it is
        return;
    }
    PartialFile source = fetchAndVerify();
    if (source.isEmpty())
        return;
    if (request.mode == Mode::ToFile)
        writeToFile(std::move(source));
    else
        replaceInPlace(source.path()); // the verified download goes when `source` does
}

// Verifies the candidates newest first, and keeps the first that passes. Without a named
// generation, damaged ones are skipped (and the notes say so).
PartialFile RestoreJob::Steps::fetchAndVerify()
{
    // In place, the generation must be a backup of the database it replaces (or --force).
    std::optional<DatabaseIdentity::Live> live;
    if (request.mode == Mode::InPlace && !request.force) {
        auto read = DatabaseIdentity::read(profile.databasePath, busyMs, cancel);
        if (!read) {
            fail(read.error());
            return {};
        }
        live = read.value();
    }
    const QString folder =
        request.mode == Mode::ToFile ? QFileInfo(request.target).absolutePath() : stagingDir;
    for (const Generation &g : std::as_const(candidates)) {
        if (live && g.manifest) {
            work->anotherDatabase = DatabaseIdentity::mismatch(g.baseName(), *g.manifest, *live);
            if (!work->anotherDatabase.isEmpty()) {
                fail(RestoreJob::tr("%1 Nothing was changed. Add --force if you really mean to "
                                    "put it in place of %2.")
                         .arg(work->anotherDatabase, profile.databasePath));
                return {};
            }
        }
        work->phase = static_cast<int>(Phase::Downloading);
        work->total = g.manifest ? g.manifest->gzSize : 0;
        const bool claimed = early && &g == &candidates.constFirst();
        // Claimed, the early download's file is ours: nothing else touches it any more.
        PartialFile partial(claimed ? early->partial
                                    : folder + QStringLiteral("/.%1.litekeep-partial-%2")
                                                   .arg(g.baseName())
                                                   .arg(QCoreApplication::applicationPid()));
        const Verdict v = claimed ? early->verdict.result() : download(g, partial.path());
        if (v.kind == Verdict::Kind::NotChecked) {
            fail(RestoreJob::tr("Generation %1 could not be downloaded and checked: %2 Nothing "
                                "was changed.")
                     .arg(g.baseName(), v.reason));
            return {};
        }
        work->verdicts.append({g.baseName(), v});
        if (v.passed()) {
            work->generation = g.baseName();
            chosen = g.manifest;
            return partial;
        }
        work->skipped.append(QJsonObject{{QStringLiteral("generation"), g.baseName()},
                                         {QStringLiteral("reason"), v.reason}});
        if (!request.generation.isEmpty()) {
            fail(RestoreJob::tr("Generation %1 failed verification (%2); it was refused and "
                                "nothing was changed.")
                     .arg(g.baseName(), v.reason));
            return {};
        }
        work->notes.append(
            RestoreJob::tr("Skipped %1: it failed verification (%2).").arg(g.baseName(), v.reason));
    }
    fail(RestoreJob::tr("No generation passed verification; nothing was changed."));
    return {};
}

Verdict RestoreJob::Steps::download(const Generation &generation, const QString &path)
{
    work->done = 0;
    const auto flush =
        request.mode == Mode::ToFile ? Verifier::Flush::WhileChecking : Verifier::Flush::No;
    auto counter = work;
    return Verifier::verify(
        profile, remote, generation, path, cancel,
        [counter](qint64 done, qint64) { counter->done = done; }, flush);
}

void RestoreJob::Steps::writeToFile(PartialFile source)
{
    work->phase = static_cast<int>(Phase::Writing);
    if (QFileInfo::exists(request.target)) {
        auto aside = moveAside(request.target);
        if (!aside) {
            fail(aside.error());
            return;
        }
        work->notes.append(RestoreJob::tr("The file that was at %1 is kept as %2.")
                               .arg(request.target, aside.value()));
    }
    if (Status s = likeTheOriginal(source.path()); !s) {
        fail(s.error);
        return;
    }
    if (Status s = LiveDatabase::publish(source.path(), request.target); !s) {
        fail(s.error);
        return;
    }
    source.release(); // it is the restored database now
    work->restoredPath = request.target;
}

namespace {
// The process's umask, read without changing it (umask(2) cannot, and threads share it).
mode_t currentUmask()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        while (!status.atEnd()) {
            const QByteArray line = status.readLine();
            if (line.startsWith("Umask:")) {
                bool ok = false;
                const uint mask = line.mid(6).trimmed().toUInt(&ok, 8);
                if (ok)
                    return mode_t(mask);
            }
        }
    }
    return 022;
}
} // namespace

Status RestoreJob::Steps::likeTheOriginal(const QString &path) const
{
    // A WAL database comes back in WAL mode (a snapshot is stored in DELETE mode).
    if (chosen &&
        chosen->database.journalMode.compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0) {
        SqliteDatabase db;
        if (Status s = db.open(path, SqliteDatabase::Mode::ReadWriteCreate, busyMs); !s)
            return s;
        auto mode = db.queryValue(QStringLiteral("PRAGMA journal_mode=WAL"));
        if (!mode)
            return Status::failure(mode.error());
    }
    const mode_t bits = chosen && chosen->sourceMode >= 0 ? mode_t(chosen->sourceMode)
                                                          : mode_t(0666 & ~currentUmask());
    if (::chmod(QFile::encodeName(path).constData(), bits) != 0)
        return Status::failure(RestoreJob::tr("Cannot set the permissions of %1: %2.")
                                   .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    return Status::success();
}

namespace {
// A new pre-restore copy's path: never the name of an existing copy (an undo within the same
// second must not overwrite the copy it is about to put back).
QString newPreRestoreCopy(const QString &profile, const QString &source)
{
    QString path;
    for (int n = 0; path.isEmpty() || QFileInfo::exists(path) || path == source; ++n)
        path = RestoreJob::preRestoreFolder() + QLatin1Char('/') + profile + QLatin1Char('-') +
               stamp() + (n > 0 ? QStringLiteral("-%1").arg(n) : QString()) + QStringLiteral(".db");
    return path;
}
} // namespace

// In place (or undo): the live database keeps working for everyone else; what was there is
// kept as a pre-restore copy first.
void RestoreJob::Steps::replaceInPlace(const QString &source)
{
    const QString live = profile.databasePath;
    work->restoredPath = live;
    work->holders = LiveDatabase::holders(live);
    if (!work->holders.isEmpty())
        work->notes.append(
            RestoreJob::tr("Other programs had the database open: %1. They now see the restored "
                           "content; restart them if they cache data.")
                .arg(LiveDatabase::describe(work->holders)));
    if (!QFileInfo::exists(live)) {
        putWhereNothingWas(source);
        return;
    }
    work->phase = static_cast<int>(Phase::KeepingCopy);
    const QString copyPath = newPreRestoreCopy(profile.name, source);
    auto kept = LiveDatabase::keepCopy(live, copyPath, busyMs, cancel);
    if (!kept) {
        fail(RestoreJob::tr("Could not keep a copy of the current database, so nothing was "
                            "changed: %1")
                 .arg(kept.error()));
        return;
    }
    work->preRestoreCopy = copyPath;
    work->phase = static_cast<int>(Phase::Writing);
    auto replaced = LiveDatabase::replaceContent(live, source, busyMs, cancel);
    if (!replaced) {
        QFile::remove(copyPath);
        work->preRestoreCopy.clear();
        fail(replaced.error());
        return;
    }
    if (!replaced.value().isEmpty())
        work->notes.append(replaced.value());
    work->notes.append(RestoreJob::tr("The database as it was is kept in %1 (\"litekeep restore "
                                      "--undo\" puts it back).")
                           .arg(copyPath));
    quickCheck(live);
}

void RestoreJob::Steps::putWhereNothingWas(const QString &source)
{
    const QString live = profile.databasePath;
    work->phase = static_cast<int>(Phase::Writing);
    const QString copy = live + QStringLiteral(".litekeep-partial");
    // An undo copies its pre-restore copy, which stays; a restore moves its verified download.
    if (request.mode == Mode::Undo ? !QFile::copy(source, copy) : !QFile::rename(source, copy)) {
        fail(RestoreJob::tr("Cannot write %1.").arg(copy));
        return;
    }
    if (Status s = LiveDatabase::publish(copy, live); !s) {
        fail(s.error);
        return;
    }
    work->notes.append(
        RestoreJob::tr("There was no database at %1; the restored one was put there.").arg(live));
}

void RestoreJob::Steps::quickCheck(const QString &live)
{
    SqliteDatabase check;
    if (!check.open(live, SqliteDatabase::Mode::ReadOnly, busyMs))
        return;
    auto quick = check.queryValue(QStringLiteral("PRAGMA quick_check"));
    if (quick && quick.value().toString() != QLatin1String("ok"))
        work->notes.append(
            RestoreJob::tr("Warning: PRAGMA quick_check of the restored database says: %1")
                .arg(quick.value().toString()));
}

} // namespace lk

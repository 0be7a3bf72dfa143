// A hot, consistent copy of a live SQLite database through the online backup API.
#pragma once

#include "jobs/Result.h"
#include "sqlite/DatabaseInfo.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>

namespace lk {

class Snapshot
{
    Q_DECLARE_TR_FUNCTIONS(Snapshot)

public:
    struct Taken
    {
        DatabaseInfo info; // of the snapshot; journalMode is the source's
        qint64 bytes = 0;  // size of the snapshot file
    };

    // Copies `source` into the new file `target` in one sqlite3_backup_step(-1), so a
    // writer committing every few milliseconds cannot make it start over. The copy is
    // switched to journal_mode=DELETE and must pass PRAGMA quick_check. copy() then check().
    static Result<Taken> take(const QString &source, const QString &target, int busyTimeoutMs,
                              const std::atomic_bool *cancel = nullptr);

    // take() in two steps, for a caller that starts on the copy while it is checked (a backup
    // compresses it meanwhile, and uploads nothing until the check passed). copy() gives the
    // file, its size and the source's journal mode; check() opens the file read-only, runs
    // quick_check and fills in the rest of `taken->info`. `source` names it in messages.
    // `Durability::Scratch` skips the fsyncs: for a copy that lives only as long as this run
    // (a backup's snapshot), whose 40-400 MB flushed at once delayed a live application's own
    // fsyncs (its commits) by tens of milliseconds. take() keeps them: LiveDatabase keeps the
    // copy it makes before a restore.
    enum class Durability
    {
        Synced,
        Scratch
    };
    static Result<Taken> copy(const QString &source, const QString &target, int busyTimeoutMs,
                              const std::atomic_bool *cancel = nullptr,
                              Durability durability = Durability::Synced);
    static Status check(const QString &source, const QString &target, Taken *taken,
                        const std::atomic_bool *cancel = nullptr);

    // A sentence when `path` is clearly not something we can snapshot; empty when it may be.
    static QString precheckSource(const QString &path);

    // Bytes the snapshot will roughly need: the database plus its write-ahead log.
    static qint64 estimatedSize(const QString &source);
};

} // namespace lk

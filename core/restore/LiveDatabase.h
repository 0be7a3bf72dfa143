// Safe writes to a database other programs may have open: who holds it, a pre-restore copy,
// and replacing its content through the backup API (atomic for every other connection).
#pragma once

#include "jobs/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>

namespace lk {

class LiveDatabase
{
    Q_DECLARE_TR_FUNCTIONS(LiveDatabase)

public:
    struct Holder
    {
        qint64 pid = 0;
        QString command;
    };
    // Other processes of this user with the database (or its -wal) open, from /proc.
    static QList<Holder> holders(const QString &path);
    static QString describe(const QList<Holder> &holders);

    // Copies the live database to `copyPath` (backup API; a raw copy of its files if SQLite
    // cannot read it) so a restore never destroys what was there. Returns what was done.
    static Result<QString> keepCopy(const QString &livePath, const QString &copyPath,
                                    int busyTimeoutMs, const std::atomic_bool *cancel);

    // Replaces the content of `livePath` with the database `sourcePath` in one transaction of
    // the backup API: other connections see the old or the new content, never a mix, and the
    // live file keeps its journal mode (WAL stays WAL). A page-size mismatch with a WAL
    // database is solved by rewriting the copy (VACUUM) to the live page size first.
    // Returns a note for the user (empty, or what was adapted).
    static Result<QString> replaceContent(const QString &livePath, const QString &sourcePath,
                                          int busyTimeoutMs, const std::atomic_bool *cancel);

    // Writes a finished file beside `target` and renames it into place; fsyncs file and folder.
    static Status publish(const QString &temporary, const QString &target);
};

} // namespace lk

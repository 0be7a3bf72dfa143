// Safe writes to a database other programs may have open.
#include "restore/LiveDatabase.h"

#include "sqlite/Snapshot.h"
#include "sqlite/SqliteDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace lk {

namespace {
bool isBusy(int rc)
{
    return SqliteDatabase::isBusy(rc);
}

bool fsyncPath(const QString &path, bool directory)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}
} // namespace

QList<LiveDatabase::Holder> LiveDatabase::holders(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (canonical.isEmpty())
        return {};
    const QStringList watched{canonical, canonical + QStringLiteral("-wal")};
    const qint64 self = QCoreApplication::applicationPid();
    QList<Holder> found;
    const QStringList pids =
        QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pidText : pids) {
        bool numeric = false;
        const qint64 pid = pidText.toLongLong(&numeric);
        if (!numeric || pid == self)
            continue;
        QDirIterator fds(QStringLiteral("/proc/%1/fd").arg(pid),
                         QDir::System | QDir::Files | QDir::NoDotAndDotDot);
        while (fds.hasNext()) {
            const QString target = QFile::symLinkTarget(fds.next());
            if (watched.contains(target)) {
                QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
                QString command;
                if (comm.open(QIODevice::ReadOnly))
                    command = QString::fromLocal8Bit(comm.readAll()).trimmed();
                found.append({pid, command});
                break;
            }
        }
    }
    return found;
}

QString LiveDatabase::describe(const QList<Holder> &holders)
{
    QStringList parts;
    for (const Holder &h : holders)
        parts.append(QStringLiteral("%1 (%2)").arg(h.command).arg(h.pid));
    return parts.join(QLatin1String(", "));
}

Result<QString> LiveDatabase::keepCopy(const QString &livePath, const QString &copyPath,
                                       int busyTimeoutMs, const std::atomic_bool *cancel)
{
    using R = Result<QString>;
    QDir().mkpath(QFileInfo(copyPath).absolutePath());
    auto snapshot = Snapshot::take(livePath, copyPath, busyTimeoutMs, cancel);
    if (snapshot) {
        QFile::setPermissions(copyPath, QFile::ReadOwner | QFile::WriteOwner);
        return R::ok(tr("kept a copy of the current database in %1").arg(copyPath));
    }
    QFile::remove(copyPath);
    if (snapshot.error().contains(QLatin1String("locked")))
        return R::fail(snapshot.error());
    // SQLite cannot read it (damaged?): keep its files exactly as they are instead.
    bool copied = false;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (!QFileInfo::exists(livePath + suffix))
            continue;
        if (!QFile::copy(livePath + suffix, copyPath + suffix))
            return R::fail(tr("Cannot keep a copy of %1 in %2; nothing was changed.")
                               .arg(livePath + suffix, copyPath));
        copied = true;
    }
    if (!copied)
        return R::fail(tr("Cannot keep a copy of %1: %2").arg(livePath, snapshot.error()));
    return R::ok(tr("the current database could not be read by SQLite (%1), so its files were "
                    "copied as they are "
                    "to %2")
                     .arg(snapshot.error(), copyPath));
}

Result<QString> LiveDatabase::replaceContent(const QString &livePath, const QString &sourcePath,
                                             int busyTimeoutMs, const std::atomic_bool *cancel)
{
    using R = Result<QString>;
    SqliteDatabase live;
    if (Status s = live.open(livePath, SqliteDatabase::Mode::ReadWriteCreate, busyTimeoutMs); !s)
        return R::fail(s.error);
    auto mode = live.queryValue(QStringLiteral("PRAGMA journal_mode"));
    auto livePageSize = live.queryValue(QStringLiteral("PRAGMA page_size"));
    if (!mode || !livePageSize)
        return R::fail(tr("Cannot read the live database %1: %2")
                           .arg(livePath, mode ? livePageSize.error() : mode.error()));
    const bool wal =
        mode.value().toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;

    QString note;
    {
        SqliteDatabase source;
        if (Status s = source.open(sourcePath, SqliteDatabase::Mode::ReadWriteCreate); !s)
            return R::fail(s.error);
        auto pageSize = source.queryValue(QStringLiteral("PRAGMA page_size"));
        if (!pageSize)
            return R::fail(pageSize.error());
        if (wal && pageSize.value().toLongLong() != livePageSize.value().toLongLong()) {
            // The backup API cannot change the page size of a WAL database; the copy can change.
            source.watchCancel(cancel);
            const Status s = source.execute(QStringLiteral("PRAGMA page_size=%1; VACUUM;")
                                                .arg(livePageSize.value().toLongLong()));
            if (!s)
                return R::fail(
                    tr("The generation uses %1-byte pages and the live WAL database %2-byte pages; "
                       "adapting the copy failed: %3. Nothing was changed.")
                        .arg(pageSize.value().toLongLong())
                        .arg(livePageSize.value().toLongLong())
                        .arg(s.error));
            note = tr("The generation used %1-byte pages; it was rewritten with the live "
                      "database's %2-byte "
                      "pages before the restore (the content is the same).")
                       .arg(pageSize.value().toLongLong())
                       .arg(livePageSize.value().toLongLong());
        }
    }

    SqliteDatabase source;
    if (Status s = source.open(sourcePath, SqliteDatabase::Mode::ReadOnly); !s)
        return R::fail(s.error);
    const int rc = live.copyFrom(source, busyTimeoutMs, cancel);
    if (rc == -1)
        return R::fail(tr("Cannot start writing into %1: %2").arg(livePath, live.lastError()));
    if (rc != SQLITE_DONE) {
        if (isBusy(rc))
            return R::fail(tr("Another process kept %1 locked for more than %2 s; nothing was "
                              "changed. Stop the "
                              "application that writes to it, or try again.")
                               .arg(livePath)
                               .arg(busyTimeoutMs / 1000.0));
        if (cancel && cancel->load())
            return R::fail(tr("Cancelled; nothing was changed."));
        return R::fail(
            tr("Writing into %1 failed (%2); SQLite rolled it back, nothing was changed.")
                .arg(livePath, QString::fromUtf8(sqlite3_errstr(rc))));
    }
    return R::ok(note);
}

Status LiveDatabase::publish(const QString &temporary, const QString &target)
{
    if (!fsyncPath(temporary, false))
        return Status::failure(tr("Cannot flush %1 to disk.").arg(temporary));
    if (std::rename(QFile::encodeName(temporary).constData(),
                    QFile::encodeName(target).constData()) != 0)
        return Status::failure(tr("Cannot move the restored file to %1: %2.")
                                   .arg(target, QString::fromLocal8Bit(std::strerror(errno))));
    fsyncPath(QFileInfo(target).absolutePath(), true);
    return Status::success();
}

} // namespace lk

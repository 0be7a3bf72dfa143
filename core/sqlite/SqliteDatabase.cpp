// A small RAII wrapper over a raw sqlite3 connection.
#include "sqlite/SqliteDatabase.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <sqlite3.h>

namespace lk {

SqliteDatabase::~SqliteDatabase()
{
    close();
}

void SqliteDatabase::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Status SqliteDatabase::open(const QString &path, Mode mode, int busyTimeoutMs, const char *vfs)
{
    close();
    m_path = path;
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const QByteArray encoded = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(encoded.constData(), &m_db, flags, vfs);
    if (rc != SQLITE_OK) {
        const QString reason =
            m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        close();
        return Status::failure(
            QCoreApplication::translate("SqliteDatabase", "Cannot open %1: %2.").arg(path, reason));
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
    return Status::success();
}

namespace {
int cancelProgressHandler(void *flag)
{
    return static_cast<const std::atomic_bool *>(flag)->load() ? 1 : 0;
}
} // namespace

void SqliteDatabase::watchCancel(const std::atomic_bool *cancel)
{
    if (!m_db)
        return;
    sqlite3_progress_handler(m_db, cancel ? 1000 : 0, cancel ? &cancelProgressHandler : nullptr,
                             const_cast<std::atomic_bool *>(cancel));
}

QString SqliteDatabase::lastError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

int SqliteDatabase::lastErrorCode() const
{
    return m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE;
}

Status SqliteDatabase::execute(const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        QString reason =
            message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(message);
        return Status::failure(reason);
    }
    return Status::success();
}

Result<QList<QVariantList>> SqliteDatabase::queryRows(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return Result<QList<QVariantList>>::fail(lastError());

    QList<QVariantList> rows;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        QVariantList row;
        const int columns = sqlite3_column_count(stmt);
        for (int i = 0; i < columns; ++i) {
            switch (sqlite3_column_type(stmt, i)) {
            case SQLITE_INTEGER:
                row.append(QVariant::fromValue<qint64>(sqlite3_column_int64(stmt, i)));
                break;
            case SQLITE_FLOAT:
                row.append(sqlite3_column_double(stmt, i));
                break;
            case SQLITE_NULL:
                row.append(QVariant());
                break;
            case SQLITE_BLOB:
                row.append(QByteArray(static_cast<const char *>(sqlite3_column_blob(stmt, i)),
                                      sqlite3_column_bytes(stmt, i)));
                break;
            default:
                row.append(
                    QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, i)),
                                      sqlite3_column_bytes(stmt, i)));
                break;
            }
        }
        rows.append(row);
    }
    const QString error = rc == SQLITE_DONE ? QString() : lastError();
    sqlite3_finalize(stmt);
    if (!error.isEmpty())
        return Result<QList<QVariantList>>::fail(error);
    return Result<QList<QVariantList>>::ok(rows);
}

Result<QVariant> SqliteDatabase::queryValue(const QString &sql)
{
    auto rows = queryRows(sql);
    if (!rows)
        return Result<QVariant>::fail(rows.error());
    if (rows.value().isEmpty() || rows.value().first().isEmpty())
        return Result<QVariant>::ok(QVariant());
    return Result<QVariant>::ok(rows.value().first().first());
}

bool SqliteDatabase::isBusy(int resultCode)
{
    return (resultCode & 0xff) == SQLITE_BUSY || (resultCode & 0xff) == SQLITE_LOCKED;
}

int SqliteDatabase::copyFrom(SqliteDatabase &source, int busyTimeoutMs,
                             const std::atomic_bool *cancel)
{
    sqlite3_backup *backup = sqlite3_backup_init(m_db, "main", source.handle(), "main");
    if (!backup)
        return -1;
    const QDeadlineTimer deadline(busyTimeoutMs);
    int rc = SQLITE_OK;
    for (;;) {
        rc = sqlite3_backup_step(backup, -1);
        if (!isBusy(rc) || deadline.hasExpired() || (cancel && cancel->load()))
            break;
        QThread::msleep(50);
    }
    sqlite3_backup_finish(backup);
    return rc;
}

QString SqliteDatabase::sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

bool SqliteDatabase::hasSqliteHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    static const QByteArray magic("SQLite format 3\0", 16);
    return file.read(16) == magic;
}

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace lk

// A small RAII wrapper over a raw sqlite3 connection, for snapshots and inspection.
#pragma once

#include "jobs/Result.h"

#include <QString>
#include <QVariant>

#include <atomic>

struct sqlite3;

namespace lk {

class SqliteDatabase
{
public:
    enum class Mode
    {
        ReadOnly,
        ReadWriteCreate
    };

    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    // Opens the file; on failure the error says what a person can do about it.
    // `vfs`: an SQLite VFS by name (see CheckVfs); null for the default.
    Status open(const QString &path, Mode mode, int busyTimeoutMs = 5000,
                const char *vfs = nullptr);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    // Long statements stop (SQLITE_INTERRUPT) when this flag turns true.
    void watchCancel(const std::atomic_bool *cancel);

    Status execute(const QString &sql);
    Result<QVariant> queryValue(const QString &sql);
    Result<QList<QVariantList>> queryRows(const QString &sql);

    QString lastError() const;
    int lastErrorCode() const;

    // Copies every page of `source` into this database with the online backup API in one
    // sqlite3_backup_step(-1) (one read transaction: a consistent image while writers commit),
    // retrying while locked until `busyTimeoutMs` or `cancel`. Returns SQLITE_DONE on success,
    // -1 when the backup could not start, or the last SQLite result code.
    int copyFrom(SqliteDatabase &source, int busyTimeoutMs, const std::atomic_bool *cancel);
    static bool isBusy(int resultCode);

    static QString sqliteVersion();
    static bool hasSqliteHeader(const QString &path);

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

// Quotes an identifier for SQL ("my ""table""").
QString quoteIdentifier(const QString &name);

} // namespace lk

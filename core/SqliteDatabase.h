// A small RAII wrapper over a raw sqlite3 connection, for snapshots and inspection.
#pragma once

#include "Result.h"

#include <QString>
#include <QVariant>

#include <atomic>

struct sqlite3;

namespace lk {

class SqliteDatabase
{
public:
    enum class Mode { ReadOnly, ReadWriteCreate };

    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    // Opens the file; on failure the error says what a person can do about it.
    Status open(const QString &path, Mode mode, int busyTimeoutMs = 5000);
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

    static QString sqliteVersion();
    static bool hasSqliteHeader(const QString &path);

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

// Quotes an identifier for SQL ("my ""table""").
QString quoteIdentifier(const QString &name);

} // namespace lk

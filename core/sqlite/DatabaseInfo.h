// What LiteKeep knows about one SQLite database: the facts a manifest records.
#pragma once

#include "jobs/Result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace lk {

class SqliteDatabase;

struct DatabaseInfo
{
    qint64 pageSize = 0;
    qint64 pageCount = 0;
    QString journalMode; // of the source database at snapshot time
    qint64 userVersion = 0;
    // PRAGMA application_id (a signed 32-bit number; 0 when the application sets none). Empty
    // only in manifests written before the field existed.
    std::optional<qint64> applicationId;
    QString schemaSha256; // over (type, name, tbl_name, sql) of sqlite_schema, ordered
    QMap<QString, qint64>
        rowCounts;          // per table; virtual tables whose module is missing are left out
    QString integrityCheck; // "ok", or the first problems reported
    // Which check gave `integrityCheck`: "quick_check" or "integrity_check" (manifests written
    // before the field existed ran integrity_check and leave it empty).
    QString integrityCheckPragma;

    // How deep a check goes. Quick reads every page and its structure, but does not match
    // indexes against their tables; it costs about a fifteenth of the full check.
    enum class Check
    {
        Quick,
        Full
    };
    static QString pragmaName(Check depth);

    // Reads everything but the integrity check (which is expensive and run on purpose).
    static Result<DatabaseInfo> inspect(SqliteDatabase &db);
    static Result<QString> integrityCheckOf(SqliteDatabase &db, Check depth = Check::Full);
    // The schema hash `inspect` records, on its own (cheap: no table is read).
    static Result<QString> schemaSha256Of(SqliteDatabase &db);
    // How an application_id reads for a person: 0x0000abcd.
    static QString applicationIdText(qint64 id);

    QJsonObject toJson() const;
    static Result<DatabaseInfo> fromJson(const QJsonObject &json);

    friend bool operator==(const DatabaseInfo &, const DatabaseInfo &) = default;
};

} // namespace lk

// What a database holds (tables, views, indexes, triggers, their SQL and row counts), and how
// two databases differ: what a restore would add or remove.
#pragma once

#include "jobs/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QVariantList>

#include <atomic>

namespace lk {

struct SchemaObject
{
    QString type; // table, view, index, trigger
    QString name;
    QString table;
    QString sql;
    friend bool operator==(const SchemaObject &, const SchemaObject &) = default;
};

struct DatabaseDescription
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseDescription)

public:
    QList<SchemaObject> objects; // sorted by type, name; SQLite's own objects left out
    QMap<QString, qint64> rowCounts;
    qint64 pageSize = 0;
    qint64 pageCount = 0;
    qint64 userVersion = 0;
    QString journalMode;

    // Opens `path` read-only (safe on a live database) and describes it.
    static Result<DatabaseDescription> read(const QString &path,
                                            const std::atomic_bool *cancel = nullptr);
    // The first `limit` rows of `table`, with column names first.
    static Result<QList<QVariantList>> previewRows(const QString &path, const QString &table,
                                                   int limit = 50);
    QJsonObject toJson() const;
};

struct DatabaseDiff
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseDiff)

public:
    struct Table
    {
        QString name;
        qint64 before = -1; // -1: the table is not there
        qint64 after = -1;
        qint64 change() const { return (after < 0 ? 0 : after) - (before < 0 ? 0 : before); }
    };
    QList<Table> tables; // every table of either side, by name
    QList<SchemaObject> added;
    QList<SchemaObject> removed;
    QList<QPair<SchemaObject, SchemaObject>> changed; // same name and type, other SQL

    // From `before` to `after` (for a restore: from the live database to the generation).
    static DatabaseDiff between(const DatabaseDescription &before,
                                const DatabaseDescription &after);
    bool isEmpty() const;
    QJsonObject toJson() const;
    // One line per difference, for people: "notes: 120 → 108 rows (−12)".
    QStringList describe() const;
    // What a restore would do, one sentence per change, when `before` is the live database and
    // `after` the generation: "Removes 12 rows from “notes” (120 → 108)."
    QStringList restoreImpact() const;
};

} // namespace lk

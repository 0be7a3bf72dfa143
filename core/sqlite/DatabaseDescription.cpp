// What a database holds, and how two databases differ.
#include "sqlite/DatabaseDescription.h"

#include "sqlite/SqliteDatabase.h"

#include <QJsonArray>
#include <QLocale>
#include <QSet>

namespace lk {

Result<DatabaseDescription> DatabaseDescription::read(const QString &path,
                                                      const std::atomic_bool *cancel)
{
    using R = Result<DatabaseDescription>;
    SqliteDatabase db;
    if (Status s = db.open(path, SqliteDatabase::Mode::ReadOnly); !s)
        return R::fail(s.error);
    db.watchCancel(cancel);
    DatabaseDescription d;
    auto objects = db.queryRows(
        QStringLiteral("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                       "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    if (!objects)
        return R::fail(tr("%1 cannot be read: %2").arg(path, objects.error()));
    for (const QVariantList &row : objects.value()) {
        d.objects.append({row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                          row.value(3).toString()});
        if (row.value(0).toString() != QLatin1String("table"))
            continue;
        auto count = db.queryValue(QStringLiteral("SELECT count(*) FROM ") +
                                   quoteIdentifier(row.value(1).toString()));
        if (count)
            d.rowCounts.insert(row.value(1).toString(), count.value().toLongLong());
    }
    for (const auto &[pragma, field] :
         {std::pair{"page_size", &d.pageSize}, std::pair{"page_count", &d.pageCount},
          std::pair{"user_version", &d.userVersion}}) {
        auto v = db.queryValue(QStringLiteral("PRAGMA ") + QLatin1String(pragma));
        if (!v)
            return R::fail(v.error());
        *field = v.value().toLongLong();
    }
    auto mode = db.queryValue(QStringLiteral("PRAGMA journal_mode"));
    d.journalMode = mode ? mode.value().toString() : QString();
    return R::ok(d);
}

Result<QList<QVariantList>> DatabaseDescription::previewRows(const QString &path,
                                                             const QString &table, int limit)
{
    using R = Result<QList<QVariantList>>;
    SqliteDatabase db;
    if (Status s = db.open(path, SqliteDatabase::Mode::ReadOnly); !s)
        return R::fail(s.error);
    auto columns =
        db.queryRows(QStringLiteral("SELECT name FROM pragma_table_info(%1)")
                         .arg(QLatin1Char('\'') +
                              QString(table).replace(QLatin1Char('\''), QStringLiteral("''")) +
                              QLatin1Char('\'')));
    if (!columns)
        return R::fail(columns.error());
    QVariantList header;
    for (const QVariantList &c : columns.value())
        header.append(c.value(0));
    auto rows = db.queryRows(
        QStringLiteral("SELECT * FROM %1 LIMIT %2").arg(quoteIdentifier(table)).arg(limit));
    if (!rows)
        return R::fail(rows.error());
    QList<QVariantList> result{header};
    result.append(rows.value());
    return R::ok(result);
}

QJsonObject DatabaseDescription::toJson() const
{
    QJsonArray list;
    for (const SchemaObject &o : objects) {
        QJsonObject entry{{QStringLiteral("type"), o.type},
                          {QStringLiteral("name"), o.name},
                          {QStringLiteral("table"), o.table},
                          {QStringLiteral("sql"), o.sql}};
        if (o.type == QLatin1String("table") && rowCounts.contains(o.name))
            entry.insert(QStringLiteral("rows"), rowCounts.value(o.name));
        list.append(entry);
    }
    return {{QStringLiteral("objects"), list},
            {QStringLiteral("page_size"), pageSize},
            {QStringLiteral("page_count"), pageCount},
            {QStringLiteral("user_version"), userVersion},
            {QStringLiteral("journal_mode"), journalMode}};
}

DatabaseDiff DatabaseDiff::between(const DatabaseDescription &before,
                                   const DatabaseDescription &after)
{
    DatabaseDiff diff;
    QSet<QString> tableNames;
    for (auto it = before.rowCounts.cbegin(); it != before.rowCounts.cend(); ++it)
        tableNames.insert(it.key());
    for (auto it = after.rowCounts.cbegin(); it != after.rowCounts.cend(); ++it)
        tableNames.insert(it.key());
    QStringList sorted(tableNames.cbegin(), tableNames.cend());
    sorted.sort();
    for (const QString &name : sorted)
        diff.tables.append(
            {name, before.rowCounts.value(name, -1), after.rowCounts.value(name, -1)});

    // An explicit QString: with QStringBuilder an `auto` result would point at temporaries.
    auto key = [](const SchemaObject &o) -> QString {
        return o.type + QLatin1Char('\x1f') + o.name;
    };
    QMap<QString, SchemaObject> a, b;
    for (const SchemaObject &o : before.objects)
        a.insert(key(o), o);
    for (const SchemaObject &o : after.objects)
        b.insert(key(o), o);
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        if (!a.contains(it.key()))
            diff.added.append(it.value());
        else if (a.value(it.key()).sql != it.value().sql)
            diff.changed.append({a.value(it.key()), it.value()});
    }
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        if (!b.contains(it.key()))
            diff.removed.append(it.value());
    }
    return diff;
}

bool DatabaseDiff::isEmpty() const
{
    if (!added.isEmpty() || !removed.isEmpty() || !changed.isEmpty())
        return false;
    for (const Table &t : tables) {
        if (t.before != t.after)
            return false;
    }
    return true;
}

QJsonObject DatabaseDiff::toJson() const
{
    QJsonArray tableList, addedList, removedList, changedList;
    for (const Table &t : tables) {
        QJsonObject entry{{QStringLiteral("name"), t.name}, {QStringLiteral("change"), t.change()}};
        entry.insert(QStringLiteral("before"), t.before < 0 ? QJsonValue() : QJsonValue(t.before));
        entry.insert(QStringLiteral("after"), t.after < 0 ? QJsonValue() : QJsonValue(t.after));
        tableList.append(entry);
    }
    auto object = [](const SchemaObject &o) {
        return QJsonObject{{QStringLiteral("type"), o.type},
                           {QStringLiteral("name"), o.name},
                           {QStringLiteral("sql"), o.sql}};
    };
    for (const SchemaObject &o : added)
        addedList.append(object(o));
    for (const SchemaObject &o : removed)
        removedList.append(object(o));
    for (const auto &[from, to] : changed)
        changedList.append(QJsonObject{{QStringLiteral("type"), from.type},
                                       {QStringLiteral("name"), from.name},
                                       {QStringLiteral("before"), from.sql},
                                       {QStringLiteral("after"), to.sql}});
    return {{QStringLiteral("tables"), tableList},
            {QStringLiteral("added"), addedList},
            {QStringLiteral("removed"), removedList},
            {QStringLiteral("changed"), changedList},
            {QStringLiteral("identical"), isEmpty()}};
}

// FTS and R-Tree keep their data in shadow tables named after the virtual table ("notes_fts_data"):
// their counts follow the virtual table's and only repeat it.
static bool isShadowTable(const QString &name, const QList<DatabaseDiff::Table> &tables)
{
    static const QStringList suffixes{
        QStringLiteral("_config"), QStringLiteral("_data"),    QStringLiteral("_docsize"),
        QStringLiteral("_idx"),    QStringLiteral("_content"), QStringLiteral("_segments"),
        QStringLiteral("_segdir"), QStringLiteral("_stat"),    QStringLiteral("_node"),
        QStringLiteral("_parent"), QStringLiteral("_rowid")};
    for (const QString &suffix : suffixes) {
        if (!name.endsWith(suffix))
            continue;
        const QString owner = name.chopped(suffix.size());
        for (const DatabaseDiff::Table &t : tables) {
            if (t.name == owner)
                return true;
        }
    }
    return false;
}

QStringList DatabaseDiff::restoreImpact() const
{
    const QLocale locale;
    QStringList lines;
    for (const Table &t : tables) {
        if (isShadowTable(t.name, tables))
            continue;
        if (t.before < 0)
            lines.append(
                tr("Brings back the table “%1” (%n row(s)).", nullptr, static_cast<int>(t.after))
                    .arg(t.name));
        else if (t.after < 0)
            lines.append(
                tr("Removes the table “%1” and its %n row(s).", nullptr, static_cast<int>(t.before))
                    .arg(t.name));
        else if (t.change() < 0)
            lines.append(
                tr("Removes %n row(s) from “%1” (%2 → %3).", nullptr, static_cast<int>(-t.change()))
                    .arg(t.name, locale.toString(t.before), locale.toString(t.after)));
        else if (t.change() > 0)
            lines.append(tr("Brings back %n row(s) in “%1” (%2 → %3).", nullptr,
                            static_cast<int>(t.change()))
                             .arg(t.name, locale.toString(t.before), locale.toString(t.after)));
    }
    for (const SchemaObject &o : added) {
        if (o.type != QLatin1String("table"))
            lines.append(tr("Brings back the %1 “%2”.").arg(o.type, o.name));
    }
    for (const SchemaObject &o : removed) {
        if (o.type != QLatin1String("table"))
            lines.append(tr("Removes the %1 “%2”.").arg(o.type, o.name));
    }
    for (const auto &[from, to] : changed)
        lines.append(tr("Changes the definition of the %1 “%2” back.").arg(from.type, from.name));
    return lines;
}

QStringList DatabaseDiff::describe() const
{
    QStringList lines;
    for (const Table &t : tables) {
        if (t.before < 0)
            lines.append(tr("table %1 is added (%n row(s))", nullptr, static_cast<int>(t.after))
                             .arg(t.name));
        else if (t.after < 0)
            lines.append(tr("table %1 is removed (%n row(s))", nullptr, static_cast<int>(t.before))
                             .arg(t.name));
        else if (t.before != t.after)
            lines.append(tr("%1: %2 → %3 rows (%4)")
                             .arg(t.name)
                             .arg(t.before)
                             .arg(t.after)
                             .arg(t.change() > 0 ? QStringLiteral("+%1").arg(t.change())
                                                 : QString::number(t.change())));
    }
    for (const SchemaObject &o : added) {
        if (o.type != QLatin1String("table"))
            lines.append(tr("%1 %2 is added").arg(o.type, o.name));
    }
    for (const SchemaObject &o : removed) {
        if (o.type != QLatin1String("table"))
            lines.append(tr("%1 %2 is removed").arg(o.type, o.name));
    }
    for (const auto &[from, to] : changed)
        lines.append(tr("%1 %2 has a different definition").arg(from.type, from.name));
    return lines;
}

} // namespace lk

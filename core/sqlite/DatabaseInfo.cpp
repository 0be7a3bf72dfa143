// What LiteKeep knows about one SQLite database.
#include "sqlite/DatabaseInfo.h"

#include "sqlite/SqliteDatabase.h"

#include <QCryptographicHash>
#include <QJsonValue>

namespace lk {

Result<DatabaseInfo> DatabaseInfo::inspect(SqliteDatabase &db)
{
    using R = Result<DatabaseInfo>;
    DatabaseInfo info;

    auto value = db.queryValue(QStringLiteral("PRAGMA page_size"));
    if (!value)
        return R::fail(value.error());
    info.pageSize = value.value().toLongLong();

    value = db.queryValue(QStringLiteral("PRAGMA page_count"));
    if (!value)
        return R::fail(value.error());
    info.pageCount = value.value().toLongLong();

    value = db.queryValue(QStringLiteral("PRAGMA journal_mode"));
    if (!value)
        return R::fail(value.error());
    info.journalMode = value.value().toString().toLower();

    value = db.queryValue(QStringLiteral("PRAGMA user_version"));
    if (!value)
        return R::fail(value.error());
    info.userVersion = value.value().toLongLong();

    value = db.queryValue(QStringLiteral("PRAGMA application_id"));
    if (!value)
        return R::fail(value.error());
    info.applicationId = value.value().toLongLong();

    auto schema = schemaSha256Of(db);
    if (!schema)
        return R::fail(schema.error());
    info.schemaSha256 = schema.value();

    auto tables = db.queryRows(QStringLiteral(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"));
    if (!tables)
        return R::fail(tables.error());
    for (const QVariantList &row : tables.value()) {
        const QString table = row.value(0).toString();
        auto count =
            db.queryValue(QStringLiteral("SELECT count(*) FROM ") + quoteIdentifier(table));
        if (count)
            info.rowCounts.insert(table, count.value().toLongLong());
        else if (!count.error().contains(QLatin1String("no such module")))
            return R::fail(count.error());
    }
    return R::ok(info);
}

Result<QString> DatabaseInfo::schemaSha256Of(SqliteDatabase &db)
{
    auto schema = db.queryRows(QStringLiteral(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name"));
    if (!schema)
        return Result<QString>::fail(schema.error());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QVariantList &row : schema.value()) {
        for (const QVariant &field : row) {
            hash.addData(field.toString().toUtf8());
            hash.addData(QByteArrayView("\x1f", 1));
        }
        hash.addData(QByteArrayView("\x1e", 1));
    }
    return Result<QString>::ok(QString::fromLatin1(hash.result().toHex()));
}

QString DatabaseInfo::applicationIdText(qint64 id)
{
    return QStringLiteral("0x%1").arg(static_cast<quint32>(id), 8, 16, QLatin1Char('0'));
}

QString DatabaseInfo::pragmaName(Check depth)
{
    return depth == Check::Quick ? QStringLiteral("quick_check")
                                 : QStringLiteral("integrity_check");
}

Result<QString> DatabaseInfo::integrityCheckOf(SqliteDatabase &db, Check depth)
{
    auto rows = db.queryRows(QStringLiteral("PRAGMA %1(20)").arg(pragmaName(depth)));
    if (!rows)
        return Result<QString>::fail(rows.error());
    QStringList problems;
    for (const QVariantList &row : rows.value())
        problems.append(row.value(0).toString());
    return Result<QString>::ok(problems.join(QLatin1String("; ")));
}

QJsonObject DatabaseInfo::toJson() const
{
    QJsonObject counts;
    for (auto it = rowCounts.cbegin(); it != rowCounts.cend(); ++it)
        counts.insert(it.key(), it.value());
    QJsonObject json{
        {QStringLiteral("page_size"), pageSize},
        {QStringLiteral("page_count"), pageCount},
        {QStringLiteral("journal_mode"), journalMode},
        {QStringLiteral("user_version"), userVersion},
        {QStringLiteral("schema_sha256"), schemaSha256},
        {QStringLiteral("row_counts"), counts},
        {QStringLiteral("integrity_check"), integrityCheck},
    };
    if (!integrityCheckPragma.isEmpty())
        json.insert(QStringLiteral("integrity_check_pragma"), integrityCheckPragma);
    if (applicationId)
        json.insert(QStringLiteral("application_id"), *applicationId);
    return json;
}

namespace {
bool isWholeNumber(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() == static_cast<double>(v.toInteger());
}
} // namespace

Result<DatabaseInfo> DatabaseInfo::fromJson(const QJsonObject &json)
{
    using R = Result<DatabaseInfo>;
    DatabaseInfo info;
    for (const char *key : {"page_size", "page_count", "user_version"}) {
        if (!isWholeNumber(json.value(QLatin1String(key))))
            return R::fail(
                QStringLiteral("field \"%1\" is missing or not a number").arg(QLatin1String(key)));
    }
    for (const char *key : {"journal_mode", "schema_sha256", "integrity_check"}) {
        if (!json.value(QLatin1String(key)).isString())
            return R::fail(
                QStringLiteral("field \"%1\" is missing or not text").arg(QLatin1String(key)));
    }
    // Optional (manifests before it have none), but when present a number like the others.
    const QJsonValue applicationId = json.value(QLatin1String("application_id"));
    if (!applicationId.isUndefined() && !isWholeNumber(applicationId))
        return R::fail(QStringLiteral("field \"application_id\" is not a number"));
    if (!json.value(QLatin1String("row_counts")).isObject())
        return R::fail(QStringLiteral("field \"row_counts\" is missing or not an object"));

    info.pageSize = json.value(QLatin1String("page_size")).toInteger();
    info.pageCount = json.value(QLatin1String("page_count")).toInteger();
    info.userVersion = json.value(QLatin1String("user_version")).toInteger();
    info.journalMode = json.value(QLatin1String("journal_mode")).toString();
    info.schemaSha256 = json.value(QLatin1String("schema_sha256")).toString();
    info.integrityCheck = json.value(QLatin1String("integrity_check")).toString();
    info.integrityCheckPragma = json.value(QLatin1String("integrity_check_pragma")).toString();
    if (!applicationId.isUndefined())
        info.applicationId = applicationId.toInteger();
    const QJsonObject counts = json.value(QLatin1String("row_counts")).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        if (!isWholeNumber(it.value()))
            return R::fail(QStringLiteral("row count of \"%1\" is not a number").arg(it.key()));
        info.rowCounts.insert(it.key(), it.value().toInteger());
    }
    return R::ok(info);
}

} // namespace lk

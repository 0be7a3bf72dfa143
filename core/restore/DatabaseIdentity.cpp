// Whether a generation is a backup of the database an in-place restore would replace.
#include "restore/DatabaseIdentity.h"

#include "sqlite/DatabaseInfo.h"
#include "sqlite/SqliteDatabase.h"

#include <QFileInfo>
#include <QSet>

namespace lk {

Result<std::optional<DatabaseIdentity::Live>>
DatabaseIdentity::read(const QString &path, int busyTimeoutMs, const std::atomic_bool *cancel)
{
    using R = Result<std::optional<Live>>;
    if (!QFileInfo(path).isFile())
        return R::ok(std::nullopt);
    SqliteDatabase db;
    if (Status s = db.open(path, SqliteDatabase::Mode::ReadOnly, busyTimeoutMs); !s)
        return R::ok(std::nullopt);
    db.watchCancel(cancel);
    // A failed read stops the restore only when trying again may succeed. A file SQLite cannot
    // read is no other database: a restore is what cures it (and LiveDatabase::keepCopy keeps
    // its files as they are).
    auto failedRead = [&] {
        if (cancel && cancel->load())
            return R::fail(tr("Cancelled; nothing was changed."));
        if (SqliteDatabase::isBusy(db.lastErrorCode() & 0xff))
            return R::fail(
                tr("The database %1 stayed locked by another process for more than %2 s, so it "
                   "could "
                   "not be compared with the generation; nothing was changed. Try again when it is "
                   "less busy.")
                    .arg(path)
                    .arg(busyTimeoutMs / 1000.0));
        return R::ok(std::nullopt);
    };
    Live live;
    live.path = path;
    auto value = db.queryValue(QStringLiteral("PRAGMA application_id"));
    if (!value)
        return failedRead();
    live.applicationId = value.value().toLongLong();
    value = db.queryValue(QStringLiteral("PRAGMA user_version"));
    if (!value)
        return failedRead();
    live.userVersion = value.value().toLongLong();
    auto schema = DatabaseInfo::schemaSha256Of(db);
    if (!schema)
        return failedRead();
    live.schemaSha256 = schema.value();
    // The names DatabaseInfo::inspect counts rows of, so they compare with a manifest's.
    auto tables = db.queryRows(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' "
                                              "AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    if (!tables)
        return failedRead();
    for (const QVariantList &row : tables.value())
        live.tables.append(row.value(0).toString());
    if (live.tables.isEmpty())
        return R::ok(
            std::nullopt); // nothing in it that another database's generation could destroy
    return R::ok(live);
}

namespace {
// Whether the path the generation records (as its hash) is the profile's database, as
// configured or with its links resolved.
bool samePath(const QString &recordedSha256, const QString &profilePath)
{
    if (Manifest::pathSha256(profilePath) == recordedSha256)
        return true;
    const QString canonical = QFileInfo(profilePath).canonicalFilePath();
    return !canonical.isEmpty() && Manifest::pathSha256(canonical) == recordedSha256;
}

QString nameList(QStringList names)
{
    constexpr int kShown = 5;
    const int more = static_cast<int>(names.size()) - kShown;
    if (more > 0)
        names = names.mid(0, kShown);
    for (QString &name : names)
        name = QLatin1Char('"') + name + QLatin1Char('"');
    QString text = names.join(QLatin1String(", "));
    if (more > 0)
        text += QLatin1Char(' ') + DatabaseIdentity::tr("and %n more", nullptr, more);
    return text;
}

QStringList minus(const QStringList &a, const QSet<QString> &b)
{
    QStringList rest;
    for (const QString &s : a) {
        if (!b.contains(s))
            rest.append(s);
    }
    return rest;
}
} // namespace

// The rule. A generation may replace the live database unless one of these says it was taken
// from another database:
//   1. the file name it records differs from the live file's;
//   2. it records an application_id, and that differs from the live one (so at least one of
//      them is not 0: an application marked its file, and this is not that file);
//   3. it records (as a hash) the path it was taken from, and that is not the profile's
//      database path, as configured or with its links resolved;
//   4. the two have tables and share not one table name.
// A schema difference alone is no such sign: an application migrates its schema (user_version
// grows, tables come and go), and going back to a generation from before the migration is what
// a restore is for. The schema is compared to say what differs when one of the signs refuses.
// Older manifests lack the application_id and the path; only what is recorded is compared.
// `read` already left out the cases with nothing to protect (no live file, an unreadable one,
// one without tables). --force skips the comparison.
QString DatabaseIdentity::mismatch(const QString &generation, const Manifest &manifest,
                                   const Live &live)
{
    QStringList differences;
    bool anotherDatabase = false;

    const QString liveName = QFileInfo(live.path).fileName();
    if (manifest.sourceFileName != liveName) {
        anotherDatabase = true;
        differences.append(
            tr("it is a backup of \"%1\", not of \"%2\"").arg(manifest.sourceFileName, liveName));
    }
    const std::optional<qint64> recordedId = manifest.database.applicationId;
    if (recordedId && *recordedId != live.applicationId) {
        anotherDatabase = true;
        differences.append(tr("its application_id is %1 here but %2 in the generation")
                               .arg(DatabaseInfo::applicationIdText(live.applicationId),
                                    DatabaseInfo::applicationIdText(*recordedId)));
    }
    if (!manifest.sourcePathSha256.isEmpty() && !samePath(manifest.sourcePathSha256, live.path)) {
        anotherDatabase = true;
        differences.append(
            tr("it was taken from a database at another path than this profile's, %1")
                .arg(live.path));
    }

    const QStringList theirs = manifest.database.rowCounts.keys(); // sorted: a QMap
    const QSet<QString> theirSet(theirs.cbegin(), theirs.cend());
    const QSet<QString> ourSet(live.tables.cbegin(), live.tables.cend());
    if (!theirs.isEmpty() && !ourSet.intersects(theirSet)) {
        anotherDatabase = true;
        differences.append(tr("the two share no table (here: %1; in the generation: %2)")
                               .arg(nameList(live.tables), nameList(theirs)));
    } else if (manifest.database.schemaSha256 != live.schemaSha256) {
        QStringList parts;
        if (const QStringList onlyHere = minus(live.tables, theirSet); !onlyHere.isEmpty())
            parts.append(tr("tables only here: %1").arg(nameList(onlyHere)));
        if (const QStringList onlyThere = minus(theirs, ourSet); !onlyThere.isEmpty())
            parts.append(tr("only in the generation: %1").arg(nameList(onlyThere)));
        if (manifest.database.userVersion != live.userVersion)
            parts.append(tr("user_version %1 here, %2 in the generation")
                             .arg(live.userVersion)
                             .arg(manifest.database.userVersion));
        differences.append(
            parts.isEmpty() ? tr("the schema differs")
                            : tr("the schema differs (%1)").arg(parts.join(QLatin1String("; "))));
    }
    if (!anotherDatabase)
        return {};
    return tr("Generation %1 does not look like a backup of %2: %3.")
        .arg(generation, live.path, differences.join(QLatin1String("; ")));
}

} // namespace lk

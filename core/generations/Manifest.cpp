// The small JSON document that describes one generation.
#include "generations/Manifest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace lk {

namespace {
const QString kTimeFormat = QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'");

bool isSha256(const QString &s)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}\\z"));
    return hex.match(s).hasMatch();
}
} // namespace

QByteArray Manifest::toJson() const
{
    QJsonObject root{
        {QStringLiteral("format"), format},
        {QStringLiteral("created"), createdUtc.toUTC().toString(kTimeFormat)},
        {QStringLiteral("profile"), profile},
        {QStringLiteral("source_file"), sourceFileName},
        {QStringLiteral("host"), host},
        {QStringLiteral("litekeep_version"), litekeepVersion},
        {QStringLiteral("sqlite_version"), sqliteVersion},
        {QStringLiteral("database"), database.toJson()},
        {QStringLiteral("db"),
         QJsonObject{{QStringLiteral("sha256"), dbSha256}, {QStringLiteral("size"), dbSize}}},
        {QStringLiteral("gz"), QJsonObject{{QStringLiteral("sha256"), gzSha256},
                                           {QStringLiteral("size"), gzSize},
                                           {QStringLiteral("level"), compressionLevel}}},
    };
    if (!sourcePathSha256.isEmpty())
        root.insert(QStringLiteral("source_path_sha256"), sourcePathSha256);
    if (sourceMode >= 0) // octal, as ls and chmod say it
        root.insert(QStringLiteral("source_mode"),
                    QStringLiteral("%1").arg(sourceMode, 4, 8, QLatin1Char('0')));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString Manifest::pathSha256(const QString &path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return QString::fromLatin1(
        QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Manifest::Parsed Manifest::fromJson(const QByteArray &bytes)
{
    Parsed parsed;
    auto fail = [&parsed](ParseError error, const QString &message) {
        parsed.error = error;
        parsed.message = message;
        return parsed;
    };

    QJsonParseError jsonError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return fail(ParseError::NotJson,
                    tr("the manifest is not valid JSON (%1)").arg(jsonError.errorString()));
    if (!doc.isObject())
        return fail(ParseError::WrongShape, tr("the manifest is not a JSON object"));
    const QJsonObject root = doc.object();

    const QJsonValue format = root.value(QLatin1String("format"));
    if (!format.isDouble() || format.toInteger() < 1 ||
        format.toDouble() != static_cast<double>(format.toInteger()))
        return fail(ParseError::WrongShape, tr("the manifest has no valid \"format\" field"));
    if (format.toInteger() > kFormat)
        return fail(ParseError::NewerFormat,
                    tr("the manifest uses format %1, newer than this LiteKeep understands (%2); "
                       "update LiteKeep")
                        .arg(format.toInteger())
                        .arg(kFormat));

    Manifest &m = parsed.manifest;
    m.format = static_cast<int>(format.toInteger());
    for (const char *key :
         {"created", "profile", "source_file", "host", "litekeep_version", "sqlite_version"}) {
        if (!root.value(QLatin1String(key)).isString())
            return fail(
                ParseError::WrongShape,
                tr("the manifest field \"%1\" is missing or not text").arg(QLatin1String(key)));
    }
    m.createdUtc =
        QDateTime::fromString(root.value(QLatin1String("created")).toString(), kTimeFormat);
    m.createdUtc.setTimeZone(QTimeZone::utc());
    if (!m.createdUtc.isValid())
        return fail(ParseError::WrongShape, tr("the manifest's creation time is not valid"));
    m.profile = root.value(QLatin1String("profile")).toString();
    m.sourceFileName = root.value(QLatin1String("source_file")).toString();
    // Optional: manifests before it have none.
    const QJsonValue sourcePathSha256 = root.value(QLatin1String("source_path_sha256"));
    if (!sourcePathSha256.isUndefined() && !isSha256(sourcePathSha256.toString()))
        return fail(ParseError::WrongShape,
                    tr("the manifest field \"source_path_sha256\" is not a SHA-256"));
    m.sourcePathSha256 = sourcePathSha256.toString();
    // Optional too: "0640".
    if (const QJsonValue mode = root.value(QLatin1String("source_mode")); !mode.isUndefined()) {
        bool ok = false;
        const QString text = mode.toString();
        const int bits = text.toInt(&ok, 8);
        if (!ok || text.size() > 4 || bits < 0 || bits > 07777)
            return fail(ParseError::WrongShape,
                        tr("the manifest field \"source_mode\" is not a file mode"));
        m.sourceMode = bits;
    }
    m.host = root.value(QLatin1String("host")).toString();
    m.litekeepVersion = root.value(QLatin1String("litekeep_version")).toString();
    m.sqliteVersion = root.value(QLatin1String("sqlite_version")).toString();

    if (!root.value(QLatin1String("database")).isObject())
        return fail(ParseError::WrongShape, tr("the manifest has no \"database\" section"));
    auto database = DatabaseInfo::fromJson(root.value(QLatin1String("database")).toObject());
    if (!database)
        return fail(ParseError::WrongShape,
                    tr("the manifest's database section: %1").arg(database.error()));
    m.database = database.value();

    const QJsonObject db = root.value(QLatin1String("db")).toObject();
    const QJsonObject gz = root.value(QLatin1String("gz")).toObject();
    m.dbSha256 = db.value(QLatin1String("sha256")).toString();
    m.gzSha256 = gz.value(QLatin1String("sha256")).toString();
    m.dbSize = db.value(QLatin1String("size")).toInteger(-1);
    m.gzSize = gz.value(QLatin1String("size")).toInteger(-1);
    m.compressionLevel = gz.value(QLatin1String("level")).toInt(6);
    if (!isSha256(m.dbSha256) || !isSha256(m.gzSha256) || m.dbSize < 0 || m.gzSize < 0)
        return fail(ParseError::WrongShape,
                    tr("the manifest's sizes or checksums are missing or malformed"));
    return parsed;
}

} // namespace lk

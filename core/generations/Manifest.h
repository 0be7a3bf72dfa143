// The small JSON document that describes one generation; written last, so it marks completion.
#pragma once

#include "jobs/Result.h"
#include "sqlite/DatabaseInfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace lk {

struct Manifest
{
    Q_DECLARE_TR_FUNCTIONS(Manifest)

public:
    static constexpr int kFormat = 1;

    int format = kFormat;
    QDateTime createdUtc;
    QString profile;
    QString sourceFileName; // file name only: a manifest never names paths on this machine
    // Which file the profile's database was when it was backed up, as pathSha256() of its path,
    // so an in-place restore can tell whether it replaces the database the generation came from.
    // A hash, not the path, for the rule above. Empty in manifests from before the field.
    QString sourcePathSha256;
    // The database file's permission bits (0640), which a restore to a new file gives it back;
    // -1 in manifests from before the field (a restore then follows the user's umask).
    int sourceMode = -1;
    QString host;
    QString litekeepVersion;
    QString sqliteVersion;
    DatabaseInfo database;
    QString dbSha256;
    qint64 dbSize = 0;
    QString gzSha256;
    qint64 gzSize = 0;
    int compressionLevel = 6;

    QByteArray toJson() const;
    // SHA-256 (hex) of the clean absolute form of `path`.
    static QString pathSha256(const QString &path);

    enum class ParseError
    {
        None,
        NotJson,
        WrongShape,
        NewerFormat
    };
    struct Parsed;
    static Parsed fromJson(const QByteArray &bytes);
};

struct Manifest::Parsed
{
    ParseError error = ParseError::None;
    QString message; // why it could not be read, for a person
    Manifest manifest;
    bool isOk() const { return error == ParseError::None; }
};

} // namespace lk

// Where generations go: a local folder or an S3-compatible bucket, both reached through rclone.
#pragma once

#include "jobs/Result.h"

#include <QCoreApplication>
#include <QString>

namespace lk {

class Destination
{
    Q_DECLARE_TR_FUNCTIONS(Destination)

public:
    enum class Kind
    {
        Local,
        S3
    };

    // The name of the remote rclone sees; its settings come from RCLONE_CONFIG_LITEKEEP_*.
    static constexpr const char *kRemoteName = "litekeep";

    // "s3://BUCKET/PREFIX" or an absolute local folder.
    static Result<Destination> parse(const QString &text);

    Kind kind() const { return m_kind; }
    bool isS3() const { return m_kind == Kind::S3; }
    const QString &localPath() const { return m_localPath; }
    const QString &bucket() const { return m_bucket; }
    const QString &prefix() const { return m_prefix; }

    QString toString() const;
    // rclone's path of the folder that holds one profile's generations.
    QString profileFolder(const QString &profile) const;
    QString object(const QString &profile, const QString &objectName) const;

private:
    Kind m_kind = Kind::Local;
    QString m_localPath;
    QString m_bucket;
    QString m_prefix;
};

} // namespace lk

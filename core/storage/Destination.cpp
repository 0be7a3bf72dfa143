// Where generations go: a local folder or an S3-compatible bucket.
#include "storage/Destination.h"

#include <QDir>
#include <QRegularExpression>

namespace lk {

Result<Destination> Destination::parse(const QString &text)
{
    using R = Result<Destination>;
    Destination d;
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("s3://"))) {
        const QString rest = trimmed.mid(5);
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        d.m_kind = Kind::S3;
        d.m_bucket = slash < 0 ? rest : rest.left(slash);
        QString prefix = slash < 0 ? QString() : rest.mid(slash + 1);
        while (prefix.endsWith(QLatin1Char('/')))
            prefix.chop(1);
        d.m_prefix = prefix;
        static const QRegularExpression bucketPattern(
            QStringLiteral("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\\z"));
        if (!bucketPattern.match(d.m_bucket).hasMatch())
            return R::fail(tr("\"%1\" is not a valid bucket name (3-63 lowercase letters, digits, "
                              "dots and hyphens).")
                               .arg(d.m_bucket));
        if (d.m_prefix.contains(QLatin1String("//")) || d.m_prefix.startsWith(QLatin1Char('/')) ||
            d.m_prefix.split(QLatin1Char('/')).contains(QLatin1String("..")))
            return R::fail(tr("The prefix \"%1\" is not valid.").arg(d.m_prefix));
        return R::ok(d);
    }
    if (trimmed.contains(QLatin1String("://")))
        return R::fail(tr("Unsupported destination \"%1\": use a local folder or "
                          "s3://BUCKET/PREFIX.")
                           .arg(trimmed));
    if (trimmed.isEmpty())
        return R::fail(tr("The destination is empty."));
    if (!QDir::isAbsolutePath(trimmed))
        return R::fail(tr("The local destination \"%1\" must be an absolute path.").arg(trimmed));
    d.m_kind = Kind::Local;
    d.m_localPath = QDir::cleanPath(trimmed);
    return R::ok(d);
}

QString Destination::toString() const
{
    if (m_kind == Kind::Local)
        return m_localPath;
    return QStringLiteral("s3://") + m_bucket +
           (m_prefix.isEmpty() ? QString() : QLatin1Char('/') + m_prefix);
}

QString Destination::profileFolder(const QString &profile) const
{
    if (m_kind == Kind::Local)
        return m_localPath + QLatin1Char('/') + profile;
    QString path = QLatin1String(kRemoteName) + QLatin1Char(':') + m_bucket + QLatin1Char('/');
    if (!m_prefix.isEmpty())
        path += m_prefix + QLatin1Char('/');
    return path + profile;
}

QString Destination::object(const QString &profile, const QString &objectName) const
{
    return profileFolder(profile) + QLatin1Char('/') + objectName;
}

} // namespace lk

// One thing to back up.
#include "settings/Profile.h"

#include "generations/GenerationName.h"

#include <QDir>
#include <QFile>
#include <QUrl>

namespace lk {

QString Profile::validate() const
{
    if (!GenerationName::isValidProfileName(name))
        return tr("\"%1\" is not a valid profile name: use up to 63 letters, digits, '.', '_' "
                  "or '-', starting with a letter or digit.")
            .arg(name);
    if (databasePath.isEmpty() || !QDir::isAbsolutePath(databasePath))
        return tr("The database path must be absolute.");
    auto dest = parsedDestination();
    if (!dest)
        return dest.error();
    if (dest.value().isS3()) {
        const QUrl url(endpoint, QUrl::StrictMode);
        if (endpoint.isEmpty())
            return tr("An S3 destination needs an endpoint (for Cloudflare R2: "
                      "https://ACCOUNT_ID.r2.cloudflarestorage.com).");
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.host().isEmpty())
            return tr("The endpoint \"%1\" is not an http(s) URL.").arg(endpoint);
        if (!url.userInfo().isEmpty())
            return tr("The endpoint must not contain a user name or password; store credentials "
                      "with \"litekeep credentials set\".");
    }
    if (const QString problem = checkCaCertificate(); !problem.isEmpty())
        return problem;
    if (keepDays < 1 || keepDays > 36500)
        return tr("Keep days must be between 1 and 36500.");
    if (keepMin < 1 || keepMin > 10000)
        return tr("Keep-min must be between 1 and 10000: the newest generation is always kept.");
    if (keepMonthly < 0 || keepMonthly > 1200)
        return tr("Keep-monthly must be between 0 and 1200.");
    if (drillDays < 0 || drillDays > 365)
        return tr("Drill days must be between 0 (never) and 365.");
    for (const QString &url : {webhook, pingUrl}) {
        if (url.isEmpty())
            continue;
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() ||
            (parsed.scheme() != QLatin1String("https") &&
             parsed.scheme() != QLatin1String("http")) ||
            parsed.host().isEmpty())
            return tr("\"%1\" is not an http(s) URL.").arg(url);
    }
    if (staleHours < 1 || staleHours > 24 * 365)
        return tr("The staleness threshold must be between 1 and 8760 hours.");
    if (!at.isValid())
        return tr("The daily time must be HH:MM.");
    if (compressionLevel < 1 || compressionLevel > 9)
        return tr("The compression level must be between 1 and 9.");
    if (busyTimeoutSeconds < 1 || busyTimeoutSeconds > 3600)
        return tr("The busy timeout must be between 1 and 3600 seconds.");
    return {};
}

QString Profile::checkCaCertificate() const
{
    if (caCertificate.isEmpty())
        return {};
    if (!QDir::isAbsolutePath(caCertificate))
        return tr("The CA certificate path must be absolute.");
    QFile file(caCertificate);
    if (!file.open(QIODevice::ReadOnly))
        return tr("The CA certificate %1 cannot be read: %2.")
            .arg(caCertificate, file.errorString());
    // rclone would stop with a terse fatal error on anything that is not PEM.
    if (!file.read(1024 * 1024).contains("-----BEGIN CERTIFICATE-----"))
        return tr("%1 is not a PEM certificate file (it has no \"-----BEGIN CERTIFICATE-----\" "
                  "line).")
            .arg(caCertificate);
    return {};
}

QString Profile::credentialKey() const
{
    return name + QLatin1Char(':') + endpoint;
}

} // namespace lk

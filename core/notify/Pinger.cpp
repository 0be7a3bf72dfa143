// Webhook and healthcheck pings.
#include "notify/Pinger.h"

#include <QHostInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace lk {

Q_LOGGING_CATEGORY(lcNotify, "litekeep.notify")

Pinger::Pinger(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

QUrl Pinger::withSuffix(const QUrl &url, const QString &suffix)
{
    if (suffix.isEmpty())
        return url;
    QUrl result = url;
    QString path = result.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    result.setPath(path + suffix);
    return result;
}

QJsonObject Pinger::payload(const QString &profile, const JobResult &result)
{
    QJsonObject json{
        {QStringLiteral("profile"), profile},
        {QStringLiteral("outcome"), JobResult::outcomeName(result.outcome)},
        {QStringLiteral("message"), result.message},
        {QStringLiteral("host"), QHostInfo::localHostName()},
        {QStringLiteral("litekeep_version"), QStringLiteral(LITEKEEP_VERSION)},
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    for (const char *key : {"generation", "db_size", "gz_size", "duration_ms"}) {
        const QJsonValue v = result.details.value(QLatin1String(key));
        if (!v.isUndefined())
            json.insert(QLatin1String(key), v);
    }
    return json;
}

void Pinger::pingStart(const QUrl &url)
{
    if (url.isValid() && !url.isEmpty())
        post(withSuffix(url, QStringLiteral("start")), {}, "text/plain");
}

void Pinger::pingResult(const QUrl &url, const JobResult &result)
{
    // A skipped run did nothing: the run that holds the profile reports its own result.
    if (!url.isValid() || url.isEmpty() || result.outcome == JobResult::Outcome::Skipped)
        return;
    post(withSuffix(url, result.isSuccess() ? QString() : QStringLiteral("fail")),
         result.message.toUtf8(), "text/plain; charset=utf-8");
}

void Pinger::webhook(const QUrl &url, const QString &profile, const JobResult &result)
{
    if (!url.isValid() || url.isEmpty() || result.outcome == JobResult::Outcome::Skipped)
        return;
    post(url, QJsonDocument(payload(profile, result)).toJson(QJsonDocument::Compact),
         "application/json");
}

void Pinger::reportResult(const Profile &profile, const JobResult &result)
{
    pingResult(QUrl(profile.pingUrl), result);
    webhook(QUrl(profile.webhook), profile.name, result);
}

void Pinger::post(const QUrl &url, const QByteArray &body, const QByteArray &contentType)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("LiteKeep/" LITEKEEP_VERSION));
    request.setTransferTimeout(m_timeoutMs);
    ++m_pending;
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status >= 400) {
            // The URL may hold a token: log only where it points, never its path or query.
            const QString reason = reply->error() != QNetworkReply::NoError
                                       ? reply->errorString()
                                       : QStringLiteral("HTTP %1").arg(status);
            qCWarning(lcNotify, "notification to %s failed: %s", qPrintable(url.host()),
                      qPrintable(reason));
            Q_EMIT requestFailed(url, reason);
        }
        if (--m_pending == 0)
            Q_EMIT idle();
    });
}

} // namespace lk

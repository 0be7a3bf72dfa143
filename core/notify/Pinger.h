// Tells the outside world how a run went: a webhook (JSON POST) and a healthcheck ping in the
// healthchecks.io convention (URL/start, URL, URL/fail). A dead endpoint never fails or delays
// a backup: requests time out after a few seconds and are only logged.
#pragma once

#include "jobs/JobResult.h"
#include "settings/Profile.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace lk {

class Pinger : public QObject
{
    Q_OBJECT

public:
    explicit Pinger(QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // healthchecks.io: "URL/start" when a run begins, "URL" on success, "URL/fail" otherwise.
    void pingStart(const QUrl &url);
    void pingResult(const QUrl &url, const JobResult &result);
    // POSTs `payload(...)` as JSON.
    void webhook(const QUrl &url, const QString &profile, const JobResult &result);
    // What every driver sends when a backup of `profile` ended: the healthcheck result ping
    // (success or /fail) and the webhook, each where the profile has one.
    void reportResult(const Profile &profile, const JobResult &result);

    static QJsonObject payload(const QString &profile, const JobResult &result);
    static QUrl withSuffix(const QUrl &url, const QString &suffix);

    bool isIdle() const { return m_pending == 0; }

Q_SIGNALS:
    void idle(); // every request has answered or timed out
    void requestFailed(const QUrl &url, const QString &reason); // for the log

private:
    void post(const QUrl &url, const QByteArray &body, const QByteArray &contentType);

    QNetworkAccessManager *m_network;
    int m_pending = 0;
    int m_timeoutMs = 10000;
};

} // namespace lk

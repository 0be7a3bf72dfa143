// S3 credentials in the OS keychain (QtKeychain), or from the environment for headless use.
#include "settings/CredentialStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace lk {

CredentialStore::CredentialStore(QObject *parent) : QObject(parent) {}

QByteArray CredentialStore::encode(const Credentials &credentials)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("access_key_id"), credentials.accessKeyId},
                           {QStringLiteral("secret_access_key"), credentials.secretAccessKey}})
        .toJson(QJsonDocument::Compact);
}

Result<Credentials> CredentialStore::decode(const QByteArray &data)
{
    const QJsonObject obj = QJsonDocument::fromJson(data).object();
    Credentials c{obj.value(QLatin1String("access_key_id")).toString(),
                  obj.value(QLatin1String("secret_access_key")).toString()};
    if (!c.isComplete())
        return Result<Credentials>::fail(
            tr("The keychain entry is incomplete; set the credentials again with "
               "\"litekeep credentials set\"."));
    return Result<Credentials>::ok(c);
}

QString CredentialStore::explain(int keychainError, const QString &detail)
{
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return tr("No credentials are stored for this profile. Store them with \"litekeep "
                  "credentials set PROFILE\", or set %1 and %2 for headless use.")
            .arg(QLatin1String(Credentials::kAccessKeyEnv), QLatin1String(Credentials::kSecretEnv));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return tr("The keychain refused access (%1). Unlock your keyring and try again.")
            .arg(detail);
    case QKeychain::NoBackendAvailable:
        return tr("No keychain is available (the Secret Service on D-Bus did not answer: %1). "
                  "Start and unlock a keyring such as GNOME Keyring or KWallet, or set %2 and "
                  "%3 for headless use.")
            .arg(detail, QLatin1String(Credentials::kAccessKeyEnv),
                 QLatin1String(Credentials::kSecretEnv));
    default:
        return tr("The keychain failed: %1. Make sure a keyring (GNOME Keyring or KWallet) is "
                  "running and unlocked, or set %2 and %3 for headless use.")
            .arg(detail, QLatin1String(Credentials::kAccessKeyEnv),
                 QLatin1String(Credentials::kSecretEnv));
    }
}

void CredentialStore::readFor(const Profile &profile, std::function<void(Result<Credentials>)> done)
{
    const auto destination = profile.parsedDestination();
    if (destination.isOk() && !destination.value().isS3()) {
        done(Result<Credentials>::ok(Credentials{}));
        return;
    }
    read(profile, std::move(done));
}

void CredentialStore::read(const Profile &profile, std::function<void(Result<Credentials>)> done)
{
    const Credentials fromEnv = Credentials::fromEnvironment();
    if (fromEnv.isComplete()) {
        done(Result<Credentials>::ok(fromEnv));
        return;
    }
    readFromKeychain(profile, std::move(done), m_retryDelayMs > 0);
}

void CredentialStore::readFromKeychain(const Profile &profile,
                                       std::function<void(Result<Credentials>)> done, bool mayRetry)
{
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(kService), this);
    job->setInsecureFallback(false);
    job->setKey(profile.credentialKey());
    connect(job, &QKeychain::Job::finished, this,
            [this, profile, mayRetry, done = std::move(done)](QKeychain::Job *j) {
                const auto error = j->error();
                if (error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError) {
                    if (mayRetry) {
                        QTimer::singleShot(m_retryDelayMs, this, [this, profile, done] {
                            readFromKeychain(profile, done, false);
                        });
                        return;
                    }
                }
                if (error != QKeychain::NoError) {
                    done(Result<Credentials>::fail(explain(error, j->errorString())));
                    return;
                }
                done(decode(static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData()));
            });
    job->start();
}

void CredentialStore::write(const Profile &profile, const Credentials &credentials,
                            std::function<void(Status)> done)
{
    auto *job = new QKeychain::WritePasswordJob(QLatin1String(kService), this);
    job->setInsecureFallback(false);
    job->setKey(profile.credentialKey());
    job->setBinaryData(encode(credentials));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(Status::failure(explain(j->error(), j->errorString())));
        else
            done(Status::success());
    });
    job->start();
}

void CredentialStore::remove(const Profile &profile, std::function<void(Status)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(QLatin1String(kService), this);
    job->setInsecureFallback(false);
    job->setKey(profile.credentialKey());
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            done(Status::failure(explain(j->error(), j->errorString())));
        else
            done(Status::success());
    });
    job->start();
}

} // namespace lk

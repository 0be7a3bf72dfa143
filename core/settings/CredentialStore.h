// S3 credentials in the OS keychain (QtKeychain), or from the environment for headless use.
#pragma once

#include "jobs/Result.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"

#include <QObject>

#include <functional>

namespace lk {

class CredentialStore : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kService = "litekeep";

    explicit CredentialStore(QObject *parent = nullptr);

    // When no keychain answers, try once more after this delay: at login the keyring may
    // start after LiteKeep. 0 (the default, for the CLI) fails at once.
    void setRetryDelayMs(int ms) { m_retryDelayMs = ms; }

    // Environment variables first (both must be set), then the keychain. Asynchronous:
    // the callback runs on this object's thread once the keychain has answered.
    void read(const Profile &profile, std::function<void(Result<Credentials>)> done);
    // What reaching the profile's destination takes: nothing for a local folder (answered at
    // once), the credentials as read() finds them for S3.
    void readFor(const Profile &profile, std::function<void(Result<Credentials>)> done);
    void write(const Profile &profile, const Credentials &credentials,
               std::function<void(Status)> done);
    void remove(const Profile &profile, std::function<void(Status)> done);

    static QByteArray encode(const Credentials &credentials);
    static Result<Credentials> decode(const QByteArray &data);

    // A sentence for a keychain error code (QKeychain::Error) that says what to do.
    static QString explain(int keychainError, const QString &detail);

private:
    void readFromKeychain(const Profile &profile, std::function<void(Result<Credentials>)> done,
                          bool mayRetry);

    int m_retryDelayMs = 0;
};

} // namespace lk

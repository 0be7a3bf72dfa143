// S3 credentials in memory only; where they come from is CredentialStore's business.
#pragma once

#include <QString>

namespace lk {

struct Credentials
{
    QString accessKeyId;
    QString secretAccessKey;

    bool isComplete() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }

    static constexpr const char *kAccessKeyEnv = "LITEKEEP_ACCESS_KEY_ID";
    static constexpr const char *kSecretEnv = "LITEKEEP_SECRET_ACCESS_KEY";
    // The headless route: both variables set in LiteKeep's own environment.
    static Credentials fromEnvironment();
};

} // namespace lk

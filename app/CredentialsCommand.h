// litekeep credentials set|remove NAME: the keychain entry of an S3 profile.
#pragma once

#include "Command.h"
#include "settings/CredentialStore.h"

namespace lk {

class CredentialsCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;

private:
    // Two lines from stdin: the access key id, then the secret (not echoed on a terminal).
    static std::optional<Credentials> readFromStdin();
};

} // namespace lk

// A CLI verb: parses its own arguments, runs (possibly asynchronously), emits one exit code.
#pragma once

#include "CliContext.h"
#include "settings/CredentialStore.h"

#include <functional>
#include <optional>

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>

namespace lk {

class Command : public QObject
{
    Q_OBJECT

public:
    explicit Command(CliContext &context, QObject *parent = nullptr)
        : QObject(parent), m_ctx(context)
    {
    }

    // `arguments` are what follows the verb. Ends, now or later, with done().
    virtual void run(const QStringList &arguments) = 0;

Q_SIGNALS:
    void done(int exitCode);

protected:
    // Parses options; on a usage error prints it and returns false (and emits done(2)).
    bool parse(QCommandLineParser &parser, const QStringList &arguments)
    {
        parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
        if (!parser.parse(QStringList{QStringLiteral("litekeep")} + arguments)) {
            finish(m_ctx.usageError(parser.errorText()));
            return false;
        }
        return true;
    }
    void finish(int exitCode) { Q_EMIT done(exitCode); }

    // Loads the settings and the named profile and, for S3, its credentials; then calls
    // `next`. On any problem it reports it and finishes (2 for configuration, 1 for keychain).
    // Loads the settings and the named profile; on a problem reports it and finishes with 2.
    std::optional<Profile> loadProfile(const QString &profileName)
    {
        if (!m_ctx.loadConfig()) {
            finish(ExitUsage);
            return std::nullopt;
        }
        auto profile = m_ctx.requireProfile(profileName);
        if (!profile)
            finish(ExitUsage);
        return profile;
    }

    void resolve(const QString &profileName,
                 std::function<void(const Profile &, const Credentials &)> next)
    {
        const auto profile = loadProfile(profileName);
        if (!profile)
            return;
        if (!profile->parsedDestination().value().isS3()) {
            next(*profile, {});
            return;
        }
        m_store.read(*profile, [this, p = *profile, next](const Result<Credentials> &c) {
            if (!c) {
                finish(m_ctx.failure(c.error(), {{QStringLiteral("profile"), p.name}}));
                return;
            }
            next(p, c.value());
        });
    }

    CliContext &m_ctx;
    CredentialStore m_store;
};

} // namespace lk

// litekeep credentials set|remove NAME
#include "CredentialsCommand.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace lk {

namespace {
bool readLine(std::string *line, bool echo)
{
    termios saved{};
    const bool tty = isatty(STDIN_FILENO) == 1;
    if (tty && !echo) {
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    const bool ok = static_cast<bool>(std::getline(std::cin, *line));
    if (tty && !echo) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputc('\n', stderr);
    }
    while (!line->empty() && (line->back() == '\r' || line->back() == ' '))
        line->pop_back();
    return ok;
}
} // namespace

std::optional<Credentials> CredentialsCommand::readFromStdin()
{
    const bool tty = isatty(STDIN_FILENO) == 1;
    std::string id, secret;
    if (tty)
        std::fputs(tr("Access key id: ").toLocal8Bit().constData(), stderr);
    if (!readLine(&id, true))
        return std::nullopt;
    if (tty)
        std::fputs(tr("Secret access key: ").toLocal8Bit().constData(), stderr);
    if (!readLine(&secret, false))
        return std::nullopt;
    Credentials c{QString::fromStdString(id).trimmed(), QString::fromStdString(secret).trimmed()};
    std::fill(secret.begin(), secret.end(), '\0');
    if (!c.isComplete())
        return std::nullopt;
    return c;
}

void CredentialsCommand::run(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if ((sub != QLatin1String("set") && sub != QLatin1String("remove")) || arguments.size() != 2) {
        finish(m_ctx.usageError(
            tr("Usage: litekeep credentials set NAME (reads the access key id "
               "and the secret from stdin, one per line) | credentials remove NAME")));
        return;
    }
    const auto profile = loadProfile(arguments.at(1));
    if (!profile)
        return;
    if (!profile->parsedDestination().value().isS3()) {
        finish(m_ctx.usageError(tr("Profile \"%1\" backs up to a local folder; it needs no "
                                   "credentials.")
                                    .arg(profile->name)));
        return;
    }

    if (sub == QLatin1String("remove")) {
        m_store.remove(*profile, [this, name = profile->name](Status s) {
            if (!s) {
                finish(m_ctx.failure(s.error));
                return;
            }
            if (m_ctx.json())
                m_ctx.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("profile"), name}});
            else
                m_ctx.out(tr("Credentials of profile \"%1\" removed from the keychain.").arg(name));
            finish(ExitOk);
        });
        return;
    }

    const auto credentials = readFromStdin();
    if (!credentials) {
        finish(m_ctx.usageError(tr("Give the access key id and the secret access key on "
                                   "standard input, one per line.")));
        return;
    }
    m_store.write(*profile, *credentials, [this, name = profile->name](Status s) {
        if (!s) {
            finish(m_ctx.failure(tr("The credentials were not stored: %1").arg(s.error)));
            return;
        }
        if (m_ctx.json())
            m_ctx.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("profile"), name}});
        else
            m_ctx.out(tr("Credentials of profile \"%1\" stored in the keychain.").arg(name));
        finish(ExitOk);
    });
}

} // namespace lk

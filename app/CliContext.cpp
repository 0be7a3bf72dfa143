// What every CLI verb shares.
#include "CliContext.h"

#include <QJsonDocument>

#include <cstdio>

namespace lk {

CliContext::CliContext(const QString &configPath, bool json) : m_config(configPath), m_json(json) {}

bool CliContext::loadConfig()
{
    if (Status s = m_config.load(); !s) {
        err(s.error);
        return false;
    }
    return true;
}

std::optional<Profile> CliContext::requireProfile(const QString &name)
{
    auto profile = m_config.profile(name);
    if (!profile) {
        const QStringList names = m_config.profileNames();
        usageError(names.isEmpty()
                       ? tr("There is no profile named \"%1\"; there are no profiles yet. Create "
                            "one with \"litekeep profile add %1 --db PATH\".")
                             .arg(name)
                       : tr("There is no profile named \"%1\". Known profiles: %2.")
                             .arg(name, names.join(QLatin1String(", "))));
    }
    return profile;
}

QString CliContext::printable(QString text)
{
    // Names, manifests and rclone's messages come from the destination: a control character
    // in them (an escape sequence, a carriage return) must not reach the terminal as one.
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u <= 0x9f))
            c = QChar(0xfffd);
    }
    return text;
}

void CliContext::out(const QString &text) const
{
    std::fputs(printable(text).toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void CliContext::err(const QString &text) const
{
    std::fputs(QStringLiteral("litekeep: %1\n").arg(printable(text)).toLocal8Bit().constData(),
               stderr);
    std::fflush(stderr);
}

void CliContext::printJson(const QJsonObject &json) const
{
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Indented).constData(), stdout);
    std::fflush(stdout);
}

int CliContext::usageError(const QString &message) const
{
    if (m_json)
        printJson({{QStringLiteral("ok"), false},
                   {QStringLiteral("error"), message},
                   {QStringLiteral("exit_code"), ExitUsage}});
    err(message);
    return ExitUsage;
}

int CliContext::failure(const QString &message, const QJsonObject &extra) const
{
    if (m_json) {
        QJsonObject doc = extra;
        doc.insert(QStringLiteral("ok"), false);
        doc.insert(QStringLiteral("error"), message);
        doc.insert(QStringLiteral("exit_code"), ExitFailed);
        printJson(doc);
    }
    err(message);
    return ExitFailed;
}

int CliContext::report(const JobResult &result, const std::function<void()> &printDetails) const
{
    const int code = result.isSuccess() ? ExitOk : ExitFailed;
    if (m_json) {
        QJsonObject doc = result.details;
        doc.insert(QStringLiteral("ok"), result.isSuccess());
        doc.insert(QStringLiteral("outcome"), JobResult::outcomeName(result.outcome));
        doc.insert(QStringLiteral("message"), result.message);
        if (!result.stderrTail.isEmpty())
            doc.insert(QStringLiteral("rclone_stderr"), result.stderrTail);
        doc.insert(QStringLiteral("exit_code"), code);
        printJson(doc);
    } else if (printDetails) {
        printDetails();
    }
    if (result.isSuccess()) {
        if (!m_json)
            out(result.message);
    } else {
        err(result.message);
        if (!result.stderrTail.isEmpty() && !m_json)
            err(tr("rclone said:\n%1").arg(result.stderrTail));
    }
    return code;
}

} // namespace lk

// What every CLI verb shares: the settings file, the output mode and the exit codes.
#pragma once

#include "jobs/JobResult.h"
#include "settings/Config.h"

#include <functional>

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace lk {

enum ExitCode
{
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2
};

class CliContext
{
    Q_DECLARE_TR_FUNCTIONS(CliContext)

public:
    explicit CliContext(const QString &configPath, bool json);

    Config &config() { return m_config; }
    bool json() const { return m_json; }

    // Loads the settings; on failure prints why and returns false.
    bool loadConfig();
    // The named profile, or prints "unknown profile" (a usage error).
    std::optional<Profile> requireProfile(const QString &name);

    void out(const QString &text) const; // stdout, human mode
    void err(const QString &text) const; // stderr
    // `text` with control characters other than newline and tab replaced by U+FFFD; out() and
    // err() apply it to everything they print.
    static QString printable(QString text);
    void printJson(const QJsonObject &json) const;
    int usageError(const QString &message) const;
    // Prints a failure (text to stderr, or a JSON document) and returns ExitFailed.
    int failure(const QString &message, const QJsonObject &extra = {}) const;
    // Prints how a job ended: with --json one document (its details, ok, outcome, message,
    // exit_code), otherwise `printDetails` and then the message (stderr if it failed).
    int report(const JobResult &result, const std::function<void()> &printDetails = {}) const;

private:
    Config m_config;
    bool m_json;
};

} // namespace lk

// The one result every long job ends with.
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace lk {

struct JobResult
{
    // Skipped: the run did not start because another run of the profile holds it; not a
    // failure (the other run does the work and records its own outcome).
    enum class Outcome
    {
        Succeeded,
        Failed,
        Cancelled,
        Skipped
    };

    Outcome outcome = Outcome::Failed;
    QString message;     // one sentence a person can act on
    QString stderrTail;  // the last lines a child process printed, if any
    QJsonObject details; // machine-readable extras (generation, sizes, ...)

    static JobResult succeeded(QString message, QJsonObject details = {})
    {
        return {Outcome::Succeeded, std::move(message), {}, std::move(details)};
    }
    static JobResult failed(QString message, QString stderrTail = {})
    {
        return {Outcome::Failed, std::move(message), std::move(stderrTail), {}};
    }
    static JobResult cancelled(QString message)
    {
        return {Outcome::Cancelled, std::move(message), {}, {}};
    }
    static JobResult skipped(QString message)
    {
        return {Outcome::Skipped, std::move(message), {}, {}};
    }

    bool isSuccess() const { return outcome == Outcome::Succeeded; }
    static QString outcomeName(Outcome outcome)
    {
        switch (outcome) {
        case Outcome::Succeeded:
            return QStringLiteral("succeeded");
        case Outcome::Failed:
            return QStringLiteral("failed");
        case Outcome::Cancelled:
            return QStringLiteral("cancelled");
        case Outcome::Skipped:
            return QStringLiteral("skipped");
        }
        return {};
    }
};

} // namespace lk

Q_DECLARE_METATYPE(lk::JobResult)

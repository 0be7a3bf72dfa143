// Picks the runs other processes finished.
#include "history/ForeignRuns.h"

#include <QJsonObject>

namespace lk {

ForeignRuns::ForeignRuns(QDateTime sinceUtc) : m_since(std::move(sinceUtc)) {}

std::optional<JobResult> ForeignRuns::resultOf(const RunRecord &run)
{
    if (!run.finishedUtc.isValid())
        return std::nullopt;
    JobResult result;
    if (run.outcome == QLatin1String("succeeded"))
        result = JobResult::succeeded(run.message);
    else if (run.outcome == QLatin1String("failed"))
        result = JobResult::failed(run.message);
    else if (run.outcome == QLatin1String("cancelled"))
        result = JobResult::cancelled(run.message);
    else
        return std::nullopt; // "running", or "interrupted" (marked by a later run, long after)
    result.details.insert(QStringLiteral("profile"), run.profile);
    if (!run.generation.isEmpty())
        result.details.insert(QStringLiteral("generation"), run.generation);
    return result;
}

QList<ForeignRuns::Finished> ForeignRuns::take(const QString &profile, const QList<RunRecord> &runs,
                                               const QList<AnomalyRecord> &openWarnings,
                                               const std::function<bool(qint64)> &ranHere)
{
    QList<Finished> found;
    QSet<qint64> &taken = m_taken[profile];
    QSet<qint64> stillInView;
    QString previousOutcome;
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        const RunRecord &run = *it;
        if (run.kind != QLatin1String("backup"))
            continue;
        stillInView.insert(run.id);
        const QString before = previousOutcome;
        if (run.outcome != QLatin1String("running"))
            previousOutcome = run.outcome;
        if (taken.contains(run.id) || ranHere(run.id) || !run.finishedUtc.isValid() ||
            run.finishedUtc < m_since)
            continue;
        std::optional<JobResult> result = resultOf(run);
        if (!result)
            continue;
        taken.insert(run.id);
        for (const AnomalyRecord &warning : openWarnings) {
            if (!run.generation.isEmpty() && warning.generation == run.generation)
                result->details.insert(QStringLiteral("anomaly"),
                                       QJsonObject{{QStringLiteral("message"), warning.message()}});
        }
        found.append({profile, run, *result, before});
    }
    taken.intersect(stillInView);
    return found;
}

} // namespace lk

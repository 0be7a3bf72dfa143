// The backup runs another process finished (the command line, a systemd timer or cron, another
// LiteKeep window), picked from the history for the notifier, which judges them like its own.
#pragma once

#include "history/Catalog.h"
#include "jobs/JobResult.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>

namespace lk {

// Each run is handed out once; never one that this process ran (its own jobs report their
// runs themselves), and never one that ended before the watching began (the runs that were
// already history at start-up are not news).
class ForeignRuns
{
public:
    struct Finished
    {
        QString profile;
        RunRecord run;
        JobResult result;        // as the notifier takes it: the outcome, the message
        QString previousOutcome; // how the backup before it ended ("" if none in view)
    };

    explicit ForeignRuns(QDateTime sinceUtc = QDateTime::currentDateTimeUtc());

    // How many of a profile's newest runs each look reads: far more than can finish between two.
    static constexpr int kRuns = 20;

    // `runs`: the profile's newest runs, newest first (Catalog::readRuns); `openWarnings`: its
    // open anomaly warnings, so a backup after which rows went missing says so; `ranHere`:
    // whether this process recorded a run (Catalog::recordedHere). Oldest first.
    QList<Finished> take(const QString &profile, const QList<RunRecord> &runs,
                         const QList<AnomalyRecord> &openWarnings,
                         const std::function<bool(qint64)> &ranHere);

    // The result a recorded run stands for; nullopt for one that is not over or was interrupted.
    static std::optional<JobResult> resultOf(const RunRecord &run);

private:
    QDateTime m_since;
    QHash<QString, QSet<qint64>> m_taken; // by profile; only those still among its newest runs
};

} // namespace lk

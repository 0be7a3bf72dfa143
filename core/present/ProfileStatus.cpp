// The state of one profile at a glance.
#include "present/ProfileStatus.h"

#include "notify/Notifier.h"
#include "present/HumanTime.h"
#include "schedule/Schedule.h"

#include <QLocale>

namespace lk {

namespace {
bool isFailure(const QString &outcome)
{
    return outcome == QLatin1String("failed") || outcome == QLatin1String("interrupted");
}

} // namespace

QString ProfileStatus::stateName(State state)
{
    switch (state) {
    case State::Healthy:
        return QStringLiteral("healthy");
    case State::FirstBackupPending:
        return QStringLiteral("first-backup-pending");
    case State::Running:
        return QStringLiteral("running");
    case State::Warning:
        return QStringLiteral("warning");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Paused:
        return QStringLiteral("paused");
    case State::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString ProfileStatus::stateWord(State state)
{
    switch (state) {
    case State::Healthy:
        return tr("healthy");
    case State::FirstBackupPending:
        return tr("waiting for its first backup");
    case State::Running:
        return tr("a backup is running");
    case State::Warning:
        return tr("needs attention");
    case State::Failed:
        return tr("FAILED");
    case State::Paused:
        return tr("paused");
    case State::Unknown:
        return tr("unknown");
    }
    return {};
}

bool ProfileStatus::lastGoodIsProven() const
{
    return lastGood && lastProven && !lastGood->generation.isEmpty() &&
           lastProven->generation == lastGood->generation;
}

QString ProfileStatus::line(const HumanTime &times) const
{
    const QString goodAgo = lastGood ? times.ago(lastGood->startedUtc) : QString();
    switch (state) {
    case State::Healthy:
        return lastGoodIsProven()
                   //: %1 is when: "3 hours ago", "yesterday at 02:00"
                   ? tr("Backed up %1 · verified").arg(goodAgo)
                   : tr("Backed up %1").arg(goodAgo);
    case State::FirstBackupPending:
        return nextRunUtc.isValid()
                   //: %1 is when: "tonight at 02:00", "in 5 minutes"
                   ? tr("No backup yet · the first one %1").arg(times.ahead(nextRunUtc))
                   : tr("No backup yet");
    case State::Running:
        return activity.isEmpty() ? tr("Backing up…") : tr("Backing up: %1").arg(activity);
    case State::Warning:
        return problems.value(0);
    case State::Failed: {
        const QString reason = problems.value(0);
        const QDateTime when = lastBackup ? lastBackup->finishedUtc : QDateTime();
        return when.isValid()
                   //: %1 is when ("2 hours ago"), %2 the reason
                   ? tr("Failed %1: %2").arg(times.ago(when), reason)
                   : tr("Failed: %1").arg(reason);
    }
    case State::Paused:
        return lastGood ? tr("Paused · backed up %1").arg(goodAgo) : tr("Paused · no backup yet");
    case State::Unknown:
        return tr("Unknown: the run history cannot be read");
    }
    return {};
}

QString ProfileStatus::headline() const
{
    switch (state) {
    case State::Healthy:
        return tr("%1 is healthy").arg(profile);
    case State::FirstBackupPending:
        return tr("%1 is waiting for its first backup").arg(profile);
    case State::Running:
        return tr("%1 is being backed up").arg(profile);
    case State::Warning:
        return tr("%1 needs attention").arg(profile);
    case State::Failed:
        return tr("%1: the last backup failed").arg(profile);
    case State::Paused:
        return tr("%1: schedules are paused").arg(profile);
    case State::Unknown:
        return tr("%1: its state is unknown").arg(profile);
    }
    return {};
}

QString ProfileStatus::nextRun(const HumanTime &times, const QDateTime &nextRunUtc, bool paused)
{
    if (paused)
        return tr("Schedules are paused");
    if (!nextRunUtc.isValid())
        return {};
    //: %1 is when: "tonight at 02:00", "in 5 minutes", "on Wednesday at 02:00"
    return tr("Next backup %1").arg(times.ahead(nextRunUtc));
}

std::optional<QDate>
ProfileStatus::drillOverdueSince(const Profile &profile,
                                 const std::optional<VerificationRecord> &lastDrill,
                                 const QDateTime &now, const QTimeZone &zone)
{
    if (profile.drillDays <= 0)
        return std::nullopt;
    // Never drilled: due once the profile is as old as the interval.
    const QDate due = lastDrill
                          ? Schedule::drillDueDate(lastDrill->checkedUtc, profile.drillDays, zone)
                      : profile.createdUtc.isValid()
                          ? profile.createdUtc.toTimeZone(zone).date().addDays(profile.drillDays)
                          : QDate();
    if (!due.isValid() || now.toTimeZone(zone).date() <= due)
        return std::nullopt;
    return due;
}

ProfileStatus ProfileStatus::compute(const Profile &profile, const Result<ProfileHistory> &history,
                                     const Context &context)
{
    ProfileStatus s;
    s.profile = profile.name;
    s.nextRunUtc = context.nextRunUtc;
    s.activity = context.running ? context.activity : QString();
    if (!history) {
        s.historyProblem = history.error();
        s.state = context.running ? State::Running : State::Unknown;
        return s;
    }
    const ProfileHistory &h = history.value();
    for (const RunRecord &run : h.runs) { // newest first
        if (run.kind == QLatin1String("backup") && run.outcome != QLatin1String("running")) {
            s.lastBackup = run;
            break;
        }
    }
    s.lastGood = h.lastGoodBackup;
    s.lastProven = h.lastProven;
    s.newestVerifiedUtc = Notifier::newestVerified(h.latestVerifications);

    const bool failed = s.lastBackup && isFailure(s.lastBackup->outcome);
    if (failed)
        s.problems.append(s.lastBackup->message.isEmpty() ? tr("The last backup failed.")
                                                          : s.lastBackup->message);
    for (const AnomalyRecord &warning : h.openWarnings)
        s.problems.append(warning.message());
    if (Notifier::isStale(s.newestVerifiedUtc, profile.staleHours, context.now, profile.createdUtc))
        s.problems.append(
            s.newestVerifiedUtc.isValid()
                ? tr("The newest verified backup is older than the %n hour(s) this profile "
                     "allows.",
                     nullptr, profile.staleHours)
                : tr("There is no verified backup yet."));
    if (const auto since = drillOverdueSince(profile, h.lastDrill, context.now, context.zone))
        s.problems.append(tr("The restore drill is overdue: it was due on %1.")
                              .arg(QLocale().toString(*since, QLocale::ShortFormat)));

    s.state = context.running         ? State::Running
              : failed                ? State::Failed
              : !s.problems.isEmpty() ? State::Warning
              : context.paused        ? State::Paused
              : !s.lastGood           ? State::FirstBackupPending
                                      : State::Healthy;
    return s;
}

} // namespace lk

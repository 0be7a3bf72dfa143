// The state of one profile at a glance.
#include "present/ProfileStatus.h"

#include "notify/Notifier.h"
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

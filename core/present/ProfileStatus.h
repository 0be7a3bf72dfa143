// The state of one profile at a glance, decided once from its history, its schedule and its
// open warnings: the tray, the window and "litekeep status" only render it, so the three never
// disagree.
#pragma once

#include "history/ProfileHistory.h"
#include "jobs/Result.h"
#include "settings/Profile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace lk {

class HumanTime;

struct ProfileStatus
{
    Q_DECLARE_TR_FUNCTIONS(ProfileStatus)

public:
    // The most pressing first: a running backup is shown as running whatever came before it;
    // a failed last backup outweighs every warning; a paused schedule is said only when nothing
    // is wrong; Unknown when the history cannot be read (never "healthy" for want of facts).
    // FirstBackupPending: a new profile, within its grace, that has no backup yet: nothing is
    // wrong, and nothing is protected either.
    enum class State
    {
        Healthy,
        FirstBackupPending,
        Running,
        Warning,
        Failed,
        Paused,
        Unknown
    };

    // What the caller knows besides the history.
    struct Context
    {
        QDateTime now;
        QTimeZone zone = QTimeZone::systemTimeZone();
        QDateTime nextRunUtc; // invalid: not scheduled (the CLI without the tray)
        bool paused = false;
        bool running = false;
        QString activity; // while running: the phase and its percent ("Uploading 47%")
    };

    State state = State::Unknown;
    QString profile;
    std::optional<RunRecord> lastBackup; // the newest finished backup run, whatever its outcome
    std::optional<RunRecord> lastGood;   // the newest successful one
    std::optional<VerificationRecord> lastProven;
    QDateTime newestVerifiedUtc; // when the newest generation that passed a verification was made
    QDateTime nextRunUtc;
    // Each a sentence, the most pressing first: the failure's reason, the open warnings, no
    // verified backup for longer than the profile allows, the drill overdue.
    QStringList problems;
    QString historyProblem; // why the history could not be read (State::Unknown)
    QString activity;       // Context::activity

    static ProfileStatus compute(const Profile &profile, const Result<ProfileHistory> &history,
                                 const Context &context);

    // "healthy", "running", ...: for --json.
    static QString stateName(State state);
    // The state in words, for a person: "healthy", "needs attention", "FAILED"...
    static QString stateWord(State state);
    bool isProblem() const { return state == State::Warning || state == State::Failed; }
    // Whether the newest good backup is the one the newest proof of restorability checked.
    bool lastGoodIsProven() const;

    // The words the window's profile list, the tray and "litekeep status" show, from the same
    // facts. One line: "Backed up 3 hours ago · verified", "Failed 2 hours ago: <reason>",
    // "Backing up: Uploading 47%", the most pressing problem, "Paused · backed up yesterday at
    // 02:00", "No backup yet · the first one tonight at 02:00".
    QString line(const HumanTime &times) const;
    // The state as a sentence about the profile, for a header: "cogito is healthy", "cogito
    // needs attention", "cogito: the last backup failed"...
    QString headline() const;
    // When the next backup runs, in human terms ("Next backup tonight at 02:00"), or that the
    // schedules are paused; empty when nothing is scheduled.
    static QString nextRun(const HumanTime &times, const QDateTime &nextRunUtc, bool paused);

    // The day the restore drill was due and did not run by, if it is overdue at `now`: drills
    // on, and a whole local day passed since Schedule::drillDueDate without a drill.
    static std::optional<QDate>
    drillOverdueSince(const Profile &profile, const std::optional<VerificationRecord> &lastDrill,
                      const QDateTime &now, const QTimeZone &zone);
};

} // namespace lk

// Drives the daily schedule of every profile: a timer aimed at the next due time (and a short
// heartbeat that notices sleep and clock jumps), retries with backoff, and pause.
#pragma once

#include "settings/Profile.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace lk {

class Catalog;

class Scheduler : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>; // the current time, UTC

    // Reads the history in `catalog`'s file through a connection of its own that never waits
    // for another process's lock (the GUI thread calls it); may be null (no history).
    explicit Scheduler(Catalog *catalog, QObject *parent = nullptr);
    ~Scheduler() override;

    // For tests: the wall clock every decision reads.
    void setClock(Clock clock);

    void setProfiles(const QList<Profile> &profiles);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // The time the profile's next run is planned for (already due: about now).
    QDateTime nextRun(const QString &profile) const;

    // The owner reports back, so failures back off instead of looping.
    void runFailed(const QString &profile);
    void runDeferred(const QString &profile);
    void runSucceeded(const QString &profile);
    // Another run of the profile (the command line, a timer) held it: try again later, without
    // counting it as a failure.
    void runSkipped(const QString &profile);
    int deferrals(const QString &profile) const { return m_deferrals.value(profile); }

    // Why the history cannot be read now (empty when it can). While it cannot, the schedule
    // goes by what it read before and by the runs this process made: a profile whose last
    // success is unknown is backed up once, then at its next slot.
    const QString &historyProblem() const { return m_historyProblem; }

    // Re-evaluates now (after start, wake, or a changed profile).
    void evaluate();

    static constexpr int kHeartbeatMs = 30000;

Q_SIGNALS:
    void due(const lk::Profile &profile);
    void resumed(qint64 gapMs); // the clock jumped: the machine slept or the time was changed
    void historyProblemChanged(const QString &problem);

private:
    void arm();
    QDateTime now() const { return m_clock(); }
    // The start of the profile's last successful backup (invalid: none), or nullopt when the
    // history cannot say and never could.
    std::optional<QDateTime> lastSuccess(const QString &profile) const;
    void setHistoryProblem(const QString &problem) const;

    std::unique_ptr<Catalog> m_reader;
    Clock m_clock;
    QList<Profile> m_profiles;
    QTimer m_timer;
    QElapsedTimer m_monotonic;
    QDateTime m_lastWallClock;
    qint64 m_lastMonotonic = 0;
    QHash<QString, QDateTime> m_notBefore; // backoff after a failed or deferred run
    QHash<QString, int> m_attempts;
    QHash<QString, int> m_deferrals;
    // What the history said last time it could be read, and what this process knows itself.
    mutable QHash<QString, QDateTime> m_knownSuccess;
    QHash<QString, QDateTime> m_succeededHere;
    QHash<QString, QDateTime> m_startedBlind; // runs started while the history was unreadable
    mutable QString m_historyProblem;
    bool m_paused = false;
};

} // namespace lk

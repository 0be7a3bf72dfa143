// Drives the daily schedule of every profile: a timer aimed at the next due time (and a short
// heartbeat that notices sleep and clock jumps), retries with backoff, and pause.
#pragma once

#include "Profile.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace lk {

class Catalog;

class Scheduler : public QObject
{
    Q_OBJECT

public:
    explicit Scheduler(Catalog *catalog, QObject *parent = nullptr);

    void setProfiles(const QList<Profile> &profiles);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // The time the profile's next run is planned for (already due: about now).
    QDateTime nextRun(const QString &profile) const;

    // The owner reports back, so failures back off instead of looping.
    void runFailed(const QString &profile);
    void runDeferred(const QString &profile);
    void runSucceeded(const QString &profile);
    int deferrals(const QString &profile) const { return m_deferrals.value(profile); }

    // Re-evaluates now (after start, wake, or a changed profile).
    void evaluate();

    static constexpr int kHeartbeatMs = 30000;

Q_SIGNALS:
    void due(const lk::Profile &profile);
    void resumed(qint64 gapMs); // the clock jumped: the machine slept or the time was changed

private:
    void arm();

    Catalog *m_catalog;
    QList<Profile> m_profiles;
    QTimer m_timer;
    QElapsedTimer m_monotonic;
    QDateTime m_lastWallClock;
    qint64 m_lastMonotonic = 0;
    QHash<QString, QDateTime> m_notBefore; // backoff after a failed or deferred run
    QHash<QString, int> m_attempts;
    QHash<QString, int> m_deferrals;
    bool m_paused = false;
};

} // namespace lk

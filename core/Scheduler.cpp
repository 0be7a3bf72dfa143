// Drives the daily schedule of every profile.
#include "Scheduler.h"

#include "Catalog.h"
#include "Schedule.h"

#include <algorithm>

namespace lk {

Scheduler::Scheduler(Catalog *catalog, QObject *parent) : QObject(parent), m_catalog(catalog)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::evaluate);
    m_monotonic.start();
}

void Scheduler::setProfiles(const QList<Profile> &profiles)
{
    m_profiles = profiles;
    evaluate();
}

void Scheduler::setPaused(bool paused)
{
    m_paused = paused;
    evaluate();
}

QDateTime Scheduler::nextRun(const QString &name) const
{
    for (const Profile &p : m_profiles) {
        if (p.name != name)
            continue;
        const auto last = m_catalog ? m_catalog->lastRun(p.name, QStringLiteral("backup"), QStringLiteral("succeeded"))
                                    : std::nullopt;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QDateTime next = Schedule::nextRun(p.at, last ? last->startedUtc : QDateTime(), p.createdUtc, now,
                                           QTimeZone::systemTimeZone());
        const QDateTime notBefore = m_notBefore.value(p.name);
        if (notBefore.isValid() && notBefore > next)
            next = notBefore;
        return next;
    }
    return {};
}

void Scheduler::runFailed(const QString &profile)
{
    const int attempt = ++m_attempts[profile];
    m_notBefore.insert(profile, QDateTime::currentDateTimeUtc().addMSecs(Schedule::retryDelayMs(attempt)));
    arm();
}

void Scheduler::runDeferred(const QString &profile)
{
    ++m_deferrals[profile];
    runFailed(profile);
}

void Scheduler::runSucceeded(const QString &profile)
{
    m_attempts.remove(profile);
    m_deferrals.remove(profile);
    m_notBefore.remove(profile);
    arm();
}

void Scheduler::evaluate()
{
    // Sleep or a changed clock: wall time moved much more than monotonic time.
    const QDateTime wall = QDateTime::currentDateTimeUtc();
    const qint64 mono = m_monotonic.elapsed();
    if (m_lastWallClock.isValid()) {
        const qint64 gap = m_lastWallClock.msecsTo(wall) - (mono - m_lastMonotonic);
        if (std::abs(gap) > 60000)
            Q_EMIT resumed(gap);
    }
    m_lastWallClock = wall;
    m_lastMonotonic = mono;

    if (!m_paused) {
        for (const Profile &p : std::as_const(m_profiles)) {
            // nextRun() answers "now" for an owed run, read from the clock after `wall`: compare
            // with a reading taken after it, or a millisecond tick hides the run.
            const QDateTime next = nextRun(p.name);
            if (next.isValid() && next <= QDateTime::currentDateTimeUtc())
                Q_EMIT due(p);
        }
    }
    arm();
}

void Scheduler::arm()
{
    qint64 wait = kHeartbeatMs;
    if (!m_paused) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Profile &p : std::as_const(m_profiles)) {
            const QDateTime next = nextRun(p.name);
            if (next.isValid())
                wait = std::min(wait, std::max<qint64>(now.msecsTo(next), 1000));
        }
    }
    m_timer.start(static_cast<int>(wait));
}

} // namespace lk

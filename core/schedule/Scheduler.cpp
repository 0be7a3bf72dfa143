// Drives the daily schedule of every profile.
#include "schedule/Scheduler.h"

#include "history/Catalog.h"
#include "schedule/Schedule.h"

#include <algorithm>

namespace lk {

Scheduler::Scheduler(Catalog *catalog, QObject *parent)
    : QObject(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    if (catalog) {
        // Busy timeout 0: a history locked by another process answers at once (from what was
        // read before) instead of holding the GUI thread for the 5 s a job's writes may wait.
        m_reader = std::make_unique<Catalog>(catalog->path());
        m_reader->setBusyTimeout(0);
        m_reader->open();
    }
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::evaluate);
    m_monotonic.start();
}

Scheduler::~Scheduler() = default;

void Scheduler::setClock(Clock clock)
{
    m_clock = std::move(clock);
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

void Scheduler::setHistoryProblem(const QString &problem) const
{
    if (problem == m_historyProblem)
        return;
    m_historyProblem = problem;
    Q_EMIT const_cast<Scheduler *>(this)->historyProblemChanged(problem);
}

std::optional<QDateTime> Scheduler::lastSuccess(const QString &profile) const
{
    if (!m_reader)
        return QDateTime();
    const auto read =
        m_reader->readLastRun(profile, QStringLiteral("backup"), QStringLiteral("succeeded"));
    if (!read) {
        setHistoryProblem(read.error());
        const auto known = m_knownSuccess.constFind(profile);
        if (known == m_knownSuccess.constEnd())
            return std::nullopt;
        return *known;
    }
    setHistoryProblem({});
    const QDateTime last = read.value() ? read.value()->startedUtc : QDateTime();
    m_knownSuccess.insert(profile, last);
    return last;
}

QDateTime Scheduler::nextRun(const QString &name) const
{
    for (const Profile &p : m_profiles) {
        if (p.name != name)
            continue;
        const std::optional<QDateTime> known = lastSuccess(p.name);
        QDateTime last = known.value_or(QDateTime());
        // A success this process saw counts even when its record could not be written.
        const QDateTime here = m_succeededHere.value(p.name);
        if (here.isValid() && (!last.isValid() || here > last))
            last = here;
        // With no history to read, a run this process started counts as the slot's run, so
        // an unknown "last success" is owed once, never over and over.
        const QDateTime blind = m_startedBlind.value(p.name);
        if (!known && blind.isValid() && (!last.isValid() || blind > last))
            last = blind;
        QDateTime next =
            Schedule::nextRun(p.at, last, p.createdUtc, now(), QTimeZone::systemTimeZone());
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
    m_notBefore.insert(profile, now().addMSecs(Schedule::retryDelayMs(attempt)));
    arm();
}

void Scheduler::runDeferred(const QString &profile)
{
    ++m_deferrals[profile];
    runFailed(profile);
}

void Scheduler::runSkipped(const QString &profile)
{
    m_notBefore.insert(profile, now().addMSecs(Schedule::retryDelayMs(1)));
    arm();
}

void Scheduler::runSucceeded(const QString &profile)
{
    m_attempts.remove(profile);
    m_deferrals.remove(profile);
    m_notBefore.remove(profile);
    m_succeededHere.insert(profile, now());
    arm();
}

void Scheduler::evaluate()
{
    // Sleep or a changed clock: wall time moved much more than monotonic time.
    const QDateTime wall = now();
    const qint64 mono = m_monotonic.elapsed();
    if (m_lastWallClock.isValid()) {
        const qint64 gap = m_lastWallClock.msecsTo(wall) - (mono - m_lastMonotonic);
        if (std::abs(gap) > 60000)
            Q_EMIT resumed(gap);
    }
    m_lastWallClock = wall;
    m_lastMonotonic = mono;

    // A history that could not be opened (locked at start, replaced since) is tried again.
    if (m_reader && !m_reader->isOpen())
        m_reader->open();

    if (!m_paused) {
        for (const Profile &p : std::as_const(m_profiles)) {
            // nextRun() answers "now" for an owed run, read from the clock after `wall`: compare
            // with a reading taken after it, or a millisecond tick hides the run.
            const QDateTime next = nextRun(p.name);
            if (!next.isValid() || next > now())
                continue;
            if (!lastSuccess(p.name))
                m_startedBlind.insert(p.name, now());
            Q_EMIT due(p);
        }
    }
    arm();
}

void Scheduler::arm()
{
    qint64 wait = kHeartbeatMs;
    if (!m_paused) {
        const QDateTime current = now();
        for (const Profile &p : std::as_const(m_profiles)) {
            const QDateTime next = nextRun(p.name);
            if (next.isValid())
                wait = std::min(wait, std::max<qint64>(current.msecsTo(next), 1000));
        }
    }
    m_timer.start(static_cast<int>(wait));
}

} // namespace lk

// When the next scheduled backup is due.
#include "Schedule.h"

#include <algorithm>

namespace lk {

namespace {
QDateTime slotOn(const QDate &date, const QTime &at, const QTimeZone &zone)
{
    // Qt moves a wall-clock time that does not exist (skipped by DST) forward past the gap.
    return QDateTime(date, at, zone);
}
} // namespace

QDateTime Schedule::lastSlot(const QTime &at, const QDateTime &now, const QTimeZone &zone)
{
    const QDateTime local = now.toTimeZone(zone);
    QDateTime slot = slotOn(local.date(), at, zone);
    if (slot > now)
        slot = slotOn(local.date().addDays(-1), at, zone);
    return slot.toUTC();
}

QDateTime Schedule::nextSlot(const QTime &at, const QDateTime &now, const QTimeZone &zone)
{
    const QDateTime local = now.toTimeZone(zone);
    QDateTime slot = slotOn(local.date(), at, zone);
    if (slot <= now)
        slot = slotOn(local.date().addDays(1), at, zone);
    return slot.toUTC();
}

bool Schedule::isDue(const QTime &at, const QDateTime &lastSuccessUtc, const QDateTime &createdUtc,
                     const QDateTime &now, const QTimeZone &zone)
{
    const QDateTime slot = lastSlot(at, now, zone);
    const QDateTime since = lastSuccessUtc.isValid() ? lastSuccessUtc : createdUtc;
    if (!since.isValid())
        return true;
    return since < slot;
}

QDateTime Schedule::nextRun(const QTime &at, const QDateTime &lastSuccessUtc, const QDateTime &createdUtc,
                            const QDateTime &now, const QTimeZone &zone)
{
    if (isDue(at, lastSuccessUtc, createdUtc, now, zone))
        return now.toUTC();
    return nextSlot(at, now, zone);
}

qint64 Schedule::retryDelayMs(int attempt)
{
    const int exponent = std::clamp(attempt - 1, 0, 5);
    return std::min<qint64>(60'000LL << exponent, 30 * 60'000LL);
}

} // namespace lk

// When the next scheduled backup is due.
#include "schedule/Schedule.h"

#include <algorithm>

namespace lk {

namespace {
QDateTime slotOn(const QDate &date, const QTime &at, const QTimeZone &zone)
{
    // Resolved here rather than by QDateTime(date, at, zone): Qt 6.4 turns a time skipped by
    // DST into one an hour too late and picks the later of a time that happens twice, and
    // other Qt versions choose differently.
    const QDateTime wall(date, at, QTimeZone::utc()); // the wall-clock reading, as if it were UTC
    const int offsets[] = {zone.offsetFromUtc(wall.addDays(-1)),
                           zone.offsetFromUtc(wall.addDays(1)), zone.offsetFromUtc(wall)};
    QDateTime earliest; // a time that happens twice (DST ends): its first occurrence
    int largest = offsets[0];
    for (const int offset : offsets) {
        largest = std::max(largest, offset);
        const QDateTime instant = wall.addSecs(-offset);
        if (zone.offsetFromUtc(instant) == offset && (!earliest.isValid() || instant < earliest))
            earliest = instant;
    }
    if (earliest.isValid())
        return earliest;
    // Skipped (DST starts): the first valid time after it, the moment the clocks jumped.
    const QTimeZone::OffsetData jump = zone.nextTransition(wall.addSecs(-largest));
    return jump.atUtc.isValid() ? jump.atUtc : QDateTime(date, at, zone).toUTC();
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

QDateTime Schedule::nextRun(const QTime &at, const QDateTime &lastSuccessUtc,
                            const QDateTime &createdUtc, const QDateTime &now,
                            const QTimeZone &zone)
{
    if (isDue(at, lastSuccessUtc, createdUtc, now, zone))
        return now.toUTC();
    return nextSlot(at, now, zone);
}

QDate Schedule::drillDueDate(const QDateTime &lastDrillUtc, int drillDays, const QTimeZone &zone)
{
    if (!lastDrillUtc.isValid())
        return {};
    return lastDrillUtc.toTimeZone(zone).date().addDays(drillDays);
}

bool Schedule::isDrillDue(const QDateTime &lastDrillUtc, int drillDays, const QDateTime &now,
                          const QTimeZone &zone)
{
    if (drillDays <= 0)
        return false;
    const QDate due = drillDueDate(lastDrillUtc, drillDays, zone);
    return !due.isValid() || now.toTimeZone(zone).date() >= due;
}

qint64 Schedule::retryDelayMs(int attempt)
{
    const int exponent = std::clamp(attempt - 1, 0, 5);
    return std::min<qint64>(60'000LL << exponent, 30 * 60'000LL);
}

} // namespace lk

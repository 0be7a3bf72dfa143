// When the next scheduled backup is due: a pure function of the daily time, the last
// successful run and the clock, so catch-up, DST and sleep can be tested with a table.
#pragma once

#include <QDateTime>
#include <QTime>
#include <QTimeZone>

namespace lk {

class Schedule
{
public:
    // The most recent daily slot at or before `now` (local wall-clock `at` in `zone`). On the
    // day a DST change skips `at`, the slot is the first valid time after it.
    static QDateTime lastSlot(const QTime &at, const QDateTime &now, const QTimeZone &zone);
    // The first slot strictly after `now`.
    static QDateTime nextSlot(const QTime &at, const QDateTime &now, const QTimeZone &zone);

    // Whether a run is owed: a slot passed since the last successful run. A machine that slept
    // through three nights owes one run, not three. A profile that never succeeded is owed one
    // once its first slot after `createdUtc` has passed.
    static bool isDue(const QTime &at, const QDateTime &lastSuccessUtc, const QDateTime &createdUtc,
                      const QDateTime &now, const QTimeZone &zone);

    // When to run next: now if owed, otherwise the next slot.
    static QDateTime nextRun(const QTime &at, const QDateTime &lastSuccessUtc,
                             const QDateTime &createdUtc, const QDateTime &now,
                             const QTimeZone &zone);

    // Waiting after the n-th failed attempt (n from 1): 1, 2, 4 ... minutes, at most 30.
    static qint64 retryDelayMs(int attempt);

    // The restore drill runs after the first backup on or after the local date `drillDays`
    // days after the last drill's: by dates, so that next week's 02:00 backup drills even when
    // it starts a few seconds earlier in the day than last week's drill did. The one rule the
    // backup and the window's summary share.
    static QDate drillDueDate(const QDateTime &lastDrillUtc, int drillDays, const QTimeZone &zone);
    // Whether a backup at `now` runs the drill: drills on (drillDays > 0), and none yet or due.
    static bool isDrillDue(const QDateTime &lastDrillUtc, int drillDays, const QDateTime &now,
                           const QTimeZone &zone);
};

} // namespace lk

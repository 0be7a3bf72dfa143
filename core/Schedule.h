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
    static QDateTime nextRun(const QTime &at, const QDateTime &lastSuccessUtc, const QDateTime &createdUtc,
                             const QDateTime &now, const QTimeZone &zone);

    // Waiting after the n-th failed attempt (n from 1): 1, 2, 4 ... minutes, at most 30.
    static qint64 retryDelayMs(int attempt);
};

} // namespace lk

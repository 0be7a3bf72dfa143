// How a moment reads to a person: "3 hours ago", "tonight at 02:00", "Last night 02:00", and
// the exact local time with its zone for a tooltip. Pure: the clock, the zone and the locale are
// given, so a test can stand at any minute in any zone.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace lk {

class HumanTime
{
    Q_DECLARE_TR_FUNCTIONS(HumanTime)

public:
    // Days are the calendar days of `zone` (from midnight to midnight, however long a DST
    // change makes them); the night is 18:00 to 06:00 local.
    HumanTime(const QDateTime &now, const QTimeZone &zone, const QLocale &locale = QLocale());
    // The wall clock, the system's time zone and the default locale: what the desktop and the
    // command line show.
    static HumanTime current();

    // Each of these reads an invalid (unknown) time as an empty string, never a made-up one.

    // A past event: "just now", "5 minutes ago", "3 hours ago" (the same day), "yesterday at
    // 02:00", "3 days ago" (up to a week), then the one absolute format (dateTime()).
    QString ago(const QDateTime &when) const;
    // A planned event, such as the next run: "now", "in 5 minutes", "tonight at 02:00", "today
    // at 14:00", "tomorrow at 02:00", "on Wednesday at 02:00" (within a week), then dateTime().
    QString ahead(const QDateTime &when) const;
    // A generation by its local date and time: "Tonight 02:00" (the night that is still on),
    // "Last night 02:00", "Today 11:28", "Yesterday 02:00", "Wed 2 Dec 02:00", and with the year
    // when it is not this year's ("Tue 2 Dec 2025 02:00").
    QString generation(const QDateTime &created) const;
    // For a tooltip: the local date and time to the second, with the zone's abbreviation and
    // offset ("Thursday, 3 December 2026 02:00:00 CET (UTC+01:00)").
    QString exact(const QDateTime &when) const;
    // The one absolute format of the application: "26 Nov 2026 02:00".
    QString dateTime(const QDateTime &when) const;
    // "26 Nov 2026"
    QString date(const QDate &day) const;
    // "02:00" (as the locale writes a time, without seconds)
    QString time(const QDateTime &when) const;

private:
    QDateTime local(const QDateTime &when) const { return when.toTimeZone(m_zone); }
    QString clock(QTime t) const;

    QDateTime m_now; // in m_zone
    QTimeZone m_zone;
    QLocale m_locale;
};

} // namespace lk

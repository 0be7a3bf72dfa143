// How a moment reads to a person: relative phrases, generation names, the exact time.
#include "present/HumanTime.h"

namespace lk {

namespace {
const QTime kNightStarts(18, 0);
const QTime kNightEnds(6, 0);

// Whether `t` (local) is in the night that starts on the evening of `evening`.
bool inNightOf(const QDate &evening, const QDateTime &t)
{
    return (t.date() == evening && t.time() >= kNightStarts) ||
           (t.date() == evening.addDays(1) && t.time() < kNightEnds);
}

QString utcOffset(int seconds)
{
    if (seconds == 0)
        return QStringLiteral("UTC");
    const int minutes = qAbs(seconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(seconds < 0 ? QChar(0x2212) : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

HumanTime::HumanTime(const QDateTime &now, const QTimeZone &zone, const QLocale &locale)
    : m_now(now.toTimeZone(zone)), m_zone(zone), m_locale(locale)
{
}

HumanTime HumanTime::current()
{
    return HumanTime(QDateTime::currentDateTimeUtc(), QTimeZone::systemTimeZone());
}

QString HumanTime::ago(const QDateTime &when) const
{
    if (!when.isValid())
        return {};
    const qint64 secs = when.secsTo(m_now);
    if (secs < -60)
        return dateTime(when); // a clock that disagrees: no "ago" for the future
    if (secs < 60)
        return tr("just now");
    if (secs < 3600)
        return tr("%n minute(s) ago", nullptr, static_cast<int>(secs / 60));
    const QDateTime t = local(when);
    const qint64 days = t.date().daysTo(m_now.date());
    if (days == 0)
        return tr("%n hour(s) ago", nullptr, static_cast<int>(secs / 3600));
    if (days == 1)
        //: %1 is a time of day, such as 02:00
        return tr("yesterday at %1").arg(clock(t.time()));
    if (days < 7)
        return tr("%n day(s) ago", nullptr, static_cast<int>(days));
    return dateTime(when);
}

QString HumanTime::ahead(const QDateTime &when) const
{
    if (!when.isValid())
        return {};
    const qint64 secs = m_now.secsTo(when);
    if (secs < 60)
        return tr("now");
    if (secs < 3600)
        return tr("in %n minute(s)", nullptr, static_cast<int>(secs / 60));
    const QDateTime t = local(when);
    const QDate today = m_now.date();
    const QDate evening = m_now.time() < kNightEnds ? today.addDays(-1) : today;
    if (inNightOf(evening, t))
        //: %1 is a time of day, such as 02:00
        return tr("tonight at %1").arg(clock(t.time()));
    const qint64 days = today.daysTo(t.date());
    if (days == 0)
        //: %1 is a time of day, such as 14:00
        return tr("today at %1").arg(clock(t.time()));
    if (days == 1)
        //: %1 is a time of day, such as 02:00
        return tr("tomorrow at %1").arg(clock(t.time()));
    if (days < 7)
        //: %1 is the name of a weekday, %2 a time of day: "on Wednesday at 02:00"
        return tr("on %1 at %2")
            .arg(m_locale.dayName(t.date().dayOfWeek(), QLocale::LongFormat), clock(t.time()));
    return dateTime(when);
}

QString HumanTime::generation(const QDateTime &created) const
{
    if (!created.isValid())
        return {};
    const QDateTime t = local(created);
    const QDate today = m_now.date();
    const QString at = clock(t.time());
    const qint64 days = t.date().daysTo(today);
    const bool nightNow = m_now.time() < kNightEnds || m_now.time() >= kNightStarts;
    const QDate evening = m_now.time() < kNightEnds ? today.addDays(-1) : today;
    if (days >= 0 && nightNow && inNightOf(evening, t))
        //: a generation made in the night that is still on; %1 is a time such as 02:00
        return tr("Tonight %1").arg(at);
    if (days == 0 && t.time() < kNightEnds)
        //: a generation made after midnight, seen in the morning or later; %1 is a time
        return tr("Last night %1").arg(at);
    if (days == 0)
        //: %1 is a time of day, such as 11:28
        return tr("Today %1").arg(at);
    if (days == 1)
        //: %1 is a time of day, such as 02:00
        return tr("Yesterday %1").arg(at);
    const QString day =
        t.date().year() == today.year()
            //: the date of a generation of this year, as a QLocale pattern ("Wed 2 Dec")
            ? m_locale.toString(t.date(), tr("ddd d MMM"))
            //: the date of a generation of another year, as a QLocale pattern
            : m_locale.toString(t.date(), tr("ddd d MMM yyyy"));
    //: a generation: %1 is its date, %2 its time ("Wed 2 Dec 02:00")
    return tr("%1 %2", "generation").arg(day, at);
}

QString HumanTime::exact(const QDateTime &when) const
{
    if (!when.isValid())
        return {};
    const QDateTime t = local(when);
    const QString offset = utcOffset(m_zone.offsetFromUtc(when));
    const QString abbreviation = m_zone.abbreviation(when);
    // Some zones have only "+03" or "UTC" for a name: the offset says it all then.
    const bool named = !abbreviation.isEmpty() && abbreviation.at(0).isLetter() &&
                       !abbreviation.startsWith(QLatin1String("UTC")) &&
                       !abbreviation.startsWith(QLatin1String("GMT"));
    const QString zone = named ? QStringLiteral("%1 (%2)").arg(abbreviation, offset) : offset;
    //: the exact time in a tooltip: %1 the date, %2 the time, %3 the time zone
    return tr("%1 %2 %3", "exact time")
        .arg(m_locale.toString(t.date(), QLocale::LongFormat),
             m_locale.toString(t.time(), QStringLiteral("HH:mm:ss")), zone);
}

QString HumanTime::dateTime(const QDateTime &when) const
{
    if (!when.isValid())
        return {};
    const QDateTime t = local(when);
    //: the one absolute date and time of the application: %1 the date, %2 the time
    return tr("%1 %2", "date and time").arg(date(t.date()), clock(t.time()));
}

QString HumanTime::date(const QDate &day) const
{
    //: the one date format of the application, as a QLocale pattern ("26 Nov 2026")
    return m_locale.toString(day, tr("d MMM yyyy"));
}

QString HumanTime::time(const QDateTime &when) const
{
    if (!when.isValid())
        return {};
    return clock(local(when).time());
}

QString HumanTime::clock(QTime t) const
{
    // The C locale's short time has seconds; every real locale's does not.
    return m_locale.language() == QLocale::C ? t.toString(QStringLiteral("HH:mm"))
                                             : m_locale.toString(t, QLocale::ShortFormat);
}

} // namespace lk

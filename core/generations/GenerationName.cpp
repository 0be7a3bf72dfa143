// Names of generations on a destination.
#include "generations/GenerationName.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace lk {

namespace {
const QString kDataSuffix = QStringLiteral(".db.gz");
const QString kManifestSuffix = QStringLiteral(".manifest.json");
const QString kTimestampFormat = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");
} // namespace

GenerationName::GenerationName(QString profile, QDateTime createdUtc)
    : m_profile(std::move(profile)), m_created(createdUtc.toUTC())
{
    // Names carry whole seconds; keep equality honest.
    m_created.setTime(
        QTime(m_created.time().hour(), m_created.time().minute(), m_created.time().second()));
}

bool GenerationName::isValidProfileName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}\\z"));
    return pattern.match(name).hasMatch() && !name.endsWith(QLatin1Char('.'));
}

QString GenerationName::timestamp(const QDateTime &utc)
{
    return utc.toUTC().toString(kTimestampFormat);
}

QString GenerationName::baseName() const
{
    return m_profile + QLatin1Char('-') + timestamp(m_created);
}

QString GenerationName::dataObject() const
{
    return baseName() + kDataSuffix;
}

QString GenerationName::manifestObject() const
{
    return baseName() + kManifestSuffix;
}

std::optional<GenerationName::Parsed> GenerationName::parse(const QString &objectName)
{
    Part part;
    QString stem;
    if (objectName.endsWith(kDataSuffix)) {
        part = Part::Data;
        stem = objectName.chopped(kDataSuffix.size());
    } else if (objectName.endsWith(kManifestSuffix)) {
        part = Part::Manifest;
        stem = objectName.chopped(kManifestSuffix.size());
    } else {
        return std::nullopt;
    }

    // The timestamp has a fixed shape, so the profile is everything before its '-'.
    static const QRegularExpression pattern(QStringLiteral("^(.+)-(\\d{8}T\\d{6}Z)\\z"));
    const auto match = pattern.match(stem);
    if (!match.hasMatch() || !isValidProfileName(match.captured(1)))
        return std::nullopt;

    // Date and time are read apart and joined as UTC: read as a local time first, a name in the
    // local zone's daylight-saving gap (02:30 on a spring-forward night) would not exist.
    const QString stamp = match.captured(2);
    const QDateTime created(QDate::fromString(stamp.left(8), QStringLiteral("yyyyMMdd")),
                            QTime::fromString(stamp.mid(9, 6), QStringLiteral("HHmmss")),
                            QTimeZone::utc());
    if (!created.isValid())
        return std::nullopt; // e.g. 20261332T250000Z
    // fromString accepts some out-of-range values by normalising; insist on a round trip.
    if (timestamp(created) != stamp)
        return std::nullopt;

    return Parsed{GenerationName(match.captured(1), created), part};
}

} // namespace lk

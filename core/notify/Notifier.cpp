// Decides what deserves the user's attention.
#include "notify/Notifier.h"

#include "generations/GenerationName.h"
#include "history/Catalog.h"

#include <QLocale>

namespace lk {

Notifier::Notifier(QObject *parent) : QObject(parent) {}

std::optional<Notice> Notifier::decide(const QString &profile, const JobResult &result,
                                       const QString &previousOutcome, bool notifyOnSuccess)
{
    switch (result.outcome) {
    case JobResult::Outcome::Failed:
        return Notice{Notice::Kind::Failure, profile, tr("Backup of \"%1\" failed").arg(profile),
                      result.message};
    case JobResult::Outcome::Cancelled:
        return std::nullopt; // the user did it
    case JobResult::Outcome::Skipped:
        return std::nullopt; // another run of the profile is doing the work
    case JobResult::Outcome::Succeeded:
        // Shown even with success notices off: a mass delete must not go unseen.
        if (const QJsonObject anomaly = result.details.value(QLatin1String("anomaly")).toObject();
            !anomaly.isEmpty())
            return Notice{Notice::Kind::Anomaly, profile,
                          tr("Backup of \"%1\": rows are missing").arg(profile),
                          anomaly.value(QLatin1String("message")).toString()};
        if (!previousOutcome.isEmpty() && previousOutcome != QLatin1String("succeeded") &&
            previousOutcome != QLatin1String("cancelled"))
            return Notice{Notice::Kind::Recovery, profile,
                          tr("Backups of \"%1\" work again").arg(profile), result.message};
        if (notifyOnSuccess)
            return Notice{Notice::Kind::Success, profile, tr("Backup of \"%1\" done").arg(profile),
                          result.message};
        return std::nullopt;
    }
    return std::nullopt;
}

void Notifier::runFinished(const QString &profile, const JobResult &result,
                           const QString &previousOutcome)
{
    if (const auto n = decide(profile, result, previousOutcome, m_onSuccess))
        Q_EMIT notice(*n);
}

bool Notifier::isStale(const QDateTime &newestGood, int thresholdHours, const QDateTime &now,
                       const QDateTime &createdUtc)
{
    const qint64 threshold = qint64(thresholdHours) * 3600;
    if (!newestGood.isValid() && createdUtc.isValid() && createdUtc.secsTo(now) < threshold)
        return false;
    return !newestGood.isValid() || newestGood.secsTo(now) > qint64(thresholdHours) * 3600;
}

QDateTime Notifier::newestVerifiedGeneration(const Catalog &catalog, const QString &profile)
{
    const auto read = readNewestVerifiedGeneration(catalog, profile);
    return read ? read.value() : QDateTime();
}

Result<QDateTime> Notifier::readNewestVerifiedGeneration(const Catalog &catalog,
                                                         const QString &profile)
{
    const auto read = catalog.readLatestVerifications(profile);
    if (!read)
        return Result<QDateTime>::fail(read.error());
    return Result<QDateTime>::ok(newestVerified(read.value()));
}

QDateTime Notifier::newestVerified(const QHash<QString, VerificationRecord> &latest)
{
    QDateTime newest;
    for (const VerificationRecord &v : latest) {
        if (!v.passed)
            continue;
        const auto parsed = GenerationName::parse(v.generation + QStringLiteral(".db.gz"));
        if (parsed && (!newest.isValid() || parsed->name.createdUtc() > newest))
            newest = parsed->name.createdUtc();
    }
    return newest;
}

void Notifier::checkStaleness(const QString &profile, const QDateTime &newestGood,
                              int thresholdHours, const QDateTime &now, const QDateTime &createdUtc)
{
    const bool stale = isStale(newestGood, thresholdHours, now, createdUtc);
    const auto known = m_stale.constFind(profile);
    if (known != m_stale.cend() && *known == stale)
        return;
    const bool first = known == m_stale.cend();
    m_stale.insert(profile, stale);
    if (stale) {
        const QString age = newestGood.isValid()
                                ? tr("The newest verified backup of \"%1\" is %n hour(s) old.",
                                     nullptr, static_cast<int>(newestGood.secsTo(now) / 3600))
                                      .arg(profile)
                                : tr("\"%1\" has no verified backup yet.").arg(profile);
        Q_EMIT notice({Notice::Kind::Stale, profile,
                       tr("Backups of \"%1\" are out of date").arg(profile), age});
    } else if (!first) {
        Q_EMIT notice({Notice::Kind::Fresh,
                       profile,
                       tr("Backups of \"%1\" are up to date").arg(profile),
                       {}});
    }
}

} // namespace lk

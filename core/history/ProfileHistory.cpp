// One profile's history, read in one go.
#include "history/ProfileHistory.h"

namespace lk {

Result<ProfileHistory> ProfileHistory::read(const Catalog &catalog, const QString &profile)
{
    using R = Result<ProfileHistory>;
    ProfileHistory h;
    h.profile = profile;
    h.readUtc = QDateTime::currentDateTimeUtc();
    // Stops at the first failure: each read of a locked history waits out the busy timeout.
    const auto good =
        catalog.readLastRun(profile, QStringLiteral("backup"), QStringLiteral("succeeded"));
    if (!good)
        return R::fail(good.error());
    h.lastGoodBackup = good.value();
    const auto proven = catalog.readLastPassedVerification(profile);
    if (!proven)
        return R::fail(proven.error());
    h.lastProven = proven.value();
    const auto drill = catalog.readLastDrill(profile);
    if (!drill)
        return R::fail(drill.error());
    h.lastDrill = drill.value();
    const auto warnings = catalog.readOpenAnomalies(profile);
    if (!warnings)
        return R::fail(warnings.error());
    h.openWarnings = warnings.value();
    const auto runs = catalog.readRuns(profile, kRuns);
    if (!runs)
        return R::fail(runs.error());
    h.runs = runs.value();
    const auto verifications = catalog.readLatestVerifications(profile);
    if (!verifications)
        return R::fail(verifications.error());
    h.latestVerifications = verifications.value();
    return R::ok(h);
}

} // namespace lk

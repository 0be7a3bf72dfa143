// What the desktop shows of one profile's history, read in one go on the history's own thread
// (HistoryReader): the last good backup, the last proofs of restorability, the open warnings,
// the recent runs and each generation's newest verification.
#pragma once

#include "history/Catalog.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace lk {

struct ProfileHistory
{
    QString profile;
    QDateTime readUtc; // when it was read
    std::optional<RunRecord> lastGoodBackup;
    std::optional<VerificationRecord> lastProven; // the newest passed verification
    std::optional<VerificationRecord> lastDrill;
    QList<AnomalyRecord> openWarnings;                      // newest first
    QList<RunRecord> runs;                                  // newest first
    QHash<QString, VerificationRecord> latestVerifications; // by generation

    static constexpr int kRuns = 200;

    // Every part, or why the history could not be read (the first read that failed): a part
    // that failed is never answered as empty.
    static Result<ProfileHistory> read(const Catalog &catalog, const QString &profile);
};

} // namespace lk

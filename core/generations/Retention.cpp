// Which generations to delete.
#include "generations/Retention.h"

#include <QSet>

#include <algorithm>

namespace lk {

namespace {
QString problemOf(const Retention::Item &item)
{
    return item.problem.isEmpty()
               ? Retention::tr("the manifest does not parse or does not match its data")
               : item.problem;
}
} // namespace

QList<Retention::Decision> Retention::plan(const QList<Item> &items, const QDateTime &now,
                                           const QTimeZone &zone, const Policy &policy,
                                           bool lastBackupFailed, DamagedGenerations damaged)
{
    QList<Decision> decisions;
    decisions.reserve(items.size());
    for (const Item &item : items)
        decisions.append({item.name, true, {}, false});
    if (lastBackupFailed) {
        for (Decision &d : decisions)
            d.reason = tr("kept: the last backup failed, so nothing is pruned");
        return decisions;
    }

    // Newest first, by the time in the generation's name (never the storage's mtime).
    QList<qsizetype> order(items.size());
    for (qsizetype i = 0; i < items.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&items](qsizetype a, qsizetype b) {
        return items[a].name.createdUtc() > items[b].name.createdUtc();
    });
    auto good = [](const Item &item) {
        return item.condition == Condition::Complete && !item.newerFormat &&
               item.verification != Verification::Failed;
    };

    // "30 days" means the same wall-clock time 30 calendar days ago, across DST changes.
    const QDateTime localNow = now.toTimeZone(zone);
    const QDateTime cutoff = localNow.addDays(-policy.keepDays);

    QSet<qsizetype> newestGood;
    qsizetype newestVerified = -1;
    QSet<qsizetype> monthly;
    QSet<QPair<int, int>> monthsSeen;
    for (qsizetype i : order) {
        const Item &item = items[i];
        if (!good(item))
            continue;
        if (newestVerified < 0 && item.verification == Verification::Passed)
            newestVerified = i;
        if (newestGood.size() < policy.keepMin)
            newestGood.insert(i);
        const QDate date = item.name.createdUtc().toTimeZone(zone).date();
        const QPair<int, int> month(date.year(), date.month());
        if (!monthsSeen.contains(month) && monthsSeen.size() < policy.keepMonthly) {
            monthsSeen.insert(month);
            monthly.insert(i);
        }
    }

    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        Decision &d = decisions[i];
        const QDateTime created = item.name.createdUtc();
        if (item.newerFormat)
            d.reason = tr("kept: written by a newer LiteKeep");
        else if (item.pinned)
            d.reason = tr("kept: pinned");
        else if (created > now)
            d.reason = tr("kept: dated in the future (is a clock wrong?)");
        else if (i == newestVerified)
            d.reason = tr("kept: the newest verified generation");
        else if (newestGood.contains(i))
            d.reason = tr("kept: one of the newest %n good generation(s)", nullptr, policy.keepMin);
        else if (created >= cutoff)
            d.reason = tr("kept: younger than %n day(s)", nullptr, policy.keepDays);
        else if (monthly.contains(i))
            d.reason = tr("kept: the newest of its month");
        else if (item.condition == Condition::Damaged && damaged == DamagedGenerations::Keep) {
            d.reason =
                tr("kept: damaged (%1); remove with prune --include-damaged").arg(problemOf(item));
            d.keptDamaged = true;
        } else {
            d.keep = false;
            d.reason =
                item.condition == Condition::Damaged
                    ? tr("deleted: damaged (%1), and older than %n day(s)", nullptr,
                         policy.keepDays)
                          .arg(problemOf(item))
                : item.condition == Condition::Incomplete
                    ? tr("deleted: incomplete, and older than %n day(s)", nullptr, policy.keepDays)
                : item.verification == Verification::Failed
                    ? tr("deleted: failed verification, and older than %n day(s)", nullptr,
                         policy.keepDays)
                    : tr("deleted: older than %n day(s)", nullptr, policy.keepDays);
        }
    }
    return decisions;
}

} // namespace lk

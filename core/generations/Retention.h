// Which generations to delete: a pure function of what is on the destination, the time and
// the policy, so every rule can be tested with a table and an injected clock.
#pragma once

#include "generations/GenerationName.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace lk {

class Retention
{
    Q_DECLARE_TR_FUNCTIONS(Retention)

public:
    struct Policy
    {
        int keepDays = 30;   // generations younger than this many (local calendar) days stay
        int keepMin = 7;     // the newest good generations that stay however old they are
        int keepMonthly = 0; // the newest good generation of each of the last N months stays
    };

    enum class Verification
    {
        Never,
        Passed,
        Failed
    };

    // What the destination holds for a generation. A data object without a manifest (a run
    // that died before its last step, promise 2) is Incomplete: nothing claims it is a
    // generation, so it goes once older than keep-days. A manifest that exists but does not
    // parse or does not match its data is Damaged: the data may well be restorable by hand,
    // and LiteKeep never deletes what it cannot parse (promise 3), so it stays unless the run
    // is asked to include damaged generations.
    enum class Condition
    {
        Complete,
        Incomplete,
        Damaged
    };

    // Whether a run may delete damaged generations that the other rules no longer keep
    // (prune --include-damaged). Only ever on a person's explicit request.
    enum class DamagedGenerations
    {
        Keep,
        Prune
    };

    struct Item
    {
        GenerationName name;
        Condition condition = Condition::Complete;
        QString problem;          // why it is not complete, shown in the decision's reason
        bool newerFormat = false; // written by a newer LiteKeep: never ours to delete
        Verification verification = Verification::Never;
        bool pinned = false; // kept until the user says otherwise
    };

    struct Decision
    {
        GenerationName name;
        bool keep = true;
        QString reason;
        bool keptDamaged = false; // kept only because it is damaged (DamagedGenerations::Keep)
    };

    // One decision per item, in the items' order. `lastBackupFailed` keeps everything: never
    // prune after a failed run. `damaged` = Prune lets a damaged generation go exactly when an
    // intact one of its age would (it never counts as good, so it never holds a keep-min or
    // monthly place); pinned ones and those dated in the future stay all the same.
    static QList<Decision> plan(const QList<Item> &items, const QDateTime &now,
                                const QTimeZone &zone, const Policy &policy, bool lastBackupFailed,
                                DamagedGenerations damaged = DamagedGenerations::Keep);
};

} // namespace lk

// Which generations to delete: a pure function of what is on the destination, the time and
// the policy, so every rule can be tested with a table and an injected clock.
#pragma once

#include "GenerationName.h"

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

    enum class Verification { Never, Passed, Failed };

    struct Item
    {
        GenerationName name;
        bool complete = true;      // data + a manifest that parses and matches
        bool newerFormat = false;  // written by a newer LiteKeep: never ours to delete
        Verification verification = Verification::Never;
        bool pinned = false;       // kept until the user says otherwise
    };

    struct Decision
    {
        GenerationName name;
        bool keep = true;
        QString reason;
    };

    // One decision per item, in the items' order. `lastBackupFailed` keeps everything: never
    // prune after a failed run.
    static QList<Decision> plan(const QList<Item> &items, const QDateTime &now,
                                const QTimeZone &zone, const Policy &policy,
                                bool lastBackupFailed);
};

} // namespace lk

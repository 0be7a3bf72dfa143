// The anomaly alarm's rule: which tables lost "too many" rows between two generations. Pure, so
// every case is a row in a table test; the backup job and the history only carry its findings.
#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QString>

namespace lk {

class Anomaly
{
    Q_DECLARE_TR_FUNCTIONS(Anomaly)

public:
    struct Rule
    {
        // A table alarms when it lost more than this fraction of its rows...
        double threshold = 0.20;
        // ...and at least this many rows. Small tables churn (a settings table going from 3
        // rows to 2 is a 33 % drop and nothing to worry about); ten lost rows is the smallest
        // loss worth interrupting someone for, so 10 → 0 alarms and 9 → 0 does not. A table
        // that vanished alarms whenever it had any rows: DROP TABLE is rare, never churn, and
        // the backup from before a migration that dropped it is worth keeping.
        qint64 minimumLostRows = 10;
    };

    struct Finding
    {
        enum class Kind
        {
            Shrank,
            Vanished
        };
        Kind kind = Kind::Shrank;
        QString table;
        qint64 before = 0;
        qint64 after = 0; // 0 for a vanished table

        qint64 lost() const { return before - after; }
        // Whole percent of the rows lost, for people: never shows 100 while rows remain.
        int lostPercent() const;
        friend bool operator==(const Finding &, const Finding &) = default;
    };

    // The findings, worst first (most rows lost; then by table name). Tables only in `after`
    // and tables that grew are no concern of this rule.
    static QList<Finding> compare(const QMap<QString, qint64> &before,
                                  const QMap<QString, qint64> &after, const Rule &rule);
    static QList<Finding> compare(const QMap<QString, qint64> &before,
                                  const QMap<QString, qint64> &after)
    {
        return compare(before, after, Rule());
    }

    // One sentence per finding: "Table notes lost 87 % of its rows (1,204 → 160) since the
    // previous backup." / "Table notes (1,204 rows) is gone since the previous backup."
    static QString describe(const Finding &finding);
    // What the user reads after the backup: the worst finding, how many more, and (when
    // `previousGeneration` is not empty) that the previous backup is kept until dismissed.
    static QString summary(const QList<Finding> &findings, const QString &previousGeneration);

    // [{"table", "kind": "shrank"|"vanished", "before", "after", "lost_percent"}]
    static QJsonArray toJson(const QList<Finding> &findings);
    static QList<Finding> fromJson(const QJsonArray &json);
};

} // namespace lk

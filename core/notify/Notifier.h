// Decides what deserves the user's attention (failures, recovery, optional success, stale
// backups, tables that lost rows); the tray and windows only render the notices it emits.
#pragma once

#include "jobs/JobResult.h"
#include "jobs/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QObject>

#include <optional>

namespace lk {

class Catalog;
struct VerificationRecord;

struct Notice
{
    // Anomaly: the backup succeeded, but tables lost many rows since the previous one.
    enum class Kind
    {
        Failure,
        Recovery,
        Success,
        Stale,
        Fresh,
        Anomaly
    };
    Kind kind = Kind::Failure;
    QString profile;
    QString title;
    QString message;

    bool isProblem() const
    {
        return kind == Kind::Failure || kind == Kind::Stale || kind == Kind::Anomaly;
    }
    // Shown with a warning icon (a failure is more than a warning).
    bool isWarning() const { return kind == Kind::Stale || kind == Kind::Anomaly; }
};

class Notifier : public QObject
{
    Q_OBJECT

public:
    explicit Notifier(QObject *parent = nullptr);

    void setNotifyOnSuccess(bool on) { m_onSuccess = on; }

    // A run ended; `previousOutcome` is how the run before it ended ("" if none).
    void runFinished(const QString &profile, const JobResult &result,
                     const QString &previousOutcome);
    // Compares the newest verified generation with the threshold; notices only on a change.
    void checkStaleness(const QString &profile, const QDateTime &newestGood, int thresholdHours,
                        const QDateTime &now, const QDateTime &createdUtc = {});

    // Pure decisions, for tests.
    static std::optional<Notice> decide(const QString &profile, const JobResult &result,
                                        const QString &previousOutcome, bool notifyOnSuccess);
    // No verified generation newer than the threshold. A profile created less than the
    // threshold ago that has none yet is not stale: its first backup may simply not have run.
    static bool isStale(const QDateTime &newestGood, int thresholdHours, const QDateTime &now,
                        const QDateTime &createdUtc = {});
    // When the newest generation that passed a verification was made (from its name).
    static QDateTime newestVerifiedGeneration(const Catalog &catalog, const QString &profile);
    // The same, or why the history could not be read (never "none" for a failed read).
    static Result<QDateTime> readNewestVerifiedGeneration(const Catalog &catalog,
                                                          const QString &profile);

    // The same, from each generation's latest verification (Catalog::readLatestVerifications).
    static QDateTime newestVerified(const QHash<QString, VerificationRecord> &latest);

    bool isStale(const QString &profile) const { return m_stale.value(profile, false); }

Q_SIGNALS:
    void notice(const lk::Notice &notice);

private:
    bool m_onSuccess = false;
    QHash<QString, bool> m_stale;
};

} // namespace lk

Q_DECLARE_METATYPE(lk::Notice)

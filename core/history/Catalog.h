// The local history of runs (backups now; verifications, prunes and restores later), in SQLite.
#pragma once

#include "backup/UploadPlan.h"
#include "generations/Anomaly.h"
#include "jobs/JobResult.h"
#include "jobs/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace lk {

struct RunRecord
{
    qint64 id = 0;
    QString profile;
    QString kind; // "backup", ...
    QDateTime startedUtc;
    QDateTime finishedUtc; // invalid while running (or when the process died mid-run)
    QString outcome;       // "running", "succeeded", "failed", "cancelled", "interrupted"
    QString message;
    QString generation;
    qint64 dbSize = 0;
    qint64 gzSize = 0;

    qint64 durationMs() const
    {
        return finishedUtc.isValid() ? startedUtc.msecsTo(finishedUtc) : -1;
    }
};

struct VerificationRecord
{
    QString generation;
    QDateTime checkedUtc;
    bool passed = false;
    QString reason;
    QString kind; // "verify", "backup" (right after upload) or "drill"
};

struct RestoreRecord
{
    QDateTime atUtc;
    QString generation;
    QString target;
    QString mode; // "to-file", "in-place" or "undo"
    QString preRestoreCopy;
};

// A backup after which tables lost too many rows (see Anomaly): `generation` is the new,
// suspicious one; `previousGeneration` the one before it, which retention keeps (pins) until
// the user dismisses the warning.
struct AnomalyRecord
{
    QString profile;
    QString generation;
    QString previousGeneration;
    QList<Anomaly::Finding> findings;
    QDateTime createdUtc;
    QDateTime dismissedUtc; // invalid while the warning is open

    bool isOpen() const { return !dismissedUtc.isValid(); }
    // The sentence the user reads (Anomaly::summary), naming the pinned generation while open.
    QString message() const;
};

// Every reader that a safety decision may use (prune, pins, verifications) comes as
// readX(): a Result that says why the history could not be read (locked past the busy
// timeout, damaged, never opened). The plain readers delegate to them and answer empty on a
// failure: for display only, never to decide what may be deleted.
class Catalog
{
    Q_DECLARE_TR_FUNCTIONS(Catalog)

public:
    // An empty path means the XDG location (~/.local/share/litekeep/history.sqlite).
    explicit Catalog(QString path = {});
    ~Catalog();
    Catalog(const Catalog &) = delete;
    Catalog &operator=(const Catalog &) = delete;

    static QString defaultPath();

    // How long a statement waits for another process's lock (before open(); default 5 s). A
    // reader on the GUI thread uses a short one and falls back to what it read before.
    void setBusyTimeout(int ms) { m_busyTimeoutMs = ms; }
    Status open();
    bool isOpen() const;
    const QString &path() const { return m_path; }

    Result<qint64> recordStart(const QString &profile, const QString &kind);
    // Whether the run was recorded through this connection: this process ran it. Runs that
    // another process (the command line, a timer, another window) recorded answer false.
    bool recordedHere(qint64 runId) const { return m_recordedRuns.contains(runId); }
    // A run that failed before its job could start (no credentials): on record like any other.
    Status recordRefusedRun(const QString &profile, const QString &kind, const JobResult &result);
    Status recordFinish(qint64 id, const JobResult &result);
    // Runs left "running" by a process that died are marked "interrupted".
    Status markInterrupted(const QString &profile);

    Status recordVerification(const QString &profile, const VerificationRecord &record);
    // The newest verification of each generation of the profile.
    QHash<QString, VerificationRecord> latestVerifications(const QString &profile) const;
    // The same, or why the history could not be read (locked, damaged): never an empty answer
    // for a failed read.
    Result<QHash<QString, VerificationRecord>>
    readLatestVerifications(const QString &profile) const;
    // The newest passed verification of any generation: "last proven restorable".
    std::optional<VerificationRecord> lastPassedVerification(const QString &profile) const;
    Result<std::optional<VerificationRecord>>
    readLastPassedVerification(const QString &profile) const;
    std::optional<VerificationRecord> lastDrill(const QString &profile) const;
    Result<std::optional<VerificationRecord>> readLastDrill(const QString &profile) const;
    // Every verification of one generation, oldest first.
    QList<VerificationRecord> verificationsOf(const QString &profile,
                                              const QString &generation) const;
    Result<QList<VerificationRecord>> readVerificationsOf(const QString &profile,
                                                          const QString &generation) const;
    Status recordDeletion(const QString &profile, const QString &object, const QString &reason);
    // (object, reason, when) of deletions, newest first.
    QList<QStringList> deletions(const QString &profile, int limit = 200) const;
    Result<QList<QStringList>> readDeletions(const QString &profile, int limit = 200) const;

    Status recordRestore(const QString &profile, const RestoreRecord &record);
    // The newest restore that kept a pre-restore copy which still exists: what "undo" puts back.
    std::optional<RestoreRecord> lastUndoableRestore(const QString &profile) const;

    // The anomaly alarm. Recording the same generation again replaces its record.
    Status recordAnomaly(const AnomalyRecord &record);
    // Every warning of the profile, dismissed ones too; newest first.
    QList<AnomalyRecord> anomalies(const QString &profile) const;
    Result<QList<AnomalyRecord>> readAnomalies(const QString &profile) const;
    // The warnings not yet dismissed; newest first.
    QList<AnomalyRecord> openAnomalies(const QString &profile) const;
    Result<QList<AnomalyRecord>> readOpenAnomalies(const QString &profile) const;
    // Dismisses the open warning about `generation` (the new, suspicious one); fails with a
    // sentence when there is none.
    Status dismissAnomaly(const QString &profile, const QString &generation);
    // Generations retention must keep: the previous generations of open warnings. (The
    // destination keeps them too: Pins.h.)
    QSet<QString> pinnedGenerations(const QString &profile) const;
    Result<QSet<QString>> readPinnedGenerations(const QString &profile) const;
    // Generations with an open warning (the new ones), for marking them in lists.
    QSet<QString> anomalousGenerations(const QString &profile) const;
    Result<QSet<QString>> readAnomalousGenerations(const QString &profile) const;

    // What the profile's backups learnt about its upload (UploadPlan); the last one wins.
    Status recordUploadSpeed(const QString &profile, const UploadSpeed &speed);
    std::optional<UploadSpeed> uploadSpeed(const QString &profile) const;

    QList<RunRecord> runs(const QString &profile, int limit = 50) const;
    Result<QList<RunRecord>> readRuns(const QString &profile, int limit = 50) const;
    std::optional<RunRecord> lastRun(const QString &profile, const QString &kind,
                                     const QString &outcome = {}) const;
    // The same, or why the history could not be read.
    Result<std::optional<RunRecord>> readLastRun(const QString &profile, const QString &kind,
                                                 const QString &outcome = {}) const;

    // SQLite's data_version: it changes whenever another connection (another process, or
    // another Catalog of this one) has committed a change since this connection last asked.
    Result<qint64> readDataVersion() const;

private:
    Status openConnection();
    QString readError(const QString &detail) const;

    QString m_path;
    QString m_connection;
    int m_busyTimeoutMs = 5000;
    QString m_openError; // why open() failed, for the readers' sentences
    QSet<qint64> m_recordedRuns;
};

} // namespace lk

// One backup run: snapshot, compress, upload the data, check it, upload the manifest last.
#pragma once

#include "generations/Generation.h"
#include "generations/Manifest.h"
#include "jobs/JobResult.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"
#include "storage/Staging.h"
#include "storage/Storage.h"
#include "verify/Verifier.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace lk {

class Catalog;
class PreviousGeneration;
class DataUpload;
class SnapshotStage;

class BackupJob : public QObject
{
    Q_OBJECT

public:
    enum class Phase
    {
        Preparing,
        Snapshot,
        Compress,
        Upload,
        Check,
        Manifest,
        Verify,
        Prune,
        Drill,
        Done
    };
    Q_ENUM(Phase)

    // `catalog` may be null (no history); it must outlive the job.
    BackupJob(Profile profile, Credentials credentials, Catalog *catalog,
              QObject *parent = nullptr);
    ~BackupJob() override;

    // Verification of the new generation from the destination (the profile's setting by
    // default); without it the run neither prunes nor drills.
    void setVerify(bool verify) { m_verify = verify; }

    // Queued: the work begins once control returns to the event loop.
    void start();
    // Idempotent; the job still ends with exactly one finished().
    void cancel();

    const Profile &profile() const { return m_profile; }
    static QString phaseName(Phase phase);

Q_SIGNALS:
    void progress(lk::BackupJob::Phase phase, qint64 done, qint64 total);
    void finished(const lk::JobResult &result);

private:
    struct Prepared; // what the worker thread hands back
    void begin();
    void listExisting();
    void findPrevious(const QList<Storage::ObjectInfo> &objects, const QDateTime &createdUtc);
    bool takeSnapshot();
    void snapshotChecked();
    void compressAndUpload();
    void uploadManifest();
    void afterStored();
    void detectAnomaly();
    void verifyNew();
    void prune();
    void drillIfDue();
    void succeed();
    void fail(const QString &message, const QString &stderrTail = {});
    void finish(JobResult result);
    void setPhase(Phase phase, qint64 total);
    bool checkCancelled();
    void removeUnfinishedData();
    void checkUnfinishedData();
    QString nothingAdded() const;

    Profile m_profile;
    Credentials m_credentials;
    Catalog *m_catalog = nullptr;
    qint64 m_runId = -1;
    ProfileLock m_lock;
    Storage *m_storage = nullptr;
    QPointer<DataUpload> m_upload; // compress, upload, check
    QString m_uploadMode;          // "streamed" or "staged", for the run's details
    QString m_stagingDir;
    QString m_generation;
    QDateTime m_createdUtc;
    bool m_listed = false;              // the listing is done and the generation named
    bool m_snapshotTaken = false;       // the snapshot is copied (its check runs)
    bool m_snapshotChecked = false;     // ... and passed its check
    Storage::Failure m_deferredFailure; // the listing failed while the snapshot ran
    std::shared_ptr<Prepared> m_prepared;
    SnapshotStage *m_snapshot = nullptr;
    std::atomic_bool m_cancel{false};
    std::shared_ptr<std::atomic<qint64>> m_workDone;
    QTimer m_pollProgress;
    Phase m_phase = Phase::Preparing;
    qint64 m_phaseTotal = 0;
    QElapsedTimer m_clock;
    bool m_verify = true;
    bool m_stored = false; // the manifest is on the destination: the generation exists
    QStringList m_warnings;
    QJsonArray m_pruned;
    Manifest m_manifest;
    QPointer<QObject> m_child; // the prune or drill job running inside this run
    // The anomaly alarm: the generation before this one, looked up while the snapshot runs.
    PreviousGeneration *m_previousLookup = nullptr;
    std::optional<Generation> m_previous;
    bool m_previousPending = false;
    bool m_resumeAfterPrevious = false;
    QJsonObject m_anomaly; // details["anomaly"] when tables lost rows
    QFutureWatcher<Verdict> m_verifier;
    bool m_started = false;
    bool m_finished = false;
    bool m_cleaning = false; // a cancelled run removes the data object it uploaded
};

} // namespace lk

// One backup run: snapshot, compress, upload the data, check it, upload the manifest last.
#pragma once

#include "backup/UploadPlan.h"
#include "generations/Generation.h"
#include "generations/Manifest.h"
#include "jobs/Job.h"
#include "storage/Storage.h"
#include "verify/Verifier.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QPointer>

#include <atomic>
#include <memory>
#include <optional>

namespace lk {

class Catalog;
class PreviousGeneration;
class DataUpload;
class SnapshotStage;

class BackupJob : public Job
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

    static QString phaseName(Phase phase);

Q_SIGNALS:
    void progress(lk::BackupJob::Phase phase, qint64 done, qint64 total);

private:
    // Where the run is. What a cancel leaves behind depends on it: nothing before the upload,
    // the data object this run uploaded until the manifest is stored, a whole generation after.
    enum class Stage
    {
        Starting,
        Snapshotting,       // the snapshot is copied while the destination is listed
        Uploading,          // compress, upload, check the data object
        StoringManifest,    // the data is stored; its manifest goes up
        Stored,             // the manifest is stored: the generation exists
        RemovingUnfinished, // cancelled during the upload: removing what it uploaded
    };
    // What the upload waits for, set as each happens. ready() is the one place that joins
    // them: the listing (the generation's name) and the copied snapshot start it, and the
    // snapshot's check lets it complete.
    enum class Part : unsigned
    {
        Listed = 0x1,
        Copied = 0x2,
        Checked = 0x4,
    };

    struct Prepared; // what the worker threads report
    void run() override;
    void stopWork() override;
    void completeResult(JobResult &result) override;
    QString cancelledBeforeStart() const override;
    bool checkSource();
    void listExisting();
    void findPrevious(const QList<Storage::ObjectInfo> &objects, const QDateTime &createdUtc);
    bool takeSnapshot();
    void snapshotCopied();
    void snapshotChecked();
    void ready(Part part);
    bool has(Part part) const { return (m_parts & static_cast<unsigned>(part)) != 0; }
    void compressAndUpload();
    void uploaded(const Storage::Failure &failure, bool isS3,
                  const std::optional<UploadSpeed> &known);
    void uploadManifest();
    void afterStored();
    void detectAnomaly();
    void verifyNew();
    void newVerified(const Verdict &verdict);
    void prune();
    void drillIfDue();
    void succeed();
    void setPhase(Phase phase, qint64 total);
    void pollProgress();
    bool checkCancelled();
    void removeUnfinishedData();
    void checkUnfinishedData();
    QString nothingAdded() const;
    QString cancelledWhenStored() const;

    Stage m_stage = Stage::Starting;
    unsigned m_parts = 0; // the Parts that happened
    Storage *m_storage = nullptr;
    QPointer<DataUpload> m_upload; // compress, upload, check
    QString m_uploadMode;          // "streamed" or "staged", for the run's details
    QString m_generation;
    QDateTime m_createdUtc;
    std::shared_ptr<Prepared> m_prepared;
    SnapshotStage *m_snapshot = nullptr;
    std::shared_ptr<std::atomic<qint64>> m_workDone;
    Phase m_phase = Phase::Preparing;
    qint64 m_phaseTotal = 0;
    QElapsedTimer m_clock;
    bool m_verify = true;
    QStringList m_warnings;
    QJsonArray m_pruned;
    Manifest m_manifest;
    QPointer<Job> m_child; // the prune or drill job running inside this run
    // The anomaly alarm: the generation before this one, looked up while the snapshot runs;
    // the lookup is set while it runs.
    QPointer<PreviousGeneration> m_previousLookup;
    std::optional<Generation> m_previous;
    QJsonObject m_anomaly; // details["anomaly"] when tables lost rows
};

} // namespace lk

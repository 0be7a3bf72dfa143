// One backup run: snapshot, compress, upload the data, check it, upload the manifest last.
#include "backup/BackupJob.h"

#include "backup/DataUpload.h"
#include "backup/PreviousGeneration.h"
#include "backup/SnapshotStage.h"
#include "backup/UnfinishedData.h"
#include "backup/UploadPlan.h"
#include "generations/Anomaly.h"
#include "generations/Generation.h"
#include "generations/GenerationName.h"
#include "generations/Pins.h"
#include "generations/PruneJob.h"
#include "history/Catalog.h"
#include "jobs/Priority.h"
#include "schedule/Schedule.h"
#include "sqlite/Snapshot.h"
#include "sqlite/SqliteDatabase.h"
#include "storage/Storage.h"
#include "verify/VerifyJob.h"

#include <QFileInfo>
#include <QHostInfo>
#include <QLocale>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>

#include <sys/stat.h>

namespace lk {

namespace {
constexpr qint64 kStagingMargin = 16 * 1024 * 1024;
} // namespace

struct BackupJob::Prepared
{
    std::atomic<int> phase{static_cast<int>(Phase::Snapshot)};
    std::atomic<qint64> total{0};
    Gzip::Stats gzip;
};

BackupJob::BackupJob(Profile profile, Credentials credentials, Catalog *catalog, QObject *parent)
    : Job(QStringLiteral("backup"), std::move(profile), std::move(credentials), catalog,
          Locking::TakeLock, parent),
      m_workDone(std::make_shared<std::atomic<qint64>>(0)),
      m_verify(this->profile().verifyAfterBackup)
{
    // A second run of the profile (the timer and the tray at once) leaves it to the first.
    setSkipWhenHeld(true);
}

BackupJob::~BackupJob()
{
    // The stages' workers poll the flag; make them stop before they go away.
    stopWorkers();
    delete m_upload;   // before the staging folder goes: its compressor may still write there
    delete m_snapshot; // waits for its workers
    // Job's destructor waits for the verifier and removes the staging folder.
}

void BackupJob::pollProgress()
{
    if (!m_prepared)
        return;
    const auto phase = static_cast<Phase>(m_prepared->phase.load());
    if (phase != m_phase) {
        m_phase = phase;
        m_phaseTotal = m_prepared->total.load();
    }
    Q_EMIT progress(m_phase, m_workDone->load(), m_prepared->total.load());
}

QString BackupJob::phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Preparing:
        return tr("Preparing");
    case Phase::Snapshot:
        return tr("Taking snapshot");
    case Phase::Compress:
        return tr("Compressing");
    case Phase::Upload:
        return tr("Uploading");
    case Phase::Check:
        return tr("Checking upload");
    case Phase::Manifest:
        return tr("Writing manifest");
    case Phase::Verify:
        return tr("Verifying from the destination");
    case Phase::Prune:
        return tr("Applying retention");
    case Phase::Drill:
        return tr("Restore drill");
    case Phase::Done:
        return tr("Done");
    }
    return {};
}

QString BackupJob::cancelledBeforeStart() const
{
    return nothingAdded();
}

void BackupJob::stopWork()
{
    if (m_storage)
        m_storage->cancel();
    if (m_previousLookup)
        m_previousLookup->cancel();
    if (m_child) {
        // A failure or the timeout is this run's to report; the child only stops.
        const CancelReason reason = cancelReason();
        m_child->cancel(reason == CancelReason::Shutdown ? reason : CancelReason::User);
    }
}

// Whether the run is stopping; if so, it finishes from here with what the stage leaves behind.
bool BackupJob::checkCancelled()
{
    if (!isStopping())
        return false;
    if (cancelReason() == CancelReason::Failure)
        finishStopped(nothingAdded()); // the failure found while the rest still ran
    else if (m_stage >= Stage::Stored)
        finishStopped(cancelledWhenStored());
    else if (m_upload)
        removeUnfinishedData(); // the data object may be stored already: no orphan is left
    else
        finishStopped(nothingAdded());
    return true;
}

QString BackupJob::nothingAdded() const
{
    return tr("The backup of profile \"%1\" was cancelled; nothing was added to the destination.")
        .arg(profile().name);
}

QString BackupJob::cancelledWhenStored() const
{
    return tr("Cancelled after generation %1 was stored; its verification and retention did not "
              "finish.")
        .arg(m_generation);
}

// A cancel after the data upload began and before the manifest: the data object may already
// be stored (or partly, on a local disk). Its name was free when the run chose it, so it is
// this run's own and is removed; when that is not possible the result says what is left.
void BackupJob::removeUnfinishedData()
{
    if (m_stage == Stage::RemovingUnfinished)
        return; // the removal's end finishes the run
    m_stage = Stage::RemovingUnfinished;
    // The session's daemon answers its calls as cancelled at once, and may still be finishing a
    // copy: look at the destination only once it has exited.
    m_storage->whenStopped([this] { checkUnfinishedData(); });
}

void BackupJob::checkUnfinishedData()
{
    const GenerationName name(profile().name, m_createdUtc);
    auto *cleanup = new UnfinishedData(profile(), credentials(), name, this);
    cleanup->clean(
        [this, object = name.dataObject()](UnfinishedData::Found found, const QString &problem) {
            switch (found) {
            case UnfinishedData::Found::Nothing:
            case UnfinishedData::Found::Removed:
                finishStopped(nothingAdded());
                return;
            case UnfinishedData::Found::Complete:
                // The manifest went up before the cancel took hold: the generation is complete and
                // stays, as after any cancel once it is stored.
                finishStopped(cancelledWhenStored());
                return;
            case UnfinishedData::Found::LeftBehind:
                finishStopped(tr("The backup of profile \"%1\" was cancelled after its data was "
                                 "uploaded, and %2 could not be removed (%3). It stays on the "
                                 "destination without a manifest: it lists as incomplete, is never "
                                 "offered for a restore, and retention removes it.")
                                  .arg(profile().name, object, problem));
                return;
            }
        });
}

void BackupJob::setPhase(Phase phase, qint64 total)
{
    m_phase = phase;
    m_phaseTotal = total;
    m_workDone->store(0);
    Q_EMIT progress(phase, 0, total);
}

void BackupJob::run()
{
    m_clock.start();
    setPhase(Phase::Preparing, 0);
    if (!checkSource())
        return;
    m_storage = new Storage(profile(), profile().parsedDestination().value(), credentials(), this);
    m_storage->startSession(); // listing, upload, check and manifest: one rclone
    connect(m_storage, &Storage::transferProgress, this, [this](qint64 bytes, qint64 total) {
        if (m_phase == Phase::Upload)
            Q_EMIT progress(m_phase, bytes, total > 0 ? total : m_phaseTotal);
    });
    m_createdUtc = QDateTime::currentDateTimeUtc();
    if (takeSnapshot())
        listExisting();
}

// The profile, the credentials and the source, checked before we talk to the network.
bool BackupJob::checkSource()
{
    if (const QString problem = profile().validate(); !problem.isEmpty()) {
        fail(problem);
        return false;
    }
    if (profile().parsedDestination().value().isS3() && !credentials().isComplete()) {
        fail(tr("No credentials for profile \"%1\". Store them with \"litekeep credentials set "
                "%1\" or set %2 and %3.")
                 .arg(profile().name, QLatin1String(Credentials::kAccessKeyEnv),
                      QLatin1String(Credentials::kSecretEnv)));
        return false;
    }
    if (const QString problem = Snapshot::precheckSource(profile().databasePath);
        !problem.isEmpty()) {
        fail(problem);
        return false;
    }
    return true;
}

// Runs while the snapshot is taken. Listing proves the destination answers (key, bucket,
// network) before anything is uploaded, and lets a run in the same second as the previous one
// pick a name that is still free. A listing that fails stops the snapshot.
void BackupJob::listExisting()
{
    m_storage->list([this](const QList<Storage::ObjectInfo> &objects, const Storage::Failure &f) {
        if (isFinished())
            return;
        if (!f.message.isEmpty() && !isStopping()) {
            if (!m_snapshot->isCopying()) {
                fail(f.message, f.stderrTail);
                return;
            }
            // Reported once the snapshot has stopped (checkCancelled).
            stopFor(JobResult::failed(f.message, f.stderrTail));
            return;
        }
        if (isStopping()) {
            if (!m_snapshot->isCopying())
                checkCancelled();
            return; // else the snapshot's end reports it
        }
        auto taken = [&objects](const GenerationName &name) {
            for (const auto &o : objects) {
                if (o.name == name.dataObject() || o.name == name.manifestObject())
                    return true;
            }
            return false;
        };
        while (taken(GenerationName(profile().name, m_createdUtc)))
            m_createdUtc = m_createdUtc.addSecs(1);
        m_generation = GenerationName(profile().name, m_createdUtc).baseName();
        findPrevious(objects, m_createdUtc);
        ready(Part::Listed);
    });
}

// Runs while the snapshot is taken; the comparison waits for it only if it is slower than the
// whole upload (it reads one small manifest, usually from the local mirror).
void BackupJob::findPrevious(const QList<Storage::ObjectInfo> &objects, const QDateTime &createdUtc)
{
    QSet<QString> failedVerification;
    if (catalog()) {
        const auto verifications = catalog()->latestVerifications(profile().name);
        for (const VerificationRecord &v : verifications) {
            if (!v.passed)
                failedVerification.insert(v.generation);
        }
    }
    m_previousLookup = new PreviousGeneration(profile(), credentials(), this);
    m_previousLookup->find(
        objects, createdUtc, failedVerification,
        [this](const std::optional<Generation> &previous, const QString &problem) {
            m_previousLookup->deleteLater();
            m_previousLookup = nullptr;
            m_previous = previous;
            if (!problem.isEmpty() && !isStopping())
                m_warnings.append(
                    tr("This backup could not be compared with the previous one: %1").arg(problem));
            if (m_stage == Stage::Stored)
                afterStored(); // it waited for the lookup
        });
}

bool BackupJob::takeSnapshot()
{
    const qint64 estimate = Snapshot::estimatedSize(profile().databasePath);
    if (auto staging = createStaging(QString(), 2 * estimate + kStagingMargin); !staging) {
        fail(staging.error());
        return false;
    }
    m_stage = Stage::Snapshotting;
    m_prepared = std::make_shared<Prepared>();
    m_prepared->total = estimate;
    setPhase(Phase::Snapshot, estimate);
    startProgressPoll([this] { pollProgress(); });

    m_snapshot =
        new SnapshotStage(profile().databasePath, stagingDir() + QStringLiteral("/snapshot.db"),
                          profile().busyTimeoutSeconds * 1000, cancelFlag(), this);
    connect(m_snapshot, &SnapshotStage::copied, this, &BackupJob::snapshotCopied);
    connect(m_snapshot, &SnapshotStage::checked, this, &BackupJob::snapshotChecked);
    m_snapshot->start();
    return true;
}

void BackupJob::snapshotCopied()
{
    stopProgressPoll();
    if (checkCancelled())
        return;
    if (!m_snapshot->copyError().isEmpty()) {
        fail(m_snapshot->copyError());
        return;
    }
    ready(Part::Copied);
}

// The check runs while the snapshot is compressed; the upload completes only once it passed.
// A snapshot that fails it stops the run, whose error it becomes: nothing is uploaded.
void BackupJob::snapshotChecked()
{
    if (isFinished())
        return;
    if (!m_snapshot->checkError().isEmpty() && !isStopping())
        // Reported by whichever ends last, the listing or the upload (checkCancelled).
        stopFor(JobResult::failed(m_snapshot->checkError()));
    if (!isStopping()) {
        ready(Part::Checked);
    } else if (m_upload) {
        m_upload->release(); // a cancelled upload that waits for the check finishes now
    }
}

void BackupJob::ready(Part part)
{
    m_parts |= static_cast<unsigned>(part);
    if (part == Part::Checked) {
        if (m_upload)
            m_upload->release();
        return;
    }
    if (m_stage == Stage::Snapshotting && has(Part::Listed) && has(Part::Copied))
        compressAndUpload();
}

// To an S3 destination, a database of 64 MiB or more may be compressed into `rclone rcat` as it
// is made, so the upload overlaps the compression, and into a staged copy too, which is
// uploaded whole with copyto if the stream fails. Otherwise it is compressed to the staged copy
// and then uploaded. A local folder, or a smaller database, is always staged.
void BackupJob::compressAndUpload()
{
    m_stage = Stage::Uploading;
    m_upload = new DataUpload(m_storage, cancelFlag(), m_workDone, this);
    connect(m_upload, &DataUpload::compressionFinished, m_snapshot,
            &SnapshotStage::compressionDone);
    connect(m_upload, &DataUpload::stageChanged, this,
            [this](DataUpload::Stage stage, qint64 total) {
                const Phase phase = stage == DataUpload::Stage::Compress ? Phase::Compress
                                    : stage == DataUpload::Stage::Upload ? Phase::Upload
                                                                         : Phase::Check;
                m_prepared->phase = static_cast<int>(phase);
                m_prepared->total = total;
                setPhase(phase, total);
                if (phase == Phase::Compress)
                    startProgressPoll([this] { pollProgress(); }); // the compressor counts
                else
                    stopProgressPoll(); // rclone reports through transferProgress
            });
    // Streamed or staged: chosen by what the profile's earlier backups measured (UploadPlan).
    const bool isS3 = profile().parsedDestination().value().isS3();
    const auto known = catalog() ? catalog()->uploadSpeed(profile().name) : std::nullopt;
    connect(
        m_upload, &DataUpload::finished, this,
        [this, isS3, known](const Storage::Failure &failure) { uploaded(failure, isS3, known); });
    DataUpload::Options options;
    options.snapshotPath = m_snapshot->path();
    options.gzPath = stagingDir() + QLatin1Char('/') + m_generation + QStringLiteral(".db.gz");
    options.objectName = GenerationName(profile().name, m_createdUtc).dataObject();
    options.level = profile().compressionLevel;
    options.stream = isS3 && UploadPlan::shouldStream(UploadPlan::modeFromEnvironment(),
                                                      m_snapshot->taken().bytes, known);
    m_upload->start(options);
    if (has(Part::Checked))
        m_upload->release();
}

void BackupJob::uploaded(const Storage::Failure &failure, bool isS3,
                         const std::optional<UploadSpeed> &known)
{
    stopProgressPoll();
    m_warnings.append(m_upload->warnings());
    if (checkCancelled())
        return;
    if (!failure.message.isEmpty()) {
        fail(failure.message, failure.stderrTail);
        return;
    }
    m_prepared->gzip = m_upload->stats();
    const UploadPlan::Measured &measured = m_upload->measured();
    m_uploadMode = measured.streamed ? QStringLiteral("streamed") : QStringLiteral("staged");
    if (catalog() && isS3 && measured.inputBytes >= UploadPlan::streamThresholdBytes())
        catalog()->recordUploadSpeed(profile().name, UploadPlan::learn(known, measured));
    uploadManifest();
}

void BackupJob::uploadManifest()
{
    m_stage = Stage::StoringManifest;
    setPhase(Phase::Manifest, 0);
    Manifest m;
    m.createdUtc = m_createdUtc;
    m.profile = profile().name;
    m.sourceFileName = QFileInfo(profile().databasePath).fileName();
    m.sourcePathSha256 = Manifest::pathSha256(profile().databasePath);
    if (struct stat st{}; ::stat(QFile::encodeName(profile().databasePath).constData(), &st) == 0)
        m.sourceMode = int(st.st_mode & 07777);
    m.host = QHostInfo::localHostName();
    m.litekeepVersion = QStringLiteral(LITEKEEP_VERSION);
    m.sqliteVersion = SqliteDatabase::sqliteVersion();
    m.database = m_snapshot->taken().info;
    m.dbSha256 = m_prepared->gzip.inputSha256;
    m.dbSize = m_prepared->gzip.inputBytes;
    m.gzSha256 = m_prepared->gzip.outputSha256;
    m.gzSize = m_prepared->gzip.outputBytes;
    m.compressionLevel = profile().compressionLevel;

    m_manifest = m;
    const GenerationName name(profile().name, m_createdUtc);
    const QString path = stagingDir() + QLatin1Char('/') + name.manifestObject();
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (!file.isOpen() || file.write(m.toJson()) < 0 || !file.commit()) {
        fail(tr("Cannot write the manifest in %1: %2.").arg(stagingDir(), file.errorString()));
        return;
    }
    m_storage->upload(path, name.manifestObject(), [this](bool ok, const Storage::Failure &f) {
        if (checkCancelled())
            return;
        if (!ok) {
            fail(f.message, f.stderrTail);
            return;
        }
        m_stage = Stage::Stored;
        m_storage->endSession(); // verification and retention have their own
        afterStored();
    });
}

void BackupJob::afterStored()
{
    if (checkCancelled())
        return;
    if (m_previousLookup)
        return;      // the lookup's end comes back here
    detectAnomaly(); // then verifyNew()
}

// Recorded before retention runs, so this very run's prune already keeps the previous backup:
// in the history, and in the pins object on the destination (Pins.h) for any other machine
// or a history lost later. Verification follows once both are written (or failed).
void BackupJob::detectAnomaly()
{
    const auto findings = m_previous && m_previous->manifest
                              ? Anomaly::compare(m_previous->manifest->database.rowCounts,
                                                 m_snapshot->taken().info.rowCounts)
                              : QList<Anomaly::Finding>();
    if (findings.isEmpty()) {
        verifyNew();
        return;
    }
    const QString previous = m_previous->baseName();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Status recorded =
        catalog()
            ? catalog()->recordAnomaly({profile().name, m_generation, previous, findings, now, {}})
            : Status::failure(QString()); // no history: only the destination can keep the pin
    auto *pins = new DestinationPins(m_storage, profile().name, this);
    const Pin pin{previous, m_generation, now, Anomaly::summary(findings, {})};
    pins->add(pin, [this, pins, recorded, findings, previous](const Status &kept) {
        pins->deleteLater();
        if (checkCancelled())
            return;
        const bool pinned = recorded.ok || kept.ok;
        if (!pinned)
            m_warnings.append(
                tr("The warning could not be recorded, so the previous backup is not "
                   "protected from retention: %1")
                    .arg(catalog() ? recorded.error + QLatin1Char(' ') + kept.error : kept.error));
        else if (!kept)
            m_warnings.append(tr("The pin could not be written to the destination (%1); only this "
                                 "machine's history keeps the previous backup from retention.")
                                  .arg(kept.error));
        else if (!recorded && catalog())
            m_warnings.append(
                tr("The warning could not be recorded in the history (%1); the pins on "
                   "the destination still keep the previous backup from retention.")
                    .arg(recorded.error));
        m_anomaly = QJsonObject{
            {QStringLiteral("generation"), m_generation},
            {QStringLiteral("previous_generation"), previous},
            {QStringLiteral("pinned"), pinned},
            {QStringLiteral("pinned_on_destination"), kept.ok},
            {QStringLiteral("findings"), Anomaly::toJson(findings)},
            {QStringLiteral("message"), Anomaly::summary(findings, pinned ? previous : QString())},
        };
        verifyNew();
    });
}

// The run counts only once the generation has come back from the destination intact.
void BackupJob::verifyNew()
{
    if (!m_verify) {
        succeed();
        return;
    }
    setPhase(Phase::Verify, m_prepared->gzip.outputBytes);
    Generation generation;
    generation.name = GenerationName(profile().name, m_createdUtc);
    generation.state = Generation::State::Complete;
    generation.hasData = generation.hasManifest = true;
    generation.dataSize = m_prepared->gzip.outputBytes;
    generation.manifest = m_manifest;
    m_prepared->phase = static_cast<int>(Phase::Verify);
    m_prepared->total = m_prepared->gzip.outputBytes;
    m_workDone->store(0);
    startProgressPoll([this] { pollProgress(); });

    runInPool(
        [p = profile(), remote = remoteEnvironment(), generation,
         path = QString(stagingDir() + QLatin1Char('/') + m_generation +
                        QStringLiteral(".verify.db")), // a QString, not a QStringBuilder
         cancel = cancelFlag(), done = m_workDone] {
            return Verifier::verifyCopy(p, remote, generation, path, cancel, done);
        },
        [this](const Verdict &verdict) { newVerified(verdict); });
}

void BackupJob::newVerified(const Verdict &verdict)
{
    stopProgressPoll();
    if (checkCancelled())
        return;
    if (verdict.kind == Verdict::Kind::NotChecked) {
        fail(tr("The new generation %1 was uploaded but could not be verified: %2")
                 .arg(m_generation, verdict.reason),
             verdict.stderrTail);
        return;
    }
    if (catalog())
        catalog()->recordVerification(profile().name,
                                      {m_generation, QDateTime::currentDateTimeUtc(),
                                       verdict.passed(), verdict.reason, QStringLiteral("backup")});
    if (!verdict.passed()) {
        fail(tr("The new generation %1 failed verification after upload: %2. It stays on the "
                "destination for inspection; nothing was pruned.")
                 .arg(m_generation, verdict.reason));
        return;
    }
    if (!verdict.reason.isEmpty()) // it passed on a second download
        m_warnings.append(tr("While verifying, %1.").arg(verdict.reason));
    prune();
}

// Retention runs only after a successful, verified backup.
void BackupJob::prune()
{
    setPhase(Phase::Prune, 0);
    auto *job = new PruneJob(profile(), credentials(), catalog(), false,
                             PruneJob::Locking::CallerHoldsLock, this);
    m_child = job;
    connect(job, &PruneJob::progress, this,
            [this](int done, int total) { Q_EMIT progress(Phase::Prune, done, total); });
    connect(job, &PruneJob::finished, this, [this, job](const JobResult &result) {
        job->deleteLater();
        if (checkCancelled())
            return;
        m_pruned = result.details.value(QLatin1String("deleted")).toArray();
        if (!result.isSuccess())
            m_warnings.append(tr("Retention could not run: %1").arg(result.message));
        drillIfDue();
    });
    job->start();
}

void BackupJob::drillIfDue()
{
    const auto last = catalog() ? catalog()->lastDrill(profile().name) : std::nullopt;
    const bool due = catalog() && Schedule::isDrillDue(
                                      last ? last->checkedUtc : QDateTime(), profile().drillDays,
                                      QDateTime::currentDateTimeUtc(), QTimeZone::systemTimeZone());
    if (!due) {
        succeed();
        return;
    }
    setPhase(Phase::Drill, 0);
    auto *job = new VerifyJob(profile(), credentials(), catalog(), VerifyJob::Selection::Drill, {},
                              VerifyJob::Locking::CallerHoldsLock, this);
    m_child = job;
    connect(job, &VerifyJob::progress, this,
            [this](int, int, const QString &, qint64 done, qint64 total) {
                Q_EMIT progress(Phase::Drill, done, total);
            });
    connect(job, &VerifyJob::finished, this, [this, job](const JobResult &result) {
        job->deleteLater();
        if (checkCancelled())
            return;
        if (!result.isSuccess())
            m_warnings.append(tr("The restore drill found a problem: %1").arg(result.message));
        succeed();
    });
    job->start();
}

void BackupJob::succeed()
{
    setPhase(Phase::Done, 0);
    const QLocale locale;
    const auto &gz = m_prepared->gzip;
    QJsonObject details{
        {QStringLiteral("profile"), profile().name},
        {QStringLiteral("generation"), m_generation},
        {QStringLiteral("destination"), profile().destination},
        {QStringLiteral("db_size"), gz.inputBytes},
        {QStringLiteral("gz_size"), gz.outputBytes},
        {QStringLiteral("db_sha256"), gz.inputSha256},
        {QStringLiteral("gz_sha256"), gz.outputSha256},
        {QStringLiteral("page_count"), m_snapshot->taken().info.pageCount},
        {QStringLiteral("duration_ms"), m_clock.elapsed()},
        {QStringLiteral("verified"), m_verify},
        {QStringLiteral("upload"), m_uploadMode},
        {QStringLiteral("pruned"), m_pruned},
    };
    if (!m_warnings.isEmpty())
        details.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(m_warnings));
    if (!m_anomaly.isEmpty())
        details.insert(QStringLiteral("anomaly"), m_anomaly);
    QString message =
        tr("Backed up %1 to %2 as %3 (%4 compressed to %5) in %6 s.")
            .arg(QFileInfo(profile().databasePath).fileName(), profile().destination, m_generation,
                 locale.formattedDataSize(gz.inputBytes), locale.formattedDataSize(gz.outputBytes),
                 locale.toString(static_cast<double>(m_clock.elapsed()) / 1000.0, 'f', 1));
    message +=
        QLatin1Char(' ') + (m_verify ? tr("Verified from the destination.")
                                     : tr("Not verified (--no-verify); nothing was pruned."));
    if (!m_anomaly.isEmpty())
        message += QLatin1Char(' ') + m_anomaly.value(QLatin1String("message")).toString();
    if (!m_pruned.isEmpty())
        message += QLatin1Char(' ') + tr("Retention removed %n old object(s).", nullptr,
                                         static_cast<int>(m_pruned.size()));
    for (const QString &warning : std::as_const(m_warnings))
        message += QLatin1Char(' ') + warning;
    finish(JobResult::succeeded(message, details));
}

void BackupJob::completeResult(JobResult &result)
{
    stopProgressPoll();
    if (m_storage)
        m_storage->endSession();
    if (!result.isSuccess() && !m_generation.isEmpty())
        result.details.insert(QStringLiteral("attempted_generation"), m_generation);
}

} // namespace lk

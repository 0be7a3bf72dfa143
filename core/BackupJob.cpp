// One backup run: snapshot, compress, upload the data, check it, upload the manifest last.
#include "BackupJob.h"

#include "Anomaly.h"
#include "Catalog.h"
#include "Generation.h"
#include "PruneJob.h"
#include "VerifyJob.h"
#include "GenerationName.h"
#include "Gzip.h"
#include "ParallelGzip.h"
#include "PreviousGeneration.h"
#include "Priority.h"
#include "Snapshot.h"
#include "SqliteDatabase.h"
#include "Storage.h"
#include "StreamedUpload.h"

#include <QFileInfo>
#include <QHostInfo>
#include <QLocale>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace lk {

namespace {
constexpr qint64 kStagingMargin = 16 * 1024 * 1024;
// Below this snapshot size the data is compressed first and uploaded with copyto: the stream's
// multipart upload costs more than the overlap saves (bench/README.md, --stream: 0.3-0.5 s
// slower at 40 MB on s3rver; at 400 MB 5-10 % slower unlimited, 30 % faster at 20 MiB/s).
// LITEKEEP_STREAM_MIN_MIB sets another threshold (0: always stream).
qint64 streamThresholdBytes()
{
    bool ok = false;
    const qint64 mib = qEnvironmentVariable("LITEKEEP_STREAM_MIN_MIB").toLongLong(&ok);
    return (ok && mib >= 0 ? mib : 64) * 1024 * 1024;
}
constexpr int kProgressIntervalMs = 250;
} // namespace

struct BackupJob::Prepared
{
    std::atomic<int> phase{static_cast<int>(Phase::Snapshot)};
    std::atomic<qint64> total{0};
    // Filled by the worker; read on the job's thread only after the worker finished.
    QString error;
    Snapshot::Taken snapshot;
    Gzip::Stats gzip;
    QString gzPath;
};

BackupJob::BackupJob(Profile profile, Credentials credentials, Catalog *catalog, QObject *parent)
    : QObject(parent), m_profile(std::move(profile)), m_credentials(std::move(credentials)),
      m_catalog(catalog), m_lock(m_profile.name),
      m_workDone(std::make_shared<std::atomic<qint64>>(0)), m_verify(m_profile.verifyAfterBackup)
{
    m_pollProgress.setInterval(kProgressIntervalMs);
    connect(&m_pollProgress, &QTimer::timeout, this, [this] {
        if (!m_prepared)
            return;
        const auto phase = static_cast<Phase>(m_prepared->phase.load());
        if (phase != m_phase) {
            m_phase = phase;
            m_phaseTotal = m_prepared->total.load();
        }
        Q_EMIT progress(m_phase, m_workDone->load(), m_prepared->total.load());
    });
}

BackupJob::~BackupJob()
{
    // The worker only touches our atomics; make it stop before they go away. A worker blocked
    // on the upload's pipe is freed when the rclone reading it dies (EPIPE), never by an end of
    // input, which would complete a partial object.
    m_cancel = true;
    if (m_stream && !m_stream->isFinished() && m_storage)
        m_storage->abortNow();
    if (m_worker.isRunning())
        m_worker.waitForFinished();
    if (m_verifier.isRunning())
        m_verifier.waitForFinished();
    Staging::remove(m_stagingDir);
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

void BackupJob::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &BackupJob::begin, Qt::QueuedConnection);
}

void BackupJob::cancel()
{
    if (m_finished || m_cancel.exchange(true))
        return;
    if (m_storage)
        m_storage->cancel();
    if (m_previousLookup)
        m_previousLookup->cancel();
    if (auto *prune = qobject_cast<PruneJob *>(m_child.data()))
        prune->cancel();
    else if (auto *drill = qobject_cast<VerifyJob *>(m_child.data()))
        drill->cancel();
}

bool BackupJob::checkCancelled()
{
    if (!m_cancel.load())
        return false;
    if (m_stored)
        finish(JobResult::cancelled(tr("Cancelled after generation %1 was stored; its verification "
                                       "and retention did not finish.")
                                        .arg(m_generation)));
    else
        finish(JobResult::cancelled(tr("The backup of profile \"%1\" was cancelled; nothing was "
                                       "added to the destination.")
                                        .arg(m_profile.name)));
    return true;
}

void BackupJob::setPhase(Phase phase, qint64 total)
{
    m_phase = phase;
    m_phaseTotal = total;
    m_workDone->store(0);
    Q_EMIT progress(phase, 0, total);
}

void BackupJob::begin()
{
    m_clock.start();
    setPhase(Phase::Preparing, 0);

    // History first, so even a refused run is on record.
    if (m_catalog) {
        const Status locked = m_lock.tryLock();
        if (locked)
            m_catalog->markInterrupted(m_profile.name);
        if (auto id = m_catalog->recordStart(m_profile.name, QStringLiteral("backup")))
            m_runId = id.value();
        if (!locked) {
            fail(locked.error);
            return;
        }
    } else if (Status locked = m_lock.tryLock(); !locked) {
        fail(locked.error);
        return;
    }
    if (checkCancelled())
        return;

    if (const QString problem = m_profile.validate(); !problem.isEmpty()) {
        fail(problem);
        return;
    }
    const auto destination = m_profile.parsedDestination();
    if (destination.value().isS3() && !m_credentials.isComplete()) {
        fail(tr("No credentials for profile \"%1\". Store them with \"litekeep credentials set "
                "%1\" or set %2 and %3.")
                 .arg(m_profile.name, QLatin1String(Credentials::kAccessKeyEnv),
                      QLatin1String(Credentials::kSecretEnv)));
        return;
    }
    // Cheap checks of the source before we talk to the network.
    if (const QString problem = Snapshot::precheckSource(m_profile.databasePath);
        !problem.isEmpty()) {
        fail(problem);
        return;
    }

    m_storage = new Storage(m_profile, destination.value(), m_credentials, this);
    connect(m_storage, &Storage::transferProgress, this, [this](qint64 bytes, qint64 total) {
        if (m_phase == Phase::Upload)
            Q_EMIT progress(m_phase, bytes, total > 0 ? total : m_phaseTotal);
    });
    listExisting();
}

// Listing first proves the destination answers (key, bucket, network) before the heavy work,
// and lets a run in the same second as the previous one pick a name that is still free.
void BackupJob::listExisting()
{
    m_storage->list([this](const QList<Storage::ObjectInfo> &objects, const Storage::Failure &f) {
        if (checkCancelled())
            return;
        if (!f.message.isEmpty()) {
            fail(f.message, f.stderrTail);
            return;
        }
        QDateTime created = QDateTime::currentDateTimeUtc();
        auto taken = [&objects](const GenerationName &name) {
            for (const auto &o : objects) {
                if (o.name == name.dataObject() || o.name == name.manifestObject())
                    return true;
            }
            return false;
        };
        while (taken(GenerationName(m_profile.name, created)))
            created = created.addSecs(1);
        findPrevious(objects, created);
        prepareInWorker(created);
    });
}

// Runs while the snapshot is taken; the comparison waits for it only if it is slower than the
// whole upload (it reads one small manifest, usually from the local mirror).
void BackupJob::findPrevious(const QList<Storage::ObjectInfo> &objects, const QDateTime &createdUtc)
{
    QSet<QString> failedVerification;
    if (m_catalog) {
        const auto verifications = m_catalog->latestVerifications(m_profile.name);
        for (const VerificationRecord &v : verifications) {
            if (!v.passed)
                failedVerification.insert(v.generation);
        }
    }
    m_previousPending = true;
    m_previousLookup = new PreviousGeneration(m_profile, m_credentials, this);
    m_previousLookup->find(objects, createdUtc, failedVerification,
                           [this](const std::optional<Generation> &previous, const QString &problem) {
        m_previousPending = false;
        m_previous = previous;
        if (!problem.isEmpty() && !m_cancel.load())
            m_warnings.append(tr("This backup could not be compared with the previous one: %1").arg(problem));
        if (m_resumeAfterPrevious) {
            m_resumeAfterPrevious = false;
            afterStored();
        }
    });
}

void BackupJob::prepareInWorker(const QDateTime &createdUtc)
{
    m_createdUtc = createdUtc;
    m_generation = GenerationName(m_profile.name, createdUtc).baseName();

    const qint64 estimate = Snapshot::estimatedSize(m_profile.databasePath);
    auto staging = Staging::create(m_profile.name, 2 * estimate + kStagingMargin);
    if (!staging) {
        fail(staging.error());
        return;
    }
    m_stagingDir = staging.value();

    auto prepared = std::make_shared<Prepared>();
    prepared->total = estimate;
    m_prepared = prepared;
    setPhase(Phase::Snapshot, estimate);
    m_pollProgress.start();

    const QString source = m_profile.databasePath;
    const QString snapshotPath = m_stagingDir + QLatin1Char('/') + m_generation + QStringLiteral(".db");
    prepared->gzPath = snapshotPath + QStringLiteral(".gz");
    const int busyMs = m_profile.busyTimeoutSeconds * 1000;
    const std::atomic_bool *cancel = &m_cancel;

    connect(&m_worker, &QFutureWatcher<void>::finished, this, [this, snapshotPath] {
        m_pollProgress.stop();
        if (checkCancelled())
            return;
        if (!m_prepared->error.isEmpty()) {
            QFile::remove(snapshotPath);
            fail(m_prepared->error);
            return;
        }
        compressAndUpload(snapshotPath);
    }, Qt::SingleShotConnection);

    m_worker.setFuture(Priority::run([=] {
        auto snapshot = Snapshot::take(source, snapshotPath, busyMs, cancel);
        if (!snapshot) {
            prepared->error = snapshot.error();
            return;
        }
        prepared->snapshot = snapshot.value();
    }));
}

// To an S3 destination, a database of 64 MiB or more is compressed into `rclone rcat` as it is
// made, so the upload overlaps the compression (bench/README.md has the measurements), and into
// a staged copy too: if the streamed upload fails, the staged copy is uploaded whole with
// copyto, which rclone can retry. A local folder, or a smaller database, gets the staged copy.
void BackupJob::compressAndUpload(const QString &snapshotPath)
{
    const auto prepared = m_prepared;
    prepared->phase = static_cast<int>(Phase::Compress);
    prepared->total = prepared->snapshot.bytes;
    setPhase(Phase::Compress, prepared->snapshot.bytes);
    m_pollProgress.start();

    int pipe = -1;
    if (m_profile.parsedDestination().value().isS3() && prepared->snapshot.bytes >= streamThresholdBytes()) {
        m_stream = new StreamedUpload(m_storage, this);
        QString problem;
        if (m_stream->start(GenerationName(m_profile.name, m_createdUtc).dataObject(), &problem)) {
            pipe = m_stream->writeDescriptor();
            connect(m_stream, &StreamedUpload::finished, this, &BackupJob::streamFinished);
        } else {
            delete m_stream;
            m_warnings.append(problem);
        }
    }

    connect(&m_worker, &QFutureWatcher<void>::finished, this, &BackupJob::compressed,
            Qt::SingleShotConnection);
    const int level = m_profile.compressionLevel;
    const std::atomic_bool *cancel = &m_cancel;
    auto done = m_workDone;
    m_worker.setFuture(Priority::run([=] {
        const Gzip::Progress progress = [done](qint64 bytes, qint64) { done->store(bytes); };
        Result<Gzip::Stats> gzip = Result<Gzip::Stats>::fail(QString());
        if (pipe < 0) {
            gzip = ParallelGzip::compressFile(snapshotPath, prepared->gzPath, level, 0, cancel, progress);
        } else {
            QFile in(snapshotPath);
            QSaveFile staged(prepared->gzPath);
            if (!in.open(QIODevice::ReadOnly) || !staged.open(QIODevice::WriteOnly)) {
                prepared->error = tr("Cannot compress %1 into %2: %3")
                                      .arg(snapshotPath, prepared->gzPath,
                                           in.isOpen() ? staged.errorString() : in.errorString());
            } else {
                staged.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // the user's data
                PipeTee tee(staged, pipe);
                gzip = ParallelGzip::compress(in, in.size(), tee, level, 0, cancel, progress);
                if (gzip && !staged.commit())
                    gzip = Result<Gzip::Stats>::fail(tr("Writing %1 failed: %2. Is the disk full?")
                                                         .arg(prepared->gzPath, staged.errorString()));
            }
        }
        QFile::remove(snapshotPath); // staging never holds more than it must
        if (!prepared->error.isEmpty())
            return;
        if (!gzip) {
            prepared->error = gzip.error();
            return;
        }
        prepared->gzip = gzip.value();
    }));
}

// The compressor is done. The streamed upload, if any, either still reads (it gets the end of
// its input now) or has already ended, which can only mean it failed.
void BackupJob::compressed()
{
    m_pollProgress.stop();
    m_compressed = true;
    if (checkCancelled())
        return; // the StreamedUpload, cancelled with the run, never sees an end of input
    if (!m_prepared->error.isEmpty()) {
        if (m_stream)
            m_stream->abort();
        fail(m_prepared->error);
        return;
    }
    if (!m_stream) {
        uploadData();
        return;
    }
    if (m_stream->isFinished()) {
        uploadStagedCopy();
        return;
    }
    setPhase(Phase::Upload, m_prepared->gzip.outputBytes);
    m_stream->finishInput();
}

void BackupJob::streamFinished()
{
    if (m_finished || !m_compressed)
        return; // the compressor goes on into the staged copy; compressed() decides
    if (checkCancelled())
        return;
    if (m_stream->succeeded())
        checkUpload();
    else
        uploadStagedCopy();
}

void BackupJob::uploadStagedCopy()
{
    m_stream->finishInput(); // the compressor is done and rclone gone: the pipe can go too
    m_warnings.append(tr("The streamed upload failed (%1); the staged copy was uploaded instead.")
                          .arg(m_stream->failure().message));
    uploadData();
}

void BackupJob::uploadData()
{
    setPhase(Phase::Upload, m_prepared->gzip.outputBytes);
    const QString object = GenerationName(m_profile.name, m_createdUtc).dataObject();
    m_storage->upload(m_prepared->gzPath, object, [this](bool ok, const Storage::Failure &f) {
        if (checkCancelled())
            return;
        if (!ok) {
            fail(f.message, f.stderrTail);
            return;
        }
        checkUpload();
    });
}

// What arrived must be what we sent: the size always, the MD5 where the destination has one
// (a multipart upload's ETag is not an MD5, so rclone reports none for it).
void BackupJob::checkUpload()
{
    setPhase(Phase::Check, 0);
    const QString object = GenerationName(m_profile.name, m_createdUtc).dataObject();
    m_storage->list([this, object](const QList<Storage::ObjectInfo> &objects,
                                   const Storage::Failure &f) {
        if (checkCancelled())
            return;
        if (!f.message.isEmpty()) {
            fail(f.message, f.stderrTail);
            return;
        }
        const auto it = std::find_if(objects.cbegin(), objects.cend(),
                                     [&object](const auto &o) { return o.name == object; });
        if (it == objects.cend()) {
            fail(tr("The uploaded file %1 does not appear on the destination. The upload did "
                    "not complete; no generation was added.")
                     .arg(object));
            return;
        }
        if (it->size != m_prepared->gzip.outputBytes) {
            fail(tr("The uploaded file %1 has %2 bytes on the destination, but %3 were sent. "
                    "No generation was added.")
                     .arg(object)
                     .arg(it->size)
                     .arg(m_prepared->gzip.outputBytes));
            return;
        }
        if (!it->md5.isEmpty() && it->md5.compare(m_prepared->gzip.outputMd5, Qt::CaseInsensitive) != 0) {
            fail(tr("The uploaded file %1 differs from what was sent (MD5 mismatch). No "
                    "generation was added.")
                     .arg(object));
            return;
        }
        uploadManifest();
    });
}

void BackupJob::uploadManifest()
{
    setPhase(Phase::Manifest, 0);
    Manifest m;
    m.createdUtc = m_createdUtc;
    m.profile = m_profile.name;
    m.sourceFileName = QFileInfo(m_profile.databasePath).fileName();
    m.host = QHostInfo::localHostName();
    m.litekeepVersion = QStringLiteral(LITEKEEP_VERSION);
    m.sqliteVersion = SqliteDatabase::sqliteVersion();
    m.database = m_prepared->snapshot.info;
    m.dbSha256 = m_prepared->gzip.inputSha256;
    m.dbSize = m_prepared->gzip.inputBytes;
    m.gzSha256 = m_prepared->gzip.outputSha256;
    m.gzSize = m_prepared->gzip.outputBytes;
    m.compressionLevel = m_profile.compressionLevel;

    m_manifest = m;
    const GenerationName name(m_profile.name, m_createdUtc);
    const QString path = m_stagingDir + QLatin1Char('/') + name.manifestObject();
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (!file.isOpen() || file.write(m.toJson()) < 0 || !file.commit()) {
        fail(tr("Cannot write the manifest in %1: %2.").arg(m_stagingDir, file.errorString()));
        return;
    }
    m_storage->upload(path, name.manifestObject(), [this](bool ok, const Storage::Failure &f) {
        if (checkCancelled())
            return;
        if (!ok) {
            fail(f.message, f.stderrTail);
            return;
        }
        m_stored = true;
        afterStored();
    });
}

void BackupJob::afterStored()
{
    if (checkCancelled())
        return;
    if (m_previousPending) {
        m_resumeAfterPrevious = true;
        return;
    }
    detectAnomaly();
    verifyNew();
}

// Recorded before retention runs, so this very run's prune already keeps the previous backup.
void BackupJob::detectAnomaly()
{
    if (!m_previous || !m_previous->manifest)
        return;
    const auto findings = Anomaly::compare(m_previous->manifest->database.rowCounts,
                                           m_prepared->snapshot.info.rowCounts);
    if (findings.isEmpty())
        return;
    const QString previous = m_previous->baseName();
    bool pinned = false;
    if (m_catalog) {
        const Status recorded = m_catalog->recordAnomaly(
            {m_profile.name, m_generation, previous, findings, QDateTime::currentDateTimeUtc(), {}});
        pinned = recorded.ok;
        if (!recorded)
            m_warnings.append(tr("The warning could not be recorded, so the previous backup is not "
                                 "protected from retention: %1").arg(recorded.error));
    }
    m_anomaly = QJsonObject{
        {QStringLiteral("generation"), m_generation},
        {QStringLiteral("previous_generation"), previous},
        {QStringLiteral("pinned"), pinned},
        {QStringLiteral("findings"), Anomaly::toJson(findings)},
        {QStringLiteral("message"), Anomaly::summary(findings, pinned ? previous : QString())},
    };
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
    generation.name = GenerationName(m_profile.name, m_createdUtc);
    generation.state = Generation::State::Complete;
    generation.hasData = generation.hasManifest = true;
    generation.dataSize = m_prepared->gzip.outputBytes;
    generation.manifest = m_manifest;
    m_prepared->phase = static_cast<int>(Phase::Verify);
    m_prepared->total = m_prepared->gzip.outputBytes;
    m_workDone->store(0);
    m_pollProgress.start();

    connect(&m_verifier, &QFutureWatcher<Verdict>::finished, this, [this] {
        m_pollProgress.stop();
        if (checkCancelled())
            return;
        const Verdict verdict = m_verifier.result();
        if (verdict.kind == Verdict::Kind::NotChecked) {
            fail(tr("The new generation %1 was uploaded but could not be verified: %2")
                     .arg(m_generation, verdict.reason),
                 verdict.stderrTail);
            return;
        }
        if (m_catalog)
            m_catalog->recordVerification(m_profile.name, {m_generation, QDateTime::currentDateTimeUtc(),
                                                           verdict.passed(), verdict.reason,
                                                           QStringLiteral("backup")});
        if (!verdict.passed()) {
            fail(tr("The new generation %1 failed verification after upload: %2. It stays on the "
                    "destination for inspection; nothing was pruned.")
                     .arg(m_generation, verdict.reason));
            return;
        }
        prune();
    }, Qt::SingleShotConnection);

    const Profile profile = m_profile;
    const QProcessEnvironment remote = Storage::remoteEnvironment(
        m_profile, m_profile.parsedDestination().value(), m_credentials);
    const QString path = m_stagingDir + QLatin1Char('/') + m_generation + QStringLiteral(".verify.db");
    const std::atomic_bool *cancel = &m_cancel;
    auto done = m_workDone;
    m_verifier.setFuture(Priority::run([=] {
        Verdict v = Verifier::verify(profile, remote, generation, path, cancel,
                                     [done](qint64 bytes, qint64) { done->store(bytes); });
        QFile::remove(path);
        return v;
    }));
}

// Retention runs only after a successful, verified backup.
void BackupJob::prune()
{
    setPhase(Phase::Prune, 0);
    auto *job = new PruneJob(m_profile, m_credentials, m_catalog, false,
                             PruneJob::Locking::CallerHoldsLock, this);
    m_child = job;
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
    const auto last = m_catalog ? m_catalog->lastDrill(m_profile.name) : std::nullopt;
    const bool due = m_profile.drillDays > 0 && m_catalog &&
                     (!last || last->checkedUtc.daysTo(QDateTime::currentDateTimeUtc()) >= m_profile.drillDays);
    if (!due) {
        succeed();
        return;
    }
    setPhase(Phase::Drill, 0);
    auto *job = new VerifyJob(m_profile, m_credentials, m_catalog, VerifyJob::Selection::Drill, {},
                              VerifyJob::Locking::CallerHoldsLock, this);
    m_child = job;
    connect(job, &VerifyJob::progress, this, [this](int, int, const QString &, qint64 done, qint64 total) {
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
        {QStringLiteral("profile"), m_profile.name},
        {QStringLiteral("generation"), m_generation},
        {QStringLiteral("destination"), m_profile.destination},
        {QStringLiteral("db_size"), gz.inputBytes},
        {QStringLiteral("gz_size"), gz.outputBytes},
        {QStringLiteral("db_sha256"), gz.inputSha256},
        {QStringLiteral("gz_sha256"), gz.outputSha256},
        {QStringLiteral("page_count"), m_prepared->snapshot.info.pageCount},
        {QStringLiteral("duration_ms"), m_clock.elapsed()},
        {QStringLiteral("verified"), m_verify},
        {QStringLiteral("pruned"), m_pruned},
    };
    if (!m_warnings.isEmpty())
        details.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(m_warnings));
    if (!m_anomaly.isEmpty())
        details.insert(QStringLiteral("anomaly"), m_anomaly);
    QString message = tr("Backed up %1 to %2 as %3 (%4 compressed to %5) in %6 s.")
            .arg(QFileInfo(m_profile.databasePath).fileName(), m_profile.destination, m_generation,
                 locale.formattedDataSize(gz.inputBytes), locale.formattedDataSize(gz.outputBytes),
                 locale.toString(static_cast<double>(m_clock.elapsed()) / 1000.0, 'f', 1));
    message += QLatin1Char(' ') + (m_verify ? tr("Verified from the destination.")
                                            : tr("Not verified (--no-verify); nothing was pruned."));
    if (!m_anomaly.isEmpty())
        message += QLatin1Char(' ') + m_anomaly.value(QLatin1String("message")).toString();
    if (!m_pruned.isEmpty())
        message += QLatin1Char(' ') + tr("Retention removed %n old object(s).", nullptr, static_cast<int>(m_pruned.size()));
    for (const QString &warning : std::as_const(m_warnings))
        message += QLatin1Char(' ') + warning;
    finish(JobResult::succeeded(message, details));
}

void BackupJob::fail(const QString &message, const QString &stderrTail)
{
    finish(JobResult::failed(message, stderrTail));
}

void BackupJob::finish(JobResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pollProgress.stop();
    Staging::remove(m_stagingDir);
    m_stagingDir.clear();
    m_lock.unlock();
    result.details.insert(QStringLiteral("profile"), m_profile.name);
    if (!result.isSuccess() && !m_generation.isEmpty())
        result.details.insert(QStringLiteral("attempted_generation"), m_generation);
    if (m_catalog && m_runId >= 0)
        m_catalog->recordFinish(m_runId, result);
    Q_EMIT finished(result);
}

} // namespace lk

// Restores a generation to a new file or in place, or undoes the last in-place restore.
#include "restore/RestoreJob.h"

#include "generations/GenerationLister.h"
#include "history/Catalog.h"
#include "jobs/Priority.h"
#include "restore/RestoreSteps.h"
#include "storage/Storage.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>

#include <mutex>

#include <unistd.h>

namespace lk {

RestoreJob::RestoreJob(Profile profile, Credentials credentials, Catalog *catalog, Request request,
                       QObject *parent)
    : Job(QStringLiteral("restore"), std::move(profile), std::move(credentials), catalog,
          Locking::TakeLock, parent),
      m_request(std::move(request))
{
}

RestoreJob::~RestoreJob()
{
    stopWorkers(); // the worker may wait for the early download: both stop now
    if (m_early) {
        m_early->abandon();
        m_early->verdict.waitForFinished();
    }
    // Job's destructor waits for the worker.
}

QString RestoreJob::phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Listing:
        return tr("Reading the destination");
    case Phase::Downloading:
        return tr("Downloading and verifying");
    case Phase::KeepingCopy:
        return tr("Keeping a copy of the current database");
    case Phase::Writing:
        return tr("Writing the database");
    case Phase::Done:
        return tr("Done");
    }
    return {};
}

QString RestoreJob::preRestoreFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/litekeep/pre-restore");
}

QString RestoreJob::cancelledBeforeStart() const
{
    return tr("Restore cancelled; nothing was changed.");
}

void RestoreJob::stopWork()
{
    if (m_early)
        m_early->cancel = true;
    if (m_lister)
        m_lister->cancel();
}

namespace {
// The generation a request names, without the suffix of one of its objects; empty: the newest.
QString wantedBaseName(const QString &requested)
{
    QString wanted = requested;
    for (const QString &suffix : {QStringLiteral(".db.gz"), QStringLiteral(".manifest.json")}) {
        if (wanted.endsWith(suffix))
            wanted.chop(suffix.size());
    }
    return wanted;
}

// The generation the listing will most likely put first, from the mirrored manifests alone.
std::optional<Generation> likelyGeneration(const Profile &profile, const QString &wanted)
{
    const QDir cache(GenerationLister::manifestCache(profile));
    QList<Generation::Object> objects;
    QHash<QString, QByteArray> manifests;
    const QStringList names = cache.entryList({QStringLiteral("*.manifest.json")}, QDir::Files);
    for (const QString &name : names) {
        const auto parsed = GenerationName::parse(name);
        QFile file(cache.filePath(name));
        if (!parsed || !file.open(QIODevice::ReadOnly) || file.size() >= 1024 * 1024)
            continue;
        manifests.insert(name, file.readAll());
        objects.append({name, file.size(), {}});
        objects.append({parsed->name.dataObject(), -1, {}}); // whether it exists, the listing says
    }
    for (const Generation &g : Generation::assemble(profile.name, objects, manifests)) {
        if (g.isComplete() && (wanted.isEmpty() || g.baseName() == wanted))
            return g;
    }
    return std::nullopt;
}
} // namespace

void RestoreJob::startEarlyDownload()
{
    const auto destination = profile().parsedDestination();
    if (m_request.mode != Mode::ToFile || !destination)
        return;
    auto early = std::make_shared<EarlyDownload>();
    auto work = std::make_shared<Work>();
    m_early = early;
    m_work = work;
    const Profile p = profile();
    const QString wanted = wantedBaseName(m_request.generation);
    const QString folder = QFileInfo(m_request.target).absolutePath();
    const QProcessEnvironment remote =
        Storage::remoteEnvironment(p, destination.value(), credentials());
    early->verdict = Priority::run([early, work, p, wanted, folder, remote] {
        std::optional<Generation> g = likelyGeneration(p, wanted);
        {
            std::lock_guard lock(early->mutex);
            if (!g || early->abandoned) {
                early->ended = true;
                return Verdict{Verdict::Kind::NotChecked, {}, {}};
            }
            early->generation = g;
            early->partial = folder + QStringLiteral("/.%1.litekeep-partial-%2-early")
                                          .arg(g->baseName())
                                          .arg(QCoreApplication::applicationPid());
        }
        work->total = g->manifest->gzSize;
        const Verdict v = Verifier::verify(
            p, remote, *g, early->partial, &early->cancel,
            [work, early](qint64 d, qint64) {
                if (!early->cancel)
                    work->done = d;
            },
            Verifier::Flush::WhileChecking);
        std::lock_guard lock(early->mutex);
        early->ended = true;
        if (early->abandoned)
            QFile::remove(early->partial);
        return v;
    });
}

void RestoreJob::run()
{
    if (m_request.mode == Mode::Undo) {
        startWorker({});
        return;
    }
    // A bad target is found before any download.
    if (const QString problem = checkTarget(); !problem.isEmpty()) {
        fail(problem);
        return;
    }
    Q_EMIT progress(Phase::Listing, 0, 0);
    startEarlyDownload();
    m_lister = new GenerationLister(profile(), credentials(), this);
    m_lister->list([this](const QList<Generation> &all, const Storage::Failure &f) {
        if (isStopping()) {
            finishStopped(cancelledBeforeStart());
            return;
        }
        if (!f.message.isEmpty()) {
            fail(f.message, f.stderrTail);
            return;
        }
        listed(all);
    });
}

// The generations to try, newest first: the one asked for, or every complete one.
void RestoreJob::listed(const QList<Generation> &all)
{
    QList<Generation> candidates;
    if (m_request.generation.isEmpty()) {
        for (const Generation &g : all) {
            if (g.isComplete())
                candidates.append(g);
        }
        if (candidates.isEmpty()) {
            fail(
                tr("There is no complete generation on %1 to restore.").arg(profile().destination));
            return;
        }
        startWorker(candidates);
        return;
    }
    const QString wanted = wantedBaseName(m_request.generation);
    for (const Generation &g : all) {
        if (g.baseName() == wanted)
            candidates.append(g);
    }
    if (candidates.isEmpty()) {
        fail(tr("There is no generation named \"%1\" on %2; \"litekeep list\" shows "
                "what there is.")
                 .arg(m_request.generation, profile().destination));
        return;
    }
    if (!candidates.first().isComplete()) {
        fail(tr("Generation %1 cannot be restored: it is %2 (%3). Nothing was changed.")
                 .arg(wanted, Generation::stateName(candidates.first().state),
                      candidates.first().problem));
        return;
    }
    startWorker(candidates);
}

RestoreJob::TargetProblem RestoreJob::targetProblem(const QString &liveDatabase,
                                                    const QString &path, bool force)
{
    const QFileInfo target(path);
    if (path.isEmpty() || !target.isAbsolute())
        return TargetProblem::NotAbsolute;
    if (target.absoluteFilePath() == QFileInfo(liveDatabase).absoluteFilePath())
        return TargetProblem::IsLiveDatabase;
    const QFileInfo folder(target.absolutePath());
    if (!folder.isDir())
        return TargetProblem::NoFolder;
    if (::access(QFile::encodeName(folder.absoluteFilePath()).constData(), W_OK) != 0)
        return TargetProblem::FolderNotWritable;
    if (target.exists() && target.isDir())
        return TargetProblem::IsFolder;
    if (target.exists() && !force)
        return TargetProblem::Exists;
    return TargetProblem::None;
}

QString RestoreJob::checkTarget() const
{
    if (m_request.mode == Mode::ToFile) {
        const QString folder = QFileInfo(m_request.target).absolutePath();
        switch (targetProblem(profile().databasePath, m_request.target, m_request.force)) {
        case TargetProblem::None:
            return {};
        case TargetProblem::NotAbsolute:
            return tr("The restore target must be an absolute path.");
        case TargetProblem::IsLiveDatabase:
            return tr("%1 is the profile's live database; use --in-place to replace it safely.")
                .arg(m_request.target);
        case TargetProblem::NoFolder:
            return tr("The folder %1 does not exist; create it first.").arg(folder);
        case TargetProblem::FolderNotWritable:
            return tr("The folder %1 is not writable.").arg(folder);
        case TargetProblem::IsFolder:
            return tr("%1 is a folder; give the path of the new database file.")
                .arg(m_request.target);
        case TargetProblem::Exists:
            return tr("%1 already exists; LiteKeep never overwrites it silently. Choose another "
                      "path, or add "
                      "--force (the existing file is then kept beside it).")
                .arg(m_request.target);
        }
        return {};
    }
    // In place. Whether the generation comes from this very database is asked in the worker
    // (DatabaseIdentity reads the live file, which the GUI thread must not).
    const QString folder = QFileInfo(profile().databasePath).absolutePath();
    if (!QFileInfo(folder).isDir())
        return tr("The folder of the live database, %1, does not exist.").arg(folder);
    return {};
}

void RestoreJob::startWorker(QList<Generation> candidates)
{
    auto steps = std::make_shared<Steps>();
    if (!m_work)
        m_work = std::make_shared<Work>();
    steps->work = m_work;
    // The early download stands for the first candidate, or nothing.
    if (m_early) {
        if (!candidates.isEmpty() && m_early->claim(candidates.first()))
            steps->early = m_early;
        else
            m_early->abandon();
    }
    steps->request = m_request;
    steps->profile = profile();
    steps->busyMs = profile().busyTimeoutSeconds * 1000;
    steps->cancel = cancelFlag();
    if (m_request.mode == Mode::Undo) {
        steps->undo = catalog() ? catalog()->lastUndoableRestore(profile().name) : std::nullopt;
        if (!steps->undo) {
            fail(tr("There is no pre-restore copy of profile \"%1\" to put back.")
                     .arg(profile().name));
            return;
        }
    } else {
        steps->remote = remoteEnvironment();
        if (m_request.mode == Mode::InPlace) {
            qint64 largest = 0;
            for (const Generation &g : std::as_const(candidates))
                largest = std::max(largest, g.manifest ? g.manifest->dbSize : 0);
            if (auto staging = createStaging(QStringLiteral("+restore"), largest); !staging) {
                fail(staging.error());
                return;
            }
            steps->stagingDir = stagingDir();
        }
    }
    steps->candidates = std::move(candidates);
    startProgressPoll([this, work = m_work] {
        Q_EMIT progress(static_cast<Phase>(work->phase.load()), work->done.load(),
                        work->total.load());
    });
    runInPool([steps] { steps->run(); }, [this] { workDone(); });
}

void RestoreJob::workDone()
{
    stopProgressPoll();
    const Work &work = *m_work;
    if (catalog()) {
        for (const auto &[name, verdict] : std::as_const(work.verdicts))
            catalog()->recordVerification(profile().name,
                                          {name, QDateTime::currentDateTimeUtc(), verdict.passed(),
                                           verdict.reason, QStringLiteral("restore")});
    }
    QJsonObject details;
    if (!work.skipped.isEmpty())
        details.insert(QStringLiteral("skipped"), work.skipped);
    if (!work.error.isEmpty()) {
        if (!work.anotherDatabase.isEmpty())
            details.insert(QStringLiteral("another_database"), work.anotherDatabase);
        if (isStopping()) {
            finishStopped(work.error, details);
            return;
        }
        JobResult r = JobResult::failed(work.error);
        r.details = details;
        finish(r);
        return;
    }
    const QString mode = m_request.mode == Mode::ToFile    ? QStringLiteral("to-file")
                         : m_request.mode == Mode::InPlace ? QStringLiteral("in-place")
                                                           : QStringLiteral("undo");
    if (catalog())
        catalog()->recordRestore(
            profile().name, {{}, work.generation, work.restoredPath, mode, work.preRestoreCopy});
    details.insert(QStringLiteral("restored_path"), work.restoredPath);
    details.insert(QStringLiteral("generation"), work.generation);
    details.insert(QStringLiteral("mode"), mode);
    if (!work.preRestoreCopy.isEmpty())
        details.insert(QStringLiteral("pre_restore_copy"), work.preRestoreCopy);
    QJsonArray holders;
    for (const auto &h : std::as_const(work.holders))
        holders.append(
            QJsonObject{{QStringLiteral("pid"), h.pid}, {QStringLiteral("command"), h.command}});
    details.insert(QStringLiteral("other_processes"), holders);
    details.insert(QStringLiteral("notes"), QJsonArray::fromStringList(work.notes));
    QString message =
        m_request.mode == Mode::Undo
            ? tr("Put back the database as it was before the restore of %1.").arg(work.generation)
            : tr("Restored %1 to %2.").arg(work.generation, work.restoredPath);
    for (const QString &note : std::as_const(work.notes))
        message += QLatin1Char(' ') + note;
    finish(JobResult::succeeded(message, details));
}

void RestoreJob::completeResult(JobResult &)
{
    if (m_early)
        m_early->abandon();
}

} // namespace lk

// Restores a generation to a new file or in place, or undoes the last in-place restore.
#include "restore/RestoreJob.h"

#include "generations/GenerationLister.h"
#include "history/Catalog.h"
#include "jobs/Priority.h"
#include "restore/DatabaseIdentity.h"
#include "restore/LiveDatabase.h"
#include "sqlite/SqliteDatabase.h"
#include "storage/Storage.h"
#include "verify/Verifier.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>

#include <mutex>

#include <unistd.h>

namespace lk {

// Shared with the worker thread: the atomics while it runs, the rest once it has finished.
struct RestoreJob::Work
{
    std::atomic<int> phase{static_cast<int>(Phase::Downloading)};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    QString error;
    QString anotherDatabase; // why the generation looks like another database's (DatabaseIdentity)
    QString generation;
    QString restoredPath;
    QString preRestoreCopy;
    QStringList notes;
    QJsonArray skipped;
    QList<LiveDatabase::Holder> holders;
    QList<std::pair<QString, Verdict>> verdicts;
};

// The download of the generation a restore to a file will most likely use, chosen from the
// manifests the last listing mirrored and started while the listing (two rclone runs) reads the
// destination again: on a 40 MB database that listing was a third of the restore. It counts only
// when the listing puts the same generation with the same manifest first, so it was verified
// exactly as that one would have been. Otherwise it is stopped, and whichever of it and
// abandon() comes last removes its file.
struct RestoreJob::EarlyDownload
{
    std::atomic_bool cancel{false};
    QFuture<Verdict> verdict;
    std::mutex mutex;                     // guards the rest
    std::optional<Generation> generation; // the one it downloads, once chosen
    QString partial;
    bool ended = false;
    bool claimed = false;
    bool abandoned = false;

    // Claims the download for `listed` if it is the same generation with the same manifest.
    bool claim(const Generation &listed)
    {
        std::lock_guard lock(mutex);
        claimed = !abandoned && generation && generation->baseName() == listed.baseName() &&
                  generation->manifest && listed.manifest &&
                  generation->manifest->toJson() == listed.manifest->toJson();
        return claimed;
    }
    void abandon()
    {
        cancel = true;
        std::lock_guard lock(mutex);
        if (claimed)
            return; // the worker owns the file
        abandoned = true;
        if (ended && !partial.isEmpty())
            QFile::remove(partial);
    }
};

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

namespace {
QString stamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

// Moves `path` and its -wal/-shm aside so nothing is overwritten; returns the new name.
Result<QString> moveAside(const QString &path)
{
    const QString aside = path + QStringLiteral(".before-restore-") + stamp();
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFileInfo::exists(path + suffix) && !QFile::rename(path + suffix, aside + suffix))
            return Result<QString>::fail(
                RestoreJob::tr("Cannot move %1 aside.").arg(path + suffix));
    }
    return Result<QString>::ok(aside);
}
} // namespace

namespace {
// A downloaded file that is removed when it goes out of scope unless it was released: no
// failure of a restore leaves a partial download behind.
class PartialFile
{
public:
    PartialFile() = default;
    explicit PartialFile(QString path) : m_path(std::move(path)) {}
    PartialFile(PartialFile &&other) noexcept : m_path(other.release()) {}
    PartialFile &operator=(PartialFile &&other) noexcept
    {
        if (this != &other) {
            discard();
            m_path = other.release();
        }
        return *this;
    }
    PartialFile(const PartialFile &) = delete;
    PartialFile &operator=(const PartialFile &) = delete;
    ~PartialFile() { discard(); }

    const QString &path() const { return m_path; }
    bool isEmpty() const { return m_path.isEmpty(); }
    QString release() { return std::exchange(m_path, QString()); }

private:
    void discard()
    {
        if (!m_path.isEmpty())
            QFile::remove(m_path);
        m_path.clear();
    }
    QString m_path;
};
} // namespace

// The worker's part of a restore, on the low-priority pool. What it reads was copied before it
// started; it writes only into Work, which the job reads once it has returned.
struct RestoreJob::Steps
{
    Request request;
    Profile profile;
    int busyMs = 0;
    const std::atomic_bool *cancel = nullptr;
    QProcessEnvironment remote;
    QString stagingDir;
    QList<Generation> candidates;
    std::shared_ptr<EarlyDownload> early; // claimed for the first candidate, or null
    std::optional<RestoreRecord> undo;
    std::shared_ptr<Work> work;

    void run();
    PartialFile fetchAndVerify();
    Verdict download(const Generation &generation, const QString &path);
    void writeToFile(PartialFile source);
    void replaceInPlace(const QString &source);
    void putWhereNothingWas(const QString &source);
    void quickCheck(const QString &live);
    void fail(const QString &message) { work->error = message; }
};

void RestoreJob::Steps::run()
{
    if (request.mode == Mode::Undo) {
        work->generation = undo->generation;
        replaceInPlace(undo->preRestoreCopy); // the copy stays where it is
        return;
    }
    PartialFile source = fetchAndVerify();
    if (source.isEmpty())
        return;
    if (request.mode == Mode::ToFile)
        writeToFile(std::move(source));
    else
        replaceInPlace(source.path()); // the verified download goes when `source` does
}

// Verifies the candidates newest first, and keeps the first that passes. Without a named
// generation, damaged ones are skipped (and the notes say so).
PartialFile RestoreJob::Steps::fetchAndVerify()
{
    // In place, the generation must be a backup of the database it replaces (or --force).
    std::optional<DatabaseIdentity::Live> live;
    if (request.mode == Mode::InPlace && !request.force) {
        auto read = DatabaseIdentity::read(profile.databasePath, busyMs, cancel);
        if (!read) {
            fail(read.error());
            return {};
        }
        live = read.value();
    }
    const QString folder =
        request.mode == Mode::ToFile ? QFileInfo(request.target).absolutePath() : stagingDir;
    for (const Generation &g : std::as_const(candidates)) {
        if (live && g.manifest) {
            work->anotherDatabase = DatabaseIdentity::mismatch(g.baseName(), *g.manifest, *live);
            if (!work->anotherDatabase.isEmpty()) {
                fail(RestoreJob::tr("%1 Nothing was changed. Add --force if you really mean to "
                                    "put it in place of %2.")
                         .arg(work->anotherDatabase, profile.databasePath));
                return {};
            }
        }
        work->phase = static_cast<int>(Phase::Downloading);
        work->total = g.manifest ? g.manifest->gzSize : 0;
        const bool claimed = early && &g == &candidates.constFirst();
        // Claimed, the early download's file is ours: nothing else touches it any more.
        PartialFile partial(claimed ? early->partial
                                    : folder + QStringLiteral("/.%1.litekeep-partial-%2")
                                                   .arg(g.baseName())
                                                   .arg(QCoreApplication::applicationPid()));
        const Verdict v = claimed ? early->verdict.result() : download(g, partial.path());
        if (v.kind == Verdict::Kind::NotChecked) {
            fail(RestoreJob::tr("Generation %1 could not be downloaded and checked: %2 Nothing "
                                "was changed.")
                     .arg(g.baseName(), v.reason));
            return {};
        }
        work->verdicts.append({g.baseName(), v});
        if (v.passed()) {
            work->generation = g.baseName();
            return partial;
        }
        work->skipped.append(QJsonObject{{QStringLiteral("generation"), g.baseName()},
                                         {QStringLiteral("reason"), v.reason}});
        if (!request.generation.isEmpty()) {
            fail(RestoreJob::tr("Generation %1 failed verification (%2); it was refused and "
                                "nothing was changed.")
                     .arg(g.baseName(), v.reason));
            return {};
        }
        work->notes.append(
            RestoreJob::tr("Skipped %1: it failed verification (%2).").arg(g.baseName(), v.reason));
    }
    fail(RestoreJob::tr("No generation passed verification; nothing was changed."));
    return {};
}

Verdict RestoreJob::Steps::download(const Generation &generation, const QString &path)
{
    work->done = 0;
    const auto flush =
        request.mode == Mode::ToFile ? Verifier::Flush::WhileChecking : Verifier::Flush::No;
    auto counter = work;
    return Verifier::verify(
        profile, remote, generation, path, cancel,
        [counter](qint64 done, qint64) { counter->done = done; }, flush);
}

void RestoreJob::Steps::writeToFile(PartialFile source)
{
    work->phase = static_cast<int>(Phase::Writing);
    if (QFileInfo::exists(request.target)) {
        auto aside = moveAside(request.target);
        if (!aside) {
            fail(aside.error());
            return;
        }
        work->notes.append(RestoreJob::tr("The file that was at %1 is kept as %2.")
                               .arg(request.target, aside.value()));
    }
    if (Status s = LiveDatabase::publish(source.path(), request.target); !s) {
        fail(s.error);
        return;
    }
    source.release(); // it is the restored database now
    work->restoredPath = request.target;
}

namespace {
// A new pre-restore copy's path: never the name of an existing copy (an undo within the same
// second must not overwrite the copy it is about to put back).
QString newPreRestoreCopy(const QString &profile, const QString &source)
{
    QString path;
    for (int n = 0; path.isEmpty() || QFileInfo::exists(path) || path == source; ++n)
        path = RestoreJob::preRestoreFolder() + QLatin1Char('/') + profile + QLatin1Char('-') +
               stamp() + (n > 0 ? QStringLiteral("-%1").arg(n) : QString()) + QStringLiteral(".db");
    return path;
}
} // namespace

// In place (or undo): the live database keeps working for everyone else; what was there is
// kept as a pre-restore copy first.
void RestoreJob::Steps::replaceInPlace(const QString &source)
{
    const QString live = profile.databasePath;
    work->restoredPath = live;
    work->holders = LiveDatabase::holders(live);
    if (!work->holders.isEmpty())
        work->notes.append(
            RestoreJob::tr("Other programs had the database open: %1. They now see the restored "
                           "content; restart them if they cache data.")
                .arg(LiveDatabase::describe(work->holders)));
    if (!QFileInfo::exists(live)) {
        putWhereNothingWas(source);
        return;
    }
    work->phase = static_cast<int>(Phase::KeepingCopy);
    const QString copyPath = newPreRestoreCopy(profile.name, source);
    auto kept = LiveDatabase::keepCopy(live, copyPath, busyMs, cancel);
    if (!kept) {
        fail(RestoreJob::tr("Could not keep a copy of the current database, so nothing was "
                            "changed: %1")
                 .arg(kept.error()));
        return;
    }
    work->preRestoreCopy = copyPath;
    work->phase = static_cast<int>(Phase::Writing);
    auto replaced = LiveDatabase::replaceContent(live, source, busyMs, cancel);
    if (!replaced) {
        QFile::remove(copyPath);
        work->preRestoreCopy.clear();
        fail(replaced.error());
        return;
    }
    if (!replaced.value().isEmpty())
        work->notes.append(replaced.value());
    work->notes.append(RestoreJob::tr("The database as it was is kept in %1 (\"litekeep restore "
                                      "--undo\" puts it back).")
                           .arg(copyPath));
    quickCheck(live);
}

void RestoreJob::Steps::putWhereNothingWas(const QString &source)
{
    const QString live = profile.databasePath;
    work->phase = static_cast<int>(Phase::Writing);
    const QString copy = live + QStringLiteral(".litekeep-partial");
    // An undo copies its pre-restore copy, which stays; a restore moves its verified download.
    if (request.mode == Mode::Undo ? !QFile::copy(source, copy) : !QFile::rename(source, copy)) {
        fail(RestoreJob::tr("Cannot write %1.").arg(copy));
        return;
    }
    if (Status s = LiveDatabase::publish(copy, live); !s) {
        fail(s.error);
        return;
    }
    work->notes.append(
        RestoreJob::tr("There was no database at %1; the restored one was put there.").arg(live));
}

void RestoreJob::Steps::quickCheck(const QString &live)
{
    SqliteDatabase check;
    if (!check.open(live, SqliteDatabase::Mode::ReadOnly, busyMs))
        return;
    auto quick = check.queryValue(QStringLiteral("PRAGMA quick_check"));
    if (quick && quick.value().toString() != QLatin1String("ok"))
        work->notes.append(
            RestoreJob::tr("Warning: PRAGMA quick_check of the restored database says: %1")
                .arg(quick.value().toString()));
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
        steps->remote = Storage::remoteEnvironment(profile(), profile().parsedDestination().value(),
                                                   credentials());
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

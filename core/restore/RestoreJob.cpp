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
#include <QtConcurrent/QtConcurrentRun>

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
    : QObject(parent), m_profile(std::move(profile)), m_credentials(std::move(credentials)),
      m_catalog(catalog), m_request(std::move(request)), m_lock(m_profile.name)
{
    m_poll.setInterval(250);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_work)
            Q_EMIT progress(static_cast<Phase>(m_work->phase.load()), m_work->done.load(),
                            m_work->total.load());
    });
}

RestoreJob::~RestoreJob()
{
    m_cancel = true;
    if (m_early)
        m_early->cancel = true;
    if (m_worker.isRunning())
        m_worker.waitForFinished();
    if (m_early) {
        m_early->abandon();
        m_early->verdict.waitForFinished();
    }
    Staging::remove(m_stagingDir);
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

void RestoreJob::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &RestoreJob::begin, Qt::QueuedConnection);
}

void RestoreJob::cancel()
{
    if (m_finished || m_cancel.exchange(true))
        return;
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
    const auto destination = m_profile.parsedDestination();
    if (m_request.mode != Mode::ToFile || !destination)
        return;
    auto early = std::make_shared<EarlyDownload>();
    auto work = std::make_shared<Work>();
    m_early = early;
    m_work = work;
    const Profile profile = m_profile;
    const QString wanted = wantedBaseName(m_request.generation);
    const QString folder = QFileInfo(m_request.target).absolutePath();
    const QProcessEnvironment remote =
        Storage::remoteEnvironment(m_profile, destination.value(), m_credentials);
    early->verdict = Priority::run([early, work, profile, wanted, folder, remote] {
        std::optional<Generation> g = likelyGeneration(profile, wanted);
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
            profile, remote, *g, early->partial, &early->cancel,
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

void RestoreJob::begin()
{
    if (Status locked = m_lock.tryLock(); !locked) {
        finish(JobResult::failed(locked.error));
        return;
    }
    if (m_catalog) {
        // We hold the profile's lock: a run still "running" in the history was killed.
        m_catalog->markInterrupted(m_profile.name);
        if (auto id = m_catalog->recordStart(m_profile.name, QStringLiteral("restore")))
            m_runId = id.value();
    }
    if (m_request.mode == Mode::Undo) {
        runWorker({});
        return;
    }
    // A bad target is found before any download.
    if (const QString problem = checkTarget(); !problem.isEmpty()) {
        finish(JobResult::failed(problem));
        return;
    }
    Q_EMIT progress(Phase::Listing, 0, 0);
    startEarlyDownload();
    m_lister = new GenerationLister(m_profile, m_credentials, this);
    m_lister->list([this](const QList<Generation> &all, const Storage::Failure &f) {
        if (m_cancel) {
            finish(JobResult::cancelled(tr("Restore cancelled; nothing was changed.")));
            return;
        }
        if (!f.message.isEmpty()) {
            finish(JobResult::failed(f.message, f.stderrTail));
            return;
        }
        QList<Generation> candidates;
        if (!m_request.generation.isEmpty()) {
            const QString wanted = wantedBaseName(m_request.generation);
            for (const Generation &g : all) {
                if (g.baseName() == wanted)
                    candidates.append(g);
            }
            if (candidates.isEmpty()) {
                finish(JobResult::failed(
                    tr("There is no generation named \"%1\" on %2; \"litekeep list\" shows "
                       "what there is.")
                        .arg(m_request.generation, m_profile.destination)));
                return;
            }
            if (!candidates.first().isComplete()) {
                finish(JobResult::failed(
                    tr("Generation %1 cannot be restored: it is %2 (%3). Nothing was changed.")
                        .arg(wanted, Generation::stateName(candidates.first().state),
                             candidates.first().problem)));
                return;
            }
        } else {
            for (const Generation &g : all) {
                if (g.isComplete())
                    candidates.append(g);
            }
            if (candidates.isEmpty()) {
                finish(JobResult::failed(tr("There is no complete generation on %1 to restore.")
                                             .arg(m_profile.destination)));
                return;
            }
        }
        runWorker(candidates);
    });
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
        switch (targetProblem(m_profile.databasePath, m_request.target, m_request.force)) {
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
    if (!QFileInfo(QFileInfo(m_profile.databasePath).absolutePath()).isDir())
        return tr("The folder of the live database, %1, does not exist.")
            .arg(QFileInfo(m_profile.databasePath).absolutePath());
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

void RestoreJob::runWorker(QList<Generation> candidates)
{
    auto work = m_work ? m_work : std::make_shared<Work>();
    m_work = work;
    // The early download stands for the first candidate, or nothing.
    std::shared_ptr<EarlyDownload> early;
    if (m_early) {
        if (!candidates.isEmpty() && m_early->claim(candidates.first()))
            early = m_early;
        else
            m_early->abandon();
    }
    const Request request = m_request;
    const Profile profile = m_profile;
    const int busyMs = m_profile.busyTimeoutSeconds * 1000;
    const std::atomic_bool *cancel = &m_cancel;

    std::optional<RestoreRecord> undo;
    if (request.mode == Mode::Undo) {
        undo = m_catalog ? m_catalog->lastUndoableRestore(m_profile.name) : std::nullopt;
        if (!undo) {
            finish(
                JobResult::failed(tr("There is no pre-restore copy of profile \"%1\" to put back.")
                                      .arg(m_profile.name)));
            return;
        }
    }
    QProcessEnvironment remote;
    if (request.mode != Mode::Undo) {
        remote = Storage::remoteEnvironment(m_profile, m_profile.parsedDestination().value(),
                                            m_credentials);
        if (request.mode == Mode::InPlace) {
            qint64 largest = 0;
            for (const Generation &g : std::as_const(candidates))
                largest = std::max(largest, g.manifest ? g.manifest->dbSize : 0);
            auto staging = Staging::create(m_profile.name + QStringLiteral("+restore"), largest);
            if (!staging) {
                finish(JobResult::failed(staging.error()));
                return;
            }
            m_stagingDir = staging.value();
        }
    }
    const QString stagingDir = m_stagingDir;

    connect(
        &m_worker, &QFutureWatcher<void>::finished, this,
        [this] {
            m_poll.stop();
            if (m_catalog) {
                for (const auto &[name, verdict] : std::as_const(m_work->verdicts))
                    m_catalog->recordVerification(
                        m_profile.name, {name, QDateTime::currentDateTimeUtc(), verdict.passed(),
                                         verdict.reason, QStringLiteral("restore")});
            }
            if (!m_work->error.isEmpty()) {
                JobResult r = m_cancel ? JobResult::cancelled(m_work->error)
                                       : JobResult::failed(m_work->error);
                if (!m_work->skipped.isEmpty())
                    r.details.insert(QStringLiteral("skipped"), m_work->skipped);
                if (!m_work->anotherDatabase.isEmpty())
                    r.details.insert(QStringLiteral("another_database"), m_work->anotherDatabase);
                finish(r);
                return;
            }
            const QString mode = m_request.mode == Mode::ToFile    ? QStringLiteral("to-file")
                                 : m_request.mode == Mode::InPlace ? QStringLiteral("in-place")
                                                                   : QStringLiteral("undo");
            if (m_catalog)
                m_catalog->recordRestore(
                    m_profile.name,
                    {{}, m_work->generation, m_work->restoredPath, mode, m_work->preRestoreCopy});
            QJsonObject details{{QStringLiteral("restored_path"), m_work->restoredPath},
                                {QStringLiteral("generation"), m_work->generation},
                                {QStringLiteral("mode"), mode}};
            if (!m_work->preRestoreCopy.isEmpty())
                details.insert(QStringLiteral("pre_restore_copy"), m_work->preRestoreCopy);
            if (!m_work->skipped.isEmpty())
                details.insert(QStringLiteral("skipped"), m_work->skipped);
            QJsonArray holders;
            for (const auto &h : std::as_const(m_work->holders))
                holders.append(QJsonObject{{QStringLiteral("pid"), h.pid},
                                           {QStringLiteral("command"), h.command}});
            details.insert(QStringLiteral("other_processes"), holders);
            details.insert(QStringLiteral("notes"), QJsonArray::fromStringList(m_work->notes));
            QString message =
                m_request.mode == Mode::Undo
                    ? tr("Put back the database as it was before the restore of %1.")
                          .arg(m_work->generation)
                    : tr("Restored %1 to %2.").arg(m_work->generation, m_work->restoredPath);
            for (const QString &note : std::as_const(m_work->notes))
                message += QLatin1Char(' ') + note;
            finish(JobResult::succeeded(message, details));
        },
        Qt::SingleShotConnection);
    m_poll.start();

    m_worker.setFuture(Priority::run([=] {
        auto fail = [&](const QString &message) { work->error = message; };
        QString source; // the verified database to put in place
        if (request.mode == Mode::Undo) {
            source = undo->preRestoreCopy;
            work->generation = undo->generation;
        } else {
            // In place, the generation must be a backup of the database it replaces (or --force).
            std::optional<DatabaseIdentity::Live> live;
            if (request.mode == Mode::InPlace && !request.force) {
                auto read = DatabaseIdentity::read(profile.databasePath, busyMs, cancel);
                if (!read) {
                    fail(read.error());
                    return;
                }
                live = read.value();
            }
            // Verify candidates newest first; with --latest, damaged ones are skipped (and said
            // so).
            const QString folder = request.mode == Mode::ToFile
                                       ? QFileInfo(request.target).absolutePath()
                                       : stagingDir;
            for (const Generation &g : candidates) {
                QString partial = folder + QStringLiteral("/.%1.litekeep-partial-%2")
                                               .arg(g.baseName())
                                               .arg(QCoreApplication::applicationPid());
                if (live && g.manifest) {
                    work->anotherDatabase =
                        DatabaseIdentity::mismatch(g.baseName(), *g.manifest, *live);
                    if (!work->anotherDatabase.isEmpty()) {
                        fail(tr("%1 Nothing was changed. Add --force if you really mean to put it "
                                "in place of %2.")
                                 .arg(work->anotherDatabase, profile.databasePath));
                        return;
                    }
                }
                work->phase = static_cast<int>(Phase::Downloading);
                work->total = g.manifest ? g.manifest->gzSize : 0;
                Verdict v;
                if (early && &g == &candidates.constFirst()) {
                    partial = early->partial; // claimed: nothing else touches it any more
                    v = early->verdict.result();
                } else {
                    work->done = 0;
                    const auto flush = request.mode == Mode::ToFile ? Verifier::Flush::WhileChecking
                                                                    : Verifier::Flush::No;
                    v = Verifier::verify(
                        profile, remote, g, partial, cancel,
                        [work](qint64 d, qint64) { work->done = d; }, flush);
                }
                if (v.kind == Verdict::Kind::NotChecked) {
                    QFile::remove(partial);
                    fail(tr("Generation %1 could not be downloaded and checked: %2 Nothing was "
                            "changed.")
                             .arg(g.baseName(), v.reason));
                    return;
                }
                work->verdicts.append({g.baseName(), v});
                if (v.passed()) {
                    source = partial;
                    work->generation = g.baseName();
                    break;
                }
                work->skipped.append(QJsonObject{{QStringLiteral("generation"), g.baseName()},
                                                 {QStringLiteral("reason"), v.reason}});
                if (!request.generation.isEmpty()) {
                    fail(tr("Generation %1 failed verification (%2); it was refused and nothing "
                            "was changed.")
                             .arg(g.baseName(), v.reason));
                    return;
                }
                work->notes.append(
                    tr("Skipped %1: it failed verification (%2).").arg(g.baseName(), v.reason));
            }
            if (source.isEmpty()) {
                fail(tr("No generation passed verification; nothing was changed."));
                return;
            }
        }

        if (request.mode == Mode::ToFile) {
            work->phase = static_cast<int>(Phase::Writing);
            if (QFileInfo::exists(request.target)) {
                auto aside = moveAside(request.target);
                if (!aside) {
                    QFile::remove(source);
                    fail(aside.error());
                    return;
                }
                work->notes.append(tr("The file that was at %1 is kept as %2.")
                                       .arg(request.target, aside.value()));
            }
            if (Status s = LiveDatabase::publish(source, request.target); !s) {
                QFile::remove(source);
                fail(s.error);
                return;
            }
            work->restoredPath = request.target;
            return;
        }

        // In place (or undo): the live database must keep working for everyone else.
        const QString live = profile.databasePath;
        work->restoredPath = live;
        work->holders = LiveDatabase::holders(live);
        if (!work->holders.isEmpty())
            work->notes.append(
                tr("Other programs had the database open: %1. They now see the restored content; "
                   "restart them if they cache data.")
                    .arg(LiveDatabase::describe(work->holders)));
        if (!QFileInfo::exists(live)) {
            work->phase = static_cast<int>(Phase::Writing);
            const QString copy = live + QStringLiteral(".litekeep-partial");
            if (request.mode == Mode::Undo ? !QFile::copy(source, copy)
                                           : !QFile::rename(source, copy)) {
                fail(tr("Cannot write %1.").arg(copy));
                return;
            }
            if (Status s = LiveDatabase::publish(copy, live); !s) {
                fail(s.error);
                return;
            }
            work->notes.append(
                tr("There was no database at %1; the restored one was put there.").arg(live));
            return;
        }
        work->phase = static_cast<int>(Phase::KeepingCopy);
        // Never the name of an existing copy (an undo within the same second must not
        // overwrite the copy it is about to put back).
        QString copyPath;
        for (int n = 0; copyPath.isEmpty() || QFileInfo::exists(copyPath) || copyPath == source;
             ++n)
            copyPath = preRestoreFolder() + QLatin1Char('/') + profile.name + QLatin1Char('-') +
                       stamp() + (n > 0 ? QStringLiteral("-%1").arg(n) : QString()) +
                       QStringLiteral(".db");
        auto kept = LiveDatabase::keepCopy(live, copyPath, busyMs, cancel);
        if (!kept) {
            fail(tr("Could not keep a copy of the current database, so nothing was changed: %1")
                     .arg(kept.error()));
            return;
        }
        work->preRestoreCopy = copyPath;
        work->phase = static_cast<int>(Phase::Writing);
        auto replaced = LiveDatabase::replaceContent(live, source, busyMs, cancel);
        if (request.mode != Mode::Undo)
            QFile::remove(source);
        if (!replaced) {
            QFile::remove(copyPath);
            work->preRestoreCopy.clear();
            fail(replaced.error());
            return;
        }
        if (!replaced.value().isEmpty())
            work->notes.append(replaced.value());
        work->notes.append(
            tr("The database as it was is kept in %1 (\"litekeep restore --undo\" puts it back).")
                .arg(copyPath));
        SqliteDatabase check;
        if (check.open(live, SqliteDatabase::Mode::ReadOnly, busyMs)) {
            auto quick = check.queryValue(QStringLiteral("PRAGMA quick_check"));
            if (quick && quick.value().toString() != QLatin1String("ok"))
                work->notes.append(
                    tr("Warning: PRAGMA quick_check of the restored database says: %1")
                        .arg(quick.value().toString()));
        }
    }));
}

void RestoreJob::finish(JobResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_poll.stop();
    if (m_early)
        m_early->abandon();
    Staging::removeInBackground(m_stagingDir);
    m_stagingDir.clear();
    m_lock.unlock();
    result.details.insert(QStringLiteral("profile"), m_profile.name);
    if (m_catalog && m_runId >= 0)
        m_catalog->recordFinish(m_runId, result);
    Q_EMIT finished(result);
}

} // namespace lk

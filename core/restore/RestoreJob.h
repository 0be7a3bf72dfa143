// Restores a generation: to a new file, or in place (keeping a pre-restore copy and writing
// through the backup API), or puts the last pre-restore copy back (undo). Every generation is
// fully verified before anything is touched.
#pragma once

#include "generations/Generation.h"
#include "jobs/JobResult.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"
#include "storage/Staging.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace lk {

class Catalog;
class GenerationLister;

class RestoreJob : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        ToFile,
        InPlace,
        Undo
    };
    enum class Phase
    {
        Listing,
        Downloading,
        KeepingCopy,
        Writing,
        Done
    };
    Q_ENUM(Phase)

    struct Request
    {
        Mode mode = Mode::ToFile;
        QString generation; // empty: the newest generation that verifies
        QString target;     // Mode::ToFile: the new file
        bool force = false; // replace an existing target / accept another database's generation
    };

    RestoreJob(Profile profile, Credentials credentials, Catalog *catalog, Request request,
               QObject *parent = nullptr);
    ~RestoreJob() override;

    void start();
    void cancel();
    static QString phaseName(Phase phase);

    // What is wrong with `target` as the new file of a restore to a file (the one rule the
    // command line, the wizard and the job share; each says it in its own words).
    enum class TargetProblem
    {
        None,
        NotAbsolute,
        IsLiveDatabase,
        NoFolder,
        FolderNotWritable,
        IsFolder,
        Exists
    };
    static TargetProblem targetProblem(const QString &liveDatabase, const QString &target,
                                       bool force);
    // Where in-place restores keep what was there: ~/.local/share/litekeep/pre-restore.
    static QString preRestoreFolder();

Q_SIGNALS:
    void progress(lk::RestoreJob::Phase phase, qint64 done, qint64 total);
    void finished(const lk::JobResult &result);

private:
    struct Work;
    struct EarlyDownload;
    void begin();
    void startEarlyDownload();
    void runWorker(QList<Generation> candidates);
    QString checkTarget() const;
    void finish(JobResult result);

    Profile m_profile;
    Credentials m_credentials;
    Catalog *m_catalog;
    Request m_request;
    ProfileLock m_lock;
    GenerationLister *m_lister = nullptr;
    std::shared_ptr<Work> m_work;
    std::shared_ptr<EarlyDownload> m_early;
    QFutureWatcher<void> m_worker;
    QTimer m_poll;
    QString m_stagingDir;
    qint64 m_runId = -1;
    std::atomic_bool m_cancel{false};
    bool m_started = false;
    bool m_finished = false;
};

} // namespace lk

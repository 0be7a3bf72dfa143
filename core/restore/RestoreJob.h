// Restores a generation: to a new file, or in place (keeping a pre-restore copy and writing
// through the backup API), or puts the last pre-restore copy back (undo). Every generation is
// fully verified before anything is touched.
#pragma once

#include "generations/Generation.h"
#include "jobs/Job.h"

#include <memory>
#include <optional>

namespace lk {

class Catalog;
class GenerationLister;
struct RestoreRecord;

class RestoreJob : public Job
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

private:
    struct Work;
    struct EarlyDownload;
    struct Steps;
    void run() override;
    void stopWork() override;
    void completeResult(JobResult &result) override;
    QString cancelledBeforeStart() const override;
    void startEarlyDownload();
    void listed(const QList<Generation> &all);
    void startWorker(QList<Generation> candidates);
    void workDone();
    QString checkTarget() const;

    Request m_request;
    GenerationLister *m_lister = nullptr;
    std::shared_ptr<Work> m_work;
    std::shared_ptr<EarlyDownload> m_early;
};

} // namespace lk

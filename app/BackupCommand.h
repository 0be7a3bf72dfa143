// litekeep backup [--profile NAME]: one backup now, progress on stderr, Ctrl+C cancels.
#pragma once

#include "Command.h"
#include "ProgressPrinter.h"
#include "history/Catalog.h"
#include "jobs/Job.h"
#include "settings/CredentialStore.h"

#include <memory>

namespace lk {

class BackupJob;

class BackupCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;

private:
    void startJob(const Profile &profile, const Credentials &credentials);
    void report(const JobResult &result);

    std::unique_ptr<Catalog> m_catalog;
    ProgressPrinter m_progress;
    BackupJob *m_job = nullptr;
    bool m_verify = true;
    Job::CancelReason m_interrupted = Job::CancelReason::None; // the first signal's
};

} // namespace lk

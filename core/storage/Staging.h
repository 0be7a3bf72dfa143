// Private scratch space for one run's snapshot and compressed copy, and the per-profile lock.
#pragma once

#include "jobs/Result.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

#include <memory>

namespace lk {

class Staging
{
    Q_DECLARE_TR_FUNCTIONS(Staging)

public:
    // ~/.cache/litekeep/staging, created 0700.
    static QString root();
    // ~/.cache/litekeep/locks (0700): the profile locks, and what a run keeps beside its lock.
    static QString lockFolder();

    // Removes what earlier runs of `profile` left behind (a crash, a SIGKILL), then makes a
    // fresh 0700 folder, after checking that `bytesNeeded` fit on its file system.
    // Call only while holding the profile's lock.
    static Result<QString> create(const QString &profile, qint64 bytesNeeded);
    static void remove(const QString &folder);
    // The same on a worker thread, for the job's own thread (the GUI's): unlinking a file of
    // hundreds of MB that is still being written back takes 0.1-0.2 s. The program waits for it
    // before it exits.
    static void removeInBackground(const QString &folder);
    static void removeFileInBackground(const QString &file);
};

// Two runs of one profile never interleave. A lock left by a process that died is taken over.
class ProfileLock
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLock)

public:
    explicit ProfileLock(const QString &profile);
    Status tryLock();
    void unlock();
    bool isLocked() const { return m_lock && m_lock->isLocked(); }
    // After a failed tryLock(): whether a live run of the profile holds it (the failure is
    // then "busy", not an error of ours).
    bool isHeldByAnother() const { return m_heldByAnother; }

private:
    // "process 1234: litekeep backup --profile x" or "the LiteKeep app (process 1234)".
    static QString describeProcess(qint64 pid);

    QString m_profile;
    bool m_heldByAnother = false;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace lk

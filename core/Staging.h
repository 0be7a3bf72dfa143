// Private scratch space for one run's snapshot and compressed copy, and the per-profile lock.
#pragma once

#include "Result.h"

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

private:
    QString m_profile;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace lk

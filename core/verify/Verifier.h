// Full verification of one generation: streamed download, both SHA-256s, gunzip, and SQLite's
// own checks compared with the manifest. Blocking: run it on a worker thread.
#pragma once

#include "generations/Generation.h"
#include "settings/Profile.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

#include <atomic>
#include <functional>
#include <memory>

namespace lk {

struct Verdict
{
    enum class Kind
    {
        Passed,
        Failed,     // the generation is bad: a checksum, the gzip stream or the database
        NotChecked, // we could not find out (network, cancel, no room): says nothing about it
    };
    Kind kind = Kind::NotChecked;
    // Why it failed or could not be checked. When it passed on a second download, what the
    // first one got wrong (a transfer error, worth recording); otherwise empty when it passed.
    QString reason;
    QString stderrTail;

    bool passed() const { return kind == Kind::Passed; }
};

class Verifier
{
    Q_DECLARE_TR_FUNCTIONS(Verifier)

public:
    using Progress = std::function<void(qint64 done, qint64 total)>;
    // WhileChecking: the file is going to be kept (a restore), so it is flushed to disk on
    // another thread while SQLite checks it.
    enum class Flush
    {
        No,
        WhileChecking
    };

    // Downloads `generation` into `databasePath` (a new file) and checks it. The file is left
    // in place when the verdict is Passed (a restore uses it) and removed otherwise. A download
    // that fails a check is downloaded once more before the generation is called damaged: one
    // byte flipped in transit is not damage. `progress` starts again from 0 for that download.
    static Verdict verify(const Profile &profile, const QProcessEnvironment &remote,
                          const Generation &generation, const QString &databasePath,
                          const std::atomic_bool *cancel, const Progress &progress = {},
                          Flush flush = Flush::No);

    // A verification that keeps nothing: verify() into `path`, which is removed afterwards
    // whatever the verdict; the bytes downloaded so far are counted into `done`.
    static Verdict verifyCopy(const Profile &profile, const QProcessEnvironment &remote,
                              const Generation &generation, const QString &path,
                              const std::atomic_bool *cancel,
                              const std::shared_ptr<std::atomic<qint64>> &done);

    // The manifest's facts against the downloaded database (page count, schema, rows...).
    static QString compareWithManifest(const QString &databasePath, const Manifest &manifest,
                                       const std::atomic_bool *cancel);

private:
    // One download and all its checks, without the second chance.
    static Verdict downloadAndCheck(const Profile &profile, const Destination &destination,
                                    const QProcessEnvironment &remote, const Generation &generation,
                                    const QString &databasePath, const std::atomic_bool *cancel,
                                    const Progress &progress, Flush flush);
};

} // namespace lk

// The parts of a restore that run on the worker thread (RestoreJob.cpp starts them): the
// state it shares with the job, the early download, and the steps themselves. Internal to
// RestoreJob; nothing else includes it.
#pragma once

#include "history/Catalog.h"
#include "restore/LiveDatabase.h"
#include "restore/RestoreJob.h"
#include "verify/Verifier.h"

#include <QFile>
#include <QFuture>
#include <QJsonArray>
#include <QProcessEnvironment>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace lk {

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
    std::optional<Manifest> chosen; // the manifest of the generation that passed

    void run();
    PartialFile fetchAndVerify();
    Verdict download(const Generation &generation, const QString &path);
    void writeToFile(PartialFile source);
    // A new file like the original: its journal mode and permission bits (Manifest).
    Status likeTheOriginal(const QString &path) const;
    void replaceInPlace(const QString &source);
    void putWhereNothingWas(const QString &source);
    void quickCheck(const QString &live);
    void fail(const QString &message) { work->error = message; }
};

} // namespace lk

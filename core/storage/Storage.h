// Operations on a profile's destination (upload, stat, list, delete), all through rclone.
#pragma once

#include "jobs/Result.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"
#include "storage/Destination.h"
#include "storage/RcloneDaemon.h"
#include "storage/RcloneProcess.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

namespace lk {

class Storage : public QObject
{
    Q_OBJECT

public:
    struct ObjectInfo
    {
        QString name;
        qint64 size = 0;
        QString md5; // empty where the destination gives none (multipart uploads)
        QDateTime modTime;
    };
    // What went wrong, plus rclone's own last lines for the curious.
    struct Failure
    {
        QString message;
        QString stderrTail;
    };
    template <typename T> using Done = std::function<void(const T &value, const Failure &failure)>;

    Storage(const Profile &profile, const Destination &destination, const Credentials &credentials,
            QObject *parent = nullptr);

    // The RCLONE_CONFIG_LITEKEEP_* variables that define the remote; secrets live only here.
    static QProcessEnvironment remoteEnvironment(const Profile &profile,
                                                 const Destination &destination,
                                                 const Credentials &credentials);

    // From now on upload, list and remove go through one `rclone rcd` (RcloneDaemon) instead of
    // a process each, until endSession(); the others (streams, reads, mirrors) stay processes.
    // If the daemon cannot start (LITEKEEP_RCLONE_DAEMON=0, an rclone without rcd), every
    // operation runs as a process, as without it.
    void startSession();
    void endSession();

    void upload(const QString &localFile, const QString &objectName, Done<bool> done);
    // rclone rcat: the object's content is read from `stdinDescriptor` until its end. rclone
    // commits the object at end of input, so a writer that fails must have this cancelled
    // before it closes its end (see StreamedUpload).
    void uploadStream(int stdinDescriptor, const QString &objectName, Done<bool> done);
    // `timeoutMs` 0: the default bound for a listing (kListTimeoutMs).
    void list(Done<QList<ObjectInfo>> done, int timeoutMs = 0);
    // Mirrors the profile's manifests into `localFolder` (only new ones are downloaded; ones
    // gone from the destination disappear). One rclone call, however many generations.
    void mirrorManifests(const QString &localFolder, Done<bool> done);
    // `timeoutMs` 0: the default bound for a deletion.
    void remove(const QString &objectName, Done<bool> done, int timeoutMs = 0);
    // A small object's content (a probe, a manifest); not for generations.
    void read(const QString &objectName, Done<QByteArray> done);
    void cancel();
    // Runs `then` once no rclone of this storage runs any more (at once when none does): after
    // a cancel, the session's daemon may still be finishing a copy it had begun.
    void whenStopped(std::function<void()> then);
    // Kills the running rclone (and the session's daemon) at once (SIGKILL) and waits for it,
    // without a callback: for destructors.
    void abortNow();

    // `rclone lsjson` output, or the daemon's {"list": [...]}.
    static Result<QList<ObjectInfo>> parseListing(const QByteArray &json);

Q_SIGNALS:
    void transferProgress(qint64 bytes, qint64 totalBytes);

private:
    using Finished = std::function<void(const RcloneProcess::Outcome &, const Failure &)>;
    // One operation both ways: rclone's command line, and the same as an rc call.
    struct Operation
    {
        QStringList arguments;
        QString method;
        QJsonObject params;
        int attempts = 1; // a failed rc call is made again, as --retries does for a command
    };
    void dispatch(const Operation &operation, const QString &action, int timeoutMs, Finished done);
    Failure explain(const RcloneProcess::Outcome &o, const QString &action) const;
    void run(const QStringList &arguments, const QString &action, int timeoutMs,
             std::function<void(const RcloneProcess::Outcome &, const Failure &)> done,
             int stdinDescriptor = -1);
    // rclone's "directory not found" (exit 3): nothing there yet for a local folder, but on
    // S3 (where a missing prefix simply lists empty) it means the bucket is missing.
    bool isMissingFolder(const RcloneProcess::Outcome &o, Failure *failure) const;

    Profile m_profile;
    Destination m_destination;
    QProcessEnvironment m_remote;
    QPointer<RcloneProcess> m_current;
    QPointer<RcloneDaemon> m_daemon;
    bool m_cancelled = false;
};

} // namespace lk

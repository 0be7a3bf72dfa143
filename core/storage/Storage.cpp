// Operations on a profile's destination, all through rclone.
#include "storage/Storage.h"

#include "storage/RcloneErrors.h"
#include "storage/Staging.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lk {

namespace {
// Every job starts by listing, so this bounds how long any job waits for a destination that
// accepts connections but never answers (within the 3 minutes DESIGN.md allows); a refused
// connection fails in seconds, after rclone's retries with backoff.
constexpr int kListTimeoutMs = 150 * 1000;
constexpr int kMirrorTimeoutMs = 5 * 60 * 1000;
constexpr int kDeleteTimeoutMs = 2 * 60 * 1000;
constexpr int kAttempts = 3; // rclone's --retries in RcloneProcess::commonArguments
const QString kVar = QStringLiteral("RCLONE_CONFIG_LITEKEEP_");
} // namespace

Storage::Storage(const Profile &profile, const Destination &destination,
                 const Credentials &credentials, QObject *parent)
    : QObject(parent), m_profile(profile), m_destination(destination),
      m_remote(remoteEnvironment(profile, destination, credentials))
{
}

QProcessEnvironment Storage::remoteEnvironment(const Profile &profile,
                                               const Destination &destination,
                                               const Credentials &credentials)
{
    QProcessEnvironment env;
    if (!destination.isS3())
        return env;
    const bool cloudflare =
        profile.provider.compare(QLatin1String("Cloudflare"), Qt::CaseInsensitive) == 0;
    env.insert(kVar + QStringLiteral("TYPE"), QStringLiteral("s3"));
    env.insert(kVar + QStringLiteral("PROVIDER"), profile.provider);
    env.insert(kVar + QStringLiteral("ENV_AUTH"), QStringLiteral("false"));
    env.insert(kVar + QStringLiteral("ACCESS_KEY_ID"), credentials.accessKeyId);
    env.insert(kVar + QStringLiteral("SECRET_ACCESS_KEY"), credentials.secretAccessKey);
    env.insert(kVar + QStringLiteral("ENDPOINT"), profile.endpoint);
    const QString region = !profile.region.isEmpty() ? profile.region
                           : cloudflare              ? QStringLiteral("auto")
                                                     : QString();
    if (!region.isEmpty())
        env.insert(kVar + QStringLiteral("REGION"), region);
    // R2 tokens are often scoped to one bucket and may not create or check buckets.
    env.insert(kVar + QStringLiteral("NO_CHECK_BUCKET"), QStringLiteral("true"));
    // rclone's global --ca-cert, given as its environment variable so that every call (this
    // class, the streamed downloads) gets it from the one place that defines the remote. It
    // names the authority to trust; verification itself is never turned off.
    if (!profile.caCertificate.isEmpty())
        env.insert(QStringLiteral("RCLONE_CA_CERT"), profile.caCertificate);
    return env;
}

Storage::Failure Storage::explain(const RcloneProcess::Outcome &o, const QString &action) const
{
    if (o.succeeded())
        return {};
    return {RcloneErrors::explain(o, action, m_destination, m_profile.endpoint), o.stderrTail};
}

void Storage::run(const QStringList &arguments, const QString &action, int timeoutMs,
                  std::function<void(const RcloneProcess::Outcome &, const Failure &)> done,
                  int stdinDescriptor)
{
    // A run cancelled before this operation starts ends it here, as cancelled, without a child.
    // (`done` is not moved anywhere before this point: it is called exactly once either way.)
    if (m_cancelled) {
        RcloneProcess::Outcome o;
        o.started = true;
        o.cancelled = true;
        done(o, explain(o, action));
        return;
    }
    auto *process = new RcloneProcess(this);
    m_current = process;
    connect(process, &RcloneProcess::transferProgress, this, &Storage::transferProgress);
    connect(process, &RcloneProcess::finished, this,
            [this, process, action, done = std::move(done)](const RcloneProcess::Outcome &o) {
                process->deleteLater();
                done(o, explain(o, action));
            });
    process->start(arguments, m_remote, timeoutMs, stdinDescriptor);
}

void Storage::startSession()
{
    if (m_daemon || !RcloneDaemon::enabled())
        return;
    // The same global options the commands below give rclone on their command lines.
    QStringList flags = {QStringLiteral("--use-server-modtime")};
    if (m_destination.isS3())
        flags += {QStringLiteral("--s3-upload-cutoff"), QStringLiteral("4G")};
    // The caller holds the profile's lock: a daemon named beside it belongs to a dead run.
    const QString pidFile =
        Staging::lockFolder() + QLatin1Char('/') + m_profile.name + QStringLiteral(".rcd.pid");
    RcloneDaemon::reapLeftover(pidFile);
    m_daemon = new RcloneDaemon(m_remote, flags, this);
    m_daemon->setPidFile(pidFile);
    connect(m_daemon, &RcloneDaemon::transferProgress, this, &Storage::transferProgress);
    m_daemon->start();
}

void Storage::endSession()
{
    if (m_daemon)
        m_daemon->stop();
    m_daemon = nullptr; // deleted with this object; a stopped daemon serves no more calls
}

void Storage::dispatch(const Operation &operation, const QString &action, int timeoutMs,
                       Finished done)
{
    if (!m_daemon) {
        run(operation.arguments, action, timeoutMs, std::move(done));
        return;
    }
    m_daemon->whenSettled([this, operation, action, timeoutMs, done = std::move(done)] {
        if (!m_daemon || !m_daemon->isReady() || m_cancelled) {
            run(operation.arguments, action, timeoutMs, done);
            return;
        }
        m_daemon->call(operation.method, operation.params, timeoutMs,
                       [this, operation, action, timeoutMs, done](const RcloneProcess::Outcome &o) {
                           const bool again = !o.succeeded() && operation.attempts > 1 &&
                                              !o.cancelled && !o.timedOut && !o.crashed &&
                                              !m_cancelled;
                           if (again) {
                               Operation next = operation;
                               --next.attempts;
                               dispatch(next, action, timeoutMs, done);
                               return;
                           }
                           done(o, explain(o, action));
                       });
    });
}

void Storage::upload(const QString &localFile, const QString &objectName, Done<bool> done)
{
    QStringList arguments;
    // One PUT up to 4 GiB, not parts from 200 MiB (rclone's default): the destination then
    // computes the whole object's MD5 itself (the ETag of a single PUT), which rclone and the
    // backup's own check compare with what was sent; and it stays one request. On s3rver a
    // 384 MiB file went up in 3.3-3.6 s against 7.1-9.2 s in parts, with 63 MiB of rclone
    // memory against 89. A failed PUT is sent again whole (rclone's --retries).
    if (m_destination.isS3())
        arguments += {QStringLiteral("--s3-upload-cutoff"), QStringLiteral("4G")};
    arguments +=
        {QStringLiteral("copyto"), localFile, m_destination.object(m_profile.name, objectName)};
    const QFileInfo file(localFile);
    const QJsonObject params{
        {QStringLiteral("srcFs"), file.absolutePath()},
        {QStringLiteral("srcRemote"), file.fileName()},
        {QStringLiteral("dstFs"), m_destination.profileFolder(m_profile.name)},
        {QStringLiteral("dstRemote"), objectName},
    };
    dispatch({arguments, QStringLiteral("operations/copyfile"), params, kAttempts},
             tr("Uploading %1").arg(objectName), 0,
             [done = std::move(done)](const RcloneProcess::Outcome &o, const Failure &f) {
                 done(o.succeeded(), f);
             });
}

void Storage::uploadStream(int stdinDescriptor, const QString &objectName, Done<bool> done)
{
    run(
        {QStringLiteral("rcat"), m_destination.object(m_profile.name, objectName)},
        tr("Uploading %1").arg(objectName), 0,
        [done = std::move(done)](const RcloneProcess::Outcome &o, const Failure &f) {
            done(o.succeeded(), f);
        },
        stdinDescriptor);
}

void Storage::list(Done<QList<ObjectInfo>> done, int timeoutMs)
{
    // The server's modification time comes with the listing; rclone's own (object metadata)
    // would cost one request per object, seconds for a few hundred generations.
    const QString folder = m_destination.profileFolder(m_profile.name);
    const QJsonObject params{
        {QStringLiteral("fs"), folder},
        {QStringLiteral("remote"), QString()},
        {QStringLiteral("opt"), QJsonObject{{QStringLiteral("showHash"), true},
                                            {QStringLiteral("filesOnly"), true},
                                            {QStringLiteral("noMimeType"), true}}},
    };
    dispatch({{QStringLiteral("lsjson"), QStringLiteral("--hash"), QStringLiteral("--files-only"),
               QStringLiteral("--no-mimetype"), QStringLiteral("--use-server-modtime"), folder},
              QStringLiteral("operations/list"),
              params},
             tr("Listing %1").arg(m_destination.toString()),
             timeoutMs > 0 ? timeoutMs : kListTimeoutMs,
             [this, done = std::move(done)](const RcloneProcess::Outcome &o, Failure f) {
                 if (!o.succeeded()) {
                     if (isMissingFolder(o, &f))
                         done({}, {});
                     else
                         done({}, f);
                     return;
                 }
                 auto parsed = parseListing(o.stdoutData);
                 if (!parsed) {
                     f.message = parsed.error();
                     done({}, f);
                     return;
                 }
                 done(parsed.value(), {});
             });
}

bool Storage::isMissingFolder(const RcloneProcess::Outcome &o, Failure *failure) const
{
    const bool notFound = o.started && o.exitCode == 3 && !o.cancelled && !o.timedOut;
    if (!notFound)
        return false;
    if (!m_destination.isS3())
        return true;
    failure->message = tr("The bucket \"%1\" does not exist at %2. Create it, or correct the "
                          "destination.")
                           .arg(m_destination.bucket(), m_profile.endpoint);
    return false;
}

void Storage::mirrorManifests(const QString &localFolder, Done<bool> done)
{
    // Only the folder's own manifests (never a subfolder's, whatever names a destination
    // lists), compared by checksum: no request per object, and a changed manifest is fetched.
    run({QStringLiteral("sync"), m_destination.profileFolder(m_profile.name), localFolder,
         QStringLiteral("--include"), QStringLiteral("/*.manifest.json"),
         QStringLiteral("--max-depth"), QStringLiteral("1"), QStringLiteral("--checksum"),
         QStringLiteral("--use-server-modtime"), QStringLiteral("--transfers"), QStringLiteral("8"),
         QStringLiteral("--checkers"), QStringLiteral("16")},
        tr("Reading the manifests on %1").arg(m_destination.toString()), kMirrorTimeoutMs,
        [this, done = std::move(done)](const RcloneProcess::Outcome &o, Failure f) {
            if (o.succeeded() || isMissingFolder(o, &f)) {
                done(true, {});
                return;
            }
            done(false, f);
        });
}

void Storage::remove(const QString &objectName, Done<bool> done, int timeoutMs)
{
    const QJsonObject params{
        {QStringLiteral("fs"), m_destination.profileFolder(m_profile.name)},
        {QStringLiteral("remote"), objectName},
    };
    dispatch({{QStringLiteral("deletefile"), m_destination.object(m_profile.name, objectName)},
              QStringLiteral("operations/deletefile"),
              params,
              kAttempts},
             tr("Deleting %1").arg(objectName), timeoutMs > 0 ? timeoutMs : kDeleteTimeoutMs,
             [done = std::move(done)](const RcloneProcess::Outcome &o, const Failure &f) {
                 done(o.succeeded(), f);
             });
}

void Storage::read(const QString &objectName, Done<QByteArray> done)
{
    run({QStringLiteral("cat"), m_destination.object(m_profile.name, objectName)},
        tr("Reading %1").arg(objectName), kDeleteTimeoutMs,
        [done = std::move(done)](const RcloneProcess::Outcome &o, const Failure &f) {
            done(o.succeeded() ? o.stdoutData : QByteArray(), f);
        });
}

void Storage::cancel()
{
    m_cancelled = true;
    if (m_current)
        m_current->cancel();
    if (m_daemon)
        m_daemon->stop();
}

void Storage::whenStopped(std::function<void()> then)
{
    if (m_daemon && m_daemon->isRunning()) {
        connect(m_daemon, &RcloneDaemon::exited, this, std::move(then), Qt::SingleShotConnection);
        return;
    }
    then();
}

void Storage::abortNow()
{
    m_cancelled = true;
    delete m_current.data(); // its destructor kills the child and waits for it
    if (m_daemon)
        m_daemon->abortNow();
}

Result<QList<Storage::ObjectInfo>> Storage::parseListing(const QByteArray &json)
{
    using R = Result<QList<ObjectInfo>>;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const bool fromDaemon = doc.isObject() && doc.object().value(QLatin1String("list")).isArray();
    if (error.error != QJsonParseError::NoError || !(doc.isArray() || fromDaemon))
        return R::fail(tr("rclone's listing could not be read (%1).").arg(error.errorString()));
    QList<ObjectInfo> objects;
    const QJsonArray array =
        fromDaemon ? doc.object().value(QLatin1String("list")).toArray() : doc.array();
    for (const QJsonValue &value : array) {
        const QJsonObject obj = value.toObject();
        if (obj.value(QLatin1String("IsDir")).toBool())
            continue;
        ObjectInfo info;
        info.name = obj.value(QLatin1String("Name")).toString();
        if (info.name.isEmpty())
            continue;
        info.size = obj.value(QLatin1String("Size")).toInteger(-1);
        info.md5 =
            obj.value(QLatin1String("Hashes")).toObject().value(QLatin1String("md5")).toString();
        info.modTime = QDateTime::fromString(obj.value(QLatin1String("ModTime")).toString(),
                                             Qt::ISODateWithMs);
        objects.append(info);
    }
    return R::ok(objects);
}

} // namespace lk

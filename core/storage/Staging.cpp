// Private scratch space for one run, and the per-profile lock.
#include "storage/Staging.h"

#include "jobs/Priority.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QStorageInfo>

namespace lk {

namespace {
constexpr QFile::Permissions kPrivateDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

QString cacheRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/litekeep");
}

bool makePrivateDir(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    return QFile::setPermissions(path, kPrivateDir);
}
} // namespace

QString Staging::root()
{
    return cacheRoot() + QStringLiteral("/staging");
}

Result<QString> Staging::create(const QString &profile, qint64 bytesNeeded)
{
    using R = Result<QString>;
    const QString base = root();
    if (!makePrivateDir(cacheRoot()) || !makePrivateDir(base))
        return R::fail(tr("Cannot create the staging folder %1. Check that the disk is "
                          "writable.")
                           .arg(base));

    QDir dir(base);
    const QStringList stale =
        dir.entryList({profile + QStringLiteral("@*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : stale)
        QDir(dir.filePath(name)).removeRecursively();

    QStorageInfo storage(base);
    storage.refresh();
    if (storage.isValid() && storage.bytesAvailable() < bytesNeeded) {
        const QLocale locale;
        return R::fail(tr("Not enough free space to stage the snapshot in %1: %2 needed, %3 "
                          "free. Free some space or point XDG_CACHE_HOME elsewhere.")
                           .arg(base, locale.formattedDataSize(bytesNeeded),
                                locale.formattedDataSize(storage.bytesAvailable())));
    }

    const QString folder = dir.filePath(
        profile + QLatin1Char('@') +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz")) +
        QLatin1Char('.') + QString::number(QCoreApplication::applicationPid()));
    if (!makePrivateDir(folder))
        return R::fail(tr("Cannot create the staging folder %1.").arg(folder));
    return R::ok(folder);
}

void Staging::remove(const QString &folder)
{
    if (!folder.isEmpty())
        QDir(folder).removeRecursively();
}

void Staging::removeInBackground(const QString &folder)
{
    if (!folder.isEmpty())
        Priority::run([folder] { remove(folder); });
}

void Staging::removeFileInBackground(const QString &file)
{
    Priority::run([file] { QFile::remove(file); });
}

ProfileLock::ProfileLock(const QString &profile) : m_profile(profile) {}

QString Staging::lockFolder()
{
    return cacheRoot() + QStringLiteral("/locks");
}

Status ProfileLock::tryLock()
{
    const QString dir = Staging::lockFolder();
    if (!makePrivateDir(cacheRoot()) || !makePrivateDir(dir))
        return Status::failure(tr("Cannot create the lock folder %1.").arg(dir));
    m_lock =
        std::make_unique<QLockFile>(dir + QLatin1Char('/') + m_profile + QStringLiteral(".lock"));
    // Only a dead owner makes a lock stale: a backup may legitimately run for hours.
    m_lock->setStaleLockTime(0);
    m_heldByAnother = false;
    if (m_lock->tryLock(0))
        return Status::success();
    if (m_lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        m_heldByAnother = true;
        return Status::failure(tr("A run of profile \"%1\" is already in progress (%2); "
                                  "wait for it to finish.")
                                   .arg(m_profile, describeProcess(pid)));
    }
    return Status::failure(
        tr("Cannot create the lock for profile \"%1\" in %2.").arg(m_profile, dir));
}

QString ProfileLock::describeProcess(qint64 pid)
{
    // /proc/PID/cmdline: the arguments separated by NUL bytes. Unreadable (another user, not
    // Linux): the process id alone.
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    QStringList words;
    if (pid > 0 && cmdline.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = cmdline.read(4096).split('\0');
        for (const QByteArray &part : parts) {
            if (!part.isEmpty())
                words.append(QString::fromLocal8Bit(part));
        }
    }
    if (words.isEmpty())
        return tr("process %1").arg(pid);
    words.first() = QFileInfo(words.first()).fileName();
    const bool app =
        words.size() == 1 || (words.size() == 2 && words.at(1) == QLatin1String("--gui"));
    if (app)
        return tr("the LiteKeep app, process %1").arg(pid);
    return tr("process %1: %2").arg(QString::number(pid), words.join(QLatin1Char(' ')));
}

void ProfileLock::unlock()
{
    if (m_lock)
        m_lock->unlock();
}

} // namespace lk

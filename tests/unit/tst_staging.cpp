// Staging and ProfileLock: private scratch folders, and one run per profile at a time.
#include "storage/Staging.h"

#include "TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using lk::ProfileLock;
using lk::Staging;

namespace {

constexpr QFile::Permissions kGroupOrOther = QFile::ReadGroup | QFile::WriteGroup |
                                             QFile::ExeGroup | QFile::ReadOther |
                                             QFile::WriteOther | QFile::ExeOther;

bool isPrivateDir(const QString &path)
{
    const QFileInfo info(path);
    const QFile::Permissions perms = info.permissions();
    return info.isDir() &&
           perms.testFlags(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner) &&
           !(perms & kGroupOrOther);
}

bool touch(const QString &path, const QByteArray &content = "left behind")
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

class TestStaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createsPrivateFolder();
    void removesOnlyOwnStaleFolders();
    void notEnoughSpace();
    void removeIgnoresEmptyPath();
    void secondLockRefused();
    void deadOwnersLockIsTakenOver();

private:
    std::unique_ptr<lkt::TestHome> m_home;
};

void TestStaging::init()
{
    m_home = std::make_unique<lkt::TestHome>();
    QVERIFY(m_home->isValid());
    m_home->applyToThisProcess();
}

void TestStaging::cleanup()
{
    m_home.reset();
}

void TestStaging::createsPrivateFolder()
{
    QCOMPARE(Staging::root(), m_home->stagingRoot());
    QVERIFY(!QFileInfo::exists(Staging::root()));

    const auto folder = Staging::create(QStringLiteral("nightly"), 1024);
    QVERIFY2(folder.isOk(), qPrintable(folder.error()));
    const QFileInfo info(folder.value());
    QCOMPARE(info.absolutePath(), Staging::root());
    QVERIFY2(info.fileName().startsWith(QLatin1String("nightly@")), qPrintable(info.fileName()));
    QVERIFY2(info.fileName().endsWith(QLatin1Char('.') +
                                      QString::number(QCoreApplication::applicationPid())),
             qPrintable(info.fileName()));
    QVERIFY(isPrivateDir(folder.value()));
    QVERIFY(isPrivateDir(Staging::root()));
    QVERIFY(isPrivateDir(QFileInfo(Staging::root()).absolutePath())); // ~/.cache/litekeep
    QVERIFY(QDir(folder.value()).isEmpty());

    Staging::remove(folder.value());
    QVERIFY(!QFileInfo::exists(folder.value()));
    QVERIFY(QFileInfo::exists(Staging::root()));
}

void TestStaging::removesOnlyOwnStaleFolders()
{
    const QDir root(Staging::root());
    QVERIFY(QDir().mkpath(root.path()));
    const QStringList own{QStringLiteral("a@20260101T020000000.4242"), QStringLiteral("a@x")};
    const QStringList others{QStringLiteral("a.b@20260101T020000000.4242"),
                             QStringLiteral("ab@20260101T020000000.1"),
                             QStringLiteral("b@20260101T020000000.1"), QStringLiteral("a")};
    for (const QString &name : own + others) {
        QVERIFY(root.mkpath(name));
        QVERIFY(QDir(root.filePath(name)).mkpath(QStringLiteral("deep/er")));
        QVERIFY(touch(root.filePath(name + QStringLiteral("/deep/er/snapshot.db"))));
    }
    QVERIFY(touch(root.filePath(QStringLiteral("a@not-a-folder"))));

    const auto first = Staging::create(QStringLiteral("a"), 1);
    QVERIFY2(first.isOk(), qPrintable(first.error()));
    for (const QString &name : own)
        QVERIFY2(!root.exists(name), qPrintable(name));
    for (const QString &name : others)
        QVERIFY2(QFile::exists(root.filePath(name + QStringLiteral("/deep/er/snapshot.db"))),
                 qPrintable(name));
    QVERIFY(QFile::exists(root.filePath(QStringLiteral("a@not-a-folder"))));

    // What this run leaves is stale for the next one.
    QVERIFY(touch(first.value() + QStringLiteral("/snapshot.db")));
    const auto second = Staging::create(QStringLiteral("a"), 1);
    QVERIFY2(second.isOk(), qPrintable(second.error()));
    QVERIFY(!QFile::exists(first.value() + QStringLiteral("/snapshot.db")));
    QVERIFY(QDir(second.value()).isEmpty());
    QCOMPARE(root.entryList({QStringLiteral("a@*")}, QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);

    // The other profile's own run cleans only its own folders.
    const auto other = Staging::create(QStringLiteral("a.b"), 1);
    QVERIFY(other.isOk());
    QVERIFY(QFileInfo::exists(second.value()));
    QVERIFY(!root.exists(QStringLiteral("a.b@20260101T020000000.4242")));
}

void TestStaging::notEnoughSpace()
{
    const QDir root(Staging::root());
    QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("other@1"))));
    const QStringList before = root.entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

    const auto folder = Staging::create(QStringLiteral("huge"), qint64(1) << 60);
    QVERIFY(!folder.isOk());
    QVERIFY2(folder.error().contains(QLatin1String("Not enough free space")),
             qPrintable(folder.error()));
    QVERIFY2(folder.error().contains(Staging::root()), qPrintable(folder.error()));
    QCOMPARE(root.entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before); // nothing created
}

void TestStaging::removeIgnoresEmptyPath()
{
    // An empty path must never mean "the current folder".
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_home->path()));
    QVERIFY(touch(m_home->file(QStringLiteral("precious.txt"))));
    Staging::remove(QString());
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY(QFile::exists(m_home->file(QStringLiteral("precious.txt"))));
}

void TestStaging::secondLockRefused()
{
    ProfileLock first(QStringLiteral("a"));
    lk::Status s = first.tryLock();
    QVERIFY2(s.ok, qPrintable(s.error));
    QVERIFY(first.isLocked());
    QVERIFY(isPrivateDir(m_home->file(QStringLiteral("cache/litekeep/locks"))));

    ProfileLock second(QStringLiteral("a"));
    s = second.tryLock();
    QVERIFY(!s.ok);
    QVERIFY(!second.isLocked());
    QVERIFY2(s.error.contains(QLatin1String("already in progress")), qPrintable(s.error));
    QVERIFY2(s.error.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(s.error));

    // A profile whose name extends this one is a different profile.
    ProfileLock other(QStringLiteral("a.b"));
    s = other.tryLock();
    QVERIFY2(s.ok, qPrintable(s.error));

    first.unlock();
    QVERIFY(!first.isLocked());
    s = second.tryLock();
    QVERIFY2(s.ok, qPrintable(s.error));
    QVERIFY(second.isLocked());
    QVERIFY(!first.tryLock().ok);
}

void TestStaging::deadOwnersLockIsTakenOver()
{
    // A run that was SIGKILLed leaves its lock file behind: simulate it with a child that
    // takes the lock and exits without unlocking.
    const QString lockDir = m_home->file(QStringLiteral("cache/litekeep/locks"));
    QVERIFY(QDir().mkpath(lockDir));
    const QString lockPath = lockDir + QStringLiteral("/nightly.lock");

    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        QLockFile lock(lockPath);
        ::_exit(lock.tryLock(0) ? 0 : 1); // no unlock, no destructor
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    QVERIFY(QFile::exists(lockPath));
    {
        QLockFile probe(lockPath);
        qint64 pid = 0;
        QString host, app;
        QVERIFY(probe.getLockInfo(&pid, &host, &app));
        QCOMPARE(pid, qint64(child));
    }

    ProfileLock lock(QStringLiteral("nightly"));
    const lk::Status s = lock.tryLock();
    QVERIFY2(s.ok, qPrintable(s.error));
    QVERIFY(lock.isLocked());
    QLockFile probe(lockPath);
    qint64 pid = 0;
    QString host, app;
    QVERIFY(probe.getLockInfo(&pid, &host, &app));
    QCOMPARE(pid, QCoreApplication::applicationPid());

    // And it is a real lock again: a second run is refused.
    QVERIFY(!ProfileLock(QStringLiteral("nightly")).tryLock().ok);
}

QTEST_GUILESS_MAIN(TestStaging)
#include "tst_staging.moc"

// Priority: rclone children and job worker threads run at nice 10 and I/O class idle, read back
// from the kernel (/proc and ionice); and the cpu_priority setting that switches it.
#include "compress/ParallelGzip.h"
#include "jobs/Priority.h"
#include "settings/Config.h"

#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QSemaphore>
#include <QTest>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <thread>

using lk::Priority;

namespace {

// Field 19 (nice) of a /proc/.../stat line; the command name (field 2) may hold spaces, so
// count from its closing parenthesis.
int niceFromStat(const QByteArray &stat)
{
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 16 ? fields.at(16).toInt() : -100;
}

int niceOfThread(long tid)
{
    QFile f(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
    return f.open(QIODevice::ReadOnly) ? niceFromStat(f.readAll()) : -100;
}

// "idle", "none: prio 0", "best-effort: prio 4", ... as ionice prints it for a pid or tid.
QString ioClassOf(long id)
{
    QProcess p;
    p.start(QStringLiteral("ionice"), {QStringLiteral("-p"), QString::number(id)});
    p.waitForFinished();
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

long currentTid()
{
    return long(syscall(SYS_gettid));
}

// Runs `program` with Priority applied and returns its stdout.
QByteArray runChild(const QString &program, const QStringList &arguments)
{
    QProcess p;
    Priority::applyTo(p);
    p.start(program, arguments);
    p.closeWriteChannel();
    if (!p.waitForFinished(10000))
        return {};
    return p.readAllStandardOutput();
}

struct ThreadPriority
{
    long tid = 0;
    int nice = -100;
    QString ioClass;
    int childThreadNice = -100; // a std::thread started from it (as ParallelGzip does)
    QString childThreadIoClass;
};

ThreadPriority observeThisThread()
{
    ThreadPriority seen;
    seen.tid = currentTid();
    seen.nice = niceOfThread(seen.tid);
    seen.ioClass = ioClassOf(seen.tid);
    std::thread worker([&seen] {
        const long tid = currentTid();
        seen.childThreadNice = niceOfThread(tid);
        seen.childThreadIoClass = ioClassOf(tid);
    });
    worker.join();
    return seen;
}

} // namespace

class TestPriority : public QObject
{
    Q_OBJECT

    int m_mainNice = 0;

private Q_SLOTS:
    void initTestCase() { m_mainNice = niceOfThread(currentTid()); }
    void init() { Priority::setEnabled(true); }
    // No test may ever lower the thread that starts the work.
    void cleanup() { QCOMPARE(niceOfThread(currentTid()), m_mainNice); }
    void cleanupTestCase() { Priority::setEnabled(true); }

    void childProcessIsLowered()
    {
        const int ours = niceOfThread(currentTid());
        QVERIFY2(ours < Priority::kNice, "the test itself runs at a normal priority");
        const QByteArray stat =
            runChild(QStringLiteral("cat"), {QStringLiteral("/proc/self/stat")});
        QVERIFY2(!stat.isEmpty(), "cat ran");
        QCOMPARE(niceFromStat(stat), Priority::kNice);
        QCOMPARE(QString::fromUtf8(runChild(QStringLiteral("ionice"), {})).trimmed(),
                 QStringLiteral("idle"));
        // Our own thread stays as it was.
        QCOMPARE(niceOfThread(currentTid()), ours);
    }

    void childProcessAtNormalPriority()
    {
        Priority::setEnabled(false);
        const int ours = niceOfThread(currentTid());
        QCOMPARE(niceFromStat(runChild(QStringLiteral("cat"), {QStringLiteral("/proc/self/stat")})),
                 ours);
        QVERIFY(QString::fromUtf8(runChild(QStringLiteral("ionice"), {})).trimmed() !=
                QLatin1String("idle"));
    }

    void workerThreadIsLowered()
    {
        const long mainTid = currentTid();
        const int mainNice = niceOfThread(mainTid);
        const QString mainIo = ioClassOf(mainTid);
        const ThreadPriority seen = Priority::run(observeThisThread).result();
        QVERIFY(seen.tid != mainTid);
        QCOMPARE(seen.nice, Priority::kNice);
        QCOMPARE(seen.ioClass, QStringLiteral("idle"));
        // Threads started by the work (ParallelGzip's) inherit it.
        QCOMPARE(seen.childThreadNice, Priority::kNice);
        QCOMPARE(seen.childThreadIoClass, QStringLiteral("idle"));
        // Only the worker was lowered, never the thread that started it.
        QCOMPARE(niceOfThread(mainTid), mainNice);
        QCOMPARE(ioClassOf(mainTid), mainIo);
        QVERIFY(mainIo != QLatin1String("idle"));
    }

    void workerThreadAtNormalPriority()
    {
        Priority::setEnabled(false);
        const int mainNice = niceOfThread(currentTid());
        const ThreadPriority seen = Priority::run(observeThisThread).result();
        QCOMPARE(seen.nice, mainNice);
        QVERIFY(seen.ioClass != QLatin1String("idle"));
        // Lowered threads are never handed normal work: that runs on another pool.
        Priority::setEnabled(true);
        QCOMPARE(Priority::run(observeThisThread).result().nice, Priority::kNice);
        Priority::setEnabled(false);
        QCOMPARE(Priority::run(observeThisThread).result().nice, mainNice);
    }

    // QtConcurrent lets a waiting thread run a queued task itself; that would lower the
    // waiting (GUI) thread for good. The work waits for a pool thread instead.
    void waitingNeverRunsTheWorkInTheWaitingThread()
    {
        const long mainTid = currentTid();
        const int mainNice = niceOfThread(mainTid);
        const int busy = Priority::lowPool()->maxThreadCount();
        QSemaphore release;
        QList<QFuture<void>> blockers;
        for (int i = 0; i < busy; ++i)
            blockers.append(Priority::run([&release] { release.acquire(); }));
        QFuture<ThreadPriority> queued = Priority::run(observeThisThread);
        std::thread releaser([&release, busy] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            release.release(busy);
        });
        const ThreadPriority seen = queued.result(); // waits while every pool thread is busy
        releaser.join();
        for (auto &b : blockers)
            b.waitForFinished();
        QVERIFY(seen.tid != mainTid);
        QCOMPARE(seen.nice, Priority::kNice);
        QCOMPARE(niceOfThread(mainTid), mainNice);
    }

    void neverRaisesANiceThread()
    {
        const ThreadPriority seen = Priority::run([] {
                                        setpriority(PRIO_PROCESS, id_t(currentTid()), 15);
                                        Priority::lowerCurrentThread();
                                        return observeThisThread();
                                    }).result();
        QCOMPARE(seen.nice, 15);
    }

    void setting()
    {
        lkt::TestHome home;
        home.applyToThisProcess();
        lk::Config config;
        QVERIFY(config.load());
        QVERIFY(config.lowPriority()); // the default
        QVERIFY(Priority::isEnabled());

        config.setLowPriority(false);
        QVERIFY(!Priority::isEnabled()); // applied at once
        QVERIFY(config.save());
        QFile file(config.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(file.readAll().contains("cpu_priority=normal"), qPrintable(config.path()));
        file.close();

        Priority::setEnabled(true);
        lk::Config again;
        QVERIFY(again.load());
        QVERIFY(!again.lowPriority());
        QVERIFY(!Priority::isEnabled()); // loading applies it

        again.setLowPriority(true);
        QVERIFY(again.save());
        lk::Config third;
        QVERIFY(third.load());
        QVERIFY(third.lowPriority());
        QVERIFY(Priority::isEnabled());
    }

    // compression_threads: 0 (one per core) by default; a number is applied on load, and a
    // value out of range is taken at its bound rather than refused.
    void compressionThreadsSetting()
    {
        lkt::TestHome home;
        home.applyToThisProcess();
        lk::Config config;
        QVERIFY(config.load());
        QCOMPARE(config.compressionThreads(), 0);
        QCOMPARE(lk::ParallelGzip::defaultThreads(), std::max(1, QThread::idealThreadCount()));
        config.setCompressionThreads(3);
        QVERIFY(config.save());
        lk::ParallelGzip::setDefaultThreads(0);
        lk::Config again;
        QVERIFY(again.load());
        QCOMPARE(again.compressionThreads(), 3);
        QCOMPARE(lk::ParallelGzip::defaultThreads(), 3);

        again.setCompressionThreads(-5);
        QCOMPARE(again.compressionThreads(), 0);
        again.setCompressionThreads(100000);
        QCOMPARE(again.compressionThreads(), lk::Config::kMaxThreads);
        again.setCompressionThreads(0);
        QCOMPARE(lk::ParallelGzip::defaultThreads(), std::max(1, QThread::idealThreadCount()));
    }
};

QTEST_GUILESS_MAIN(TestPriority)
#include "tst_priority.moc"

// The main window while another process holds the history locked for 10 s: the GUI event loop
// never stalls (the longest gap between two ticks of a 5 ms timer stays under 50 ms) while
// the window is refreshed every way a person can, the window says that the history cannot be
// read and keeps what it read before, and shows the real history once the lock is gone.
#include "MainWindow.h"
#include "backup/BackupQueue.h"
#include "history/Catalog.h"
#include "schedule/Scheduler.h"
#include "settings/Config.h"

#include "TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

using lk::MainWindow;
using namespace lkt;

namespace {
constexpr int kLockMs = 10000;       // as long as the issue says: longer than any busy timeout
constexpr int kMaxGapMs = 50;        // the longest the GUI event loop may stand still
constexpr int kTickMs = 5;           // how often the event loop is sampled
constexpr int kRefreshEveryMs = 500; // a person clicking around, fast
// The desktop's own catalog (TrayApp::kHistoryBusyTimeoutMs): what its jobs write through.
constexpr int kCatalogBusyTimeoutMs = 100;

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// How long the calling thread has waited for a CPU, in ms (0 where the kernel does not say):
// on a loaded machine the GUI thread may be ready and kept waiting by other programs, which is
// not the window's doing.
qint64 waitedForCpuMs()
{
    QFile stat(QStringLiteral("/proc/thread-self/schedstat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = stat.readAll().split(' ');
    return fields.size() >= 2 ? fields.at(1).toLongLong() / 1000000 : 0;
}

bool containsText(const QTreeWidget *tree, int column, const QString &text)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(column) == text)
            return true;
    }
    return false;
}
} // namespace

class TestHistoryLocked : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHome> m_home;
    std::unique_ptr<lk::Config> m_config;
    std::unique_ptr<lk::Catalog> m_catalog;
    std::unique_ptr<lk::BackupQueue> m_queue;
    std::unique_ptr<lk::Scheduler> m_scheduler;
    std::unique_ptr<MainWindow> m_window;

    template <typename T> T *child(const char *name) const
    {
        T *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }

    void addProfile(const QString &name)
    {
        const QString database = m_home->file(name + QStringLiteral(".db"));
        QVERIFY(makeDatabase(database, QStringLiteral("wal"), 10));
        const RunResult r = runLiteKeep({QStringLiteral("profile"), QStringLiteral("add"), name,
                                         QStringLiteral("--db"), database, QStringLiteral("--dest"),
                                         m_home->file(QStringLiteral("backups"))},
                                        m_home->environment());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // The catalog the tray's jobs write through, opened with the tray's busy timeout (it may
    // fail to open: the history may be locked).
    void openCatalog()
    {
        m_catalog = std::make_unique<lk::Catalog>(m_home->historyFile());
        m_catalog->setBusyTimeout(kCatalogBusyTimeoutMs);
        m_catalog->open();
    }

    // The window as the tray makes it.
    void openWindow()
    {
        if (!m_catalog)
            openCatalog();
        m_queue = std::make_unique<lk::BackupQueue>(m_catalog.get());
        m_scheduler = std::make_unique<lk::Scheduler>(m_catalog.get());
        m_window = std::make_unique<MainWindow>(*m_config, *m_catalog, *m_queue, *m_scheduler);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(child<QListWidget>("profiles")->count(), 2);
        m_window->selectProfile(QStringLiteral("alpha"));
    }

    QLabel *problem() const
    {
        return m_window->findChild<QLabel *>(QStringLiteral("historyProblem"));
    }
    bool showsProblem(const char *words) const
    {
        return problem() && problem()->isVisible() &&
               problem()->text().contains(QLatin1String(words));
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<TestHome>();
        QVERIFY(m_home->isValid());
        m_home->applyToThisProcess();
        QVERIFY(QDir().mkpath(m_home->file(QStringLiteral("backups"))));
        addProfile(QStringLiteral("alpha"));
        addProfile(QStringLiteral("beta"));
        m_config = std::make_unique<lk::Config>(m_home->configFile());
        QVERIFY(m_config->load().ok);
        // A history with a good backup and a verification of alpha, a failed run of beta; closed
        // again, so that another process can take it for itself.
        lk::Catalog catalog(m_home->historyFile());
        QVERIFY(catalog.open().ok);
        const auto run = catalog.recordStart(QStringLiteral("alpha"), QStringLiteral("backup"));
        QVERIFY(run.isOk());
        QVERIFY(catalog
                    .recordFinish(run.value(), lk::JobResult::succeeded(
                                                   QStringLiteral("Backed up before the lock.")))
                    .ok);
        QVERIFY(catalog
                    .recordVerification(QStringLiteral("alpha"),
                                        {QStringLiteral("alpha-20260101T000000Z"),
                                         QDateTime::currentDateTimeUtc(),
                                         true,
                                         {},
                                         QStringLiteral("verify")})
                    .ok);
        const auto failed = catalog.recordStart(QStringLiteral("beta"), QStringLiteral("backup"));
        QVERIFY(failed.isOk());
        QVERIFY(catalog
                    .recordFinish(failed.value(), lk::JobResult::failed(QStringLiteral(
                                                      "The destination cannot be reached.")))
                    .ok);
    }

    void cleanup()
    {
        m_window.reset();
        m_scheduler.reset();
        m_queue.reset();
        m_catalog.reset();
        m_config.reset();
        m_home.reset();
    }

    // Another program holds the history for itself from before the window opens and for 10 s.
    // (In WAL mode only an exclusive locking mode keeps readers out, and it can be had only
    // while no other connection has the history open.)
    void lockedHistoryNeverStallsTheWindow()
    {
        QProcess holder;
        const QString script =
            QStringLiteral(
                "{ printf '%s\\n' \"PRAGMA locking_mode=EXCLUSIVE;\" \"BEGIN EXCLUSIVE;\" "
                "\"INSERT INTO runs (profile, kind, started_utc, finished_utc, outcome, message) "
                "VALUES ('alpha', 'backup', '%1', '%1', 'succeeded', 'written while locked');\" "
                "\"SELECT 'locked';\"; sleep %2; echo 'COMMIT;'; } | sqlite3 -bail '%3'")
                .arg(isoNow())
                .arg(kLockMs / 1000)
                .arg(m_home->historyFile());
        holder.start(QStringLiteral("sh"), {QStringLiteral("-c"), script});
        QVERIFY(holder.waitForStarted());
        QVERIFY(waitForOutput(holder, QProcess::StandardOutput, "locked", 10000));
        QElapsedTimer locked;
        locked.start();
        {
            // It really keeps readers out.
            lk::Catalog probe(m_home->historyFile());
            probe.setBusyTimeout(0);
            probe.open();
            const auto read = probe.readRuns(QStringLiteral("alpha"));
            QVERIFY(!read);
            QVERIFY2(read.error().contains(QLatin1String("locked")), qPrintable(read.error()));
        }

        // The event loop, sampled every 5 ms, while the window is refreshed every way there is:
        // another profile, another tab, "Refresh", and its own refresh timer.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;   // as the clock on the wall sees it
        qint64 longestStall = 0; // less the time the kernel kept the thread waiting for a CPU
        qint64 waited = 0;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(kTickMs);
        connect(&tick, &QTimer::timeout, this, [&] {
            const qint64 gap = sinceTick.restart();
            const qint64 waitedNow = waitedForCpuMs();
            longestGap = std::max(longestGap, gap);
            longestStall = std::max(longestStall, gap - (waitedNow - waited));
            waited = waitedNow;
        });
        bool sawProblem = false;
        int step = 0;
        QTimer person;
        person.setInterval(kRefreshEveryMs);
        connect(&person, &QTimer::timeout, this, [&] {
            auto *tabs = m_window->findChild<QTabWidget *>();
            switch (step++ % 4) {
            case 0:
                m_window->selectProfile(QStringLiteral("beta"));
                break;
            case 1:
                m_window->selectProfile(QStringLiteral("alpha"));
                break;
            case 2:
                tabs->setCurrentIndex((tabs->currentIndex() + 1) % tabs->count());
                break;
            default:
                m_window->findChild<QAction *>(QStringLiteral("refresh"))->trigger();
            }
            sawProblem = sawProblem || showsProblem("locked");
        });
        openCatalog(); // the tray's doing (its jobs' records), before it opens the window
        openWindow();  // on a locked history
        waited = waitedForCpuMs();
        sinceTick.start();
        tick.start();
        person.start();
        QTRY_VERIFY_WITH_TIMEOUT(holder.state() == QProcess::NotRunning, kLockMs + 30000);
        const qint64 lockedFor = locked.elapsed();
        person.stop();
        tick.stop();
        qInfo("history locked for %lld ms; longest gap of the GUI event loop: %lld ms (%lld ms "
              "not counting the waits for a CPU)",
              lockedFor, longestGap, longestStall);
        QCOMPARE(holder.exitCode(), 0);
        QVERIFY2(
            longestStall < kMaxGapMs,
            qPrintable(QStringLiteral("the event loop stood still for %1 ms").arg(longestStall)));
        QVERIFY2(sawProblem, "the window said that the history could not be read");

        // Unlocked: the window reads the history again, the problem goes, the real runs show.
        m_window->selectProfile(QStringLiteral("alpha"));
        auto *history = child<QTreeWidget>("history");
        QTRY_VERIFY_WITH_TIMEOUT(containsText(history, 4, QStringLiteral("written while locked")),
                                 15000);
        QCOMPARE(history->topLevelItemCount(), 2);
        QVERIFY(containsText(history, 4, QStringLiteral("Backed up before the lock.")));
        QVERIFY(!problem()->isVisible());
        const QString summary = child<QLabel>("summary")->text();
        QVERIFY2(summary.contains(QLatin1String("Last good backup:")) &&
                     summary.contains(QLatin1String("Last proven restorable:")),
                 qPrintable(summary));
    }

    // A history that cannot be read any more (damaged behind LiteKeep's back) after the window
    // has read it: the window says so and keeps what it read, never an empty history as if
    // nothing had run.
    void unreadableHistoryKeepsWhatWasRead()
    {
        openWindow();
        auto *summary = child<QLabel>("summary");
        auto *history = child<QTreeWidget>("history");
        QTRY_VERIFY(summary->text().contains(QLatin1String("Last good backup:")));
        QTRY_COMPARE(history->topLevelItemCount(), 1);
        QVERIFY(problem());
        QVERIFY(!problem()->isVisible());

        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile file(m_home->historyFile() + suffix);
            if (!file.exists())
                continue;
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.write(QByteArray(std::max<qint64>(file.size(), 4096), 'x')) > 0);
        }
        m_window->findChild<QAction *>(QStringLiteral("refresh"))->trigger();
        QTRY_VERIFY(showsProblem("could not be read"));
        QVERIFY2(problem()->text().contains(QLatin1String("last read")),
                 qPrintable(problem()->text()));
        QVERIFY2(summary->text().contains(QLatin1String("Last good backup:")) &&
                     summary->text().contains(QLatin1String("Last proven restorable:")),
                 qPrintable(summary->text()));
        QCOMPARE(history->topLevelItemCount(), 1);
        // Another profile: nothing is known of it, and the window does not pretend otherwise.
        m_window->selectProfile(QStringLiteral("beta"));
        QVERIFY(!summary->text().contains(QLatin1String("No successful backup yet")));
        QCOMPARE(history->topLevelItemCount(), 0);
        QTRY_VERIFY(showsProblem("Until it can be read"));
    }
};

QTEST_MAIN(TestHistoryLocked)
#include "tst_history_locked.moc"

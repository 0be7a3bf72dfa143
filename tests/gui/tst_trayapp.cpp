// The tray application in this process (offscreen): "Back up now" from the tray menu, the
// tray's state and notices for success, failure, recovery and stale backups, and quitting
// while a backup runs.
#include "MainWindow.h"
#include "RestoreWizard.h"
#include "SettingsDialog.h"
#include "TrayApp.h"
#include "TrayIcon.h"
#include "generations/GenerationName.h"
#include "history/Catalog.h"

#include "TestSupport.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>
#include <QTimeZone>

using lk::TrayIcon;
using namespace lkt;

namespace {
QAction *menuAction(const TrayIcon *tray, const QString &objectName)
{
    // The menu is rebuilt whenever the status changes: look the action up each time.
    const QList<QAction *> actions = tray->menu()->actions();
    for (QAction *a : actions) {
        if (a->objectName() == objectName)
            return a;
    }
    return nullptr;
}

QStringList menuTexts(const TrayIcon *tray)
{
    QStringList texts;
    const QList<QAction *> actions = tray->menu()->actions();
    for (const QAction *a : actions)
        texts.append(a->text());
    return texts;
}

QMessageBox *findBox(const QString &objectName)
{
    const QList<QWidget *> windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows) {
        if (auto *box = qobject_cast<QMessageBox *>(w);
            box && box->objectName() == objectName && box->isVisible())
            return box;
        if (auto *box = w->findChild<QMessageBox *>(objectName); box && box->isVisible())
            return box;
    }
    return nullptr;
}

constexpr int kRunTimeoutMs = 60000;
} // namespace

class TestTrayApp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHome> m_home;
    QString m_dest;
    std::unique_ptr<lk::TrayApp> m_app;

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }

    void addProfile()
    {
        const RunResult r = runLiteKeep({QStringLiteral("profile"), QStringLiteral("add"),
                                         QStringLiteral("default"), QStringLiteral("--db"), db(),
                                         QStringLiteral("--dest"), m_dest},
                                        m_home->environment());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void addProfile(const QString &name, const QString &database)
    {
        const RunResult r =
            runLiteKeep({QStringLiteral("profile"), QStringLiteral("add"), name,
                         QStringLiteral("--db"), database, QStringLiteral("--dest"), m_dest},
                        m_home->environment());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // Makes the profile owe its daily backup: created two days ago, its time an hour ago.
    void makeDue(const QString &name)
    {
        QSettings settings(m_home->configFile(), QSettings::IniFormat);
        settings.beginGroup(QStringLiteral("profile.") + name);
        settings.setValue(QStringLiteral("created"),
                          QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODate));
        const QTime hourAgo = QTime::currentTime().addSecs(-3600);
        settings.setValue(
            QStringLiteral("at"),
            QTime(hourAgo.hour(), hourAgo.minute()).toString(QStringLiteral("HH:mm")));
        settings.endGroup();
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }

    // Constructed, not started: spies can be attached before start().
    lk::TrayApp *makeApp()
    {
        m_home->applyToThisProcess();
        m_app = std::make_unique<lk::TrayApp>(m_home->configFile());
        return m_app.get();
    }

    bool backUpNow()
    {
        QAction *action = menuAction(m_app->tray(), QStringLiteral("backUpNow"));
        if (!action || !action->isEnabled())
            return false;
        action->trigger();
        return true;
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<TestHome>();
        QVERIFY(m_home->isValid());
        m_dest = m_home->file(QStringLiteral("backups"));
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 300));
    }

    void cleanup()
    {
        if (m_app)
            QTRY_VERIFY_WITH_TIMEOUT(!m_app->queue().isBusy(), kRunTimeoutMs);
        m_app.reset();
        m_home.reset();
    }

    void noTrayShowsTheWindowWithANotice()
    {
        if (QSystemTrayIcon::isSystemTrayAvailable())
            QSKIP("a system tray is available here; this is about running without one");
        addProfile();
        lk::TrayApp *app = makeApp();
        app->start();
        QVERIFY(!app->tray()->isAvailable());
        QTRY_VERIFY(app->window()->isVisible());
        auto *notice = app->window()->findChild<QLabel *>(QStringLiteral("notice"));
        QVERIFY(notice);
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QStringLiteral("system tray is not available")),
                 qPrintable(notice->text()));
    }

    void backUpNowFromTheTrayMenu()
    {
        addProfile();
        lk::TrayApp *app = makeApp();
        QSignalSpy finished(&app->queue(), &lk::BackupQueue::finished);
        QSignalSpy shown(app->tray(), &TrayIcon::messageShown);
        app->start();
        QCOMPARE(app->tray()->state(), TrayIcon::State::Idle);
        QVERIFY(
            menuTexts(app->tray()).join(QLatin1Char('|')).contains(QStringLiteral("Next backup ")));

        // What the tray shows while the run is going.
        QList<TrayIcon::State> during;
        connect(&app->queue(), &lk::BackupQueue::progress, this,
                [&] { during.append(app->tray()->state()); });
        QVERIFY(backUpNow());
        QVERIFY(app->queue().isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunTimeoutMs);
        const auto result = finished.first().at(1).value<lk::JobResult>();
        QVERIFY2(result.isSuccess(), qPrintable(result.message));
        QVERIFY(!during.isEmpty());
        QVERIFY(during.count(TrayIcon::State::Running) == during.size());

        QTRY_VERIFY_WITH_TIMEOUT(!app->queue().isBusy(), kRunTimeoutMs);
        QTRY_COMPARE(app->tray()->state(), TrayIcon::State::Idle);
        const QStringList manifests = filesEndingWith(m_dest, QStringLiteral(".manifest.json"));
        QCOMPARE(manifests.size(), 1);
        QVERIFY(manifests.first().contains(
            result.details.value(QLatin1String("generation")).toString()));
        // With when, as a person reads it, and that it was checked after the upload.
        QTRY_VERIFY2(menuTexts(app->tray())
                         .join(QLatin1Char('|'))
                         .contains(QStringLiteral("default: Backed up just now · verified")),
                     qPrintable(menuTexts(app->tray()).join(QLatin1Char('|'))));
        QCOMPARE(shown.size(), 0); // success is quiet by default
    }

    void restoreAndSettingsFromTheTrayMenu()
    {
        addProfile();
        lk::TrayApp *app = makeApp();
        app->start();
        QAction *restore = menuAction(app->tray(), QStringLiteral("restore"));
        QVERIFY(restore);
        restore->trigger();
        QTRY_VERIFY(app->window()->isVisible());
        auto *wizard = app->window()->findChild<lk::RestoreWizard *>();
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());
        QVERIFY(wizard->windowTitle().contains(QStringLiteral("default")));
        wizard->reject();

        QAction *settings = menuAction(app->tray(), QStringLiteral("settings"));
        QVERIFY(settings);
        settings->trigger();
        auto *dialog = app->window()->findChild<lk::SettingsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // Success notices switched on there reach the tray's own switch too.
        auto *success = dialog->findChild<QCheckBox *>(QStringLiteral("notifySuccess"));
        QVERIFY(!menuAction(app->tray(), QStringLiteral("notifyOnSuccess"))->isChecked());
        success->setChecked(true);
        dialog->accept();
        QTRY_VERIFY(menuAction(app->tray(), QStringLiteral("notifyOnSuccess"))->isChecked());
    }

    void failureThenRecovery()
    {
        addProfile();
        QVERIFY(QFile::remove(db()));
        lk::TrayApp *app = makeApp();
        QSignalSpy finished(&app->queue(), &lk::BackupQueue::finished);
        QSignalSpy shown(app->tray(), &TrayIcon::messageShown);
        QSignalSpy read(app, &lk::TrayApp::historyRead);
        app->start();
        QTRY_VERIFY(read.size() >= 1); // the staleness check is read off the GUI thread
        QCOMPARE(shown.size(), 0);     // a profile added a moment ago is not stale

        QVERIFY(backUpNow());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunTimeoutMs);
        QCOMPARE(finished.first().at(1).value<lk::JobResult>().outcome,
                 lk::JobResult::Outcome::Failed);
        QTRY_COMPARE(shown.size(), 1);
        QStringList message = app->tray()->lastMessage();
        QCOMPARE(message.size(), 2);
        QVERIFY2(message.at(0).contains(QStringLiteral("\"default\" failed")),
                 qPrintable(message.at(0)));
        QVERIFY2(message.at(1).contains(db()), qPrintable(message.at(1)));
        QTRY_VERIFY_WITH_TIMEOUT(!app->queue().isBusy(), kRunTimeoutMs);
        QTRY_COMPARE(app->tray()->state(), TrayIcon::State::Failed);
        QTRY_VERIFY2(menuTexts(app->tray())
                         .join(QLatin1Char('|'))
                         .contains(QStringLiteral("default: Failed just now: ")),
                     qPrintable(menuTexts(app->tray()).join(QLatin1Char('|'))));

        // Fixed: the next run says so.
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 50));
        QVERIFY(backUpNow());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kRunTimeoutMs);
        QVERIFY(finished.at(1).at(1).value<lk::JobResult>().isSuccess());
        QCOMPARE(finished.at(1).at(2).toString(), QStringLiteral("failed")); // the previous outcome
        QTRY_COMPARE(shown.size(), 2);
        message = app->tray()->lastMessage();
        QVERIFY2(message.at(0).contains(QStringLiteral("work again")), qPrintable(message.at(0)));
        QTRY_VERIFY_WITH_TIMEOUT(!app->queue().isBusy(), kRunTimeoutMs);
        QTRY_COMPARE(app->tray()->state(), TrayIcon::State::Idle);
    }

    void staleAlarmAndFresh()
    {
        addProfile();
        m_home->applyToThisProcess();
        {
            // The only verified generation is three days old.
            lk::Catalog catalog;
            QVERIFY(catalog.open());
            const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-3);
            const lk::GenerationName name(QStringLiteral("default"), old);
            QVERIFY(catalog.recordVerification(
                QStringLiteral("default"),
                {name.baseName(), old.addSecs(30), true, {}, QStringLiteral("backup")}));
        }
        lk::TrayApp *app = makeApp();
        QSignalSpy notices(&app->notifier(), &lk::Notifier::notice);
        QSignalSpy shown(app->tray(), &TrayIcon::messageShown);
        QSignalSpy read(app, &lk::TrayApp::historyRead);
        app->start();
        QTRY_VERIFY(read.size() >= 1); // the staleness check is read off the GUI thread
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.first().first().value<lk::Notice>().kind, lk::Notice::Kind::Stale);
        QCOMPARE(shown.size(), 1);
        QStringList message = app->tray()->lastMessage();
        QVERIFY2(message.at(0).contains(QStringLiteral("out of date")), qPrintable(message.at(0)));
        QVERIFY2(message.at(1).contains(QStringLiteral("72 hour")), qPrintable(message.at(1)));
        QCOMPARE(app->tray()->state(), TrayIcon::State::Warning);

        // A fresh verified generation clears it, with one notice.
        QVERIFY(backUpNow());
        QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 2, kRunTimeoutMs);
        QCOMPARE(notices.at(1).first().value<lk::Notice>().kind, lk::Notice::Kind::Fresh);
        message = app->tray()->lastMessage();
        QVERIFY2(message.at(0).contains(QStringLiteral("up to date")), qPrintable(message.at(0)));
        QTRY_VERIFY_WITH_TIMEOUT(!app->queue().isBusy(), kRunTimeoutMs);
        QTRY_COMPARE(app->tray()->state(), TrayIcon::State::Idle);
        QCOMPARE(notices.size(), 2);
    }

    // Two profiles owe their backup and one database has a damaged page: that one fails with the
    // check's sentence, and the other is backed up all the same, in the same process.
    void oneDamagedProfileNeverStopsTheOthers()
    {
        const QString damaged = m_home->file(QStringLiteral("damaged.db"));
        QVERIFY(makeDatabase(damaged, QStringLiteral("delete"), 2000));
        {
            QFile file(damaged);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QByteArray noise(4096, Qt::Uninitialized);
            QRandomGenerator(11).generate(noise.begin(), noise.end());
            QVERIFY(file.seek(file.size() / 2 / 4096 * 4096));
            QCOMPARE(file.write(noise), noise.size());
        }
        addProfile(QStringLiteral("broken"), damaged);
        addProfile(QStringLiteral("good"), db());
        makeDue(QStringLiteral("broken"));
        makeDue(QStringLiteral("good"));
        lk::TrayApp *app = makeApp();
        QSignalSpy finished(&app->queue(), &lk::BackupQueue::finished);
        app->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kRunTimeoutMs);
        QHash<QString, lk::JobResult> results;
        for (const auto &call : std::as_const(finished))
            results.insert(call.at(0).toString(), call.at(1).value<lk::JobResult>());
        QCOMPARE(results.value(QStringLiteral("broken")).outcome, lk::JobResult::Outcome::Failed);
        QVERIFY2(results.value(QStringLiteral("broken"))
                     .message.contains(QStringLiteral("failed SQLite's integrity check")),
                 qPrintable(results.value(QStringLiteral("broken")).message));
        QVERIFY2(results.value(QStringLiteral("good")).isSuccess(),
                 qPrintable(results.value(QStringLiteral("good")).message));
        QTRY_VERIFY_WITH_TIMEOUT(!app->queue().isBusy(), kRunTimeoutMs);
        QCOMPARE(app->tray()->state(), TrayIcon::State::Failed);
    }

    // A history file of junk bytes: the schedule cannot read when the profile last succeeded.
    // It backs up once, then waits for the next slot (no loop), and the window says why.
    void junkHistoryBacksUpOnceThenWaits()
    {
        addProfile();
        makeDue(QStringLiteral("default"));
        {
            QFile junk(m_home->historyFile());
            QVERIFY(QDir().mkpath(QFileInfo(junk).absolutePath()));
            QVERIFY(junk.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QByteArray bytes(64 * 1024, Qt::Uninitialized);
            QRandomGenerator(3).generate(bytes.begin(), bytes.end());
            junk.write(bytes);
        }
        lk::TrayApp *app = makeApp();
        QSignalSpy started(&app->queue(), &lk::BackupQueue::started);
        QSignalSpy finished(&app->queue(), &lk::BackupQueue::finished);
        app->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunTimeoutMs);
        QVERIFY2(finished.first().at(1).value<lk::JobResult>().isSuccess(),
                 qPrintable(finished.first().at(1).value<lk::JobResult>().message));
        QTRY_VERIFY_WITH_TIMEOUT(!app->queue().isBusy(), kRunTimeoutMs);

        // The schedule is asked again, as its timer and heartbeat would: nothing more is owed.
        for (int i = 0; i < 5; ++i)
            app->scheduler().evaluate();
        QCoreApplication::processEvents();
        QCOMPARE(started.size(), 1);
        QVERIFY(!app->queue().isBusy());
        const QDateTime next = app->scheduler().nextRun(QStringLiteral("default"));
        QVERIFY2(next > QDateTime::currentDateTimeUtc().addSecs(20 * 3600),
                 qPrintable(next.toString(Qt::ISODate)));
        QVERIFY(!app->scheduler().historyProblem().isEmpty());
        auto *notice = app->window()->findChild<QLabel *>(QStringLiteral("notice"));
        QVERIFY(notice);
        QVERIFY2(notice->text().contains(
                     QStringLiteral("backed up once, then at its next scheduled time")),
                 qPrintable(notice->text()));
        QCOMPARE(app->tray()->state(), TrayIcon::State::Warning);
    }

    // Another process holds the history's lock, from before the tray starts and for longer than
    // the busy timeout: the schedule and the tray's status answer at once instead of holding
    // the GUI thread for 5 s a query, say why, and nothing runs that was not owed.
    void lockedHistoryNeverBlocksTheSchedule()
    {
        addProfile();
        const RunResult first = runLiteKeep({QStringLiteral("backup")}, m_home->environment());
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QProcess holder; // sqlite3 keeps an exclusive lock while its stdin stays open
        holder.start(QStringLiteral("sqlite3"), {m_home->historyFile()});
        QVERIFY(holder.waitForStarted());
        holder.write(
            "PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\nINSERT INTO runs (profile, kind, "
            "started_utc, outcome) VALUES ('x', 'backup', '2026-01-01T00:00:00Z', 'running');\n"
            "SELECT 'locked';\n");
        QVERIFY(waitForOutput(holder, QProcess::StandardOutput, "locked", 10000));

        lk::TrayApp *app = makeApp();
        QSignalSpy started(&app->queue(), &lk::BackupQueue::started);
        app->start();
        QElapsedTimer clock;
        qint64 longest = 0;
        for (int i = 0; i < 5; ++i) {
            clock.start();
            app->scheduler().evaluate();
            const QDateTime next = app->scheduler().nextRun(QStringLiteral("default"));
            longest = std::max(longest, clock.elapsed());
            QVERIFY(next.isValid() && next > QDateTime::currentDateTimeUtc());
        }
        QVERIFY2(longest < 1000, qPrintable(QString::number(longest)));
        QVERIFY2(app->scheduler().historyProblem().contains(QStringLiteral("locked")),
                 qPrintable(app->scheduler().historyProblem()));
        QCOMPARE(app->tray()->state(), TrayIcon::State::Warning);
        QCoreApplication::processEvents();
        QCOMPARE(started.size(), 0);

        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        app->scheduler().evaluate();
        QVERIFY(app->scheduler().historyProblem().isEmpty());
    }

    // The tray's scheduled run and a command-line run of the same profile at once: the one
    // that finds the profile taken is skipped, not a failure: no red icon, no notice.
    void runHeldByTheCommandLineIsSkipped()
    {
        addProfile();
        // The command line's rclone waits until the tray's run has been skipped.
        const QString started = m_home->file(QStringLiteral("rclone-started"));
        const QString release = m_home->file(QStringLiteral("release"));
        QProcessEnvironment env = m_home->environment();
        env.insert(QStringLiteral("LITEKEEP_RCLONE"),
                   writeRcloneWrapper(m_home->path(), holdUntilReleased(started, release)));
        QProcess cli;
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(LITEKEEP_BINARY), {QStringLiteral("backup")});
        QVERIFY(waitForFile(started, 30000));

        lk::TrayApp *app = makeApp();
        QSignalSpy finished(&app->queue(), &lk::BackupQueue::finished);
        QSignalSpy shown(app->tray(), &TrayIcon::messageShown);
        app->start();
        QVERIFY(backUpNow());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunTimeoutMs);
        const auto result = finished.first().at(1).value<lk::JobResult>();
        QCOMPARE(result.outcome, lk::JobResult::Outcome::Skipped);
        QVERIFY2(result.message.contains(QString::number(cli.processId())),
                 qPrintable(result.message));
        QTRY_VERIFY_WITH_TIMEOUT(!app->queue().isBusy(), kRunTimeoutMs);
        QVERIFY(QFile(release).open(QIODevice::WriteOnly));
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(app->tray()->state(), TrayIcon::State::Idle);
        QCOMPARE(shown.size(), 0);
        const auto rows = historyRows(*m_home);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().value(0), QStringLiteral("succeeded"));
    }

    // "Quit and cancel it?" → Yes with a second profile's backup waiting in the queue: the
    // running one is cancelled and the waiting one never starts.
    void quitCancelsTheRunAndEmptiesTheQueue()
    {
        addProfile();
        addProfile(QStringLiteral("second"), db());
        const QString started = m_home->file(QStringLiteral("rclone-started"));
        // The data upload hangs (the window's own listings go through).
        qputenv(
            "LITEKEEP_RCLONE",
            writeRcloneWrapper(
                m_home->path(),
                QStringLiteral("case \"$*\" in *copyto*) touch '%1'; sleep 30;; esac").arg(started))
                .toLocal8Bit());
        qputenv("LITEKEEP_RCLONE_DAEMON", "0");
        const auto restoreEnvironment = qScopeGuard([] {
            qunsetenv("LITEKEEP_RCLONE");
            qunsetenv("LITEKEEP_RCLONE_DAEMON");
        });
        lk::TrayApp *app = makeApp();
        QSignalSpy startedRuns(&app->queue(), &lk::BackupQueue::started);
        QSignalSpy finished(&app->queue(), &lk::BackupQueue::finished);
        QSignalSpy quitting(app, &lk::TrayApp::quitting);
        app->start();
        // "Back up now" → each profile from the tray's submenu: one runs, one waits.
        const QList<QAction *> items = app->tray()->menu()->actions();
        QMenu *backUp = nullptr;
        for (QAction *a : items) {
            if (a->menu() && a->text() == QStringLiteral("Back up now"))
                backUp = a->menu();
        }
        QVERIFY(backUp);
        const QList<QAction *> profiles = backUp->actions();
        QCOMPARE(profiles.size(), 2);
        for (QAction *a : profiles)
            a->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(started) || !finished.isEmpty(), kRunTimeoutMs);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(startedRuns.size(), 1);
        const QString waiting = app->queue().currentProfile() == QStringLiteral("default")
                                    ? QStringLiteral("second")
                                    : QStringLiteral("default");
        QVERIFY(app->queue().contains(waiting));

        menuAction(app->tray(), QStringLiteral("quit"))->trigger();
        QPointer<QMessageBox> box;
        QTRY_VERIFY((box = findBox(QStringLiteral("quitWhileRunning"))));
        box->button(QMessageBox::Yes)->click();
        QCOMPARE(quitting.size(), 1);
        QVERIFY(!app->queue().contains(waiting));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunTimeoutMs);
        QCOMPARE(finished.first().at(1).value<lk::JobResult>().outcome,
                 lk::JobResult::Outcome::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(!app->queue().isBusy(), kRunTimeoutMs);
        QCOMPARE(startedRuns.size(), 1);
    }

    void quitWhileRunningAsks()
    {
        addProfile();
        lk::TrayApp *app = makeApp();
        QSignalSpy finished(&app->queue(), &lk::BackupQueue::finished);
        app->start();

        QVERIFY(backUpNow());
        QVERIFY(app->queue().isBusy());
        QAction *quit = menuAction(app->tray(), QStringLiteral("quit"));
        QVERIFY(quit);
        quit->trigger();

        QPointer<QMessageBox> box;
        QTRY_VERIFY((box = findBox(QStringLiteral("quitWhileRunning"))));
        QVERIFY2(box->text().contains(QStringLiteral("\"default\"")), qPrintable(box->text()));
        QAbstractButton *no = box->button(QMessageBox::No);
        QVERIFY(no);
        QVERIFY(box->button(QMessageBox::Yes));
        no->click();
        QTRY_VERIFY(!box || !box->isVisible());

        // "No": the backup is not cancelled, the app goes on.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunTimeoutMs);
        const auto result = finished.first().at(1).value<lk::JobResult>();
        QVERIFY2(result.isSuccess(), qPrintable(result.message));
        QTRY_VERIFY_WITH_TIMEOUT(!app->queue().isBusy(), kRunTimeoutMs);
        QVERIFY(backUpNow());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kRunTimeoutMs);
        QVERIFY(finished.at(1).at(1).value<lk::JobResult>().isSuccess());
    }
};

QTEST_MAIN(TestTrayApp)
#include "tst_trayapp.moc"

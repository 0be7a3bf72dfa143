// The tray application in this process (offscreen): "Back up now" from the tray menu, the
// tray's state and notices for success, failure, recovery and stale backups, and quitting
// while a backup runs.
#include "Catalog.h"
#include "GenerationName.h"
#include "MainWindow.h"
#include "RestoreWizard.h"
#include "SettingsDialog.h"
#include "TrayApp.h"
#include "TrayIcon.h"

#include "TestSupport.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
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
        if (auto *box = qobject_cast<QMessageBox *>(w); box && box->objectName() == objectName && box->isVisible())
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
        const RunResult r = runLiteKeep({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("default"),
                                         QStringLiteral("--db"), db(), QStringLiteral("--dest"), m_dest},
                                        m_home->environment());
        QVERIFY2(r.exitCode == 0, r.err.constData());
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
        QVERIFY2(notice->text().contains(QStringLiteral("system tray is not available")), qPrintable(notice->text()));
    }

    void backUpNowFromTheTrayMenu()
    {
        addProfile();
        lk::TrayApp *app = makeApp();
        QSignalSpy finished(&app->queue(), &lk::BackupQueue::finished);
        QSignalSpy shown(app->tray(), &TrayIcon::messageShown);
        app->start();
        QCOMPARE(app->tray()->state(), TrayIcon::State::Idle);
        QVERIFY(menuTexts(app->tray()).join(QLatin1Char('|')).contains(QStringLiteral("Next backup:")));

        // What the tray shows while the run is going.
        QList<TrayIcon::State> during;
        connect(&app->queue(), &lk::BackupQueue::progress, this, [&] { during.append(app->tray()->state()); });
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
        QVERIFY(manifests.first().contains(result.details.value(QLatin1String("generation")).toString()));
        QVERIFY2(menuTexts(app->tray()).contains(QStringLiteral("Last backup: default succeeded")),
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
        app->start();
        QCOMPARE(shown.size(), 0); // a profile added a moment ago is not stale

        QVERIFY(backUpNow());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunTimeoutMs);
        QCOMPARE(finished.first().at(1).value<lk::JobResult>().outcome, lk::JobResult::Outcome::Failed);
        QTRY_COMPARE(shown.size(), 1);
        QStringList message = app->tray()->lastMessage();
        QCOMPARE(message.size(), 2);
        QVERIFY2(message.at(0).contains(QStringLiteral("\"default\" failed")), qPrintable(message.at(0)));
        QVERIFY2(message.at(1).contains(db()), qPrintable(message.at(1)));
        QTRY_VERIFY_WITH_TIMEOUT(!app->queue().isBusy(), kRunTimeoutMs);
        QTRY_COMPARE(app->tray()->state(), TrayIcon::State::Failed);
        QVERIFY(menuTexts(app->tray()).contains(QStringLiteral("Last backup: default FAILED")));

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
            QVERIFY(catalog.recordVerification(QStringLiteral("default"),
                                               {name.baseName(), old.addSecs(30), true, {}, QStringLiteral("backup")}));
        }
        lk::TrayApp *app = makeApp();
        QSignalSpy notices(&app->notifier(), &lk::Notifier::notice);
        QSignalSpy shown(app->tray(), &TrayIcon::messageShown);
        app->start();
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

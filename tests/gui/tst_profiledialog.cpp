// Editing and removing profiles in the GUI, offscreen: the profile dialog saves through Config
// with the same validation as "litekeep profile set", and the main window's remove flow asks
// first and removes only on "Yes".
#include "MainWindow.h"
#include "ProfileDialog.h"
#include "backup/BackupQueue.h"
#include "history/Catalog.h"
#include "schedule/Scheduler.h"
#include "settings/Config.h"

#include "TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimeEdit>
#include <QToolBar>
#include <QToolButton>

#include <memory>
#include <optional>

using lk::ProfileDialog;
using namespace lkt;

namespace {
constexpr int kRunTimeoutMs = 60000;

void retype(QWidget *edit, const QString &text)
{
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// Selects the hour section and types: a full section moves on to the minutes by itself.
void typeTime(QTimeEdit *edit, const QString &hhmm)
{
    QTest::keyClick(edit, Qt::Key_Home);
    QTest::keyClick(edit, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(edit, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClicks(edit, hhmm);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QMessageBox *findBox(const QString &objectName)
{
    const QList<QWidget *> windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows) {
        if (auto *box = qobject_cast<QMessageBox *>(w);
            box && box->objectName() == objectName && box->isVisible())
            return box;
    }
    return nullptr;
}

QPushButton *saveButton(QWidget *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    return buttons ? buttons->button(QDialogButtonBox::Save) : nullptr;
}
} // namespace

class TestProfileDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHome> m_home;
    std::unique_ptr<lk::Config> m_config;
    std::unique_ptr<lk::Catalog> m_catalog;
    std::unique_ptr<lk::BackupQueue> m_queue;
    std::unique_ptr<lk::Scheduler> m_scheduler;
    std::unique_ptr<lk::MainWindow> m_window;

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }
    QString dest(const QString &name) const
    {
        return m_home->file(QStringLiteral("backups/") + name);
    }

    std::optional<lk::Profile> saved(const QString &name) const
    {
        lk::Config fresh(m_home->configFile());
        if (!fresh.load())
            return std::nullopt;
        return fresh.profile(name);
    }

    lk::MainWindow *makeWindow()
    {
        m_window = std::make_unique<lk::MainWindow>(*m_config, *m_catalog, *m_queue, *m_scheduler);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return nullptr;
        return m_window.get();
    }

    // The toolbar button of an action, clicked as a person would.
    void clickTool(const char *action)
    {
        auto *a = m_window->findChild<QAction *>(QLatin1String(action));
        QVERIFY2(a, action);
        auto *tools = m_window->findChild<QToolBar *>(QStringLiteral("tools"));
        QVERIFY(tools);
        QWidget *button = tools->widgetForAction(a);
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
    }

    void selectInList(const QString &name)
    {
        auto *list = m_window->findChild<QListWidget *>(QStringLiteral("profiles"));
        QVERIFY(list);
        const auto items = list->findItems(name, Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(items.first()).center());
        QCOMPARE(m_window->selectedProfile(), name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("LITEKEEP_ACCESS_KEY_ID");
        qunsetenv("LITEKEEP_SECRET_ACCESS_KEY");
    }

    void init()
    {
        m_home = std::make_unique<TestHome>();
        QVERIFY(m_home->isValid());
        m_home->applyToThisProcess();
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 50));
        m_config = std::make_unique<lk::Config>(m_home->configFile());
        for (const QString &name : {QStringLiteral("cogito"), QStringLiteral("second")}) {
            lk::Profile p;
            p.name = name;
            p.databasePath = db();
            p.destination = dest(name);
            QVERIFY(m_config->addProfile(p));
        }
        QVERIFY(m_config->save());
        m_catalog = std::make_unique<lk::Catalog>();
        QVERIFY(m_catalog->open());
        m_queue = std::make_unique<lk::BackupQueue>(m_catalog.get());
        m_scheduler = std::make_unique<lk::Scheduler>(m_catalog.get());
    }

    void cleanup()
    {
        if (m_queue)
            QTRY_VERIFY_WITH_TIMEOUT(!m_queue->isBusy(), kRunTimeoutMs);
        m_window.reset();
        m_scheduler.reset();
        m_queue.reset();
        m_catalog.reset();
        m_config.reset();
        m_home.reset();
    }

    void editAndSave()
    {
        ProfileDialog dialog(*m_config, *m_config->profile(QStringLiteral("cogito")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy savedSpy(&dialog, &ProfileDialog::saved);
        auto *keepDays = dialog.findChild<QSpinBox *>(QStringLiteral("keepDays"));
        auto *at = dialog.findChild<QTimeEdit *>(QStringLiteral("at"));
        auto *webhook = dialog.findChild<QLineEdit *>(QStringLiteral("webhook"));
        auto *verify = dialog.findChild<QCheckBox *>(QStringLiteral("verify"));
        QVERIFY(keepDays && at && webhook && verify);
        QCOMPARE(keepDays->value(), 30);
        QCOMPARE(at->time(), QTime(2, 0));
        QVERIFY(webhook->text().isEmpty());

        retype(keepDays, QStringLiteral("14"));
        typeTime(at, QStringLiteral("0430"));
        QTest::keyClicks(webhook, QStringLiteral("https://hooks.example.com/litekeep"));
        QTest::mouseClick(verify, Qt::LeftButton, {}, QPoint(8, verify->height() / 2));
        QVERIFY(!verify->isChecked());
        QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);

        QCOMPARE(savedSpy.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        const auto p = saved(QStringLiteral("cogito"));
        QVERIFY(p);
        QCOMPARE(p->keepDays, 14);
        QCOMPARE(p->at, QTime(4, 30));
        QCOMPARE(p->webhook, QStringLiteral("https://hooks.example.com/litekeep"));
        QCOMPARE(p->verifyAfterBackup, false);
        QCOMPARE(p->destination, dest(QStringLiteral("cogito"))); // untouched fields stay
        QCOMPARE(saved(QStringLiteral("second"))->keepDays, 30);
    }

    void invalidWebhookSavesNothing()
    {
        const QByteArray before = contents(m_home->configFile());
        QVERIFY(!before.isEmpty());
        ProfileDialog dialog(*m_config, *m_config->profile(QStringLiteral("cogito")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy savedSpy(&dialog, &ProfileDialog::saved);
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("error"));
        QVERIFY(error);
        QVERIFY(error->text().isEmpty());
        retype(dialog.findChild<QSpinBox *>(QStringLiteral("keepDays")), QStringLiteral("9"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("webhook")),
                         QStringLiteral("ftp://x"));
        QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);

        QVERIFY2(error->text().contains(QStringLiteral("\"ftp://x\" is not an http(s) URL.")),
                 qPrintable(error->text()));
        QVERIFY(dialog.isVisible());
        QCOMPARE(savedSpy.size(), 0);
        QCOMPARE(contents(m_home->configFile()), before);
        QCOMPARE(m_config->profile(QStringLiteral("cogito"))->keepDays, 30); // not even in memory

        // The CLI refuses the same value with the same sentence.
        const RunResult cli =
            runLiteKeep({QStringLiteral("profile"), QStringLiteral("set"), QStringLiteral("cogito"),
                         QStringLiteral("--webhook"), QStringLiteral("ftp://x")},
                        m_home->environment());
        QVERIFY2(cli.exitCode != 0, cli.out.constData());
        QVERIFY2(cli.text().contains(error->text()),
                 qPrintable(cli.text() + QStringLiteral(" / ") + error->text()));
        QCOMPARE(contents(m_home->configFile()), before);

        // Corrected, it saves.
        retype(dialog.findChild<QLineEdit *>(QStringLiteral("webhook")), QString());
        QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
        QCOMPARE(savedSpy.size(), 1);
        QCOMPARE(saved(QStringLiteral("cogito"))->keepDays, 9);
        QVERIFY(saved(QStringLiteral("cogito"))->webhook.isEmpty());
    }

    // A server with a private certificate authority: its CA file is chosen in the dialog, checked
    // on save (a file that is not PEM is refused with the CLI's sentence), and kept with the
    // profile. R2 needs none, so the field is off for it.
    void caCertificateForAnotherS3Service()
    {
        const QString notPem = m_home->file(QStringLiteral("notes.txt"));
        const QString pem = m_home->file(QStringLiteral("certs/home-ca.pem"));
        QVERIFY(QDir().mkpath(QFileInfo(pem).absolutePath()));
        for (const auto &[path, text] :
             {std::pair{notPem, QByteArray("just notes\n")},
              std::pair{
                  pem,
                  QByteArray("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        const QByteArray before = contents(m_home->configFile());
        ProfileDialog dialog(*m_config, *m_config->profile(QStringLiteral("cogito")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy savedSpy(&dialog, &ProfileDialog::saved);
        auto *ca = dialog.findChild<QLineEdit *>(QStringLiteral("caCertificate"));
        auto *choose = dialog.findChild<QPushButton *>(QStringLiteral("chooseCaCertificate"));
        QVERIFY(ca && choose);
        // On the button's circle: a radio button takes clicks on its circle and label only.
        const auto clickRadio = [&dialog](const char *name) {
            auto *radio = dialog.findChild<QRadioButton *>(QLatin1String(name));
            QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2));
            return radio->isChecked();
        };
        QVERIFY(clickRadio("cloud"));
        QVERIFY(!ca->isEnabled()); // R2 is the default
        QVERIFY(clickRadio("customEndpoint"));
        QVERIFY(ca->isEnabled() && choose->isEnabled());
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("endpoint")),
                         QStringLiteral("https://nas.home:9000"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("bucket")),
                         QStringLiteral("backups"));
        QTest::keyClicks(ca, notPem);
        QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("error"));
        QVERIFY2(error->text().contains(QStringLiteral("is not a PEM certificate file")),
                 qPrintable(error->text()));
        QCOMPARE(savedSpy.size(), 0);
        QCOMPARE(contents(m_home->configFile()), before);

        // "Choose…" opens a file dialog without blocking; the file picked there fills the field.
        retype(ca, QString());
        QTest::mouseClick(choose, Qt::LeftButton);
        QPointer<QFileDialog> picker;
        QTRY_VERIFY(
            (picker = dialog.findChild<QFileDialog *>(QStringLiteral("caCertificateDialog"))) &&
            picker->isVisible());
        auto *name = picker->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(pem); // pasted: typed, each "/" would take the completer elsewhere
        auto *buttons = picker->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
        QVERIFY(buttons && buttons->button(QDialogButtonBox::Open));
        QTRY_VERIFY(buttons->button(QDialogButtonBox::Open)->isEnabled());
        QTest::mouseClick(buttons->button(QDialogButtonBox::Open), Qt::LeftButton);
        QTRY_COMPARE(ca->text(), pem);
        QTRY_VERIFY(picker.isNull()); // closed and deleted
        QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
        QCOMPARE(savedSpy.size(), 1);
        const auto p = saved(QStringLiteral("cogito"));
        QVERIFY(p);
        QCOMPARE(p->caCertificate, pem);
        QCOMPARE(p->endpoint, QStringLiteral("https://nas.home:9000"));
        QCOMPARE(p->destination, QStringLiteral("s3://backups"));

        // Opened again, the field shows it.
        ProfileDialog again(*m_config, *m_config->profile(QStringLiteral("cogito")));
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("caCertificate"))->text(), pem);
    }

    // Settings that cannot be written: the dialog says so, and Cancel leaves the profile as it was.
    void unwritableSettingsChangeNothing()
    {
        ProfileDialog dialog(*m_config, *m_config->profile(QStringLiteral("cogito")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        retype(dialog.findChild<QSpinBox *>(QStringLiteral("keepDays")), QStringLiteral("9"));
        // A file where the settings folder should be.
        const QString folder = QFileInfo(m_home->configFile()).absolutePath();
        QVERIFY(QDir(folder).removeRecursively());
        QFile block(folder);
        QVERIFY(block.open(QIODevice::WriteOnly));
        block.close();

        QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("error"));
        QVERIFY2(error->text().contains(QStringLiteral("Cannot create the folder")),
                 qPrintable(error->text()));
        QVERIFY(dialog.isVisible());
        QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(m_config->profile(QStringLiteral("cogito"))->keepDays, 30);
    }

    void editFromTheMainWindow()
    {
        QVERIFY(makeWindow());
        QSignalSpy changed(m_window.get(), &lk::MainWindow::profilesChanged);
        selectInList(QStringLiteral("second"));
        clickTool("editProfile");
        QPointer<ProfileDialog> dialog = m_window->findChild<ProfileDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY2(dialog->windowTitle().contains(QStringLiteral("second")),
                 qPrintable(dialog->windowTitle()));
        retype(dialog->findChild<QSpinBox *>(QStringLiteral("keepDays")), QStringLiteral("60"));
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull()); // closed and deleted
        QCOMPARE(changed.size(), 1);
        QCOMPARE(saved(QStringLiteral("second"))->keepDays, 60);
        QCOMPARE(saved(QStringLiteral("cogito"))->keepDays, 30);
    }

    void removeAsksFirst()
    {
        // Generations already made stay where they are.
        QVERIFY(QDir().mkpath(dest(QStringLiteral("second"))));
        const QString keepMe = dest(QStringLiteral("second")) + QStringLiteral("/keep-me.db.gz");
        QFile file(keepMe);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();

        QVERIFY(makeWindow());
        QSignalSpy changed(m_window.get(), &lk::MainWindow::profilesChanged);
        auto *list = m_window->findChild<QListWidget *>(QStringLiteral("profiles"));
        QCOMPARE(list->count(), 2);
        selectInList(QStringLiteral("second"));

        // "No" keeps it.
        clickTool("removeProfile");
        QPointer<QMessageBox> box;
        QTRY_VERIFY((box = findBox(QStringLiteral("confirmRemove"))));
        QVERIFY2(box->text().contains(QStringLiteral("\"second\"")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("not deleted")), qPrintable(box->text()));
        QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
        QTRY_VERIFY(box.isNull() || !box->isVisible());
        QVERIFY(saved(QStringLiteral("second")));
        QCOMPARE(list->count(), 2);
        QCOMPARE(changed.size(), 0);

        // "Yes" removes it from the settings and the list.
        clickTool("removeProfile");
        QTRY_VERIFY((box = findBox(QStringLiteral("confirmRemove"))));
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE(changed.size(), 1);
        QVERIFY(!saved(QStringLiteral("second")));
        QVERIFY(saved(QStringLiteral("cogito")));
        QVERIFY(!m_config->profile(QStringLiteral("second")));
        QCOMPARE(list->count(), 1);
        QCOMPARE(m_window->selectedProfile(), QStringLiteral("cogito"));
        QVERIFY(QFileInfo::exists(keepMe));
    }
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"

// The settings dialog driven like a person: every choice saved to the settings file and read
// back, start at login for a packaged LiteKeep (a user override hides the system entry) and
// for one run from a build (a user entry starts this binary), a failed save that keeps the
// dialog open and changes nothing, and the language choice taking effect in the real binary.
#include "Autostart.h"
#include "SettingsDialog.h"
#include "compress/ParallelGzip.h"
#include "settings/Config.h"

#include "TestSupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <memory>

using lk::Autostart;
using lk::Config;
using lk::ParallelGzip;
using lk::SettingsDialog;
using namespace lkt;

namespace {
void clickOption(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHome> m_home;
    QString m_systemDirs;

    template <typename T> static T *child(QWidget *dialog, const char *name)
    {
        T *widget = dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }
    static void clickOk(SettingsDialog &dialog)
    {
        QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    }
    void installSystemEntry()
    {
        const QString folder = m_systemDirs + QStringLiteral("/autostart");
        QVERIFY(QDir().mkpath(folder));
        QFile::remove(folder + QLatin1Char('/') + QLatin1String(Autostart::kFileName));
        QVERIFY(
            QFile::copy(QStringLiteral(LITEKEEP_SOURCE_DIR
                                       "/packaging/io.github.litekeep.LiteKeep.autostart.desktop"),
                        folder + QLatin1Char('/') + QLatin1String(Autostart::kFileName)));
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<TestHome>();
        m_home->applyToThisProcess();
        m_systemDirs = m_home->file(QStringLiteral("etc-xdg"));
        qputenv("XDG_CONFIG_DIRS", QFile::encodeName(m_systemDirs));
    }

    void everyChoiceIsSavedAndReadBack()
    {
        Config config(m_home->configFile());
        Autostart autostart(QStringLiteral("/opt/my litekeep/litekeep"));
        {
            SettingsDialog dialog(config, autostart);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            // The defaults a new user sees.
            QVERIFY(!child<QCheckBox>(&dialog, "startAtLogin")->isChecked());
            QVERIFY(child<QCheckBox>(&dialog, "notifyFailure")->isChecked());
            QVERIFY(!child<QCheckBox>(&dialog, "notifySuccess")->isChecked());
            QVERIFY(child<QCheckBox>(&dialog, "lowPriority")->isChecked());
            QCOMPARE(child<QSpinBox>(&dialog, "compressionLevel")->value(), 6);
            QCOMPARE(child<QSpinBox>(&dialog, "compressionThreads")->value(), 0); // one per core
            QVERIFY(child<QSpinBox>(&dialog, "compressionThreads")
                        ->text()
                        .contains(QLatin1String("core")));
            QCOMPARE(child<QComboBox>(&dialog, "language")->currentIndex(), 0);

            clickOption(child<QCheckBox>(&dialog, "startAtLogin"));
            clickOption(child<QCheckBox>(&dialog, "notifySuccess"));
            clickOption(child<QCheckBox>(&dialog, "notifyStale"));
            clickOption(child<QCheckBox>(&dialog, "lowPriority"));
            auto *level = child<QSpinBox>(&dialog, "compressionLevel");
            level->setFocus();
            QTest::keyClick(level, Qt::Key_Down);
            QTest::keyClick(level, Qt::Key_Down);
            QTest::keyClick(level, Qt::Key_Down);
            auto *threads = child<QSpinBox>(&dialog, "compressionThreads");
            threads->setFocus();
            QTest::keyClick(threads, Qt::Key_Up);
            auto *language = child<QComboBox>(&dialog, "language");
            language->setCurrentIndex(language->findData(QStringLiteral("ja")));
            QSignalSpy saved(&dialog, &SettingsDialog::saved);
            clickOk(dialog);
            QCOMPARE(saved.count(), 1);
            QVERIFY(!dialog.isVisible());
        }
        Config reread(m_home->configFile());
        QVERIFY(reread.load().ok);
        QVERIFY(reread.notifyOnSuccess());
        QVERIFY(!reread.notifications().stale);
        QVERIFY(reread.notifications().failure && reread.notifications().recovery &&
                reread.notifications().anomaly);
        QVERIFY(!reread.lowPriority());
        QCOMPARE(reread.defaultCompressionLevel(), 3);
        QCOMPARE(reread.compressionThreads(), 1);
        QCOMPARE(ParallelGzip::defaultThreads(), 1); // applied to the process that saved it
        QCOMPARE(reread.language(), QStringLiteral("ja"));
        QCOMPARE(Config::languageIn(m_home->configFile()), QStringLiteral("ja"));
        // A LiteKeep run from a build starts itself at login through a user entry.
        QVERIFY(autostart.isEnabled());
        const QByteArray entry = readAll(autostart.userEntry());
        QVERIFY2(entry.contains("Exec=\"/opt/my litekeep/litekeep\""), entry.constData());
        QCOMPARE(
            QProcess::execute(QStringLiteral("desktop-file-validate"), {autostart.userEntry()}), 0);

        // Reopened, it shows what was saved; turning start at login off removes the entry.
        SettingsDialog again(reread, autostart);
        again.show();
        QVERIFY(child<QCheckBox>(&again, "startAtLogin")->isChecked());
        QCOMPARE(child<QSpinBox>(&again, "compressionLevel")->value(), 3);
        QCOMPARE(child<QSpinBox>(&again, "compressionThreads")->value(), 1);
        QCOMPARE(child<QComboBox>(&again, "language")->currentData().toString(),
                 QStringLiteral("ja"));
        clickOption(child<QCheckBox>(&again, "startAtLogin"));
        clickOk(again);
        QVERIFY(!QFile::exists(autostart.userEntry()));
        QVERIFY(!autostart.isEnabled());
    }

    void startAtLoginOverridesThePackagedEntry()
    {
        installSystemEntry();
        Config config(m_home->configFile());
        Autostart autostart;
        QVERIFY(autostart.isEnabled()); // the package starts it for everyone
        SettingsDialog dialog(config, autostart);
        dialog.show();
        QVERIFY(child<QCheckBox>(&dialog, "startAtLogin")->isChecked());
        clickOption(child<QCheckBox>(&dialog, "startAtLogin"));
        clickOk(dialog);
        QVERIFY(!autostart.isEnabled());
        const QByteArray entry = readAll(autostart.userEntry());
        QVERIFY2(entry.contains("Hidden=true"), entry.constData());
        QCOMPARE(
            QProcess::execute(QStringLiteral("desktop-file-validate"), {autostart.userEntry()}), 0);
        // The system's file is never touched; turning it on again removes the override.
        QVERIFY(readAll(autostart.systemEntry()).contains("X-GNOME-Autostart-enabled=true"));
        SettingsDialog again(config, autostart);
        again.show();
        QVERIFY(!child<QCheckBox>(&again, "startAtLogin")->isChecked());
        clickOption(child<QCheckBox>(&again, "startAtLogin"));
        clickOk(again);
        QVERIFY(autostart.isEnabled());
        QVERIFY(!QFile::exists(autostart.userEntry()));
    }

    void aFailedSaveKeepsTheDialogOpenAndChangesNothing()
    {
        // The settings file's place is taken by a folder: nothing can be written there.
        const QString path = m_home->file(QStringLiteral("blocked/litekeep.ini"));
        QVERIFY(QDir().mkpath(path));
        Config config(path);
        Autostart autostart(QStringLiteral("/usr/bin/litekeep"));
        SettingsDialog dialog(config, autostart);
        dialog.show();
        clickOption(child<QCheckBox>(&dialog, "notifyFailure"));
        clickOption(child<QCheckBox>(&dialog, "startAtLogin"));
        QSignalSpy saved(&dialog, &SettingsDialog::saved);
        clickOk(dialog);
        QCOMPARE(saved.count(), 0);
        QVERIFY(dialog.isVisible());
        auto *error = child<QLabel>(&dialog, "error");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(path), qPrintable(error->text()));
        QVERIFY(config.notifications().failure); // memory rolled back with the file
        QVERIFY(!QFile::exists(autostart.userEntry()));
    }

    void theLanguageChoiceReachesTheBinary()
    {
        QProcessEnvironment env = m_home->environment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("LC_ALL"));
        const QStringList args{QStringLiteral("backup"), QStringLiteral("--profile"),
                               QStringLiteral("nosuch")};
        const RunResult english = runLiteKeep(args, env);
        QCOMPARE(english.exitCode, 2);
        QVERIFY2(english.err.contains("nosuch"), english.err.constData());
        Config config(m_home->configFile());
        config.setLanguage(QStringLiteral("ja"));
        QVERIFY(config.save().ok);
        const RunResult japanese = runLiteKeep(args, env);
        QCOMPARE(japanese.exitCode, 2);
        const QString text = QString::fromUtf8(japanese.err);
        QVERIFY2(text.contains(QRegularExpression(
                     QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"))),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("nosuch")));
        QVERIFY(japanese.err != english.err);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"

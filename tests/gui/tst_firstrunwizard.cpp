// The first-run wizard driven offscreen page by page like a person: a local folder with a first
// backup, a bad database, R2 and a custom S3 endpoint with "Test connection" against s3rver, and
// the secret in the keychain (GNOME Keyring in a private D-Bus session) but in no file or output.
#include "FirstRunWizard.h"
#include "backup/BackupQueue.h"
#include "history/Catalog.h"
#include "settings/Config.h"
#include "settings/CredentialStore.h"

#include "TestSupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimeEdit>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>
#include <optional>

using lk::FirstRunWizard;
using namespace lkt;

namespace {
constexpr int kRunTimeoutMs = 90000;

// Everything Qt logs during the test, to prove no secret reaches LiteKeep's output.
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;
void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// Replaces the text of a line edit the way a person does: select all, delete, type.
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

// A radio button or check box reacts to a click on its indicator or label, not anywhere in its
// (layout-stretched) rectangle.
void clickOption(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}

QStringList pathsUnder(const QString &root, const QString &fragment)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(fragment))
            hits.append(path);
    }
    return hits;
}
} // namespace

class TestFirstRunWizard : public QObject
{
    Q_OBJECT

private:
    S3Server m_server{QStringLiteral("backups")};
    std::unique_ptr<TestHome> m_home;
    std::unique_ptr<lk::Config> m_config;
    std::unique_ptr<lk::Catalog> m_catalog;
    std::unique_ptr<lk::BackupQueue> m_queue;
    std::unique_ptr<FirstRunWizard> m_wizard;

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }

    template <typename T> T *child(const char *name) const
    {
        T *widget = m_wizard->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }
    QAbstractButton *next() const { return m_wizard->button(QWizard::NextButton); }

    void makeWizard()
    {
        m_wizard = std::make_unique<FirstRunWizard>(*m_config, *m_queue);
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::DatabasePage));
    }

    void clickNext(int expectedPage)
    {
        QVERIFY(next()->isVisible());
        QVERIFY2(next()->isEnabled(), "Next is disabled");
        QTest::mouseClick(next(), Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), expectedPage);
    }

    // Page 1 with a good WAL database: the wizard names its size and journal mode.
    void passDatabasePage()
    {
        auto *path = child<QLineEdit>("databasePath");
        auto *info = child<QLabel>("databaseInfo");
        QVERIFY(path && info);
        QVERIFY(!next()->isEnabled());
        QTest::keyClicks(path, db());
        const QString size = QLocale().formattedDataSize(QFileInfo(db()).size());
        QTRY_VERIFY2(info->text().contains(QStringLiteral("WAL")), qPrintable(info->text()));
        QVERIFY2(info->text().contains(size),
                 qPrintable(info->text() + QStringLiteral(" / ") + size));
        QCOMPARE(child<QLineEdit>("profileName")->text(), QStringLiteral("default"));
        clickNext(FirstRunWizard::DestinationPage);
    }

    // The cloud page filled for s3rver (custom endpoint), with `keyId`; returns the secret.
    void fillCustomEndpoint(const QString &keyId, const QString &secret)
    {
        auto *custom = child<QRadioButton>("customEndpoint");
        auto *endpoint = child<QLineEdit>("endpoint");
        QVERIFY(custom && endpoint);
        QVERIFY(!endpoint->isEnabled());
        clickOption(custom);
        QVERIFY(custom->isChecked());
        QVERIFY(endpoint->isEnabled());
        QVERIFY(!child<QLineEdit>("accountId")->isEnabled());
        QTest::keyClicks(endpoint, m_server.endpoint());
        QTest::keyClicks(child<QLineEdit>("bucket"), QStringLiteral("backups"));
        QTest::keyClicks(child<QLineEdit>("prefix"), QStringLiteral("wizard"));
        QTest::keyClicks(child<QLineEdit>("accessKeyId"), keyId);
        QTest::keyClicks(child<QLineEdit>("secret"), secret);
    }

    // Clicks "Test connection"; the test must run in the background, not inside the click.
    void clickTestConnection()
    {
        auto *test = child<QPushButton>("testConnection");
        auto *steps = child<QTreeWidget>("testSteps");
        QVERIFY(test && steps);
        QVERIFY(test->isEnabled());
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY2(clock.elapsed() < 1000, "the click blocked the GUI");
        QCOMPARE(steps->topLevelItemCount(), 0);
        QVERIFY(!test->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), kRunTimeoutMs);
    }

    QStringList stepTexts() const
    {
        QStringList texts;
        auto *steps = child<QTreeWidget>("testSteps");
        for (int i = 0; i < steps->topLevelItemCount(); ++i)
            texts.append(steps->topLevelItem(i)->text(0) + QStringLiteral(" | ") +
                         steps->topLevelItem(i)->text(1));
        return texts;
    }

    // Schedule page with the defaults changed by typing: 03:15, 45 days.
    void passSchedulePage()
    {
        auto *at = child<QTimeEdit>("at");
        auto *keepDays = child<QSpinBox>("keepDays");
        QVERIFY(at && keepDays);
        QCOMPARE(at->time(), QTime(2, 0));
        QCOMPARE(keepDays->value(), 30);
        typeTime(at, QStringLiteral("0315"));
        QCOMPARE(at->time(), QTime(3, 15));
        retype(keepDays, QStringLiteral("45"));
        QCOMPARE(keepDays->value(), 45);
        clickNext(FirstRunWizard::FinishPage);
    }

    // Finish page: "Create" with "back up now" checked, until the result says Done.
    void createWithFirstBackup()
    {
        auto *create = child<QPushButton>("create");
        auto *backUpNow = child<QCheckBox>("backUpNow");
        auto *progress = child<QProgressBar>("progress");
        auto *result = child<QLabel>("result");
        QVERIFY(create && backUpNow && progress && result);
        QVERIFY(backUpNow->isChecked());
        QAbstractButton *finish = m_wizard->button(QWizard::FinishButton);
        QVERIFY(finish->isVisible());
        QVERIFY(!finish->isEnabled()); // nothing created yet
        QSignalSpy created(m_wizard.get(), &FirstRunWizard::profileCreated);
        // What the progress bar shows while the backup runs (read after the wizard updated it).
        auto phasesShown = std::make_shared<QStringList>();
        connect(
            m_queue.get(), &lk::BackupQueue::progress, progress,
            [phasesShown, progress] {
                if (progress->isVisible())
                    phasesShown->append(progress->format());
            },
            Qt::QueuedConnection);
        QTest::mouseClick(create, Qt::LeftButton);
        QCOMPARE(created.size(), 1);
        QVERIFY(!create->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(
            progress->isVisible() || result->text().startsWith(QStringLiteral("Done")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!result->text().endsWith(QStringLiteral("…")), kRunTimeoutMs);
        QVERIFY2(result->text().startsWith(QStringLiteral("Done.")), qPrintable(result->text()));
        QVERIFY(!progress->isVisible());
        QVERIFY2(phasesShown->contains(QStringLiteral("Taking snapshot")) &&
                     phasesShown->contains(QStringLiteral("Verifying from the destination")),
                 qPrintable(phasesShown->join(QLatin1Char('|'))));
        QTRY_VERIFY(finish->isEnabled());
        QTest::mouseClick(finish, Qt::LeftButton);
        QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
        QVERIFY(!m_wizard->isVisible());
    }

    std::optional<lk::Profile> savedProfile(const QString &name) const
    {
        lk::Config fresh(m_home->configFile());
        if (!fresh.load())
            return std::nullopt;
        return fresh.profile(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        g_previousHandler = qInstallMessageHandler(captureMessage);
        // The keychain is the only source of credentials here.
        qunsetenv("LITEKEEP_ACCESS_KEY_ID");
        qunsetenv("LITEKEEP_SECRET_ACCESS_KEY");
        QVERIFY(m_server.start());
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void init()
    {
        m_home = std::make_unique<TestHome>();
        QVERIFY(m_home->isValid());
        m_home->applyToThisProcess();
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 400));
        m_config = std::make_unique<lk::Config>(m_home->configFile());
        QVERIFY(m_config->load());
        m_catalog = std::make_unique<lk::Catalog>();
        QVERIFY(m_catalog->open());
        m_queue = std::make_unique<lk::BackupQueue>(m_catalog.get());
    }

    void cleanup()
    {
        if (m_queue)
            QTRY_VERIFY_WITH_TIMEOUT(!m_queue->isBusy(), kRunTimeoutMs);
        m_wizard.reset();
        m_queue.reset();
        m_catalog.reset();
        m_config.reset();
        m_home.reset();
    }

    void localFolderAndFirstBackup()
    {
        makeWizard();
        passDatabasePage();
        if (QTest::currentTestFailed())
            return;

        // Local is the default; a folder that does not exist yet is fine.
        auto *local = child<QRadioButton>("localFolder");
        auto *folder = child<QLineEdit>("folder");
        QVERIFY(local->isChecked());
        QCOMPARE(folder->text(), lk::Config::defaultLocalDestination());
        const QString destination = m_home->file(QStringLiteral("my backups/cogito"));
        retype(folder, QString());
        QVERIFY(!next()->isEnabled()); // no folder, no cloud
        QTest::keyClicks(folder, destination);
        clickNext(FirstRunWizard::SchedulePage); // straight past the cloud page
        if (QTest::currentTestFailed())
            return;

        passSchedulePage();
        if (QTest::currentTestFailed())
            return;
        auto *summary = child<QLabel>("summary");
        QVERIFY2(summary->text().contains(destination) &&
                     summary->text().contains(QStringLiteral("03:15")) &&
                     summary->text().contains(QStringLiteral("45 day")),
                 qPrintable(summary->text()));

        createWithFirstBackup();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(filesEndingWith(destination, QStringLiteral(".db.gz")).size(), 1);
        QCOMPARE(filesEndingWith(destination, QStringLiteral(".manifest.json")).size(), 1);

        const auto saved = savedProfile(QStringLiteral("default"));
        QVERIFY2(saved, "the profile is not in the settings file");
        QCOMPARE(saved->databasePath, db());
        QCOMPARE(saved->destination, destination);
        QCOMPARE(saved->at, QTime(3, 15));
        QCOMPARE(saved->keepDays, 45);
        QVERIFY(saved->endpoint.isEmpty());
        const auto run = m_catalog->lastRun(QStringLiteral("default"), QStringLiteral("backup"));
        QVERIFY(run);
        QCOMPARE(run->outcome, QStringLiteral("succeeded"));
    }

    void firstBackupCanWait()
    {
        makeWizard();
        passDatabasePage();
        if (QTest::currentTestFailed())
            return;
        const QString destination = m_home->file(QStringLiteral("later"));
        retype(child<QLineEdit>("folder"), destination);
        clickNext(FirstRunWizard::SchedulePage);
        clickNext(FirstRunWizard::FinishPage);
        if (QTest::currentTestFailed())
            return;
        auto *backUpNow = child<QCheckBox>("backUpNow");
        clickOption(backUpNow);
        QVERIFY(!backUpNow->isChecked());
        QTest::mouseClick(child<QPushButton>("create"), Qt::LeftButton);
        auto *result = child<QLabel>("result");
        QVERIFY2(result->text().contains(QStringLiteral("02:00")), qPrintable(result->text()));
        QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
        QVERIFY(!m_queue->isBusy());
        QVERIFY(savedProfile(QStringLiteral("default")));
        QCOMPARE(filesEndingWith(destination, QStringLiteral(".db.gz")), QStringList());
    }

    // Settings that cannot be written: the wizard says so, and "Create" works again once fixed.
    void unwritableSettingsCanBeRetried()
    {
        makeWizard();
        passDatabasePage();
        clickNext(FirstRunWizard::SchedulePage);
        clickNext(FirstRunWizard::FinishPage);
        if (QTest::currentTestFailed())
            return;
        // A file where the settings folder should be.
        const QString blocker = QFileInfo(m_home->configFile()).absolutePath();
        QFile block(blocker);
        QVERIFY(block.open(QIODevice::WriteOnly));
        block.close();

        auto *create = child<QPushButton>("create");
        auto *result = child<QLabel>("result");
        clickOption(child<QCheckBox>("backUpNow"));
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY2(result->text().contains(QStringLiteral("Cannot create the folder")),
                 qPrintable(result->text()));
        QVERIFY(!m_wizard->button(QWizard::FinishButton)->isEnabled());
        QVERIFY(!m_config->profile(QStringLiteral("default")));
        QVERIFY2(create->isEnabled(), "a failed Create is a dead end");

        QVERIFY(QFile::remove(blocker));
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY2(result->text().contains(QStringLiteral("is ready")), qPrintable(result->text()));
        QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
        QVERIFY(savedProfile(QStringLiteral("default")));
    }

    void notADatabase()
    {
        makeWizard();
        const QString random = m_home->file(QStringLiteral("random.db"));
        QFile file(random);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray bytes(8192, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                              bytes.size() / 4);
        file.write(bytes);
        file.close();

        auto *path = child<QLineEdit>("databasePath");
        auto *info = child<QLabel>("databaseInfo");
        QTest::keyClicks(path, random);
        QTRY_VERIFY2(info->text().contains(QStringLiteral("is not an SQLite database")),
                     qPrintable(info->text()));
        QVERIFY(!next()->isEnabled());

        // A path that does not exist is explained too.
        retype(path, m_home->file(QStringLiteral("missing.db")));
        QTRY_VERIFY2(info->text().contains(QStringLiteral("does not exist")),
                     qPrintable(info->text()));
        QVERIFY(!next()->isEnabled());

        // The real one lets the person go on.
        retype(path, db());
        QTRY_VERIFY2(info->text().contains(QStringLiteral("WAL")), qPrintable(info->text()));
        QVERIFY(next()->isEnabled());
        QVERIFY(!QFileInfo::exists(m_home->configFile()));
    }

    void duplicateOrBadProfileName()
    {
        lk::Profile existing;
        existing.name = QStringLiteral("cogito");
        existing.databasePath = db();
        existing.destination = m_home->file(QStringLiteral("dest"));
        QVERIFY(m_config->addProfile(existing));
        makeWizard();
        auto *name = child<QLineEdit>("profileName");
        auto *info = child<QLabel>("databaseInfo");
        QVERIFY(name->text().isEmpty()); // "default" is only offered for the first profile
        QTest::keyClicks(child<QLineEdit>("databasePath"), db());
        QTRY_VERIFY(info->text().contains(QStringLiteral("WAL")));
        QVERIFY(!next()->isEnabled()); // no name yet

        QTest::keyClicks(name, QStringLiteral("cogito"));
        QVERIFY(next()->isEnabled());
        QTest::mouseClick(next(), Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::DatabasePage));
        QVERIFY2(info->text().contains(QStringLiteral("already exists")), qPrintable(info->text()));

        retype(name, QStringLiteral("no spaces allowed"));
        QTest::mouseClick(next(), Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::DatabasePage));
        QVERIFY2(info->text().contains(QStringLiteral("not a valid profile name")),
                 qPrintable(info->text()));

        retype(name, QStringLiteral("cogito-2"));
        clickNext(FirstRunWizard::DestinationPage);
    }

    void r2AccountIdBuildsTheEndpoint()
    {
        makeWizard();
        passDatabasePage();
        if (QTest::currentTestFailed())
            return;
        clickOption(child<QRadioButton>("cloud"));
        QVERIFY(!child<QLineEdit>("folder")->isEnabled());
        clickNext(FirstRunWizard::CloudPage);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(child<QRadioButton>("r2")->isChecked()); // R2 is the default
        QVERIFY(!next()->isEnabled());
        QTest::keyClicks(child<QLineEdit>("accountId"),
                         QStringLiteral("0123456789abcdef0123456789abcdef"));
        QTest::keyClicks(child<QLineEdit>("bucket"), QStringLiteral("backups"));
        QTest::keyClicks(child<QLineEdit>("prefix"), QStringLiteral("cogito"));
        QTest::keyClicks(child<QLineEdit>("accessKeyId"), QStringLiteral("R2KEY"));
        QTest::keyClicks(child<QLineEdit>("secret"), QStringLiteral("r2-secret"));
        const lk::Profile p = m_wizard->profile();
        QCOMPARE(
            p.endpoint,
            QStringLiteral("https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com"));
        QCOMPARE(p.destination, QStringLiteral("s3://backups/cogito"));
        QCOMPARE(p.provider, QStringLiteral("Cloudflare"));
        QVERIFY(!next()->isEnabled()); // filled, but not tested
    }

    void showHideSecret()
    {
        makeWizard();
        passDatabasePage();
        clickOption(child<QRadioButton>("cloud"));
        clickNext(FirstRunWizard::CloudPage);
        if (QTest::currentTestFailed())
            return;
        auto *secret = child<QLineEdit>("secret");
        auto *show = child<QToolButton>("showSecret");
        QVERIFY(secret && show);
        QTest::keyClicks(secret, QStringLiteral("peekaboo"));
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QVERIFY(!secret->displayText().contains(QStringLiteral("peekaboo")));
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        QCOMPARE(secret->displayText(), QStringLiteral("peekaboo"));
        QCOMPARE(show->text(), QStringLiteral("Hide"));
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QCOMPARE(show->text(), QStringLiteral("Show"));
    }

    void s3TestedConnectionKeychainAndNoSecretInFiles()
    {
        const QString secret =
            QStringLiteral("WizSecret-%1").arg(QRandomGenerator::global()->generate64(), 0, 36);
        g_messages.clear();
        makeWizard();
        passDatabasePage();
        clickOption(child<QRadioButton>("cloud"));
        clickNext(FirstRunWizard::CloudPage);
        if (QTest::currentTestFailed())
            return;

        // A key id s3rver does not know: the List step fails and says why; no step after it.
        fillCustomEndpoint(QStringLiteral("NOT-A-KEY"), secret);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!next()->isEnabled());
        clickTestConnection();
        if (QTest::currentTestFailed())
            return;
        QStringList steps = stepTexts();
        QCOMPARE(steps.size(), 1);
        QVERIFY2(steps.first().startsWith(QStringLiteral("List the destination | Failed: ")),
                 qPrintable(steps.first()));
        QVERIFY2(steps.first().contains(QStringLiteral("rejected the access key")),
                 qPrintable(steps.first()));
        QVERIFY(!next()->isEnabled());

        // The right key: four steps in plain words, all OK, and Next opens.
        retype(child<QLineEdit>("accessKeyId"), QString::fromLatin1(S3Server::kAccessKey));
        clickTestConnection();
        if (QTest::currentTestFailed())
            return;
        steps = stepTexts();
        QCOMPARE(steps.size(), 4);
        const QStringList names{QStringLiteral("List the destination"),
                                QStringLiteral("Write a test file"), QStringLiteral("Read it back"),
                                QStringLiteral("Delete it")};
        for (int i = 0; i < 4; ++i)
            QVERIFY2(steps.at(i).startsWith(names.at(i) + QStringLiteral(" | OK: ")),
                     qPrintable(steps.at(i)));
        QVERIFY2(
            child<QLabel>("testResult")->text().contains(QStringLiteral("The connection works")),
            qPrintable(child<QLabel>("testResult")->text()));
        QVERIFY(next()->isEnabled());
        QCOMPARE(pathsUnder(m_server.dataDir(), QStringLiteral(".litekeep-probe")), QStringList());

        // A changed field needs a new test; putting it back is the tested state again.
        auto *prefix = child<QLineEdit>("prefix");
        QTest::keyClick(prefix, Qt::Key_End);
        QTest::keyClicks(prefix, QStringLiteral("x"));
        QVERIFY(!next()->isEnabled());
        QTest::keyClick(prefix, Qt::Key_Backspace);
        QVERIFY(next()->isEnabled());

        clickNext(FirstRunWizard::SchedulePage);
        clickNext(FirstRunWizard::FinishPage);
        if (QTest::currentTestFailed())
            return;
        createWithFirstBackup();
        if (QTest::currentTestFailed())
            return;
        // s3rver keeps each object as "<key>._S3rver_object".
        const QString bucketDir = m_server.dataDir() + QStringLiteral("/backups/wizard");
        QCOMPARE(filesEndingWith(bucketDir, QStringLiteral(".db.gz._S3rver_object")).size(), 1);
        QCOMPARE(filesEndingWith(bucketDir, QStringLiteral(".manifest.json._S3rver_object")).size(),
                 1);

        const auto saved = savedProfile(QStringLiteral("default"));
        QVERIFY(saved);
        QCOMPARE(saved->destination, QStringLiteral("s3://backups/wizard"));
        QCOMPARE(saved->endpoint, m_server.endpoint());
        QCOMPARE(saved->provider, QStringLiteral("Other"));

        // The secret is in the keychain, under service "litekeep" and key PROFILE:ENDPOINT.
        const RunResult lookup = runProgram(QStringLiteral("secret-tool"),
                                            {QStringLiteral("search"), QStringLiteral("--all"),
                                             QStringLiteral("server"), QStringLiteral("litekeep")},
                                            QProcessEnvironment::systemEnvironment());
        QVERIFY2(lookup.err.contains(QByteArray(QByteArray("attribute.user = default:") +
                                                m_server.endpoint().toUtf8())),
                 lookup.err.constData());
        const QByteArray stored =
            lk::CredentialStore::encode({QString::fromLatin1(S3Server::kAccessKey), secret});
        QVERIFY2(lookup.out.contains(stored.toBase64()) || lookup.out.contains(stored),
                 lookup.out.constData());

        // ... and nowhere else: not in the settings, history, staging, cache, or any message.
        const QByteArray needle = secret.toUtf8();
        QVERIFY(QFileInfo::exists(m_home->configFile()));
        QCOMPARE(filesContaining(m_home->path(), needle), QStringList());
        QCOMPARE(filesContaining(m_home->path(), stored.toBase64()), QStringList());
        QCOMPARE(filesContaining(m_server.dataDir(), needle), QStringList());
        for (const QString &message : std::as_const(g_messages))
            QVERIFY2(!message.contains(secret), "a log message holds the secret");
    }
};

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"

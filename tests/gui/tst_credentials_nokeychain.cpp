// Without any keychain (no D-Bus session at all): storing a secret is refused with a sentence
// that offers the environment-variable route, and nothing is written to a file instead — both
// in CredentialStore and at the end of the first-run wizard.
#include "FirstRunWizard.h"
#include "backup/BackupQueue.h"
#include "history/Catalog.h"
#include "settings/Config.h"
#include "settings/CredentialStore.h"

#include "TestSupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QTest>
#include <QTreeWidget>

#include <memory>
#include <optional>

using lk::FirstRunWizard;
using namespace lkt;

namespace {
constexpr int kRunTimeoutMs = 90000;

QString distinctiveSecret()
{
    return QStringLiteral("NoKcSecret-%1").arg(QRandomGenerator::global()->generate64(), 0, 36);
}

void clickOption(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}
} // namespace

class TestCredentialsNoKeychain : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHome> m_home;

    lk::Profile s3Profile(const QString &endpoint) const
    {
        lk::Profile p;
        p.name = QStringLiteral("default");
        p.databasePath = m_home->file(QStringLiteral("cogito.db"));
        p.destination = QStringLiteral("s3://backups/nokeychain");
        p.endpoint = endpoint;
        p.provider = QStringLiteral("Other");
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(qgetenv("DBUS_SESSION_BUS_ADDRESS"), QByteArray("unix:path=/nonexistent/bus"));
    }

    void init()
    {
        m_home = std::make_unique<TestHome>();
        QVERIFY(m_home->isValid());
        m_home->applyToThisProcess();
    }

    void cleanup() { m_home.reset(); }

    void writeIsRefusedWithTheHeadlessRoute()
    {
        const QString secret = distinctiveSecret();
        lk::CredentialStore store;
        std::optional<lk::Status> written;
        store.write(s3Profile(QStringLiteral("https://s3.example.com")),
                    {QStringLiteral("KEY"), secret}, [&written](lk::Status s) { written = s; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 30000);
        QVERIFY(!written->ok);
        QVERIFY2(written->error.contains(QStringLiteral("keychain")), qPrintable(written->error));
        QVERIFY2(written->error.contains(QStringLiteral("LITEKEEP_ACCESS_KEY_ID")),
                 qPrintable(written->error));
        QVERIFY2(!written->error.contains(secret), "the message holds the secret");
        QCOMPARE(filesContaining(m_home->path(), secret.toUtf8()), QStringList());

        // Reading fails the same way (no silent fallback) ...
        std::optional<lk::Result<lk::Credentials>> read;
        store.read(s3Profile(QStringLiteral("https://s3.example.com")),
                   [&read](const lk::Result<lk::Credentials> &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 30000);
        QVERIFY(!read->isOk());
        QVERIFY2(read->error().contains(QStringLiteral("LITEKEEP_ACCESS_KEY_ID")),
                 qPrintable(read->error()));

        // ... and the offered route works without any keychain.
        qputenv("LITEKEEP_ACCESS_KEY_ID", "ENVKEY");
        qputenv("LITEKEEP_SECRET_ACCESS_KEY", "env-secret");
        read.reset();
        store.read(s3Profile(QStringLiteral("https://s3.example.com")),
                   [&read](const lk::Result<lk::Credentials> &r) { read = r; });
        qunsetenv("LITEKEEP_ACCESS_KEY_ID");
        qunsetenv("LITEKEEP_SECRET_ACCESS_KEY");
        QTRY_VERIFY(read.has_value());
        QVERIFY(read->isOk());
        QCOMPARE(read->value().accessKeyId, QStringLiteral("ENVKEY"));
    }

    // The wizard's S3 path to the end: the connection test passes (it needs no keychain), but
    // creating the profile says plainly that the key could not be stored, and backs nothing up.
    void wizardSaysSoAndBacksNothingUp()
    {
        S3Server server(QStringLiteral("backups"));
        QVERIFY(server.start());
        QVERIFY(
            makeDatabase(m_home->file(QStringLiteral("cogito.db")), QStringLiteral("wal"), 100));
        lk::Config config(m_home->configFile());
        lk::Catalog catalog;
        QVERIFY(catalog.open());
        lk::BackupQueue queue(&catalog);
        FirstRunWizard wizard(config, queue);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto next = [&wizard] { return wizard.button(QWizard::NextButton); };
        auto edit = [&wizard](const char *name) {
            return wizard.findChild<QLineEdit *>(QLatin1String(name));
        };

        QTest::keyClicks(edit("databasePath"), m_home->file(QStringLiteral("cogito.db")));
        QTRY_VERIFY(wizard.findChild<QLabel *>(QStringLiteral("databaseInfo"))
                        ->text()
                        .contains(QStringLiteral("WAL")));
        QTest::mouseClick(next(), Qt::LeftButton);
        clickOption(wizard.findChild<QRadioButton *>(QStringLiteral("cloud")));
        QTest::mouseClick(next(), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::CloudPage));

        const QString secret = distinctiveSecret();
        clickOption(wizard.findChild<QRadioButton *>(QStringLiteral("customEndpoint")));
        QTest::keyClicks(edit("endpoint"), server.endpoint());
        QTest::keyClicks(edit("bucket"), QStringLiteral("backups"));
        QTest::keyClicks(edit("prefix"), QStringLiteral("nokeychain"));
        QTest::keyClicks(edit("accessKeyId"), QString::fromLatin1(S3Server::kAccessKey));
        QTest::keyClicks(edit("secret"), secret);
        auto *test = wizard.findChild<QPushButton *>(QStringLiteral("testConnection"));
        QTest::mouseClick(test, Qt::LeftButton);
        auto *steps = wizard.findChild<QTreeWidget *>(QStringLiteral("testSteps"));
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), kRunTimeoutMs);
        QCOMPARE(steps->topLevelItemCount(), 4);
        QVERIFY(next()->isEnabled());
        QTest::mouseClick(next(), Qt::LeftButton);
        QTest::mouseClick(next(), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::FinishPage));

        QTest::mouseClick(wizard.findChild<QPushButton *>(QStringLiteral("create")),
                          Qt::LeftButton);
        auto *result = wizard.findChild<QLabel *>(QStringLiteral("result"));
        QTRY_VERIFY_WITH_TIMEOUT(!result->text().endsWith(QStringLiteral("…")), 30000);
        QVERIFY2(result->text().contains(QStringLiteral("could not be stored")),
                 qPrintable(result->text()));
        QVERIFY2(result->text().contains(QStringLiteral("LITEKEEP_ACCESS_KEY_ID")),
                 qPrintable(result->text()));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        QVERIFY(!queue.isBusy());
        QCOMPARE(filesEndingWith(server.dataDir(), QStringLiteral("._S3rver_object"))
                     .filter(QStringLiteral(".db.gz")),
                 QStringList());

        // The profile itself is saved, the secret is nowhere on disk.
        lk::Config fresh(m_home->configFile());
        QVERIFY(fresh.load());
        QVERIFY(fresh.profile(QStringLiteral("default")));
        QCOMPARE(filesContaining(m_home->path(), secret.toUtf8()), QStringList());
    }
};

int main(int argc, char **argv)
{
    // Before anything can connect to a session bus: there is none.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    qunsetenv("LITEKEEP_ACCESS_KEY_ID");
    qunsetenv("LITEKEEP_SECRET_ACCESS_KEY");
    QApplication app(argc, argv);
    QTEST_DISABLE_KEYPAD_NAVIGATION
    TestCredentialsNoKeychain test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentials_nokeychain.moc"

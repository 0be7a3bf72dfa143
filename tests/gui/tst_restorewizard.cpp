// The restore wizard driven offscreen page by page like a person, against s3rver and real
// SQLite files: restore to a new file (the default, with the newest verified generation
// preselected), replace the live database (confirmation, pre-restore copy, undo), and the
// mistakes a person can make on the way (an existing file, a missing folder, another database's
// generation) refused clearly.
#include "GuiFixture.h"
#include "RestoreWizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <memory>
#include <optional>

#include <unistd.h>

using lk::RestoreWizard;
using namespace lkt;

namespace {
constexpr int kTimeoutMs = 90000;

void clickOption(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}

void retype(QWidget *edit, const QString &text)
{
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}
} // namespace

class TestRestoreWizard : public QObject
{
    Q_OBJECT

private:
    GuiFixture m_fx;
    std::unique_ptr<RestoreWizard> m_wizard;
    QString m_first, m_second; // generations, oldest first
    QByteArray m_firstDump, m_secondDump, m_liveDump;

    template <typename T> T *child(const char *name) const
    {
        T *widget = m_wizard->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }
    QAbstractButton *next() const { return m_wizard->button(QWizard::NextButton); }
    QAbstractButton *commit() const { return m_wizard->button(QWizard::CommitButton); }

    void openWizard(const QString &preselect = {}, const std::optional<lk::Profile> &profile = {})
    {
        m_wizard = std::make_unique<RestoreWizard>(profile.value_or(m_fx.profile()), *m_fx.catalog);
        m_wizard->preselect(preselect);
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
        auto *list = child<QTreeWidget>("generationList");
        QVERIFY(list);
        QTRY_VERIFY_WITH_TIMEOUT(list->topLevelItemCount() >= 2, kTimeoutMs);
    }

    // Next from the choose page, then waits until the generation is downloaded and compared.
    void inspectChosen()
    {
        QVERIFY(next()->isEnabled());
        QTest::mouseClick(next(), Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(RestoreWizard::InspectPage));
        QVERIFY(!next()->isEnabled()); // nothing to go on with before the comparison
        QTRY_VERIFY_WITH_TIMEOUT(next()->isEnabled(), kTimeoutMs);
    }

    void restoreAndWait()
    {
        QCOMPARE(m_wizard->currentId(), int(RestoreWizard::HowPage));
        QVERIFY(commit()->isVisible());
        QVERIFY(commit()->isEnabled());
        QTest::mouseClick(commit(), Qt::LeftButton);
        QCOMPARE(m_wizard->currentId(), int(RestoreWizard::RestorePage));
        QTRY_VERIFY_WITH_TIMEOUT(m_wizard->result().has_value() && !m_wizard->isRunning(),
                                 kTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_fx.startServer(), "s3rver starts (scripts/bootstrap installs it)");
    }

    void init()
    {
        QVERIFY(m_fx.setUp(QString::fromLatin1(QTest::currentTestFunction()), 400));
        m_firstDump = sqliteDump(m_fx.db());
        m_first = m_fx.backup();
        QVERIFY(!m_first.isEmpty());
        QVERIFY(m_fx.sql(QStringLiteral("DELETE FROM notes WHERE id > 300; CREATE TABLE drafts(x); "
                                        "INSERT INTO drafts VALUES (1);")));
        m_secondDump = sqliteDump(m_fx.db());
        m_second = m_fx.backup();
        QVERIFY(!m_second.isEmpty());
        // Only the older one is proven restorable: it is the one a person should be offered.
        QVERIFY(m_fx.verify(m_first));
        QVERIFY(m_fx.sql(
            QStringLiteral("INSERT INTO notes(title) VALUES ('written after the last backup');")));
        m_liveDump = sqliteDump(m_fx.db());
    }

    void cleanup() { m_wizard.reset(); }

    void restoreToANewFileWithTheNewestVerifiedGeneration()
    {
        openWizard();
        auto *list = child<QTreeWidget>("generationList");
        QCOMPARE(m_wizard->chosenGeneration(), m_first); // verified beats newer-but-unverified
        QVERIFY(list->currentItem()->text(2).contains(QLatin1String("verified")));
        inspectChosen();
        const QString summary = child<QLabel>("diffSummary")->text();
        // From the live database (301 notes, drafts) back to the first generation (400 notes).
        QVERIFY2(summary.contains(QStringLiteral("Brings back 99 row(s) in “notes”")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Removes the table “drafts”")),
                 qPrintable(summary));

        QTest::mouseClick(next(), Qt::LeftButton);
        QVERIFY(child<QRadioButton>("toFile")->isChecked()); // the safe choice is the default
        const QString target = m_wizard->targetPath();
        QCOMPARE(QFileInfo(target).absolutePath(), QFileInfo(m_fx.db()).absolutePath());
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY2(child<QLabel>("targetNote")->text().contains(target),
                 qPrintable(child<QLabel>("targetNote")->text()));

        restoreAndWait();
        QVERIFY2(m_wizard->result()->isSuccess(), qPrintable(m_wizard->result()->message));
        QCOMPARE(sqliteDump(target), m_firstDump);
        QCOMPARE(sqliteDump(m_fx.db()), m_liveDump); // the live database is not touched
        QVERIFY(child<QLabel>("restoredPath")->text().contains(target));
        QVERIFY(!child<QPushButton>("undo")->isVisible()); // nothing to undo for a new file
        QSignalSpy open(m_wizard.get(), &RestoreWizard::openFolderRequested);
        QTest::mouseClick(child<QPushButton>("openFolder"), Qt::LeftButton);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().first().toString(), QFileInfo(target).absolutePath());
        QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    }

    void mistakesAreRefusedBeforeAnythingIsWritten()
    {
        openWizard();
        inspectChosen();
        QTest::mouseClick(next(), Qt::LeftButton);
        auto *target = child<QLineEdit>("target");
        auto *note = child<QLabel>("targetNote");
        // An existing file is never overwritten.
        const QString existing = m_fx.home->file(QStringLiteral("existing.db"));
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("precious");
        file.close();
        retype(target, existing);
        QVERIFY(!commit()->isEnabled());
        QVERIFY2(note->text().contains(QLatin1String("already exists")), qPrintable(note->text()));
        // Nor is the live database itself replaced through this door.
        retype(target, m_fx.db());
        QVERIFY(!commit()->isEnabled());
        QVERIFY2(note->text().contains(QLatin1String("live database")), qPrintable(note->text()));
        retype(target, m_fx.home->file(QStringLiteral("no/such/folder/x.db")));
        QVERIFY(!commit()->isEnabled());
        QVERIFY2(note->text().contains(QLatin1String("does not exist")), qPrintable(note->text()));
        // The job's own checks, before the job refuses them: a folder is not a file name, and a
        // folder one cannot write to (not testable as root, who can write anywhere).
        retype(target, m_fx.home->path());
        QVERIFY(!commit()->isEnabled());
        QVERIFY2(note->text().contains(QLatin1String("is a folder")), qPrintable(note->text()));
        if (::geteuid() != 0) {
            const QString locked = m_fx.home->file(QStringLiteral("read-only"));
            QVERIFY(QDir().mkpath(locked));
            QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
            retype(target, locked + QStringLiteral("/x.db"));
            QVERIFY(!commit()->isEnabled());
            QVERIFY2(note->text().contains(QLatin1String("cannot write")),
                     qPrintable(note->text()));
            QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        // Replacing needs an explicit confirmation.
        clickOption(child<QRadioButton>("replace"));
        QVERIFY(!commit()->isEnabled());
        clickOption(child<QCheckBox>("confirmReplace"));
        QVERIFY(commit()->isEnabled());
        clickOption(child<QRadioButton>("toFile"));
        QVERIFY(!child<QCheckBox>("confirmReplace")->isChecked()); // not kept for later
        m_wizard->reject();
        QCOMPARE(QFile(existing).size(), qint64(8));
        QCOMPARE(sqliteDump(m_fx.db()), m_liveDump);
    }

    void replaceTheLiveDatabaseAndUndo()
    {
        openWizard(m_second); // as from a generation's context menu
        QCOMPARE(m_wizard->chosenGeneration(), m_second);
        inspectChosen();
        const QString summary = child<QLabel>("diffSummary")->text();
        QVERIFY2(summary.contains(QStringLiteral("Removes 1 row(s) from “notes”")),
                 qPrintable(summary));
        QTest::mouseClick(next(), Qt::LeftButton);
        clickOption(child<QRadioButton>("replace"));
        QVERIFY(child<QLabel>("replaceNote")->text().contains(QLatin1String("pre-restore")));
        QTRY_VERIFY(child<QLabel>("holders")->text().contains(QLatin1String("No other program")));
        QVERIFY(!commit()->isEnabled());
        clickOption(child<QCheckBox>("confirmReplace"));
        restoreAndWait();
        const lk::JobResult result = *m_wizard->result();
        QVERIFY2(result.isSuccess(), qPrintable(result.message));
        QCOMPARE(sqliteDump(m_fx.db()), m_secondDump);
        const QString copy = result.details.value(QLatin1String("pre_restore_copy")).toString();
        QVERIFY(QFileInfo::exists(copy));
        QCOMPARE(sqliteDump(copy), m_liveDump); // what was there is kept
        QVERIFY(child<QLabel>("restoredPath")->text().contains(copy));

        auto *undo = child<QPushButton>("undo");
        QVERIFY(undo->isVisible());
        QTest::mouseClick(undo, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_wizard->result().has_value() && !m_wizard->isRunning(),
                                 kTimeoutMs);
        QVERIFY2(m_wizard->result()->isSuccess(), qPrintable(m_wizard->result()->message));
        QCOMPARE(sqliteDump(m_fx.db()), m_liveDump);
        QVERIFY(!undo->isVisible()); // an undo is not undone again from here
    }

    // The profile points at another application's file of the same name: the wizard shows the
    // core's sentence of what differs, and replaces it only after "Replace anyway".
    void anotherDatabaseNeedsAnExplicitConfirmation()
    {
        const QString other = m_fx.home->file(QStringLiteral("elsewhere/cogito.db"));
        QVERIFY(QDir().mkpath(QFileInfo(other).absolutePath()));
        QVERIFY(runSql(other, "PRAGMA application_id = 1280001360; CREATE TABLE ledger(amount);"));
        const auto bytes = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray live = bytes(other);
        lk::Profile profile = m_fx.profile();
        profile.databasePath = other;
        openWizard(m_first, profile);
        inspectChosen();
        QTest::mouseClick(next(), Qt::LeftButton);
        clickOption(child<QRadioButton>("replace"));
        clickOption(child<QCheckBox>("confirmReplace"));
        restoreAndWait();
        QVERIFY(!m_wizard->result()->isSuccess());
        const QString outcome = child<QLabel>("outcome")->text();
        QVERIFY2(outcome.contains(QLatin1String(
                     "its application_id is 0x4c4b4550 here but 0x00000000 in the generation")),
                 qPrintable(outcome));
        QVERIFY2(!outcome.contains(QLatin1String("--force")),
                 qPrintable(outcome)); // a button here, not an option
        QCOMPARE(bytes(other), live);
        auto *anyway = child<QPushButton>("replaceAnyway");
        QVERIFY(anyway->isVisible());
        QTest::mouseClick(anyway, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_wizard->result().has_value() && !m_wizard->isRunning(),
                                 kTimeoutMs);
        QVERIFY2(m_wizard->result()->isSuccess(), qPrintable(m_wizard->result()->message));
        QCOMPARE(sqliteDump(other), m_firstDump);
        QVERIFY(!anyway->isVisible());
        QVERIFY(child<QPushButton>("undo")->isVisible());
    }

    void aDamagedGenerationCannotBeChosen()
    {
        // The newer generation's manifest is gone: a run that died before writing it.
        QVERIFY(QFile::remove(m_fx.storedFile(m_second + QStringLiteral(".manifest.json"))));
        openWizard();
        auto *list = child<QTreeWidget>("generationList");
        QTreeWidgetItem *damaged = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->data(0, Qt::UserRole).toString() == m_second)
                damaged = list->topLevelItem(i);
        }
        QVERIFY(damaged);
        QVERIFY(!(damaged->flags() & Qt::ItemIsSelectable));
        QVERIFY(damaged->text(2).contains(QLatin1String("cannot be restored")));
        QCOMPARE(m_wizard->chosenGeneration(), m_first);
    }
};

QTEST_MAIN(TestRestoreWizard)
#include "tst_restorewizard.moc"

// The main window with real generations on s3rver: the details pane (manifest facts, tables,
// a look inside with schema, preview and comparison), the verification buttons reflecting a
// corrupted generation, "last proven restorable" and the next drill, the history chart with
// a failed run, and the ways into the restore wizard.
#include "DiffView.h"
#include "GenerationDetails.h"
#include "GuiFixture.h"
#include "HistoryChart.h"
#include "MainWindow.h"
#include "RestoreWizard.h"
#include "backup/BackupQueue.h"
#include "generations/GenerationName.h"
#include "present/HumanTime.h"
#include "schedule/Scheduler.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using lk::MainWindow;
using namespace lkt;

namespace {
constexpr int kTimeoutMs = 90000;
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    GuiFixture m_fx;
    std::unique_ptr<lk::BackupQueue> m_queue;
    std::unique_ptr<lk::Scheduler> m_scheduler;
    std::unique_ptr<MainWindow> m_window;
    QString m_first, m_second;

    template <typename T> T *child(const char *name) const
    {
        T *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }
    QTreeWidgetItem *generationItem(const QString &name) const
    {
        auto *list = child<QTreeWidget>("generations");
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->data(0, Qt::UserRole).toString() == name)
                return list->topLevelItem(i);
        }
        return nullptr;
    }

    void openWindow()
    {
        m_queue = std::make_unique<lk::BackupQueue>(m_fx.catalog.get());
        m_scheduler = std::make_unique<lk::Scheduler>(m_fx.catalog.get());
        m_window =
            std::make_unique<MainWindow>(*m_fx.config, *m_fx.catalog, *m_queue, *m_scheduler);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(generationItem(m_first) && generationItem(m_second), kTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_fx.startServer(), "s3rver starts (scripts/bootstrap installs it)");
    }

    void init()
    {
        QVERIFY(m_fx.setUp(QString::fromLatin1(QTest::currentTestFunction()), 300));
        m_first = m_fx.backup();
        QVERIFY(m_fx.sql(QStringLiteral("DELETE FROM notes WHERE id <= 100;")));
        m_second = m_fx.backup();
        QVERIFY(!m_first.isEmpty() && !m_second.isEmpty());
    }

    void cleanup()
    {
        m_window.reset();
        m_scheduler.reset();
        m_queue.reset();
    }

    void detailsShowWhatAGenerationHolds()
    {
        openWindow();
        auto *list = child<QTreeWidget>("generations");
        // Listed by when it was made, as a person reads it; the technical name in the tooltip.
        const auto parsed = lk::GenerationName::parse(m_first + QStringLiteral(".db.gz"));
        QVERIFY(parsed);
        QCOMPARE(generationItem(m_first)->text(0),
                 lk::HumanTime::current().generation(parsed->name.createdUtc()));
        QVERIFY2(generationItem(m_first)->toolTip(0).startsWith(m_first),
                 qPrintable(generationItem(m_first)->toolTip(0)));
        list->setCurrentItem(generationItem(m_first));
        auto *details = m_window->details();
        // At once, from the manifest: tables with their row counts, facts, verification history.
        auto *tables = details->findChild<QTreeWidget *>(QStringLiteral("tables"));
        QVERIFY(!tables->findItems(QStringLiteral("notes"), Qt::MatchExactly).isEmpty());
        QCOMPARE(tables->findItems(QStringLiteral("notes"), Qt::MatchExactly).first()->text(1),
                 QLocale().toString(300));
        QVERIFY(details->findChild<QLabel *>(QStringLiteral("facts"))
                    ->text()
                    .contains(QLatin1String("cogito.db")));
        // The verification history comes from the history's own thread.
        auto *verifications = details->findChild<QTreeWidget *>(QStringLiteral("verifications"));
        QTRY_VERIFY(verifications->topLevelItem(0) &&
                    verifications->topLevelItem(0)->text(0) == QStringLiteral("never verified"));

        // Looking inside downloads, verifies and describes it.
        QSignalSpy inspected(details, &lk::GenerationDetails::inspected);
        QSignalSpy previewed(details, &lk::GenerationDetails::previewShown);
        QTest::mouseClick(details->findChild<QPushButton *>(QStringLiteral("lookInside")),
                          Qt::LeftButton);
        QVERIFY(inspected.wait(kTimeoutMs) || inspected.count() == 1);
        auto *schema = details->findChild<QTreeWidget *>(QStringLiteral("schema"));
        const auto view = schema->findItems(QStringLiteral("note_titles"), Qt::MatchExactly);
        QVERIFY(!view.isEmpty());
        QCOMPARE(view.first()->text(1), QStringLiteral("view"));
        schema->setCurrentItem(view.first());
        QVERIFY(details->findChild<QPlainTextEdit *>(QStringLiteral("sql"))
                    ->toPlainText()
                    .contains(QLatin1String("CREATE VIEW")));
        // The first table is previewed, read-only, with its column names.
        QTRY_VERIFY_WITH_TIMEOUT(previewed.count() >= 1, kTimeoutMs);
        auto *combo = details->findChild<QComboBox *>(QStringLiteral("previewTable"));
        combo->setCurrentText(QStringLiteral("notes"));
        QTRY_VERIFY_WITH_TIMEOUT(
            details->findChild<QTableWidget *>(QStringLiteral("preview"))->columnCount() == 3,
            kTimeoutMs);
        auto *preview = details->findChild<QTableWidget *>(QStringLiteral("preview"));
        QCOMPARE(preview->horizontalHeaderItem(1)->text(), QStringLiteral("title"));
        QCOMPARE(preview->rowCount(), 50);
        QCOMPARE(preview->item(0, 1)->text(), QStringLiteral("ノート 1"));
        QVERIFY(preview->editTriggers() == QAbstractItemView::NoEditTriggers);
        // Against the live database (200 notes now): restoring brings 100 back.
        const QString summary =
            details->findChild<lk::DiffView *>(QStringLiteral("diff"))->summary();
        QVERIFY2(summary.contains(QLatin1String("Brings back 100 row")), qPrintable(summary));
    }

    void verificationShowsACorruptedGeneration()
    {
        // The older generation's data is damaged on the server behind LiteKeep's back.
        QFile stored(m_fx.storedFile(m_first + QStringLiteral(".db.gz")));
        QVERIFY(stored.open(QIODevice::ReadWrite));
        QByteArray bytes = stored.readAll();
        for (qsizetype i = bytes.size() / 2; i < bytes.size() / 2 + 64 && i < bytes.size(); ++i)
            bytes[i] = static_cast<char>(~bytes.at(i));
        QVERIFY(stored.seek(0));
        QCOMPARE(stored.write(bytes), bytes.size());
        stored.close();

        openWindow();
        QTRY_VERIFY(
            child<QLabel>("summary")->text().contains(QLatin1String("Not proven restorable yet")));
        QVERIFY(child<QLabel>("summary")->text().contains(QLatin1String("Next restore drill")));
        auto *verifyAll = m_window->findChild<QAction *>(QStringLiteral("verifyAll"));
        QVERIFY(verifyAll->isEnabled());
        QSignalSpy finished(m_window.get(), &MainWindow::verificationFinished);
        verifyAll->trigger();
        QTRY_VERIFY(child<QProgressBar>("progress")->isVisible() || finished.count() == 1);
        QVERIFY(finished.wait(kTimeoutMs) || finished.count() == 1);
        const auto result = finished.first().first().value<lk::JobResult>();
        QVERIFY(!result.isSuccess());
        QTRY_VERIFY_WITH_TIMEOUT(
            generationItem(m_first) &&
                generationItem(m_first)->text(3).startsWith(QLatin1String("FAILED")),
            kTimeoutMs);
        QVERIFY(generationItem(m_second)->text(3).startsWith(QLatin1String("passed")));
        QCOMPARE(generationItem(m_first)->foreground(3).color(), QColor(0xc6, 0x28, 0x28));
        QVERIFY(child<QLabel>("summary")->text().contains(QLatin1String("Last proven restorable")));
        // The details pane carries the verdict with its reason.
        child<QTreeWidget>("generations")->setCurrentItem(generationItem(m_first));
        auto *history =
            m_window->details()->findChild<QTreeWidget *>(QStringLiteral("verifications"));
        QTRY_VERIFY(history->topLevelItem(0) &&
                    history->topLevelItem(0)->text(2) == QStringLiteral("failed"));
        QVERIFY(!history->topLevelItem(0)->text(3).isEmpty());

        // Verify one: the selected generation only.
        child<QTreeWidget>("generations")->setCurrentItem(generationItem(m_second));
        finished.clear();
        m_window->findChild<QAction *>(QStringLiteral("verify"))->trigger();
        QVERIFY(finished.wait(kTimeoutMs) || finished.count() == 1);
        QVERIFY(finished.first().first().value<lk::JobResult>().isSuccess());
        QCOMPARE(m_fx.catalog->verificationsOf(QStringLiteral("default"), m_second).size(), 2);
        QCOMPARE(m_fx.catalog->verificationsOf(QStringLiteral("default"), m_first).size(), 1);
    }

    void chartShowsSizesDurationsAndFailures()
    {
        // A failed run in the history, as a night without network leaves it.
        const auto id =
            m_fx.catalog->recordStart(QStringLiteral("default"), QStringLiteral("backup"));
        QVERIFY(id.isOk());
        QVERIFY(m_fx.catalog
                    ->recordFinish(id.value(), lk::JobResult::failed(QStringLiteral(
                                                   "The destination cannot be reached.")))
                    .ok);
        openWindow();
        auto *chart = m_window->findChild<lk::HistoryChart *>(QStringLiteral("historyChart"));
        QVERIFY(chart);
        const auto &points = chart->points();
        QTRY_COMPARE(points.size(), 3);
        QVERIFY(!points.at(0).failed && points.at(0).gzSize > 0 && points.at(0).durationMs >= 0);
        QVERIFY(points.at(1).gzSize > 0);
        QVERIFY(points.at(2).failed);
        QVERIFY(points.at(0).startedUtc <= points.at(1).startedUtc);
        // Drawn, with every bar somewhere a tooltip can find it.
        auto *tabs = qobject_cast<QTabWidget *>(chart->parentWidget()->parentWidget());
        QVERIFY(tabs);
        tabs->setCurrentWidget(chart);
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        const QImage image = chart->grab().toImage();
        QVERIFY(!image.isNull());
        int failedPixels = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (image.pixelColor(x, y) == QColor(0xc6, 0x28, 0x28))
                    ++failedPixels;
            }
        }
        QVERIFY2(failedPixels > 0, "the failed run is marked in red");
        QCOMPARE(chart->pointAt(QPoint(chart->width() - 60, chart->height() / 2)), 2);
    }

    void aMassDeleteIsMarkedAndItsPinDismissed()
    {
        // init() deleted a third of the notes between the two backups: the second one warns,
        // and the first is kept until the warning is dismissed.
        openWindow();
        QTRY_COMPARE(generationItem(m_second)->data(4, Qt::UserRole).toString(),
                     QStringLiteral("warning"));
        QVERIFY2(generationItem(m_second)->toolTip(4).contains(QLatin1String("notes")),
                 qPrintable(generationItem(m_second)->toolTip(4)));
        QCOMPARE(generationItem(m_first)->data(4, Qt::UserRole).toString(),
                 QStringLiteral("pinned"));
        QVERIFY(child<QLabel>("summary")->text().contains(QLatin1String("Warning:")));
        QCOMPARE(m_fx.catalog->pinnedGenerations(QStringLiteral("default")),
                 QSet<QString>{m_first});

        // Dismissed from the generation's menu, after a question answered "No" once.
        auto *list = child<QTreeWidget>("generations");
        auto dismissFromMenu = [&] {
            QMetaObject::invokeMethod(
                list, "customContextMenuRequested",
                Q_ARG(QPoint, list->visualItemRect(generationItem(m_second)).center()));
            auto *menu = m_window->findChild<QMenu *>(QStringLiteral("generationMenu"));
            QVERIFY(menu);
            QAction *dismiss = menu->findChild<QAction *>(QStringLiteral("dismissWarning"));
            QVERIFY(dismiss);
            dismiss->trigger();
            menu->close();
        };
        QSignalSpy changed(m_window.get(), &MainWindow::warningsChanged);
        dismissFromMenu();
        auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("confirmDismiss"));
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
        QCOMPARE(m_fx.catalog->openAnomalies(QStringLiteral("default")).size(), 1);
        QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("confirmDismiss")));
        dismissFromMenu();
        box = m_window->findChild<QMessageBox *>(QStringLiteral("confirmDismiss"));
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE(changed.count(), 1); // written on the history's thread
        QVERIFY(m_fx.catalog->openAnomalies(QStringLiteral("default")).isEmpty());
        QVERIFY(m_fx.catalog->pinnedGenerations(QStringLiteral("default")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            generationItem(m_second) && generationItem(m_second)->text(4).isEmpty(), kTimeoutMs);
        QVERIFY(generationItem(m_first)->text(4).isEmpty());
        QVERIFY(!child<QLabel>("summary")->text().contains(QLatin1String("Warning:")));
    }

    void restoreWizardOpensFromTheWindowAndTheContextMenu()
    {
        openWindow();
        child<QTreeWidget>("generations")->setCurrentItem(generationItem(m_first));
        m_window->findChild<QAction *>(QStringLiteral("restore"))->trigger();
        auto *wizard = m_window->findChild<lk::RestoreWizard *>();
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(wizard->chosenGeneration(), m_first,
                                  kTimeoutMs); // the selected one
        wizard->close();
        QTRY_VERIFY(!m_window->findChild<lk::RestoreWizard *>());
        // A generation's context menu offers it too.
        auto *list = child<QTreeWidget>("generations");
        const QRect row = list->visualItemRect(generationItem(m_second));
        QMetaObject::invokeMethod(list, "customContextMenuRequested", Q_ARG(QPoint, row.center()));
        auto *menu = m_window->findChild<QMenu *>(QStringLiteral("generationMenu"));
        QVERIFY(menu);
        QAction *restoreThis = menu->findChild<QAction *>(QStringLiteral("restoreThis"));
        QVERIFY(restoreThis);
        restoreThis->trigger();
        wizard = m_window->findChild<lk::RestoreWizard *>();
        QVERIFY(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard->chosenGeneration(), m_second, kTimeoutMs);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

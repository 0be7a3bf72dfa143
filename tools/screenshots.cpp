// litekeep-screenshots: renders the main window, the first-run wizard and the restore wizard
// with the data of the current XDG home (scripts/screenshots prepares one) into PNG files, in
// English or, with --qm, in the language of that catalogue. Everything is driven by timers
// and signals: the windows load their data exactly as they do for a user.
#include "FirstRunWizard.h"
#include "GenerationDetails.h"
#include "MainWindow.h"
#include "RestoreWizard.h"
#include "backup/BackupQueue.h"
#include "history/Catalog.h"
#include "schedule/Scheduler.h"
#include "settings/Config.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

#include <functional>

namespace {

// Calls `then` once `ready` holds (checked every 100 ms), or fails after `seconds`.
void when(std::function<bool()> ready, std::function<void()> then, const char *what,
          int seconds = 60)
{
    auto *timer = new QTimer(qApp);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(timer, &QTimer::timeout, qApp, [=] {
        if (ready()) {
            timer->deleteLater();
            then();
        } else if (started->elapsed() > seconds * 1000) {
            qCritical("screenshots: timed out waiting for %s", what);
            QCoreApplication::exit(1);
        }
    });
    timer->start(100);
}

bool save(QWidget *widget, const QString &path)
{
    if (!widget->grab().save(path)) {
        qCritical("screenshots: cannot write %s", qPrintable(path));
        QCoreApplication::exit(1);
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("litekeep"));
    QApplication::setApplicationDisplayName(QStringLiteral("LiteKeep"));
    QCommandLineParser parser;
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Folder for the PNG files."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption qm(QStringLiteral("qm"),
                                QStringLiteral("A compiled catalogue to load."),
                                QStringLiteral("FILE"));
    const QCommandLineOption language(
        QStringLiteral("locale"),
        QStringLiteral("The locale for dates, numbers and Qt's own texts."),
        QStringLiteral("NAME"));
    const QCommandLineOption suffix(QStringLiteral("suffix"),
                                    QStringLiteral("Appended to file names, e.g. -ja."),
                                    QStringLiteral("TEXT"));
    parser.addOptions({out, qm, language, suffix});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(out))
        parser.showHelp(2);
    QTranslator translator;
    QTranslator qtTranslator;
    if (parser.isSet(language)) {
        const QLocale locale(parser.value(language));
        QLocale::setDefault(locale);
        if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTranslator);
    }
    if (parser.isSet(qm)) {
        if (!translator.load(parser.value(qm))) {
            qCritical("screenshots: cannot load %s", qPrintable(parser.value(qm)));
            return 1;
        }
        QApplication::installTranslator(&translator);
    }
    const QDir folder(parser.value(out));
    const QString tail = parser.value(suffix) + QStringLiteral(".png");

    lk::Config config;
    lk::Catalog catalog;
    if (!config.load() || !catalog.open() || config.profileNames().isEmpty()) {
        qCritical("screenshots: no settings with a profile in this XDG home");
        return 1;
    }
    lk::BackupQueue queue(&catalog);
    lk::Scheduler scheduler(&catalog);
    scheduler.setProfiles({*config.profile(config.profileNames().first())});

    lk::MainWindow window(config, catalog, queue, scheduler);
    window.resize(1100, 720);
    window.show();
    auto *generations = window.findChild<QTreeWidget *>(QStringLiteral("generations"));
    std::unique_ptr<lk::FirstRunWizard> firstRun;
    std::unique_ptr<lk::RestoreWizard> restore;

    auto restoreShot = [&] {
        restore = std::make_unique<lk::RestoreWizard>(
            *config.profile(config.profileNames().first()), catalog);
        restore->resize(820, 600);
        restore->show();
        auto *list = restore->findChild<QTreeWidget *>(QStringLiteral("generationList"));
        when([list] { return list->topLevelItemCount() > 0; },
             [&] {
                 restore->next();
                 when([&] { return restore->button(QWizard::NextButton)->isEnabled(); },
                      [&] {
                          if (save(restore.get(),
                                   folder.filePath(QStringLiteral("restore-wizard") + tail)))
                              QCoreApplication::exit(0);
                      },
                      "the restore comparison");
             },
             "the restore wizard's list");
    };
    auto firstRunShot = [&] {
        lk::Config fresh(QDir::temp().filePath(QStringLiteral("litekeep-screenshots-unused.ini")));
        firstRun = std::make_unique<lk::FirstRunWizard>(fresh, queue);
        firstRun->resize(760, 520);
        firstRun->show();
        firstRun->findChild<QLineEdit *>(QStringLiteral("databasePath"))
            ->setText(config.profile(config.profileNames().first())->databasePath);
        when([&] { return firstRun->button(QWizard::NextButton)->isEnabled(); },
             [&] {
                 if (save(firstRun.get(),
                          folder.filePath(QStringLiteral("first-run-wizard") + tail)))
                     restoreShot();
             },
             "the first-run wizard's database check");
    };
    when([generations] { return generations->topLevelItemCount() > 0; },
         [&] {
             window.details()->findChild<QTabWidget *>()->setCurrentIndex(
                 1); // tables and row counts
             QTimer::singleShot(300, &window, [&] {
                 if (save(&window, folder.filePath(QStringLiteral("main-window") + tail)))
                     firstRunShot();
             });
         },
         "the generations");
    return app.exec();
}

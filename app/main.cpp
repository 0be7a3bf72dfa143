// litekeep: the tray application with no arguments, the headless command line otherwise.
#include "Cli.h"
#include "SingleInstance.h"
#include "TrayApp.h"
#include "jobs/JobResult.h"
#include "notify/Notifier.h"
#include "settings/Config.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

namespace {
// The language chosen in the settings (Settings → Language), else the system's. Dates, numbers
// and sizes follow the same choice.
void installTranslations(QCoreApplication &app, const QStringList &arguments)
{
    QString configPath; // --config FILE (or --config=FILE) names another settings file
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--config") && i + 1 < arguments.size())
            configPath = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(QLatin1String("--config=")))
            configPath = arguments.at(i).mid(9);
    }
    const QString chosen = lk::Config::languageIn(configPath);
    const QLocale locale = chosen.isEmpty() ? QLocale() : QLocale(chosen);
    if (!chosen.isEmpty())
        QLocale::setDefault(locale);
    // A language LiteKeep has no catalogue for (and the "C" locale of a bare environment) gets
    // the English one, which holds only the plural forms: "1 row", "2 rows", never "row(s)".
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("litekeep"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")) ||
        ours->load(QStringLiteral("litekeep_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("litekeep"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LITEKEEP_VERSION));
    qRegisterMetaType<lk::JobResult>();
    qRegisterMetaType<lk::Notice>();
}
} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    if (lk::Cli::wantsCli(arguments)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        installTranslations(app, arguments);
        lk::Cli cli;
        QObject::connect(&cli, &lk::Cli::done, &app, &QCoreApplication::exit);
        QTimer::singleShot(0, &cli, [&cli, &arguments] { cli.run(arguments); });
        return app.exec();
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("LiteKeep"));
    installTranslations(app, arguments);
    QApplication::setQuitOnLastWindowClosed(false); // the tray keeps running
    lk::SingleInstance instance;
    if (!instance.claim())
        return 0; // the running LiteKeep shows its window
    lk::TrayApp tray;
    QObject::connect(&instance, &lk::SingleInstance::raiseRequested, &tray,
                     &lk::TrayApp::showWindow);
    tray.start();
    return app.exec();
}

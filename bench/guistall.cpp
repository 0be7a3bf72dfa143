// litekeep-bench-guistall: how long the GUI thread's event loop stalls while the main window
// runs a backup. A 5 ms timer ticks on the GUI thread during the whole run; every gap between
// ticks beyond the interval is time the event loop could not run. Prints the longest gap, the
// 99th percentile and how many gaps exceeded 50 ms (issue 8's bound).
// Usage: litekeep-bench-guistall DATABASE DESTINATION_FOLDER  (with QT_QPA_PLATFORM=offscreen)
#include "MainWindow.h"
#include "backup/BackupQueue.h"
#include "history/Catalog.h"
#include "schedule/Scheduler.h"
#include "settings/Config.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s DATABASE DESTINATION_FOLDER\n", argv[0]);
        return 2;
    }
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(home.filePath(QStringLiteral("cache"))));

    lk::Config config;
    lk::Profile profile;
    profile.name = QStringLiteral("bench");
    profile.databasePath = QString::fromLocal8Bit(argv[1]);
    profile.destination = QString::fromLocal8Bit(argv[2]);
    if (!config.addProfile(profile) || !config.save()) {
        std::fprintf(stderr, "cannot write the settings\n");
        return 1;
    }
    lk::Catalog catalog;
    if (!catalog.open())
        return 1;
    lk::BackupQueue queue(&catalog);
    lk::Scheduler scheduler(&catalog);
    lk::MainWindow window(config, catalog, queue, scheduler);
    window.show();

    QList<qint64> gaps;
    QElapsedTimer clock;
    QTimer tick;
    tick.setInterval(5);
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] { gaps.append(clock.restart()); });
    QElapsedTimer run;
    QObject::connect(
        &queue, &lk::BackupQueue::finished, &app,
        [&](const QString &, const lk::JobResult &result, const QString &) {
            tick.stop();
            const qint64 wall = run.elapsed();
            std::sort(gaps.begin(), gaps.end());
            const qint64 worst = gaps.isEmpty() ? 0 : gaps.last();
            const qint64 p99 =
                gaps.isEmpty() ? 0 : gaps.at(static_cast<qsizetype>(gaps.size() * 0.99));
            const auto over =
                std::count_if(gaps.cbegin(), gaps.cend(), [](qint64 g) { return g > 50; });
            std::printf("backup: %s in %.1f s\nGUI event loop: %lld ticks, longest gap %lld ms, "
                        "p99 %lld ms, gaps over 50 ms: %lld\n",
                        result.isSuccess() ? "succeeded" : qPrintable(result.message),
                        double(wall) / 1000.0, static_cast<long long>(gaps.size()),
                        static_cast<long long>(worst), static_cast<long long>(p99),
                        static_cast<long long>(over));
            QCoreApplication::exit(result.isSuccess() ? 0 : 1);
        });
    QTimer::singleShot(500, &app, [&] { // the window settled
        clock.start();
        run.start();
        tick.start();
        queue.enqueue(*config.profile(QStringLiteral("bench")), lk::BackupQueue::Trigger::Manual);
    });
    return app.exec();
}

// The desktop application: owns the engine pieces (settings, history, queue, schedule,
// notifier) and renders them in the tray icon and the main window.
#pragma once

#include "Autostart.h"
#include "backup/BackupQueue.h"
#include "history/Catalog.h"
#include "notify/Notifier.h"
#include "schedule/Scheduler.h"
#include "settings/Config.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace lk {

class FirstRunWizard;
class SettingsDialog;
class MainWindow;
class TrayIcon;

class TrayApp : public QObject
{
    Q_OBJECT

public:
    explicit TrayApp(const QString &configPath = {}, QObject *parent = nullptr);
    ~TrayApp() override;

    // Loads settings and history, shows the tray (or the window where there is no tray).
    void start();
    void showWindow();
    void showFirstRunWizard();
    void showRestoreWizard(const QString &profile);
    SettingsDialog *showSettings();
    void requestQuit();

    MainWindow *window() const { return m_window.get(); }
    TrayIcon *tray() const { return m_tray; }
    BackupQueue &queue() { return m_queue; }
    Scheduler &scheduler() { return m_scheduler; }
    Notifier &notifier() { return m_notifier; }

    static constexpr int kStalenessCheckMs = 10 * 60 * 1000;

Q_SIGNALS:
    // "Quit and cancel it?" was answered yes: the queue is emptied and the running backup
    // cancelled; the application quits once the queue is idle.
    void quitting();

public:
    static constexpr int kHistoryBusyTimeoutMs = 100;

private:
    void reloadProfiles();
    void backUpNow(const QString &profile);
    void onDue(const Profile &profile);
    void onFinished(const QString &profile, const JobResult &result,
                    const QString &previousOutcome);
    void checkStaleness();
    bool wants(const Notice &notice) const; // the settings' choice of events
    void updateTray();
    void showProblems();

    Config m_config;
    Catalog m_catalog;
    // The tray's own reads of the history: never waits for a lock (see Scheduler), and keeps
    // what it read last when the history cannot be read.
    Catalog m_reader;
    QHash<QString, bool> m_openWarning;
    BackupQueue m_queue;
    Scheduler m_scheduler;
    Notifier m_notifier;
    TrayIcon *m_tray = nullptr;
    std::unique_ptr<MainWindow> m_window;
    QPointer<FirstRunWizard> m_wizard;
    QPointer<SettingsDialog> m_settings;
    Autostart m_autostart;
    QTimer m_staleness;
    QString m_lastResult;
    QStringList m_startProblems;
    QHash<QString, bool> m_failed; // whether each profile's last run failed
};

} // namespace lk

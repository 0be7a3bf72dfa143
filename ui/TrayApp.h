// The desktop application: owns the engine pieces (settings, history, queue, schedule,
// notifier) and renders them in the tray icon and the main window.
#pragma once

#include "Autostart.h"
#include "backup/BackupQueue.h"
#include "history/Catalog.h"
#include "history/ForeignRuns.h"
#include "history/HistoryReader.h"
#include "history/HistoryWatcher.h"
#include "notify/Notifier.h"
#include "present/StatusBoard.h"
#include "schedule/Scheduler.h"
#include "settings/Config.h"
#include "settings/ConfigWatcher.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

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
    const StatusBoard &statusBoard() const { return m_board; }

    static constexpr int kStalenessCheckMs = 10 * 60 * 1000;

Q_SIGNALS:
    // "Quit and cancel it?" was answered yes: the queue is emptied and the running backup
    // cancelled; the application quits once the queue is idle.
    void quitting();
    // Every read of the history asked for so far (the statuses, the staleness alarm) came
    // back, and the tray shows what they said.
    void historyRead();
    // A look at the runs in the history (after a change another process or this one made)
    // came back: the runs other processes finished meanwhile were handed to the notifier.
    void runsRead();

public:
    static constexpr int kHistoryBusyTimeoutMs = 100;

private:
    void reloadProfiles();
    void backUpNow(const QString &profile);
    void onDue(const Profile &profile);
    void onFinished(const QString &profile, const JobResult &result,
                    const QString &previousOutcome);
    // What the tray and the notifier make of a finished backup, whichever process ran it.
    void showFinished(const QString &profile, const JobResult &result,
                      const QString &previousOutcome);
    // The history or the settings changed, by another process or this one.
    void onHistoryChanged();
    void onConfigChanged();
    // Reads every profile's newest runs on the history's thread, for the runs other processes
    // finished.
    void readRuns();
    // Reads the newest verified generations on the history's thread, for the staleness alarm.
    void checkStaleness();
    void onStatusRead(); // the board or the staleness read answered
    ProfileStatus::Context statusContext(const Profile &profile) const;
    // Asks the schedule when each profile runs next (it reads the history): when the history
    // or the schedule changed, and every minute; not at every percent of a running backup.
    void refreshNextRuns();
    bool wants(const Notice &notice) const; // the settings' choice of events
    void updateTray();                      // renders what is known now and reads the history again
    void renderTray();
    void showProblems();

    Config m_config;
    Catalog m_catalog;
    // The tray's own reads of the history, on a thread of their own: the GUI thread never waits
    // for a lock, and what was read last stays when the history cannot be read.
    HistoryReader m_reader;
    bool m_stalenessReading = false; // one staleness read in flight at a time...
    bool m_stalenessAgain = false;   // ...one more after it when asked meanwhile
    HistoryWatcher m_historyWatcher;
    ConfigWatcher m_configWatcher;
    ForeignRuns m_foreignRuns;
    bool m_runsReading = false; // one look at the runs in flight...
    bool m_runsAgain = false;   // ...and one more after it when the history changed meanwhile
    BackupQueue m_queue;
    Scheduler m_scheduler;
    Notifier m_notifier;
    // Every profile's state, from the history, the schedule and the queue: what the tray and the
    // window show.
    StatusBoard m_board;
    QString m_activity; // the running backup's phase and percent
    QHash<QString, QDateTime> m_nextRuns;
    TrayIcon *m_tray = nullptr;
    std::unique_ptr<MainWindow> m_window;
    QPointer<FirstRunWizard> m_wizard;
    QPointer<SettingsDialog> m_settings;
    Autostart m_autostart;
    QTimer m_staleness;
    QTimer m_relativeTimes;
    QStringList m_startProblems;
};

} // namespace lk

// The main window: profiles, their generations and run history, the next run and the last
// proof of restorability, and "Back up now" with live progress. Jobs run in the app's queue.
#pragma once

#include "backup/BackupJob.h"
#include "generations/Generation.h"
#include "history/ProfileHistory.h"
#include "jobs/JobResult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace lk {

class BackupQueue;
class FailureBanner;
class StatusBoard;
class GenerationDetails;
class HistoryChart;
class RestoreWizard;
class VerifyJob;
class Catalog;
class Config;
class CredentialStore;
class GenerationLister;
class HistoryReader;
class Scheduler;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Config &config, Catalog &catalog, BackupQueue &queue, Scheduler &scheduler,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void reload();
    // The statuses the list and the header show (the tray's own board); without one, the list
    // holds the names alone.
    void setStatusBoard(const StatusBoard *board);
    void setNotice(const QString &text); // a line at the top: "the tray is unavailable", ...
    QString selectedProfile() const;
    void selectProfile(const QString &name);
    void refreshGenerations();

    void editProfile();
    void removeProfile();

    // The restore wizard for the selected profile (a generation preselected when given).
    RestoreWizard *openRestoreWizard(const QString &generation = {});
    // Verifies the selected generation, or all of the selected profile's generations.
    void verifySelected();
    void verifyAll();
    // Asks, then dismisses the anomaly warning about `generation` (its pin is released).
    void dismissWarning(const QString &generation);
    void releasePinOnDestination(const QString &profile, const QString &generation);
    bool isVerifying() const { return !m_verify.isNull(); }
    QString selectedGeneration() const;
    GenerationDetails *details() const { return m_details; }
    // Reads the selected profile's history again (on the history's thread); the window shows
    // the answer when it comes, or says why the history could not be read.
    void readHistory();

    // How often the visible window reads the history again: a run by the command line or a
    // timer shows within seconds. Sooner while the history cannot be read.
    static constexpr int kHistoryRefreshMs = 5000;
    static constexpr int kHistoryRetryMs = 1000;

Q_SIGNALS:
    void verificationFinished(const lk::JobResult &result);
    void warningsChanged();
    void settingsRequested();
    void backUpNowRequested(const QString &profile);
    void newProfileRequested();
    void profilesChanged();

private:
    void showProfile();
    void showStatuses(); // the list's icons and lines, the header of the selected profile
    void showSummary();
    void showHistory();
    void showHistoryProblem();
    void showFailure();         // the banner, when the selected profile's last backup failed
    void showRun(qint64 runId); // the run, selected in the history tab
    void onHistoryRead(const QString &profile, int generation, const Result<ProfileHistory> &read);
    const ProfileHistory *knownHistory() const; // of the selected profile, as last read
    void showGenerations(const QList<Generation> &generations, const QString &error);
    void showVerificationsAndWarnings(); // the columns of the generation list from the history
    void onStarted(const QString &profile);
    void onProgress(const QString &profile, BackupJob::Phase phase, qint64 done, qint64 total);
    void onFinished(const QString &profile, const JobResult &result);
    void showDetails();
    void showGenerationMenu(const QPoint &position);
    void verify(const QString &generation);
    void updateActions();

    Config &m_config;
    Catalog &m_catalog;      // handed to the jobs (they record their runs through it)
    HistoryReader *m_reader; // every read of the window goes through it
    BackupQueue &m_queue;
    Scheduler &m_scheduler;
    QPointer<const StatusBoard> m_board;
    CredentialStore *m_store;
    QPointer<GenerationLister> m_lister;
    QPointer<VerifyJob> m_verify;
    QPointer<RestoreWizard> m_restoreWizard;
    QList<Generation> m_shown; // the generations in the list, in its order
    // The history as last read, by profile: kept when a later read fails.
    QHash<QString, ProfileHistory> m_known;
    QString m_historyError; // why the last read failed; empty when it did not
    // Bumped when another profile is shown: an answer asked for before that is not applied.
    int m_historyGeneration = 0;
    QString m_historyShownFor;     // the profile m_historyGeneration is about
    bool m_historyReading = false; // one read in flight at a time...
    bool m_historyAgain = false;   // ...and one more after it when asked meanwhile
    QTimer m_historyRefresh;
    QLabel *m_notice = nullptr;
    QLabel *m_historyProblem = nullptr;
    FailureBanner *m_failure = nullptr;
    QListWidget *m_profiles = nullptr;
    QLabel *m_headline = nullptr; // the selected profile's state, and its next backup
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_generations = nullptr;
    QTreeWidget *m_history = nullptr;
    HistoryChart *m_chart = nullptr;
    GenerationDetails *m_details = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_verifyAllAction = nullptr;
    QPushButton *m_backupButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    BackupJob::Phase m_phase = BackupJob::Phase::Preparing;
    QElapsedTimer m_phaseClock;
};

} // namespace lk

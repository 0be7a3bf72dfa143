// The main window: profiles, their generations and run history, the next run and the last
// proof of restorability, and "Back up now" with live progress. Jobs run in the app's queue.
#pragma once

#include "BackupJob.h"
#include "Generation.h"
#include "JobResult.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace lk {

class BackupQueue;
class Catalog;
class Config;
class CredentialStore;
class GenerationLister;
class Scheduler;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Config &config, Catalog &catalog, BackupQueue &queue, Scheduler &scheduler,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void reload();
    void setNotice(const QString &text); // a line at the top: "the tray is unavailable", ...
    QString selectedProfile() const;
    void selectProfile(const QString &name);
    void refreshGenerations();

    void editProfile();
    void removeProfile();

Q_SIGNALS:
    void backUpNowRequested(const QString &profile);
    void newProfileRequested();
    void profilesChanged();

private:
    void showProfile();
    void showHistory();
    void showGenerations(const QList<Generation> &generations, const QString &error);
    void onStarted(const QString &profile);
    void onProgress(const QString &profile, BackupJob::Phase phase, qint64 done, qint64 total);
    void onFinished(const QString &profile, const JobResult &result);

    Config &m_config;
    Catalog &m_catalog;
    BackupQueue &m_queue;
    Scheduler &m_scheduler;
    CredentialStore *m_store;
    QPointer<GenerationLister> m_lister;
    QLabel *m_notice = nullptr;
    QListWidget *m_profiles = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_generations = nullptr;
    QTreeWidget *m_history = nullptr;
    QPushButton *m_backupButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    BackupJob::Phase m_phase = BackupJob::Phase::Preparing;
    QElapsedTimer m_phaseClock;
};

} // namespace lk

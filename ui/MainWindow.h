// The main window (first version): profiles, their recent runs, and "Back up now" with progress.
#pragma once

#include "Catalog.h"
#include "Config.h"
#include "CredentialStore.h"
#include "JobResult.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace lk {

class BackupJob;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const QString &configPath = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    void reload();
    void backUpNow();

private:
    QString selectedProfile() const;
    void showHistory();
    void jobFinished(const JobResult &result);

    Config m_config;
    Catalog m_catalog;
    CredentialStore m_store;
    QListWidget *m_profiles = nullptr;
    QTreeWidget *m_history = nullptr;
    QPushButton *m_backupButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    BackupJob *m_job = nullptr;
};

} // namespace lk

// The first run: choose the database, where backups go (a local folder at once, or R2/S3 with a
// tested connection), the schedule and retention; then an optional first backup with progress.
#pragma once

#include "jobs/JobResult.h"
#include "settings/Profile.h"

#include <QWizard>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;
class QTimeEdit;

namespace lk {

class BackupQueue;
class Config;
class CredentialStore;
class CredentialsWidget;

class FirstRunWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        DatabasePage,
        DestinationPage,
        CloudPage,
        SchedulePage,
        FinishPage
    };

    FirstRunWizard(Config &config, BackupQueue &queue, QWidget *parent = nullptr);

    // The profile the pages describe so far.
    Profile profile() const;
    int nextId() const override;
    bool validateCurrentPage() override;

Q_SIGNALS:
    void profileCreated(const QString &name);

private:
    void inspectDatabase();
    void createAndBackUp();

    Config &m_config;
    BackupQueue &m_queue;
    CredentialStore *m_store;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_database = nullptr;
    QLabel *m_databaseInfo = nullptr;
    bool m_databaseOk = false;
    QRadioButton *m_local = nullptr;
    QRadioButton *m_cloud = nullptr;
    QLineEdit *m_folder = nullptr;
    CredentialsWidget *m_credentials = nullptr;
    QTimeEdit *m_at = nullptr;
    QSpinBox *m_keepDays = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_backUpNow = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_result = nullptr;
    bool m_created = false;
    bool m_finished = false;
};

} // namespace lk

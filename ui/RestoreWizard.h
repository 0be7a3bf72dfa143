// The guided restore: choose a generation (the newest verified one is preselected) → see what
// it holds and what restoring it would change in the live database → restore to a new file
// (the default) or replace the live database (with the pre-restore copy explained, other
// programs using it named, and an explicit confirmation) → progress → the result, with
// "Open folder", and "Undo" after an in-place restore. Drives the same RestoreJob as the CLI.
#pragma once

#include "GenerationInspector.h"
#include "generations/Generation.h"
#include "history/Catalog.h"
#include "jobs/JobResult.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"

#include <QPointer>
#include <QWizard>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace lk {

class Catalog;
class CredentialStore;
class DiffView;
class HistoryReader;
class RestoreJob;

class RestoreWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        ChoosePage,
        InspectPage,
        HowPage,
        RestorePage
    };

    RestoreWizard(const Profile &profile, Catalog &catalog, QWidget *parent = nullptr);
    ~RestoreWizard() override;

    // Preselects this generation instead of the newest verified one (from a context menu).
    void preselect(const QString &generation) { m_preselect = generation; }

    QString chosenGeneration() const;
    bool inPlace() const;
    QString targetPath() const; // the file a restore to a new file writes
    bool isRunning() const;
    const std::optional<JobResult> &result() const { return m_result; }

    int nextId() const override;
    bool validateCurrentPage() override;
    void reject() override;

    // A new-file name beside the live database that does not exist yet.
    static QString suggestedTarget(const QString &livePath, const GenerationName &generation);

Q_SIGNALS:
    // "Open folder": connected to the desktop's file manager unless a test takes it over.
    void openFolderRequested(const QString &folder);
    void restored(const lk::JobResult &result);

private:
    QWizardPage *makeChoosePage();
    QWizardPage *makeInspectPage();
    QWizardPage *makeHowPage();
    QWizardPage *makeRestorePage();
    void listGenerations();
    void showGenerations(); // once both the listing and the verifications are in
    void inspect();
    void updateHow();
    void checkHolders();
    void runRestore(bool undo, bool force = false);
    void onRestoreFinished(const JobResult &result, bool undo);
    std::optional<Generation> generationNamed(const QString &name) const;

    Profile m_profile;
    Catalog &m_catalog;      // for the restore job's records
    HistoryReader *m_reader; // reads the verifications off the GUI thread
    CredentialStore *m_store;
    std::optional<Credentials> m_credentials;
    QList<Generation> m_generations;
    std::optional<QString> m_listError; // set once the listing is in (empty: it succeeded)
    std::optional<Result<QHash<QString, VerificationRecord>>> m_verified; // once read
    QString m_preselect;
    QPointer<GenerationInspector> m_inspector;
    QString m_inspected; // the generation the inspect page shows
    bool m_inspectionOk = false;
    QPointer<RestoreJob> m_job;
    bool m_closeWhenStopped = false;
    std::optional<JobResult> m_result;
    bool m_holdersChecked = false;
    QString m_suggested; // the target name last suggested

    // Choose
    QTreeWidget *m_list = nullptr;
    QLabel *m_listStatus = nullptr;
    // Inspect
    QProgressBar *m_inspectProgress = nullptr;
    QLabel *m_inspectStatus = nullptr;
    DiffView *m_diff = nullptr;
    // How
    QRadioButton *m_toFile = nullptr;
    QLineEdit *m_target = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_targetNote = nullptr;
    QRadioButton *m_replace = nullptr;
    QLabel *m_replaceNote = nullptr;
    QLabel *m_holders = nullptr;
    QCheckBox *m_confirm = nullptr;
    // Restore
    QProgressBar *m_progress = nullptr;
    QLabel *m_outcome = nullptr;
    QLabel *m_path = nullptr;
    QPushButton *m_openFolder = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_replaceAnyway =
        nullptr; // after a refusal: the generation looks like another database's
};

} // namespace lk

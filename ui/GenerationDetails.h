// The details pane of one generation: what its manifest says (tables and row counts, sizes,
// page size, user_version), its verification history, and on request a look inside the
// database itself: the schema, a read-only preview of a table's first rows, and what a
// restore would change in the live database.
#pragma once

#include "GenerationInspector.h"
#include "generations/Generation.h"
#include "history/Catalog.h"
#include "settings/Profile.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace lk {

class Catalog;
class CredentialStore;
class DiffView;
class HistoryReader;

class GenerationDetails : public QWidget
{
    Q_OBJECT

public:
    // `catalog` records what a look inside verified; `reader` reads the verification history.
    GenerationDetails(Catalog &catalog, HistoryReader &reader, CredentialStore &store,
                      QWidget *parent = nullptr);

    // Shows what is known at once (manifest, history); looking inside waits for the button.
    void setGeneration(const Profile &profile, const std::optional<Generation> &generation);
    // Downloads (once, into the verified cache) and describes the generation.
    void lookInside();
    // The first rows of `table` in the preview tab (after lookInside()).
    void preview(const QString &table);

Q_SIGNALS:
    void inspected(); // the schema, preview and comparison tabs are filled
    void previewShown();
    void statusChanged(const QString &text); // a line under the title: progress, or a problem

private:
    void showFacts();
    void showVerifications(const QString &generation,
                           const Result<QList<VerificationRecord>> &read);
    void showInspection(const GenerationInspector::Inspection &inspection);
    void setInspectionTabsEnabled(bool enabled);

    Catalog &m_catalog;
    HistoryReader &m_reader;
    CredentialStore &m_store;
    std::optional<Profile> m_profile;
    std::optional<Generation> m_generation;
    QPointer<GenerationInspector> m_inspector;
    QString m_copy; // the verified local copy, once inspected
    int m_previewRequest = 0;
    int m_verificationsRequest = 0;  // the newest read; older answers are dropped
    QString m_verificationsShownFor; // the generation whose verifications the list shows

    QLabel *m_title;
    QPushButton *m_lookInside;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTabWidget *m_tabs;
    QLabel *m_facts;
    QTreeWidget *m_tables;
    QTreeWidget *m_verifications;
    QTreeWidget *m_schema;
    QPlainTextEdit *m_sql;
    QComboBox *m_previewTable;
    QTableWidget *m_preview;
    DiffView *m_diff;
};

} // namespace lk

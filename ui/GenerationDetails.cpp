// The details pane.
#include "GenerationDetails.h"

#include "DiffView.h"
#include "history/Catalog.h"
#include "history/HistoryReader.h"
#include "present/HumanTime.h"
#include "settings/CredentialStore.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFuture>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lk {

namespace {
constexpr int kPreviewRows = 50;
const QColor kProblem(0xc6, 0x28, 0x28);

QString cellText(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (value.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = value.toByteArray();
        return GenerationDetails::tr("(blob, %n byte(s))", nullptr, static_cast<int>(bytes.size()));
    }
    QString text = value.toString();
    if (text.size() > 200)
        text = text.left(200) + QStringLiteral("…");
    return text;
}
} // namespace

GenerationDetails::GenerationDetails(Catalog &catalog, HistoryReader &reader,
                                     CredentialStore &store, QWidget *parent)
    : QWidget(parent), m_catalog(catalog), m_reader(reader), m_store(store),
      m_title(new QLabel(this)), m_lookInside(new QPushButton(tr("Look inside"), this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("generationDetails"));
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_lookInside->setObjectName(QStringLiteral("lookInside"));
    m_lookInside->setToolTip(
        tr("Download this generation once into a verified local cache and open it read-only: "
           "its schema, the first rows of any table, and what a restore would change."));
    m_progress->setObjectName(QStringLiteral("detailsProgress"));
    m_progress->setVisible(false);
    m_status->setObjectName(QStringLiteral("detailsStatus"));
    m_status->setWordWrap(true);
    m_status->setVisible(false);
    connect(this, &GenerationDetails::statusChanged, m_status, [this](const QString &text) {
        m_status->setText(text);
        m_status->setVisible(!text.isEmpty());
    });

    m_facts = new QLabel(m_tabs);
    m_facts->setObjectName(QStringLiteral("facts"));
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_verifications = new QTreeWidget(m_tabs);
    m_verifications->setObjectName(QStringLiteral("verifications"));
    m_verifications->setHeaderLabels({tr("Checked"), tr("How"), tr("Result"), tr("Reason")});
    m_verifications->setRootIsDecorated(false);
    auto *summary = new QSplitter(Qt::Horizontal, m_tabs);
    summary->addWidget(m_facts);
    summary->addWidget(m_verifications);
    summary->setStretchFactor(1, 2);
    m_tabs->addTab(summary, tr("Summary"));

    m_tables = new QTreeWidget(m_tabs);
    m_tables->setObjectName(QStringLiteral("tables"));
    m_tables->setHeaderLabels({tr("Table"), tr("Rows")});
    m_tables->setRootIsDecorated(false);
    m_tabs->addTab(m_tables, tr("Tables"));

    auto *schema = new QSplitter(Qt::Horizontal, m_tabs);
    m_schema = new QTreeWidget(schema);
    m_schema->setObjectName(QStringLiteral("schema"));
    m_schema->setHeaderLabels({tr("Name"), tr("Type"), tr("Table")});
    m_schema->setRootIsDecorated(false);
    m_sql = new QPlainTextEdit(schema);
    m_sql->setObjectName(QStringLiteral("sql"));
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    schema->setStretchFactor(1, 2);
    m_tabs->addTab(schema, tr("Schema"));

    auto *previewPage = new QWidget(m_tabs);
    auto *previewLayout = new QVBoxLayout(previewPage);
    auto *previewRow = new QHBoxLayout;
    auto *previewLabel = new QLabel(tr("&Table:"), previewPage);
    m_previewTable = new QComboBox(previewPage);
    m_previewTable->setObjectName(QStringLiteral("previewTable"));
    previewLabel->setBuddy(m_previewTable);
    previewRow->addWidget(previewLabel);
    previewRow->addWidget(m_previewTable, 1);
    previewLayout->addLayout(previewRow);
    m_preview = new QTableWidget(previewPage);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    previewLayout->addWidget(m_preview, 1);
    m_tabs->addTab(previewPage, tr("Preview"));

    m_diff = new DiffView(m_tabs);
    m_diff->setObjectName(QStringLiteral("diff"));
    m_tabs->addTab(m_diff, tr("Compare with live"));
    setInspectionTabsEnabled(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_progress);
    top->addWidget(m_lookInside);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    connect(m_lookInside, &QPushButton::clicked, this, &GenerationDetails::lookInside);
    connect(m_schema, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_sql->setPlainText(item ? item->data(0, Qt::UserRole).toString() : QString());
    });
    connect(m_previewTable, &QComboBox::currentTextChanged, this, &GenerationDetails::preview);
    setGeneration({}, {});
}

void GenerationDetails::setInspectionTabsEnabled(bool enabled)
{
    for (int tab : {2, 3, 4})
        m_tabs->setTabEnabled(tab, enabled);
}

void GenerationDetails::setGeneration(const Profile &profile,
                                      const std::optional<Generation> &generation)
{
    if (m_inspector)
        m_inspector->deleteLater();
    m_profile = profile.name.isEmpty() ? std::nullopt : std::optional<Profile>(profile);
    m_generation = generation;
    m_copy.clear();
    m_progress->setVisible(false);
    Q_EMIT statusChanged(QString());
    m_schema->clear();
    m_sql->clear();
    {
        const QSignalBlocker blocker(m_previewTable);
        m_previewTable->clear();
    }
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_diff->clear();
    setInspectionTabsEnabled(false);
    if (m_tabs->currentIndex() >= 2)
        m_tabs->setCurrentIndex(0);
    m_lookInside->setEnabled(m_profile && m_generation && m_generation->isComplete());
    showFacts();
}

void GenerationDetails::showFacts()
{
    m_tables->clear();
    const int request = ++m_verificationsRequest; // an answer still on its way is not for this
    const QString shown = m_generation ? m_generation->baseName() : QString();
    if (shown != m_verificationsShownFor) {
        // Another generation's verifications never stand under this one's name.
        m_verifications->clear();
        m_verificationsShownFor.clear();
    }
    if (!m_generation) {
        m_title->setText(tr("Choose a generation to see what it holds."));
        m_facts->clear();
        return;
    }
    const QLocale locale;
    const HumanTime times = HumanTime::current();
    const Generation &g = *m_generation;
    m_title->setText(tr("Generation of %1").arg(times.dateTime(g.name.createdUtc())));
    m_title->setToolTip(g.baseName() + QLatin1Char('\n') + times.exact(g.name.createdUtc()));
    QStringList rows;
    auto row = [&rows](const QString &label, const QString &value) {
        rows.append(QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(label.toHtmlEscaped(), value.toHtmlEscaped()));
    };
    row(tr("Name"), g.baseName());
    row(tr("Created"), times.exact(g.name.createdUtc()));
    if (!g.isComplete())
        row(tr("State"), tr("%1: %2").arg(Generation::stateName(g.state), g.problem));
    if (g.manifest) {
        const Manifest &m = *g.manifest;
        row(tr("Database file"), m.sourceFileName);
        row(tr("Database size"), locale.formattedDataSize(m.dbSize));
        row(tr("Compressed"), tr("%1 (gzip level %2)")
                                  .arg(locale.formattedDataSize(m.gzSize))
                                  .arg(m.compressionLevel));
        row(tr("Pages"),
            tr("%1 × %2 bytes")
                .arg(locale.toString(m.database.pageCount), locale.toString(m.database.pageSize)));
        row(tr("user_version"), QString::number(m.database.userVersion));
        row(tr("Journal mode"), m.database.journalMode);
        const QString pragma = m.database.integrityCheckPragma.isEmpty()
                                   ? QStringLiteral("integrity_check")
                                   : m.database.integrityCheckPragma;
        row(tr("Integrity at backup"), m.database.integrityCheck.isEmpty()
                                           ? tr("not checked")
                                           : tr("%1 (%2)").arg(m.database.integrityCheck, pragma));
        row(tr("Made on"),
            tr("%1 by LiteKeep %2 (SQLite %3)").arg(m.host, m.litekeepVersion, m.sqliteVersion));
        for (auto it = m.database.rowCounts.cbegin(); it != m.database.rowCounts.cend(); ++it) {
            auto *item = new QTreeWidgetItem(m_tables, {it.key(), locale.toString(it.value())});
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        }
        m_tables->header()->resizeSections(QHeaderView::ResizeToContents);
    }
    m_facts->setText(QStringLiteral("<table cellspacing=\"4\">") + rows.join(QString()) +
                     QStringLiteral("</table>"));

    if (!m_profile)
        return;
    // From the history's thread; the answer is shown only if this generation is still the one
    // shown.
    m_reader.run(
        this,
        [profile = m_profile->name, generation = g.baseName()](const Catalog &catalog) {
            return catalog.readVerificationsOf(profile, generation);
        },
        [this, request, generation = g.baseName()](const Result<QList<VerificationRecord>> &read) {
            if (request == m_verificationsRequest)
                showVerifications(generation, read);
        });
}

void GenerationDetails::showVerifications(const QString &generation,
                                          const Result<QList<VerificationRecord>> &read)
{
    if (!read) {
        // What was shown of this generation stays; of another one, nothing is known.
        Q_EMIT statusChanged(tr("Its verifications cannot be shown: %1").arg(read.error()));
        if (m_verificationsShownFor != generation) {
            m_verifications->clear();
            new QTreeWidgetItem(m_verifications, {tr("unknown"), {}, {}, read.error()});
        }
        return;
    }
    m_verificationsShownFor = generation;
    m_verifications->clear();
    const HumanTime times = HumanTime::current();
    const QList<VerificationRecord> &history = read.value();
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        auto *item = new QTreeWidgetItem(m_verifications);
        item->setText(0, times.ago(it->checkedUtc));
        item->setToolTip(0, times.exact(it->checkedUtc));
        item->setText(1, it->kind == QLatin1String("drill")    ? tr("restore drill")
                         : it->kind == QLatin1String("backup") ? tr("after the backup")
                                                               : tr("verify"));
        item->setText(2, it->passed ? tr("passed") : tr("failed"));
        item->setText(3, it->reason);
        if (!it->passed)
            item->setForeground(2, kProblem);
    }
    if (history.isEmpty())
        new QTreeWidgetItem(m_verifications, {tr("never verified")});
    m_verifications->header()->resizeSections(QHeaderView::ResizeToContents);
}

void GenerationDetails::lookInside()
{
    if (!m_profile || !m_generation || !m_generation->isComplete())
        return;
    m_lookInside->setEnabled(false);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    Q_EMIT statusChanged(tr("Reading the keychain…"));
    const QString wanted = m_generation->baseName();
    m_store.readFor(*m_profile, [this, wanted, profile = *m_profile,
                                 guard = QPointer<GenerationDetails>(this)](
                                    const Result<Credentials> &credentials) {
        if (!guard || !m_generation || m_generation->baseName() != wanted)
            return; // another generation was chosen meanwhile
        if (!credentials) {
            m_progress->setVisible(false);
            m_lookInside->setEnabled(true);
            Q_EMIT statusChanged(credentials.error());
            return;
        }
        m_inspector = new GenerationInspector(profile, credentials.value(), &m_catalog, this);
        connect(m_inspector, &GenerationInspector::progress, this,
                [this](qint64 done, qint64 total) {
                    Q_EMIT statusChanged(tr("Downloading and verifying the generation…"));
                    if (total > 0) {
                        m_progress->setRange(0, 1000);
                        m_progress->setValue(static_cast<int>(done * 1000 / total));
                    }
                });
        connect(m_inspector, &GenerationInspector::describing, this, [this] {
            m_progress->setRange(0, 0);
            Q_EMIT statusChanged(tr("Reading the database…"));
        });
        connect(m_inspector, &GenerationInspector::failed, this, [this](const QString &message) {
            m_progress->setVisible(false);
            m_lookInside->setEnabled(true);
            Q_EMIT statusChanged(message);
        });
        connect(m_inspector, &GenerationInspector::inspected, this,
                &GenerationDetails::showInspection);
        Q_EMIT statusChanged(tr("Downloading and verifying the generation…"));
        m_inspector->inspect(wanted);
    });
}

void GenerationDetails::showInspection(const GenerationInspector::Inspection &inspection)
{
    m_progress->setVisible(false);
    Q_EMIT statusChanged(tr("Verified copy: %1").arg(inspection.path));
    m_copy = inspection.path;
    const QLocale locale;
    m_schema->clear();
    for (const SchemaObject &o : inspection.description.objects) {
        auto *item = new QTreeWidgetItem(m_schema, {o.name, o.type, o.table});
        item->setData(0, Qt::UserRole, o.sql);
    }
    m_schema->header()->resizeSections(QHeaderView::ResizeToContents);
    // The manifest's counts came from the backup; these come from the file itself.
    m_tables->clear();
    for (auto it = inspection.description.rowCounts.cbegin();
         it != inspection.description.rowCounts.cend(); ++it) {
        auto *item = new QTreeWidgetItem(m_tables, {it.key(), locale.toString(it.value())});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_diff->showDiff(inspection.diff,
                     HumanTime::current().dateTime(m_generation->name.createdUtc()),
                     inspection.liveProblem);
    setInspectionTabsEnabled(true);
    {
        const QSignalBlocker blocker(m_previewTable);
        m_previewTable->clear();
        m_previewTable->addItems(inspection.description.rowCounts.keys());
        m_previewTable->setCurrentIndex(-1);
    }
    Q_EMIT inspected();
    if (m_previewTable->count() > 0)
        m_previewTable->setCurrentIndex(0); // previews the first table
}

void GenerationDetails::preview(const QString &table)
{
    if (m_copy.isEmpty() || table.isEmpty())
        return;
    const int request = ++m_previewRequest;
    QtConcurrent::run([path = m_copy, table] {
        return DatabaseDescription::previewRows(path, table, kPreviewRows);
    }).then(this, [this, request, table](const Result<QList<QVariantList>> &rows) {
        if (request != m_previewRequest)
            return;
        m_preview->clear();
        if (!rows || rows->isEmpty()) {
            m_preview->setRowCount(0);
            m_preview->setColumnCount(0);
            Q_EMIT statusChanged(rows ? QString() : rows.error());
            Q_EMIT previewShown();
            return;
        }
        const QVariantList &header = rows->first();
        m_preview->setColumnCount(static_cast<int>(header.size()));
        QStringList labels;
        for (const QVariant &name : header)
            labels.append(name.toString());
        m_preview->setHorizontalHeaderLabels(labels);
        m_preview->setRowCount(static_cast<int>(rows->size() - 1));
        for (qsizetype r = 1; r < rows->size(); ++r) {
            const QVariantList &values = rows->at(r);
            for (qsizetype c = 0; c < values.size() && c < header.size(); ++c)
                m_preview->setItem(static_cast<int>(r - 1), static_cast<int>(c),
                                   new QTableWidgetItem(cellText(values.at(c))));
        }
        m_preview->resizeColumnsToContents();
        Q_EMIT statusChanged(tr("The first %n row(s) of “%1”, read-only.", nullptr,
                                static_cast<int>(rows->size() - 1))
                                 .arg(table));
        Q_EMIT previewShown();
    });
}

} // namespace lk

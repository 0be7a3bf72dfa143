// The restore wizard.
#include "RestoreWizard.h"

#include "DiffView.h"
#include "generations/GenerationLister.h"
#include "history/Catalog.h"
#include "history/HistoryReader.h"
#include "present/HumanTime.h"
#include "restore/LiveDatabase.h"
#include "restore/RestoreJob.h"
#include "settings/CredentialStore.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFuture>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace lk {

namespace {
const QColor kProblem(0xc6, 0x28, 0x28);

// A page whose completeness is a function of the wizard's state.
class Page : public QWizardPage
{
public:
    explicit Page(std::function<bool()> complete) : m_complete(std::move(complete)) {}
    bool isComplete() const override { return m_complete(); }
    void refresh() { Q_EMIT completeChanged(); }

    std::function<void()> onInitialize;
    void initializePage() override
    {
        if (onInitialize)
            onInitialize();
    }

private:
    std::function<bool()> m_complete;
};

Page *pageOf(QWizard *wizard, int id)
{
    return static_cast<Page *>(wizard->page(id));
}

QLabel *wrappingLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

RestoreWizard::RestoreWizard(const Profile &profile, Catalog &catalog, QWidget *parent)
    : QWizard(parent), m_profile(profile), m_catalog(catalog),
      m_reader(new HistoryReader(catalog.path(), this)), m_store(new CredentialStore(this))
{
    setObjectName(QStringLiteral("restoreWizard"));
    setWindowTitle(tr("Restore “%1”").arg(profile.name));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    setPage(ChoosePage, makeChoosePage());
    setPage(InspectPage, makeInspectPage());
    setPage(HowPage, makeHowPage());
    setPage(RestorePage, makeRestorePage());
    setStartId(ChoosePage);
    resize(760, 560);

    // Which generations are verified, read while the destination is listed.
    m_reader->run(
        this, [name = m_profile.name](const Catalog &c) { return c.readLatestVerifications(name); },
        [this](const Result<QHash<QString, VerificationRecord>> &read) {
            m_verified = read;
            if (m_listError)
                showGenerations();
        });
    m_store->setRetryDelayMs(0);
    m_store->readFor(m_profile, [this](const Result<Credentials> &credentials) {
        if (!credentials) {
            m_listStatus->setText(credentials.error());
            return;
        }
        m_credentials = credentials.value();
        listGenerations();
    });
}

RestoreWizard::~RestoreWizard()
{
    if (m_job)
        m_job->cancel();
}

QWizardPage *RestoreWizard::makeChoosePage()
{
    auto *page = new Page([this] {
        const auto *item = m_list->currentItem();
        return m_credentials && item && (item->flags() & Qt::ItemIsSelectable);
    });
    page->setTitle(tr("Choose a generation"));
    page->setSubTitle(
        tr("Backups of %1 on %2, newest first. The newest verified generation is chosen for you.")
            .arg(m_profile.databasePath, m_profile.destination));
    m_list = new QTreeWidget(page);
    m_list->setObjectName(QStringLiteral("generationList"));
    m_list->setHeaderLabels({tr("Created"), tr("Size"), tr("Verification")});
    m_list->setRootIsDecorated(false);
    m_listStatus = wrappingLabel(page, "listStatus");
    m_listStatus->setText(tr("Reading the generations on %1…").arg(m_profile.destination));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_listStatus);
    connect(m_list, &QTreeWidget::currentItemChanged, page, &Page::refresh);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (currentId() == ChoosePage && currentPage()->isComplete())
            next();
    });
    return page;
}

QWizardPage *RestoreWizard::makeInspectPage()
{
    auto *page = new Page([this] { return m_inspectionOk; });
    page->setTitle(tr("What restoring it changes"));
    page->setSubTitle(tr("LiteKeep downloads the generation once, verifies it, and compares it "
                         "with the live database. "
                         "Nothing is changed yet."));
    m_inspectProgress = new QProgressBar(page);
    m_inspectProgress->setObjectName(QStringLiteral("inspectProgress"));
    m_inspectStatus = wrappingLabel(page, "inspectStatus");
    m_diff = new DiffView(page);
    m_diff->setObjectName(QStringLiteral("restoreDiff"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_inspectProgress);
    layout->addWidget(m_inspectStatus);
    layout->addWidget(m_diff, 1);
    page->onInitialize = [this] { inspect(); };
    return page;
}

QWizardPage *RestoreWizard::makeHowPage()
{
    auto *page = new Page([this] {
        if (m_replace->isChecked())
            return m_confirm->isChecked();
        return !targetPath().isEmpty() && m_targetNote->property("ok").toBool();
    });
    page->setTitle(tr("Where to restore"));
    page->setCommitPage(true);
    page->setButtonText(QWizard::CommitButton, tr("&Restore"));

    m_toFile =
        new QRadioButton(tr("Restore to a &new file (the live database is not touched)"), page);
    m_toFile->setObjectName(QStringLiteral("toFile"));
    m_toFile->setChecked(true);
    m_target = new QLineEdit(page);
    m_target->setObjectName(QStringLiteral("target"));
    m_browse = new QPushButton(tr("&Browse…"), page);
    m_browse->setObjectName(QStringLiteral("browse"));
    m_targetNote = wrappingLabel(page, "targetNote");

    m_replace = new QRadioButton(tr("Replace the &live database"), page);
    m_replace->setObjectName(QStringLiteral("replace"));
    m_replaceNote = wrappingLabel(page, "replaceNote");
    m_replaceNote->setText(
        tr("LiteKeep first keeps a copy of what is there now in %1, then replaces the content of "
           "%2 in one "
           "transaction: programs that have it open see the old or the new content, never a mix. "
           "You can undo the "
           "restore afterwards from that copy.")
            .arg(QDir::toNativeSeparators(RestoreJob::preRestoreFolder()), m_profile.databasePath));
    m_holders = wrappingLabel(page, "holders");
    m_confirm = new QCheckBox(page);
    m_confirm->setObjectName(QStringLiteral("confirmReplace"));
    m_confirm->setText(tr("Yes, replace %1 with this generation")
                           .arg(QFileInfo(m_profile.databasePath).fileName()));

    auto *targetRow = new QHBoxLayout;
    targetRow->setContentsMargins(24, 0, 0, 0);
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_browse);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_toFile);
    layout->addLayout(targetRow);
    layout->addWidget(m_targetNote);
    layout->addSpacing(12);
    layout->addWidget(m_replace);
    for (QWidget *w : {static_cast<QWidget *>(m_replaceNote), static_cast<QWidget *>(m_holders),
                       static_cast<QWidget *>(m_confirm)})
        w->setContentsMargins(24, 0, 0, 0);
    layout->addWidget(m_replaceNote);
    layout->addWidget(m_holders);
    layout->addWidget(m_confirm);
    layout->addStretch(1);

    connect(m_toFile, &QRadioButton::toggled, this, &RestoreWizard::updateHow);
    connect(m_target, &QLineEdit::textChanged, this, &RestoreWizard::updateHow);
    connect(m_confirm, &QCheckBox::toggled, this, &RestoreWizard::updateHow);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        auto *dialog =
            new QFileDialog(this, tr("Restore to"), QFileInfo(targetPath()).absolutePath());
        dialog->setObjectName(QStringLiteral("targetDialog"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->selectFile(QFileInfo(targetPath()).fileName());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, m_target, &QLineEdit::setText);
        dialog->open();
    });
    page->onInitialize = [this] {
        // A name suggested for another generation follows the new choice; a typed one stays.
        if (m_target->text().isEmpty() || m_target->text() == m_suggested) {
            if (const auto g = generationNamed(chosenGeneration())) {
                m_suggested = suggestedTarget(m_profile.databasePath, g->name);
                m_target->setText(m_suggested);
            }
        }
        if (!m_holdersChecked)
            checkHolders();
        updateHow();
    };
    return page;
}

QWizardPage *RestoreWizard::makeRestorePage()
{
    auto *page = new Page([this] { return m_result.has_value() && !isRunning(); });
    page->setTitle(tr("Restoring"));
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("restoreProgress"));
    m_outcome = wrappingLabel(page, "outcome");
    m_path = wrappingLabel(page, "restoredPath");
    m_openFolder = new QPushButton(tr("&Open folder"), page);
    m_openFolder->setObjectName(QStringLiteral("openFolder"));
    m_openFolder->setVisible(false);
    m_undo = new QPushButton(tr("&Undo this restore"), page);
    m_undo->setObjectName(QStringLiteral("undo"));
    m_undo->setVisible(false);
    m_replaceAnyway = new QPushButton(tr("Replace &anyway"), page);
    m_replaceAnyway->setObjectName(QStringLiteral("replaceAnyway"));
    m_replaceAnyway->setVisible(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openFolder);
    buttons->addWidget(m_undo);
    buttons->addWidget(m_replaceAnyway);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_progress);
    layout->addWidget(m_outcome);
    layout->addWidget(m_path);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        const QString path = m_path->property("path").toString();
        if (!path.isEmpty())
            Q_EMIT openFolderRequested(QFileInfo(path).absolutePath());
    });
    connect(m_undo, &QPushButton::clicked, this, [this] { runRestore(true); });
    // The explicit confirmation RestoreJob asks for with "force" (the CLI's --force).
    connect(m_replaceAnyway, &QPushButton::clicked, this, [this] { runRestore(false, true); });
    page->onInitialize = [this] { runRestore(false); };
    return page;
}

int RestoreWizard::nextId() const
{
    switch (currentId()) {
    case ChoosePage:
        return InspectPage;
    case InspectPage:
        return HowPage;
    case HowPage:
        return RestorePage;
    default:
        return -1;
    }
}

bool RestoreWizard::validateCurrentPage()
{
    return currentPage() ? currentPage()->isComplete() : false;
}

bool RestoreWizard::isRunning() const
{
    return !m_job.isNull();
}

void RestoreWizard::reject()
{
    if (isRunning()) {
        // Never leave a half-done restore behind a closed window: stop it, then close.
        m_closeWhenStopped = true;
        m_outcome->setText(tr("Cancelling…"));
        m_job->cancel();
        return;
    }
    if (m_inspector)
        m_inspector->cancel();
    QWizard::reject();
}

QString RestoreWizard::chosenGeneration() const
{
    const auto *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

bool RestoreWizard::inPlace() const
{
    return m_replace->isChecked();
}

QString RestoreWizard::targetPath() const
{
    const QString text = m_target->text().trimmed();
    if (text.isEmpty())
        return {};
    return QDir::cleanPath(QDir(QFileInfo(m_profile.databasePath).absolutePath())
                               .absoluteFilePath(QDir::fromNativeSeparators(text)));
}

QString RestoreWizard::suggestedTarget(const QString &livePath, const GenerationName &generation)
{
    const QFileInfo live(livePath);
    const QString stem =
        live.completeBaseName().isEmpty() ? QStringLiteral("restored") : live.completeBaseName();
    const QString suffix = live.suffix().isEmpty() ? QStringLiteral("db") : live.suffix();
    const QString stamp =
        generation.createdUtc().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    const QDir folder(live.absolutePath());
    QString candidate =
        folder.filePath(QStringLiteral("%1-restored-%2.%3").arg(stem, stamp, suffix));
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = folder.filePath(
            QStringLiteral("%1-restored-%2-%3.%4").arg(stem, stamp).arg(n).arg(suffix));
    return candidate;
}

std::optional<Generation> RestoreWizard::generationNamed(const QString &name) const
{
    for (const Generation &g : m_generations) {
        if (g.baseName() == name)
            return g;
    }
    return std::nullopt;
}

void RestoreWizard::listGenerations()
{
    auto *lister = new GenerationLister(m_profile, *m_credentials, this);
    lister->list(
        [this, lister](const QList<Generation> &generations, const Storage::Failure &failure) {
            lister->deleteLater();
            m_generations = generations;
            m_listError = failure.message;
            if (m_verified)
                showGenerations();
        });
}

void RestoreWizard::showGenerations()
{
    const QList<Generation> &generations = m_generations;
    const QString &error = *m_listError;
    m_list->clear();
    const QLocale locale;
    const HumanTime times = HumanTime::current();
    // A history that cannot be read proves nothing verified: the newest complete generation is
    // chosen, and the restore verifies it before anything is written.
    const QHash<QString, VerificationRecord> verifications =
        m_verified->isOk() ? m_verified->value() : QHash<QString, VerificationRecord>();
    QTreeWidgetItem *newestComplete = nullptr;
    QTreeWidgetItem *newestVerified = nullptr;
    QTreeWidgetItem *asked = nullptr;
    for (const Generation &g : generations) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, Qt::UserRole, g.baseName());
        // By when it was made; the technical name in the tooltip.
        item->setText(0, times.generation(g.name.createdUtc()));
        item->setToolTip(0, g.baseName() + QLatin1Char('\n') + times.exact(g.name.createdUtc()));
        if (g.manifest)
            item->setText(1, locale.formattedDataSize(g.manifest->dbSize));
        if (!g.isComplete()) {
            item->setText(2, tr("cannot be restored: %1").arg(g.problem));
            item->setForeground(2, kProblem);
            item->setFlags(Qt::NoItemFlags);
            continue;
        }
        if (!newestComplete)
            newestComplete = item;
        if (g.baseName() == m_preselect)
            asked = item;
        if (!m_verified->isOk()) {
            item->setText(2, tr("verification unknown"));
            continue;
        }
        const auto v = verifications.constFind(g.baseName());
        if (v == verifications.cend()) {
            item->setText(2, tr("not verified yet"));
        } else if (v->passed) {
            item->setText(2, tr("verified %1").arg(times.ago(v->checkedUtc)));
            item->setToolTip(2, times.exact(v->checkedUtc));
            if (!newestVerified)
                newestVerified = item;
        } else {
            item->setText(2, tr("FAILED verification: %1").arg(v->reason));
            item->setForeground(2, kProblem);
        }
    }
    m_list->header()->resizeSections(QHeaderView::ResizeToContents);
    QTreeWidgetItem *chosen = asked ? asked : newestVerified ? newestVerified : newestComplete;
    if (chosen)
        m_list->setCurrentItem(chosen);
    if (!error.isEmpty())
        m_listStatus->setText(error);
    else if (!m_verified->isOk() && newestComplete)
        m_listStatus->setText(
            tr("%1 Which generations were verified is unknown, so the newest one is chosen. The "
               "restore verifies it before anything is written.")
                .arg(m_verified->error()));
    else if (!newestComplete)
        m_listStatus->setText(
            tr("There is no complete generation on %1 to restore.").arg(m_profile.destination));
    else if (!newestVerified)
        m_listStatus->setText(tr(
            "No generation has been verified yet; the newest one is chosen. The restore verifies "
            "it before anything is written."));
    else
        m_listStatus->setText(
            tr("%n generation(s).", nullptr, static_cast<int>(generations.size())));
    pageOf(this, ChoosePage)->refresh();
}

void RestoreWizard::inspect()
{
    const QString wanted = chosenGeneration();
    if (wanted == m_inspected && (m_inspectionOk || (m_inspector && m_inspector->isBusy())))
        return;
    m_inspected = wanted;
    m_inspectionOk = false;
    m_diff->clear();
    pageOf(this, InspectPage)->refresh();
    m_inspectProgress->setVisible(true);
    m_inspectProgress->setRange(0, 0);
    m_inspectStatus->setText(tr("Downloading and verifying the generation…"));
    if (!m_inspector) {
        m_inspector = new GenerationInspector(m_profile, *m_credentials, &m_catalog, this);
        connect(m_inspector, &GenerationInspector::progress, this,
                [this](qint64 done, qint64 total) {
                    if (total > 0) {
                        m_inspectProgress->setRange(0, 1000);
                        m_inspectProgress->setValue(static_cast<int>(done * 1000 / total));
                    }
                });
        connect(m_inspector, &GenerationInspector::describing, this, [this] {
            m_inspectProgress->setRange(0, 0);
            m_inspectStatus->setText(tr("Verified. Comparing it with the live database…"));
        });
        connect(m_inspector, &GenerationInspector::failed, this, [this](const QString &message) {
            m_inspectProgress->setVisible(false);
            m_inspectStatus->setText(
                tr("This generation cannot be restored: %1 Go back and choose another one.")
                    .arg(message));
        });
        connect(m_inspector, &GenerationInspector::inspected, this,
                [this](const GenerationInspector::Inspection &inspection) {
                    if (inspection.generation != m_inspected)
                        return;
                    m_inspectProgress->setVisible(false);
                    const QLocale locale;
                    const auto g = generationNamed(inspection.generation);
                    const QString created = g ? HumanTime::current().dateTime(g->name.createdUtc())
                                              : inspection.generation;
                    qint64 rows = 0;
                    for (qint64 n : inspection.description.rowCounts)
                        rows += n;
                    m_inspectStatus->setText(
                        tr("Verified: %n table(s), %1 rows in all.", nullptr,
                           static_cast<int>(inspection.description.rowCounts.size()))
                            .arg(locale.toString(rows)));
                    m_diff->showDiff(inspection.diff, created, inspection.liveProblem);
                    m_inspectionOk = true;
                    pageOf(this, InspectPage)->refresh();
                });
    }
    m_inspector->inspect(wanted);
}

void RestoreWizard::checkHolders()
{
    m_holdersChecked = true;
    m_holders->setText(tr("Checking whether other programs have the database open…"));
    QtConcurrent::run([path = m_profile.databasePath] {
        return LiveDatabase::holders(path);
    }).then(this, [this](const QList<LiveDatabase::Holder> &holders) {
        if (holders.isEmpty()) {
            m_holders->setText(tr("No other program has the database open right now."));
            return;
        }
        m_holders->setText(
            tr("Warning: %1 Their next read sees the restored content; restart them if they "
               "keep data in memory.")
                .arg(LiveDatabase::describe(holders)));
        m_holders->setStyleSheet(QStringLiteral("color: #c62828;"));
    });
}

void RestoreWizard::updateHow()
{
    const bool toFile = m_toFile->isChecked();
    m_target->setEnabled(toFile);
    m_browse->setEnabled(toFile);
    m_confirm->setEnabled(!toFile);
    if (toFile && m_confirm->isChecked()) {
        const QSignalBlocker blocker(m_confirm);
        m_confirm->setChecked(false); // a confirmation is given for a choice, not kept for later
    }
    QString problem;
    const QString target = targetPath();
    const QString folder = QFileInfo(target).absolutePath();
    // The job's own rule (RestoreJob::targetProblem), in the wizard's words; it never forces.
    switch (target.isEmpty() ? RestoreJob::TargetProblem::NotAbsolute
                             : RestoreJob::targetProblem(m_profile.databasePath, target, false)) {
    case RestoreJob::TargetProblem::None:
        break;
    case RestoreJob::TargetProblem::NotAbsolute:
        problem = tr("Give the path of the new file.");
        break;
    case RestoreJob::TargetProblem::IsLiveDatabase:
        problem = tr(
            "That is the live database; choose “Replace the live database” to replace it safely.");
        break;
    case RestoreJob::TargetProblem::NoFolder:
        problem = tr("The folder %1 does not exist.").arg(folder);
        break;
    case RestoreJob::TargetProblem::FolderNotWritable:
        problem = tr("You cannot write to the folder %1. Choose another folder.").arg(folder);
        break;
    case RestoreJob::TargetProblem::IsFolder:
        problem = tr("%1 is a folder. Give the name of the new file inside it.").arg(target);
        break;
    case RestoreJob::TargetProblem::Exists:
        problem =
            tr("%1 already exists; LiteKeep never overwrites a file here. Choose another name.")
                .arg(target);
        break;
    }
    m_targetNote->setProperty("ok", problem.isEmpty());
    if (!toFile)
        m_targetNote->clear();
    else if (problem.isEmpty())
        m_targetNote->setText(tr("The restored database will be written to:\n%1")
                                  .arg(QDir::toNativeSeparators(target)));
    else
        m_targetNote->setText(problem);
    pageOf(this, HowPage)->refresh();
}

void RestoreWizard::runRestore(bool undo, bool force)
{
    RestoreJob::Request request;
    if (undo) {
        request.mode = RestoreJob::Mode::Undo;
    } else {
        request.generation = chosenGeneration();
        request.mode = inPlace() ? RestoreJob::Mode::InPlace : RestoreJob::Mode::ToFile;
        request.target = inPlace() ? QString() : targetPath();
        request.force = force;
    }
    m_result.reset();
    m_openFolder->setVisible(false);
    m_undo->setVisible(false);
    m_replaceAnyway->setVisible(false);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_outcome->setText(undo ? tr("Putting the database back as it was before the restore…")
                            : tr("Restoring…"));
    m_path->clear();
    pageOf(this, RestorePage)->refresh();

    m_job =
        new RestoreJob(m_profile, m_credentials.value_or(Credentials{}), &m_catalog, request, this);
    connect(m_job, &RestoreJob::progress, this,
            [this](RestoreJob::Phase phase, qint64 done, qint64 total) {
                m_progress->setFormat(RestoreJob::phaseName(phase) + QStringLiteral(" %p%"));
                if (total > 0) {
                    m_progress->setRange(0, 1000);
                    m_progress->setValue(static_cast<int>(done * 1000 / total));
                } else {
                    m_progress->setRange(0, 0);
                }
            });
    connect(m_job, &RestoreJob::finished, this, [this, undo](const JobResult &result) {
        m_job->deleteLater();
        m_job = nullptr;
        onRestoreFinished(result, undo);
    });
    m_job->start();
}

void RestoreWizard::onRestoreFinished(const JobResult &result, bool undo)
{
    m_result = result;
    m_progress->setVisible(false);
    const QString path = result.details.value(QLatin1String("restored_path")).toString();
    const QString copy = result.details.value(QLatin1String("pre_restore_copy")).toString();
    QString text = result.message;
    if (!result.isSuccess() && !result.stderrTail.isEmpty())
        text += QStringLiteral("\n") + result.stderrTail;
    // The core's sentence without the CLI's "--force": here the confirmation is a button.
    const QString anotherDatabase =
        result.details.value(QLatin1String("another_database")).toString();
    if (!result.isSuccess() && !anotherDatabase.isEmpty()) {
        text =
            anotherDatabase + QStringLiteral("\n\n") +
            tr("Nothing was changed. Replace it anyway only if you are sure this generation "
               "belongs here: "
               "a copy of what is there now is still kept first, and the restore can be undone.");
        m_replaceAnyway->setVisible(true);
    }
    m_outcome->setText(text);
    if (!result.isSuccess())
        m_outcome->setStyleSheet(QStringLiteral("color: #c62828;"));
    else
        m_outcome->setStyleSheet(QString());
    if (result.isSuccess() && !path.isEmpty()) {
        QString where = tr("Restored database: %1").arg(QDir::toNativeSeparators(path));
        if (!copy.isEmpty())
            where += QStringLiteral("\n") +
                     tr("What was there before: %1").arg(QDir::toNativeSeparators(copy));
        m_path->setText(where);
        m_path->setProperty("path", path);
        m_openFolder->setVisible(true);
        m_undo->setVisible(!undo && inPlace());
    }
    currentPage()->setTitle(!result.isSuccess() ? tr("The restore did not complete")
                            : undo              ? tr("Restore undone")
                                                : tr("Restored"));
    pageOf(this, RestorePage)->refresh();
    if (result.isSuccess())
        Q_EMIT restored(result);
    if (m_closeWhenStopped)
        QWizard::reject();
}

} // namespace lk

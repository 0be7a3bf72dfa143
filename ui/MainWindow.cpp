// The main window.
#include "MainWindow.h"

#include "FailureBanner.h"
#include "GenerationDetails.h"
#include "HistoryChart.h"
#include "ProfileDialog.h"
#include "ProfileListDelegate.h"
#include "RestoreWizard.h"
#include "TrayIcon.h"
#include "backup/BackupQueue.h"
#include "generations/GenerationLister.h"
#include "generations/Pins.h"
#include "history/Catalog.h"
#include "history/HistoryReader.h"
#include "present/HumanTime.h"
#include "present/StatusBoard.h"
#include "schedule/Schedule.h"
#include "schedule/Scheduler.h"
#include "settings/Config.h"
#include "settings/CredentialStore.h"
#include "verify/VerifyJob.h"

#include <QDesktopServices>
#include <QMenu>
#include <QUrl>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lk {

MainWindow::MainWindow(Config &config, Catalog &catalog, BackupQueue &queue, Scheduler &scheduler,
                       QWidget *parent)
    : QMainWindow(parent), m_config(config), m_catalog(catalog),
      m_reader(new HistoryReader(catalog.path(), this)), m_queue(queue), m_scheduler(scheduler),
      m_store(new CredentialStore(this))
{
    setWindowTitle(tr("LiteKeep"));
    QToolBar *tools = addToolBar(tr("Profiles"));
    tools->setObjectName(QStringLiteral("tools"));
    tools->setMovable(false);
    tools->addAction(tr("New profile…"), this, &MainWindow::newProfileRequested)
        ->setObjectName(QStringLiteral("newProfile"));
    tools->addAction(tr("Edit profile…"), this, &MainWindow::editProfile)
        ->setObjectName(QStringLiteral("editProfile"));
    tools->addAction(tr("Remove profile…"), this, &MainWindow::removeProfile)
        ->setObjectName(QStringLiteral("removeProfile"));
    tools->addSeparator();
    tools
        ->addAction(tr("Refresh"), this,
                    [this] {
                        refreshGenerations();
                        readHistory();
                    })
        ->setObjectName(QStringLiteral("refresh"));
    tools->addSeparator();
    m_verifyAction = tools->addAction(tr("Verify"), this, &MainWindow::verifySelected);
    m_verifyAction->setObjectName(QStringLiteral("verify"));
    m_verifyAction->setToolTip(
        tr("Download the selected generation and prove it restorable: both checksums and "
           "SQLite's integrity check."));
    m_verifyAllAction = tools->addAction(tr("Verify all"), this, &MainWindow::verifyAll);
    m_verifyAllAction->setObjectName(QStringLiteral("verifyAll"));
    m_restoreAction =
        tools->addAction(tr("Restore…"), this, [this] { openRestoreWizard(selectedGeneration()); });
    m_restoreAction->setObjectName(QStringLiteral("restore"));
    tools->addSeparator();
    tools->addAction(tr("Settings…"), this, &MainWindow::settingsRequested)
        ->setObjectName(QStringLiteral("settings"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_notice = new QLabel(central);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setVisible(false);
    layout->addWidget(m_notice);

    auto *splitter = new QSplitter(central);
    m_profiles = new QListWidget(splitter);
    m_profiles->setObjectName(QStringLiteral("profiles"));
    m_profiles->setItemDelegate(new ProfileListDelegate(m_profiles));
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_historyProblem = new QLabel(right);
    m_historyProblem->setObjectName(QStringLiteral("historyProblem"));
    m_historyProblem->setWordWrap(true);
    m_historyProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_historyProblem->setStyleSheet(QStringLiteral("color: #b26a00;"));
    m_historyProblem->setVisible(false);
    rightLayout->addWidget(m_historyProblem);
    m_failure = new FailureBanner(right);
    rightLayout->addWidget(m_failure);
    m_headline = new QLabel(right);
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    QFont headlineFont = m_headline->font();
    headlineFont.setBold(true);
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.15);
    m_headline->setFont(headlineFont);
    m_headline->setVisible(false);
    rightLayout->addWidget(m_headline);
    m_summary = new QLabel(right);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_summary);
    m_tabs = new QTabWidget(right);
    m_generations = new QTreeWidget(m_tabs);
    m_generations->setObjectName(QStringLiteral("generations"));
    m_generations->setHeaderLabels(
        {tr("Generation"), tr("Created"), tr("Size"), tr("Verification"), tr("Note")});
    m_generations->setRootIsDecorated(false);
    m_generations->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *generationsPage = new QSplitter(Qt::Vertical, m_tabs);
    generationsPage->addWidget(m_generations);
    m_details = new GenerationDetails(m_catalog, *m_reader, *m_store, generationsPage);
    generationsPage->addWidget(m_details);
    generationsPage->setStretchFactor(1, 1);
    m_tabs->addTab(generationsPage, tr("Generations"));
    m_history = new QTreeWidget(m_tabs);
    m_history->setObjectName(QStringLiteral("history"));
    m_history->setHeaderLabels(
        {tr("Started"), tr("Kind"), tr("Outcome"), tr("Duration"), tr("Message")});
    m_history->setRootIsDecorated(false);
    m_tabs->addTab(m_history, tr("History"));
    m_chart = new HistoryChart(m_tabs);
    m_tabs->addTab(m_chart, tr("Chart"));
    rightLayout->addWidget(m_tabs, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({180, 800});
    layout->addWidget(splitter, 1);

    auto *row = new QHBoxLayout;
    m_progress = new QProgressBar(central);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setVisible(false);
    m_backupButton = new QPushButton(tr("Back up now"), central);
    m_backupButton->setObjectName(QStringLiteral("backUpNow"));
    m_cancelButton = new QPushButton(tr("Cancel"), central);
    m_cancelButton->setObjectName(QStringLiteral("cancel"));
    m_cancelButton->setVisible(false);
    row->addWidget(m_progress, 1);
    row->addStretch();
    row->addWidget(m_cancelButton);
    row->addWidget(m_backupButton);
    layout->addLayout(row);
    setCentralWidget(central);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    statusBar()->addWidget(m_status, 1);
    resize(980, 680);

    connect(m_profiles, &QListWidget::currentRowChanged, this, &MainWindow::showProfile);
    // The history and the chart show the newest runs when they are looked at.
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::readHistory);
    m_historyRefresh.setSingleShot(true);
    connect(&m_historyRefresh, &QTimer::timeout, this, [this] {
        if (isVisible())
            readHistory();
        else
            m_historyRefresh.start(kHistoryRefreshMs);
    });
    connect(m_backupButton, &QPushButton::clicked, this, [this] {
        if (!selectedProfile().isEmpty())
            Q_EMIT backUpNowRequested(selectedProfile());
    });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_verify)
            m_verify->cancel();
        else
            m_queue.cancelCurrent();
    });
    connect(m_failure, &FailureBanner::retryRequested, this, [this] {
        if (!selectedProfile().isEmpty())
            Q_EMIT backUpNowRequested(selectedProfile());
    });
    connect(m_failure, &FailureBanner::detailsRequested, this, &MainWindow::showRun);
    connect(m_generations, &QTreeWidget::currentItemChanged, this, &MainWindow::showDetails);
    connect(m_generations, &QTreeWidget::customContextMenuRequested, this,
            &MainWindow::showGenerationMenu);
    connect(&m_queue, &BackupQueue::started, this, &MainWindow::onStarted);
    connect(&m_queue, &BackupQueue::progress, this, &MainWindow::onProgress);
    connect(&m_queue, &BackupQueue::finished, this, &MainWindow::onFinished);
    reload();
}

MainWindow::~MainWindow() = default;

void MainWindow::editProfile()
{
    const auto profile = m_config.profile(selectedProfile());
    if (!profile)
        return;
    auto *dialog = new ProfileDialog(m_config, *profile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileDialog::saved, this, [this] {
        reload();
        Q_EMIT profilesChanged();
    });
    dialog->open();
}

void MainWindow::removeProfile()
{
    const auto profile = m_config.profile(selectedProfile());
    if (!profile)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Remove profile?"),
        tr("Remove the profile \"%1\"? Its generations on %2 are not deleted, and its history "
           "stays.")
            .arg(profile->name, profile->destination),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmRemove"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, p = *profile](int answer) {
        if (answer != QMessageBox::Yes)
            return;
        m_config.refresh(); // the CLI may have added profiles meanwhile: keep them
        const Config before = m_config;
        m_config.removeProfile(p.name);
        if (Status s = m_config.save(); !s) {
            m_config = before; // not on disk, so not in memory either
            m_status->setText(s.error);
            return;
        }
        if (p.parsedDestination().isOk() && p.parsedDestination().value().isS3())
            m_store->remove(p, [](Status) {});
        reload();
        Q_EMIT profilesChanged();
    });
    box->open();
}

void MainWindow::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void MainWindow::reload()
{
    const QString keep = selectedProfile();
    m_profiles->clear();
    m_profiles->addItems(m_config.profileNames());
    if (m_profiles->count() == 0)
        m_summary->setText(
            tr("No profiles yet. Create one with \"litekeep profile add NAME --db PATH\"."));
    selectProfile(keep);
    if (m_profiles->currentRow() < 0 && m_profiles->count() > 0)
        m_profiles->setCurrentRow(0);
    m_backupButton->setEnabled(m_profiles->count() > 0);
    showStatuses();
}

void MainWindow::setStatusBoard(const StatusBoard *board)
{
    if (m_board)
        disconnect(m_board, nullptr, this, nullptr);
    m_board = board;
    if (board)
        connect(board, &StatusBoard::changed, this, &MainWindow::showStatuses);
    showStatuses();
}

namespace {
// The colour of a status line: red for a failure, amber for what needs attention.
QVariant lineColor(ProfileStatus::State state)
{
    switch (state) {
    case ProfileStatus::State::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case ProfileStatus::State::Warning:
    case ProfileStatus::State::Unknown:
        return QColor(0xb2, 0x6a, 0x00);
    default:
        return {};
    }
}
} // namespace

void MainWindow::showStatuses()
{
    const HumanTime times = HumanTime::current();
    for (int i = 0; i < m_profiles->count(); ++i) {
        QListWidgetItem *item = m_profiles->item(i);
        const auto status = m_board ? m_board->status(item->text()) : std::nullopt;
        if (!status) {
            item->setIcon(QIcon());
            item->setData(ProfileListDelegate::kLineRole, QVariant());
            item->setToolTip(QString());
            continue;
        }
        const QString line = status->line(times);
        const TrayIcon::State look = TrayIcon::stateFor(status->state);
        if (item->data(ProfileListDelegate::kLineRole).toString() != line ||
            item->data(Qt::UserRole).toInt() != static_cast<int>(look)) {
            item->setData(Qt::UserRole, static_cast<int>(look));
            item->setIcon(TrayIcon::iconFor(look));
            item->setData(ProfileListDelegate::kLineRole, line);
            item->setData(ProfileListDelegate::kLineColorRole, lineColor(status->state));
            item->setToolTip((QStringList{line} + status->problems).join(QLatin1Char('\n')));
        }
    }
    const auto selected = m_board ? m_board->status(selectedProfile()) : std::nullopt;
    m_headline->setVisible(selected.has_value());
    if (selected) {
        m_headline->setText(selected->headline() + QStringLiteral(" · ") + selected->line(times));
        const QVariant color = lineColor(selected->state);
        m_headline->setStyleSheet(
            color.isValid() ? QStringLiteral("color: %1;").arg(color.value<QColor>().name())
                            : QString());
    }
}

QString MainWindow::selectedProfile() const
{
    const auto *item = m_profiles->currentItem();
    return item ? item->text() : QString();
}

void MainWindow::selectProfile(const QString &name)
{
    const auto items = m_profiles->findItems(name, Qt::MatchExactly);
    if (!items.isEmpty())
        m_profiles->setCurrentItem(items.first());
}

void MainWindow::showProfile()
{
    const QString name = selectedProfile();
    if (name != m_historyShownFor) {
        m_historyShownFor = name;
        ++m_historyGeneration; // what is still on its way for the other profile is not shown
    }
    if (!m_config.profile(name))
        return;
    showHistoryProblem();
    showStatuses();
    showSummary();
    showFailure();
    showHistory();
    refreshGenerations();
    readHistory();
}

const ProfileHistory *MainWindow::knownHistory() const
{
    const auto known = m_known.constFind(selectedProfile());
    return known == m_known.cend() ? nullptr : &*known;
}

void MainWindow::readHistory()
{
    const QString profile = selectedProfile();
    if (profile.isEmpty())
        return;
    if (m_historyReading) {
        m_historyAgain = true; // a locked history answers slowly: never a queue of reads
        return;
    }
    m_historyReading = true;
    m_historyRefresh.stop();
    const int generation = m_historyGeneration;
    m_reader->run(
        this, [profile](const Catalog &catalog) { return ProfileHistory::read(catalog, profile); },
        [this, profile, generation](const Result<ProfileHistory> &read) {
            onHistoryRead(profile, generation, read);
        });
}

void MainWindow::onHistoryRead(const QString &profile, int generation,
                               const Result<ProfileHistory> &read)
{
    m_historyReading = false;
    if (read)
        m_known.insert(profile, read.value());
    // Whatever profile it was for, it says whether the history can be read now.
    m_historyError = read ? QString() : read.error();
    showHistoryProblem();
    if (generation == m_historyGeneration) {
        showSummary();
        showFailure();
        showHistory();
        showVerificationsAndWarnings();
    }
    if (m_historyAgain) {
        m_historyAgain = false;
        readHistory();
    } else {
        m_historyRefresh.start(read ? kHistoryRefreshMs : kHistoryRetryMs);
    }
}

void MainWindow::showHistoryProblem()
{
    if (m_historyError.isEmpty()) {
        m_historyProblem->clear();
        m_historyProblem->setVisible(false);
        return;
    }
    const ProfileHistory *known = knownHistory();
    m_historyProblem->setText(
        known ? tr("%1 The window shows what it said when it was last read, at %2.")
                    .arg(m_historyError, HumanTime::current().time(known->readUtc))
              : tr("%1 Until it can be read, the window cannot show this profile's runs and "
                   "verifications.")
                    .arg(m_historyError));
    m_historyProblem->setVisible(true);
}

void MainWindow::showSummary()
{
    const auto profile = m_config.profile(selectedProfile());
    if (!profile)
        return;
    const HumanTime times = HumanTime::current();
    QStringList lines{tr("%1 → %2").arg(profile->databasePath, profile->destination)};
    QStringList exact; // the same facts to the second, for the tooltip
    if (const ProfileHistory *h = knownHistory()) {
        const auto &good = h->lastGoodBackup;
        lines.append(good ? tr("Last good backup: %1").arg(times.ago(good->startedUtc))
                          : tr("No successful backup yet."));
        if (good)
            exact.append(tr("Last good backup: %1").arg(times.exact(good->startedUtc)));
        if (const auto &proven = h->lastProven) {
            lines.append(tr("Last proven restorable: %1").arg(times.ago(proven->checkedUtc)));
            exact.append(tr("Last proven restorable: %1").arg(times.exact(proven->checkedUtc)));
        } else
            lines.append(tr("Not proven restorable yet: verify a generation, or wait for the "
                            "first restore drill."));
        if (profile->drillDays <= 0) {
            lines.append(tr("Restore drills are off."));
        } else if (const auto &drill = h->lastDrill) {
            const QTimeZone zone = QTimeZone::systemTimeZone();
            lines.append(Schedule::isDrillDue(drill->checkedUtc, profile->drillDays,
                                              QDateTime::currentDateTimeUtc(), zone)
                             ? tr("Next restore drill: after the next backup.")
                             : tr("Next restore drill: after the first backup from %1.")
                                   .arg(times.date(Schedule::drillDueDate(
                                       drill->checkedUtc, profile->drillDays, zone))));
        } else {
            lines.append(tr("Next restore drill: after the next backup."));
        }
        for (const AnomalyRecord &warning : h->openWarnings)
            lines.append(tr("Warning: %1").arg(warning.message()));
    } else if (m_historyError.isEmpty()) {
        lines.append(tr("Reading the run history…"));
    } // else: the problem above the summary says why nothing is known
    const QDateTime next = m_scheduler.nextRun(profile->name);
    if (const QString words = ProfileStatus::nextRun(times, next, m_scheduler.isPaused());
        !words.isEmpty())
        lines.append(words);
    if (next.isValid() && !m_scheduler.isPaused())
        exact.append(tr("Next backup: %1").arg(times.exact(next)));
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_summary->setToolTip(exact.join(QLatin1Char('\n')));
}

void MainWindow::showFailure()
{
    const ProfileHistory *known = knownHistory();
    // Unknown is not "failed": while nothing is known, the history problem says why.
    m_failure->setLastBackup(known ? FailureBanner::lastBackup(known->runs) : std::nullopt);
}

void MainWindow::showRun(qint64 runId)
{
    m_tabs->setCurrentWidget(m_history);
    for (int i = 0; i < m_history->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_history->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toLongLong() == runId) {
            m_history->setCurrentItem(item);
            m_history->scrollToItem(item);
            return;
        }
    }
}

void MainWindow::showHistory()
{
    const int scrolled = m_history->verticalScrollBar()->value(); // a refresh keeps the place
    const QTreeWidgetItem *current = m_history->currentItem();    // and the selected run
    const QVariant selectedRun = current ? current->data(0, Qt::UserRole) : QVariant();
    m_history->clear();
    const QLocale locale;
    const HumanTime times = HumanTime::current();
    const ProfileHistory *known = knownHistory();
    const QList<RunRecord> runs = known ? known->runs : QList<RunRecord>();
    m_chart->setRuns(runs);
    for (const RunRecord &run : runs) {
        const qint64 ms = run.durationMs();
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, times.ago(run.startedUtc));
        item->setToolTip(0, times.exact(run.startedUtc));
        item->setText(1, run.kind);
        item->setText(2, run.outcome);
        item->setText(
            3, ms < 0 ? QString()
                      : tr("%1 s").arg(locale.toString(static_cast<double>(ms) / 1000.0, 'f', 1)));
        item->setText(4, run.message);
        item->setToolTip(4, run.message);
        item->setData(0, Qt::UserRole, run.id);
        if (selectedRun.isValid() && selectedRun.toLongLong() == run.id)
            m_history->setCurrentItem(item);
        if (run.outcome == QLatin1String("failed"))
            item->setForeground(2, QColor(0xc6, 0x28, 0x28));
    }
    m_history->header()->resizeSections(QHeaderView::ResizeToContents);
    m_history->verticalScrollBar()->setValue(scrolled);
}

void MainWindow::refreshGenerations()
{
    const auto profile = m_config.profile(selectedProfile());
    if (!profile)
        return;
    if (m_lister) {
        // Stopped, not destroyed: destroying a running rclone waits for it on this thread. It
        // goes once its (cancelled) answer is in.
        m_lister->cancel();
        m_lister = nullptr;
    }
    m_status->setText(tr("Reading the generations on %1…").arg(profile->destination));
    m_store->readFor(*profile, [this, p = *profile](const Result<Credentials> &credentials) {
        if (!credentials) {
            showGenerations({}, credentials.error());
            return;
        }
        if (p.name != selectedProfile())
            return; // another profile was chosen meanwhile
        m_lister = new GenerationLister(p, credentials.value(), this);
        QPointer<GenerationLister> lister = m_lister;
        m_lister->list(
            [this, lister](const QList<Generation> &generations, const Storage::Failure &f) {
                if (lister)
                    lister->deleteLater();
                if (lister != m_lister)
                    return; // a newer listing replaced this one
                showGenerations(generations, f.message);
            });
    });
}

void MainWindow::showGenerations(const QList<Generation> &generations, const QString &error)
{
    const QString keep = selectedGeneration();
    {
        const QSignalBlocker blocker(m_generations);
        m_generations->clear();
    }
    m_shown = generations;
    if (!m_verify)
        m_status->setText(error);
    const QLocale locale;
    const HumanTime times = HumanTime::current();
    QTreeWidgetItem *again = nullptr;
    for (const Generation &g : generations) {
        auto *item = new QTreeWidgetItem(m_generations);
        item->setData(0, Qt::UserRole, g.baseName());
        if (g.baseName() == keep)
            again = item;
        // By when it was made; the technical name in the tooltip and the details.
        const QDateTime created = g.name.createdUtc();
        item->setText(0, times.generation(created));
        item->setToolTip(0, g.baseName() + QLatin1Char('\n') + times.exact(created));
        item->setText(1, times.ago(created));
        item->setToolTip(1, times.exact(created));
        if (g.manifest)
            item->setText(2, locale.formattedDataSize(g.manifest->gzSize));
        if (!g.isComplete()) {
            item->setText(3, tr("%1: %2").arg(Generation::stateName(g.state), g.problem));
            item->setForeground(3, QColor(0xc6, 0x28, 0x28));
        }
    }
    showVerificationsAndWarnings();
    m_generations->header()->resizeSections(QHeaderView::ResizeToContents);
    if (again)
        m_generations->setCurrentItem(again);
    else if (m_generations->topLevelItemCount() > 0)
        m_generations->setCurrentItem(m_generations->topLevelItem(0));
    else
        showDetails();
    updateActions();
}

// The columns that come from the history, not the destination: filled again whenever the
// history is read, and left empty while nothing is known (never "never verified" for unknown).
void MainWindow::showVerificationsAndWarnings()
{
    const ProfileHistory *known = knownHistory();
    const HumanTime times = HumanTime::current();
    QHash<QString, AnomalyRecord> warnings; // by the new generation
    QHash<QString, QString> pins;           // previous generation → its warning's generation
    if (known) {
        for (const AnomalyRecord &warning : known->openWarnings) {
            warnings.insert(warning.generation, warning);
            pins.insert(warning.previousGeneration, warning.generation);
        }
    }
    for (int i = 0; i < m_generations->topLevelItemCount() && i < m_shown.size(); ++i) {
        QTreeWidgetItem *item = m_generations->topLevelItem(i);
        const Generation &g = m_shown.at(i);
        item->setText(4, QString());
        item->setToolTip(4, QString());
        item->setData(4, Qt::ForegroundRole, QVariant());
        item->setData(4, Qt::UserRole, QVariant());
        if (const auto w = warnings.constFind(g.baseName()); w != warnings.cend()) {
            item->setText(4, tr("⚠ Tables lost rows"));
            item->setToolTip(4, w->message());
            item->setForeground(4, QColor(0xb2, 0x6a, 0x00));
            item->setData(4, Qt::UserRole, QStringLiteral("warning"));
        } else if (pins.contains(g.baseName())) {
            item->setText(4, tr("Kept until the warning is dismissed"));
            item->setToolTip(
                4,
                tr("The last backup before tables lost rows: retention keeps it until you dismiss "
                   "the warning about %1.")
                    .arg(pins.value(g.baseName())));
            item->setData(4, Qt::UserRole, QStringLiteral("pinned"));
        }
        if (!g.isComplete())
            continue; // column 3 says why, from the destination
        item->setData(3, Qt::ForegroundRole, QVariant());
        item->setToolTip(3, QString());
        if (!known) {
            item->setText(3, QString());
            continue;
        }
        const auto v = known->latestVerifications.constFind(g.baseName());
        if (v == known->latestVerifications.cend()) {
            item->setText(3, tr("never verified"));
        } else if (v->passed) {
            item->setText(3, tr("passed %1").arg(times.ago(v->checkedUtc)));
            item->setToolTip(3, times.exact(v->checkedUtc));
        } else {
            item->setText(3, tr("FAILED %1: %2").arg(times.ago(v->checkedUtc), v->reason));
            item->setToolTip(3, times.exact(v->checkedUtc));
            item->setForeground(3, QColor(0xc6, 0x28, 0x28));
        }
    }
}

QString MainWindow::selectedGeneration() const
{
    const auto *item = m_generations->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void MainWindow::showDetails()
{
    const auto profile = m_config.profile(selectedProfile());
    const QString name = selectedGeneration();
    std::optional<Generation> generation;
    for (const Generation &g : std::as_const(m_shown)) {
        if (g.baseName() == name)
            generation = g;
    }
    if (profile && generation)
        m_details->setGeneration(*profile, generation);
    else
        m_details->setGeneration({}, std::nullopt);
    updateActions();
}

void MainWindow::updateActions()
{
    const bool profile = !selectedProfile().isEmpty();
    const bool busy = m_verify || m_queue.contains(selectedProfile());
    m_verifyAction->setEnabled(profile && !busy && !selectedGeneration().isEmpty());
    m_verifyAllAction->setEnabled(profile && !busy && !m_shown.isEmpty());
    m_restoreAction->setEnabled(profile);
    m_failure->setRetryEnabled(profile && !m_queue.contains(selectedProfile()));
}

void MainWindow::showGenerationMenu(const QPoint &position)
{
    QTreeWidgetItem *item = m_generations->itemAt(position);
    if (!item)
        return;
    m_generations->setCurrentItem(item);
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("generationMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Look inside"), m_details, &GenerationDetails::lookInside);
    menu->addAction(m_verifyAction);
    menu->addAction(tr("Restore this generation…"), this,
                    [this] { openRestoreWizard(selectedGeneration()); })
        ->setObjectName(QStringLiteral("restoreThis"));
    if (item->data(4, Qt::UserRole).toString() == QLatin1String("warning")) {
        menu->addSeparator();
        menu->addAction(tr("Dismiss the warning…"), this,
                        [this] { dismissWarning(selectedGeneration()); })
            ->setObjectName(QStringLiteral("dismissWarning"));
    }
    menu->popup(m_generations->viewport()->mapToGlobal(position));
}

void MainWindow::dismissWarning(const QString &generation)
{
    const QString profile = selectedProfile();
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Dismiss the warning?"),
        tr("Were the rows missing from %1 removed on purpose? Once the warning is dismissed, "
           "the generation kept from before is deleted by retention when its time comes.")
            .arg(generation),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmDismiss"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, profile, generation](int answer) {
        if (answer != QMessageBox::Yes)
            return;
        // Written on the history's thread: a locked history makes the answer late, never the
        // window.
        m_reader->run(
            this,
            [profile, generation](Catalog &catalog) {
                return catalog.dismissAnomaly(profile, generation);
            },
            [this, profile, generation](const Status &s) {
                if (!s) {
                    m_status->setText(s.error);
                    return;
                }
                releasePinOnDestination(profile, generation);
                if (profile == selectedProfile())
                    showProfile();
                Q_EMIT warningsChanged();
            });
    });
    box->open();
}

// The warning is closed in the history at once; its pin on the destination goes in the
// background. Until it has gone, retention keeps the backup: the safe side to err on.
void MainWindow::releasePinOnDestination(const QString &profileName, const QString &generation)
{
    const auto profile = m_config.profile(profileName);
    if (!profile)
        return;
    m_store->readFor(*profile, [this, p = *profile,
                                generation](const Result<Credentials> &credentials) {
        const QString failed = tr(
            "The warning about %1 was dismissed on this computer, but its pin on the destination "
            "could not be removed: %2 Retention keeps the backup it kept until "
            "\"litekeep dismiss --profile %3 %1\" succeeds.");
        if (!credentials) {
            m_status->setText(failed.arg(generation, credentials.error(), p.name));
            return;
        }
        auto *storage = new Storage(p, p.parsedDestination().value(), credentials.value(), this);
        auto *pins = new DestinationPins(storage, p.name, storage);
        pins->remove({generation},
                     [this, storage, failed, generation, name = p.name](const Status &s) {
                         storage->deleteLater();
                         if (!s)
                             m_status->setText(failed.arg(generation, s.error, name));
                     });
    });
}

RestoreWizard *MainWindow::openRestoreWizard(const QString &generation)
{
    const auto profile = m_config.profile(selectedProfile());
    if (!profile)
        return nullptr;
    if (m_restoreWizard) {
        if (m_restoreWizard->isRunning() ||
            m_restoreWizard->windowTitle().contains(profile->name)) {
            m_restoreWizard->raise();
            m_restoreWizard->activateWindow();
            return m_restoreWizard;
        }
        m_restoreWizard->close();
    }
    m_restoreWizard = new RestoreWizard(*profile, m_catalog, this);
    m_restoreWizard->setAttribute(Qt::WA_DeleteOnClose);
    m_restoreWizard->preselect(generation);
    connect(m_restoreWizard, &RestoreWizard::openFolderRequested, this,
            [](const QString &folder) { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
    connect(m_restoreWizard, &RestoreWizard::restored, this, [this] { showProfile(); });
    m_restoreWizard->show();
    return m_restoreWizard;
}

void MainWindow::verifySelected()
{
    if (!selectedGeneration().isEmpty())
        verify(selectedGeneration());
}

void MainWindow::verifyAll()
{
    verify({});
}

void MainWindow::verify(const QString &generation)
{
    const auto profile = m_config.profile(selectedProfile());
    if (!profile || m_verify)
        return;
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Verifying…"));
    m_progress->setTextVisible(true);
    m_cancelButton->setVisible(true);
    m_status->setText(generation.isEmpty()
                          ? tr("Verifying every generation of \"%1\"…").arg(profile->name)
                          : tr("Verifying %1…").arg(generation));
    m_store->readFor(*profile, [this, p = *profile,
                                generation](const Result<Credentials> &credentials) {
        if (!credentials) {
            m_progress->setVisible(false);
            m_cancelButton->setVisible(false);
            m_status->setText(credentials.error());
            return;
        }
        m_verify = new VerifyJob(p, credentials.value(), &m_catalog,
                                 generation.isEmpty() ? VerifyJob::Selection::All
                                                      : VerifyJob::Selection::One,
                                 generation, VerifyJob::Locking::TakeLock, this);
        updateActions();
        connect(m_verify, &VerifyJob::progress, this,
                [this](int index, int count, const QString &name, qint64 done, qint64 total) {
                    m_progress->setRange(0, 1000);
                    const double part =
                        total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
                    m_progress->setValue(
                        static_cast<int>(1000.0 * ((index - 1) + part) / std::max(1, count)));
                    m_progress->setFormat(
                        tr("Verifying %1 (%2 of %3)").arg(name).arg(index).arg(count));
                });
        connect(m_verify, &VerifyJob::finished, this,
                [this, profileName = p.name](const JobResult &result) {
                    m_verify->deleteLater();
                    m_verify = nullptr;
                    m_progress->setVisible(false);
                    m_cancelButton->setVisible(m_queue.isBusy());
                    m_status->setText(result.message);
                    if (profileName == selectedProfile())
                        showProfile(); // the list, the details and "last proven restorable" change
                    updateActions();
                    Q_EMIT verificationFinished(result);
                });
        m_verify->start();
    });
}

void MainWindow::onStarted(const QString &profile)
{
    selectProfile(profile);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_cancelButton->setVisible(true);
    m_backupButton->setEnabled(false);
    m_status->setText(tr("Backing up \"%1\"…").arg(profile));
    m_phaseClock.start();
    updateActions();
}

void MainWindow::onProgress(const QString &, BackupJob::Phase phase, qint64 done, qint64 total)
{
    if (phase != m_phase) {
        m_phase = phase;
        m_phaseClock.restart();
    }
    QString text = BackupJob::phaseName(phase);
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(done * 1000 / total));
        const qint64 elapsed = m_phaseClock.elapsed();
        if (done > 0 && elapsed > 1000) {
            const qint64 remaining = elapsed * (total - done) / done / 1000;
            text += tr(" — about %n s left", nullptr, static_cast<int>(remaining));
        }
    } else {
        m_progress->setRange(0, 0);
    }
    m_progress->setFormat(text);
    m_progress->setTextVisible(true);
}

void MainWindow::onFinished(const QString &profile, const JobResult &result)
{
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    m_backupButton->setEnabled(true);
    m_status->setText(result.message);
    if (profile == selectedProfile())
        showProfile();
    updateActions();
}

} // namespace lk

// The main window.
#include "MainWindow.h"

#include "BackupQueue.h"
#include "Catalog.h"
#include "Config.h"
#include "CredentialStore.h"
#include "GenerationLister.h"
#include "ProfileDialog.h"
#include "Scheduler.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QToolBar>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lk {

MainWindow::MainWindow(Config &config, Catalog &catalog, BackupQueue &queue, Scheduler &scheduler, QWidget *parent)
    : QMainWindow(parent), m_config(config), m_catalog(catalog), m_queue(queue), m_scheduler(scheduler),
      m_store(new CredentialStore(this))
{
    setWindowTitle(tr("LiteKeep"));
    QToolBar *tools = addToolBar(tr("Profiles"));
    tools->setObjectName(QStringLiteral("tools"));
    tools->setMovable(false);
    tools->addAction(tr("New profile…"), this, &MainWindow::newProfileRequested)->setObjectName(QStringLiteral("newProfile"));
    tools->addAction(tr("Edit profile…"), this, &MainWindow::editProfile)->setObjectName(QStringLiteral("editProfile"));
    tools->addAction(tr("Remove profile…"), this, &MainWindow::removeProfile)->setObjectName(QStringLiteral("removeProfile"));
    tools->addSeparator();
    tools->addAction(tr("Refresh"), this, &MainWindow::refreshGenerations)->setObjectName(QStringLiteral("refresh"));
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
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(right);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_summary);
    m_tabs = new QTabWidget(right);
    m_generations = new QTreeWidget(m_tabs);
    m_generations->setObjectName(QStringLiteral("generations"));
    m_generations->setHeaderLabels({tr("Generation"), tr("Created"), tr("Size"), tr("Verification")});
    m_generations->setRootIsDecorated(false);
    m_tabs->addTab(m_generations, tr("Generations"));
    m_history = new QTreeWidget(m_tabs);
    m_history->setObjectName(QStringLiteral("history"));
    m_history->setHeaderLabels({tr("Started"), tr("Kind"), tr("Outcome"), tr("Duration"), tr("Message")});
    m_history->setRootIsDecorated(false);
    m_tabs->addTab(m_history, tr("History"));
    rightLayout->addWidget(m_tabs, 1);
    splitter->setStretchFactor(1, 3);
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
    resize(900, 520);

    connect(m_profiles, &QListWidget::currentRowChanged, this, &MainWindow::showProfile);
    connect(m_backupButton, &QPushButton::clicked, this, [this] {
        if (!selectedProfile().isEmpty())
            Q_EMIT backUpNowRequested(selectedProfile());
    });
    connect(m_cancelButton, &QPushButton::clicked, &m_queue, &BackupQueue::cancelCurrent);
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
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove profile?"),
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
        m_summary->setText(tr("No profiles yet. Create one with \"litekeep profile add NAME --db PATH\"."));
    selectProfile(keep);
    if (m_profiles->currentRow() < 0 && m_profiles->count() > 0)
        m_profiles->setCurrentRow(0);
    m_backupButton->setEnabled(m_profiles->count() > 0);
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
    const auto profile = m_config.profile(selectedProfile());
    if (!profile)
        return;
    const QLocale locale;
    QStringList lines{tr("%1 → %2").arg(profile->databasePath, profile->destination)};
    const auto good = m_catalog.lastRun(profile->name, QStringLiteral("backup"), QStringLiteral("succeeded"));
    lines.append(good ? tr("Last good backup: %1").arg(locale.toString(good->startedUtc.toLocalTime(), QLocale::ShortFormat))
                      : tr("No successful backup yet."));
    if (const auto proven = m_catalog.lastPassedVerification(profile->name))
        lines.append(tr("Last proven restorable: %1").arg(locale.toString(proven->checkedUtc.toLocalTime(), QLocale::ShortFormat)));
    const QDateTime next = m_scheduler.nextRun(profile->name);
    if (m_scheduler.isPaused())
        lines.append(tr("Schedules are paused."));
    else if (next.isValid())
        lines.append(tr("Next backup: %1").arg(locale.toString(next.toLocalTime(), QLocale::ShortFormat)));
    m_summary->setText(lines.join(QLatin1Char('\n')));
    showHistory();
    refreshGenerations();
}

void MainWindow::showHistory()
{
    m_history->clear();
    const QLocale locale;
    for (const RunRecord &run : m_catalog.runs(selectedProfile())) {
        const qint64 ms = run.durationMs();
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, locale.toString(run.startedUtc.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, run.kind);
        item->setText(2, run.outcome);
        item->setText(3, ms < 0 ? QString() : tr("%1 s").arg(locale.toString(static_cast<double>(ms) / 1000.0, 'f', 1)));
        item->setText(4, run.message);
        if (run.outcome == QLatin1String("failed"))
            item->setForeground(2, QColor(0xc6, 0x28, 0x28));
    }
    m_history->header()->resizeSections(QHeaderView::ResizeToContents);
}

void MainWindow::refreshGenerations()
{
    const auto profile = m_config.profile(selectedProfile());
    if (!profile)
        return;
    if (m_lister)
        m_lister->deleteLater();
    m_generations->clear();
    m_status->setText(tr("Reading the generations on %1…").arg(profile->destination));
    auto listWith = [this, p = *profile](const Credentials &credentials) {
        m_lister = new GenerationLister(p, credentials, this);
        QPointer<GenerationLister> lister = m_lister;
        m_lister->list([this, lister](const QList<Generation> &generations, const Storage::Failure &f) {
            if (lister != m_lister)
                return; // a newer listing replaced this one
            showGenerations(generations, f.message);
        });
    };
    if (!profile->parsedDestination().value().isS3()) {
        listWith({});
        return;
    }
    m_store->read(*profile, [this, listWith](const Result<Credentials> &c) {
        if (!c) {
            showGenerations({}, c.error());
            return;
        }
        listWith(c.value());
    });
}

void MainWindow::showGenerations(const QList<Generation> &generations, const QString &error)
{
    m_generations->clear();
    m_status->setText(error);
    const QLocale locale;
    const auto verifications = m_catalog.latestVerifications(selectedProfile());
    for (const Generation &g : generations) {
        auto *item = new QTreeWidgetItem(m_generations);
        item->setText(0, g.baseName());
        item->setText(1, locale.toString(g.name.createdUtc().toLocalTime(), QLocale::ShortFormat));
        if (g.manifest)
            item->setText(2, locale.formattedDataSize(g.manifest->gzSize));
        if (!g.isComplete()) {
            item->setText(3, tr("%1: %2").arg(Generation::stateName(g.state), g.problem));
            item->setForeground(3, QColor(0xc6, 0x28, 0x28));
            continue;
        }
        const auto v = verifications.constFind(g.baseName());
        if (v == verifications.cend()) {
            item->setText(3, tr("never verified"));
        } else if (v->passed) {
            item->setText(3, tr("passed %1").arg(locale.toString(v->checkedUtc.toLocalTime(), QLocale::ShortFormat)));
        } else {
            item->setText(3, tr("FAILED %1: %2").arg(locale.toString(v->checkedUtc.toLocalTime(), QLocale::ShortFormat), v->reason));
            item->setForeground(3, QColor(0xc6, 0x28, 0x28));
        }
    }
    m_generations->header()->resizeSections(QHeaderView::ResizeToContents);
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
}

} // namespace lk

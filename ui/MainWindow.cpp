// The main window (first version).
#include "MainWindow.h"

#include "BackupJob.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lk {

MainWindow::MainWindow(const QString &configPath, QWidget *parent)
    : QMainWindow(parent), m_config(configPath)
{
    setWindowTitle(tr("LiteKeep"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *splitter = new QSplitter(central);
    m_profiles = new QListWidget(splitter);
    m_profiles->setObjectName(QStringLiteral("profiles"));
    m_history = new QTreeWidget(splitter);
    m_history->setObjectName(QStringLiteral("history"));
    m_history->setHeaderLabels({tr("Started"), tr("Outcome"), tr("Duration"), tr("Generation"), tr("Message")});
    m_history->setRootIsDecorated(false);
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
    statusBar()->addWidget(m_status, 1);
    resize(860, 480);

    connect(m_profiles, &QListWidget::currentRowChanged, this, &MainWindow::showHistory);
    connect(m_backupButton, &QPushButton::clicked, this, &MainWindow::backUpNow);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });

    if (Status s = m_catalog.open(); !s)
        m_status->setText(s.error);
    reload();
}

MainWindow::~MainWindow() = default;

void MainWindow::reload()
{
    if (Status s = m_config.load(); !s)
        m_status->setText(s.error);
    m_profiles->clear();
    m_profiles->addItems(m_config.profileNames());
    if (m_profiles->count() > 0)
        m_profiles->setCurrentRow(0);
    else
        m_status->setText(tr("No profiles yet. Create one with \"litekeep profile add NAME --db PATH\"."));
    m_backupButton->setEnabled(m_profiles->count() > 0);
}

QString MainWindow::selectedProfile() const
{
    const auto *item = m_profiles->currentItem();
    return item ? item->text() : QString();
}

void MainWindow::showHistory()
{
    m_history->clear();
    const QLocale locale;
    for (const RunRecord &run : m_catalog.runs(selectedProfile())) {
        const qint64 ms = run.durationMs();
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, locale.toString(run.startedUtc.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, run.outcome);
        item->setText(2, ms < 0 ? QString() : tr("%1 s").arg(locale.toString(static_cast<double>(ms) / 1000.0, 'f', 1)));
        item->setText(3, run.generation);
        item->setText(4, run.message);
    }
    m_history->header()->resizeSections(QHeaderView::ResizeToContents);
}

void MainWindow::backUpNow()
{
    const auto profile = m_config.profile(selectedProfile());
    if (!profile || m_job)
        return;
    m_backupButton->setEnabled(false);
    m_status->setText(tr("Starting the backup of \"%1\"…").arg(profile->name));
    auto startJob = [this, p = *profile](const Credentials &credentials) {
        m_job = new BackupJob(p, credentials, &m_catalog, this);
        m_progress->setVisible(true);
        m_cancelButton->setVisible(true);
        connect(m_job, &BackupJob::progress, this, [this](BackupJob::Phase phase, qint64 done, qint64 total) {
            m_progress->setFormat(BackupJob::phaseName(phase) + QStringLiteral(" %p%"));
            m_progress->setMaximum(total > 0 ? 1000 : 0);
            m_progress->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
        });
        connect(m_job, &BackupJob::finished, this, &MainWindow::jobFinished);
        m_job->start();
        showHistory();
    };
    if (!profile->parsedDestination().value().isS3()) {
        startJob({});
        return;
    }
    m_store.read(*profile, [this, startJob](const Result<Credentials> &credentials) {
        if (!credentials) {
            m_status->setText(credentials.error());
            m_backupButton->setEnabled(true);
            return;
        }
        startJob(credentials.value());
    });
}

void MainWindow::jobFinished(const JobResult &result)
{
    m_job->deleteLater();
    m_job = nullptr;
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    m_backupButton->setEnabled(true);
    m_status->setText(result.message);
    showHistory();
}

} // namespace lk

// The desktop application.
#include "TrayApp.h"

#include "FirstRunWizard.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "TrayIcon.h"
#include "present/HumanTime.h"

#include <QApplication>

#include <QMessageBox>
#include <algorithm>

namespace lk {

TrayApp::TrayApp(const QString &configPath, QObject *parent)
    : QObject(parent), m_config(configPath), m_reader(m_catalog.path()), m_historyWatcher(m_reader),
      m_configWatcher(m_config.path()), m_queue(&m_catalog), m_scheduler(&m_catalog),
      m_board(m_reader, [this](const Profile &profile) { return statusContext(profile); })
{
    // The jobs' records are written on this (the GUI) thread: another process's lock may hold
    // it only briefly (the command line's own writes take milliseconds), never the 5 s default.
    m_catalog.setBusyTimeout(kHistoryBusyTimeoutMs);
    m_tray = new TrayIcon(this);
    m_window = std::make_unique<MainWindow>(m_config, m_catalog, m_queue, m_scheduler);
    m_window->setStatusBoard(&m_board);
    connect(&m_board, &StatusBoard::changed, this, &TrayApp::renderTray);
    connect(&m_board, &StatusBoard::historyRead, this, [this] {
        refreshNextRuns(); // a success changes the next slot
        m_board.recompute();
        onStatusRead();
    });

    connect(m_tray, &TrayIcon::backUpNowRequested, this, &TrayApp::backUpNow);
    connect(m_tray, &TrayIcon::openRequested, this, &TrayApp::showWindow);
    connect(m_tray, &TrayIcon::restoreRequested, this, &TrayApp::showRestoreWizard);
    connect(m_window.get(), &MainWindow::warningsChanged, this, &TrayApp::updateTray);
    connect(m_tray, &TrayIcon::pauseToggled, this, [this](bool paused) {
        m_scheduler.setPaused(paused);
        updateTray();
    });
    connect(m_tray, &TrayIcon::quitRequested, this, &TrayApp::requestQuit);
    connect(m_tray, &TrayIcon::notifyOnSuccessToggled, this, [this](bool on) {
        m_config.refresh(); // keep what the CLI changed meanwhile
        m_config.setNotifyOnSuccess(on);
        m_notifier.setNotifyOnSuccess(on);
        if (Status s = m_config.save(); !s)
            m_window->setNotice(s.error);
    });
    connect(m_window.get(), &MainWindow::backUpNowRequested, this, &TrayApp::backUpNow);
    connect(m_window.get(), &MainWindow::newProfileRequested, this, &TrayApp::showFirstRunWizard);
    connect(m_window.get(), &MainWindow::profilesChanged, this, &TrayApp::reloadProfiles);

    connect(&m_scheduler, &Scheduler::due, this, &TrayApp::onDue);
    connect(&m_scheduler, &Scheduler::resumed, this, [this] { checkStaleness(); });
    connect(&m_scheduler, &Scheduler::historyProblemChanged, this, [this] {
        showProblems();
        updateTray();
    });
    connect(&m_queue, &BackupQueue::started, this, [this] {
        m_tray->setState(TrayIcon::State::Running, 0);
        m_activity.clear();
        m_board.recompute();
    });
    connect(&m_queue, &BackupQueue::progress, this,
            [this](const QString &, BackupJob::Phase phase, qint64 done, qint64 total) {
                const int percent = total > 0 ? static_cast<int>(done * 100 / total) : -1;
                m_tray->setState(TrayIcon::State::Running, percent);
                m_activity = percent >= 0
                                 //: %1 is a phase of a backup ("Uploading"), %2 its percent
                                 ? tr("%1 %2%").arg(BackupJob::phaseName(phase)).arg(percent)
                                 : BackupJob::phaseName(phase);
                m_board.recompute();
            });
    connect(&m_queue, &BackupQueue::deferred, this,
            [this](const QString &profile, const QString &) { m_scheduler.runDeferred(profile); });
    connect(&m_queue, &BackupQueue::finished, this, &TrayApp::onFinished);
    connect(&m_queue, &BackupQueue::idle, this, &TrayApp::updateTray); // leave "Running" behind
    connect(&m_notifier, &Notifier::notice, this, [this](const Notice &notice) {
        if (wants(notice))
            m_tray->showNotice(notice);
    });
    connect(m_tray, &TrayIcon::settingsRequested, this, &TrayApp::showSettings);
    connect(m_window.get(), &MainWindow::settingsRequested, this, &TrayApp::showSettings);

    m_staleness.setInterval(kStalenessCheckMs);
    connect(&m_staleness, &QTimer::timeout, this, &TrayApp::checkStaleness);
    connect(&m_historyWatcher, &HistoryWatcher::changed, this, &TrayApp::onHistoryChanged);
    connect(&m_configWatcher, &ConfigWatcher::changed, this, &TrayApp::onConfigChanged);
    // "3 minutes ago" and "in 5 minutes" age: rendered again every minute.
    m_relativeTimes.setInterval(60 * 1000);
    connect(&m_relativeTimes, &QTimer::timeout, this, [this] {
        refreshNextRuns();
        m_board.recompute();
    });
}

TrayApp::~TrayApp() = default;

void TrayApp::start()
{
    QStringList &problems = m_startProblems;
    if (Status s = m_catalog.open(); !s)
        problems.append(s.error);
    if (Status s = m_config.load(); !s)
        problems.append(s.error);
    if (!m_tray->isAvailable()) {
        problems.append(
            tr("The system tray is not available, so LiteKeep shows this window instead. "
               "Backups still run on schedule while LiteKeep is running."));
    }
    showProblems();
    m_notifier.setNotifyOnSuccess(m_config.notifyOnSuccess());
    m_tray->setNotifyOnSuccess(m_config.notifyOnSuccess());
    reloadProfiles();
    if (!m_tray->isAvailable())
        showWindow();
    if (m_config.profileNames().isEmpty())
        showFirstRunWizard();
    checkStaleness();
    m_staleness.start();
    // From here on, a run that another process finishes is news; the ones before are history.
    m_foreignRuns = ForeignRuns(QDateTime::currentDateTimeUtc());
    readRuns();
    m_historyWatcher.start();
    m_configWatcher.start();
    m_relativeTimes.start();
}

void TrayApp::showProblems()
{
    QStringList problems = m_startProblems;
    if (const QString &history = m_scheduler.historyProblem(); !history.isEmpty()) {
        problems.removeAll(history);
        problems.append(
            tr("%1 Backups still run on schedule, but LiteKeep cannot tell which ran: a "
               "profile whose last backup it cannot read is backed up once, then at its "
               "next scheduled time.")
                .arg(history));
    }
    m_window->setNotice(problems.join(QLatin1Char('\n')));
}

void TrayApp::reloadProfiles()
{
    QList<Profile> profiles;
    for (const QString &name : m_config.profileNames())
        profiles.append(*m_config.profile(name));
    m_tray->setProfiles(m_config.profileNames());
    m_scheduler.setProfiles(profiles);
    refreshNextRuns();
    m_board.setProfiles(profiles); // a removed profile's failure no longer turns the tray red
    m_window->reload();
    renderTray();
}

void TrayApp::showWindow()
{
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayApp::showRestoreWizard(const QString &profile)
{
    showWindow();
    m_window->selectProfile(profile);
    m_window->openRestoreWizard();
}

bool TrayApp::wants(const Notice &notice) const
{
    const Config::Notifications &n = m_config.notifications();
    switch (notice.kind) {
    case Notice::Kind::Failure:
        return n.failure;
    case Notice::Kind::Recovery:
        return n.recovery;
    case Notice::Kind::Stale:
    case Notice::Kind::Fresh:
        return n.stale;
    case Notice::Kind::Anomaly:
        return n.anomaly;
    case Notice::Kind::Success:
        return true; // the notifier only emits it when asked to
    }
    return true;
}

SettingsDialog *TrayApp::showSettings()
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return m_settings;
    }
    m_settings = new SettingsDialog(m_config, m_autostart, m_window.get());
    m_settings->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settings, &SettingsDialog::saved, this, [this] {
        m_notifier.setNotifyOnSuccess(m_config.notifyOnSuccess());
        m_tray->setNotifyOnSuccess(m_config.notifyOnSuccess());
        reloadProfiles();
    });
    m_settings->open();
    return m_settings;
}

void TrayApp::showFirstRunWizard()
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_wizard =
        new FirstRunWizard(m_config, m_queue, m_tray->isAvailable() ? nullptr : m_window.get());
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &FirstRunWizard::profileCreated, this, [this](const QString &name) {
        reloadProfiles();
        m_window->selectProfile(name);
    });
    m_wizard->show();
}

void TrayApp::backUpNow(const QString &name)
{
    if (const auto profile = m_config.profile(name))
        m_queue.enqueue(*profile, BackupQueue::Trigger::Manual);
}

void TrayApp::onDue(const Profile &profile)
{
    m_queue.setDeferrals(profile.name, m_scheduler.deferrals(profile.name));
    m_queue.enqueue(profile, BackupQueue::Trigger::Scheduled);
}

void TrayApp::onFinished(const QString &profile, const JobResult &result,
                         const QString &previousOutcome)
{
    if (result.outcome == JobResult::Outcome::Skipped) {
        // Another run (the command line, a systemd timer) holds the profile and records its
        // own outcome: nothing failed, nothing to tell, try again a little later.
        m_scheduler.runSkipped(profile);
        updateTray();
        return;
    }
    if (result.isSuccess())
        m_scheduler.runSucceeded(profile);
    else
        m_scheduler.runFailed(profile);
    showFinished(profile, result, previousOutcome);
}

void TrayApp::showFinished(const QString &profile, const JobResult &result,
                           const QString &previousOutcome)
{
    m_notifier.runFinished(profile, result, previousOutcome);
    m_board.read(); // its outcome, as recorded, within milliseconds
    checkStaleness();
}

void TrayApp::onHistoryChanged()
{
    readRuns();
    m_window->readHistory();
    updateTray();
}

void TrayApp::onConfigChanged()
{
    m_config.refresh(); // a file that cannot be read now keeps what was read before
    m_notifier.setNotifyOnSuccess(m_config.notifyOnSuccess());
    m_tray->setNotifyOnSuccess(m_config.notifyOnSuccess());
    reloadProfiles();
    readRuns();
}

namespace {
// A profile's newest runs and open warnings; an empty part could not be read.
struct RunsReading
{
    QString profile;
    std::optional<QList<RunRecord>> runs;
    QList<AnomalyRecord> openWarnings;
};
} // namespace

void TrayApp::readRuns()
{
    if (m_runsReading) {
        m_runsAgain = true;
        return;
    }
    m_runsReading = true;
    m_reader.run(
        this,
        [names = m_config.profileNames()](const Catalog &catalog) {
            QList<RunsReading> readings;
            for (const QString &name : names) {
                RunsReading r{name, std::nullopt, {}};
                if (const auto runs = catalog.readRuns(name, ForeignRuns::kRuns))
                    r.runs = runs.value();
                if (const auto warnings = catalog.readOpenAnomalies(name))
                    r.openWarnings = warnings.value();
                readings.append(r);
            }
            return readings;
        },
        [this](const QList<RunsReading> &readings) {
            m_runsReading = false;
            bool foreign = false;
            for (const RunsReading &r : readings) {
                if (!r.runs || !m_config.profile(r.profile))
                    continue; // unknown is not "nothing ran"; a removed profile is not shown
                const QList<ForeignRuns::Finished> finished =
                    m_foreignRuns.take(r.profile, *r.runs, r.openWarnings,
                                       [this](qint64 id) { return m_catalog.recordedHere(id); });
                for (const ForeignRuns::Finished &f : finished) {
                    showFinished(f.profile, f.result, f.previousOutcome);
                    foreign = true;
                }
            }
            if (foreign)
                m_scheduler.evaluate(); // a backup made elsewhere may be the one it owed
            if (m_runsAgain) {
                m_runsAgain = false;
                readRuns();
            } else {
                Q_EMIT runsRead();
            }
        });
}

void TrayApp::checkStaleness()
{
    if (m_stalenessReading) {
        m_stalenessAgain = true;
        return;
    }
    m_stalenessReading = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_reader.run(
        this,
        [names = m_config.profileNames()](const Catalog &catalog) {
            QHash<QString, QDateTime> newest; // a profile that could not be read is not in it
            for (const QString &name : names) {
                if (const auto read = Notifier::readNewestVerifiedGeneration(catalog, name))
                    newest.insert(name, read.value());
            }
            return newest;
        },
        [this, now](const QHash<QString, QDateTime> &newest) {
            m_stalenessReading = false;
            for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
                // Unknown is not "old": the history problem is shown instead.
                if (const auto p = m_config.profile(it.key()))
                    m_notifier.checkStaleness(it.key(), it.value(), p->staleHours, now,
                                              p->createdUtc);
            }
            renderTray();
            if (m_stalenessAgain) {
                m_stalenessAgain = false;
                checkStaleness();
            } else {
                onStatusRead();
            }
        });
}

void TrayApp::onStatusRead()
{
    if (!m_stalenessReading && !m_board.isReading())
        Q_EMIT historyRead();
}

ProfileStatus::Context TrayApp::statusContext(const Profile &profile) const
{
    ProfileStatus::Context context;
    context.now = QDateTime::currentDateTimeUtc();
    context.nextRunUtc = m_nextRuns.value(profile.name);
    context.paused = m_scheduler.isPaused();
    context.running = m_queue.isBusy() && m_queue.currentProfile() == profile.name;
    context.activity = m_activity;
    return context;
}

void TrayApp::refreshNextRuns()
{
    m_nextRuns.clear();
    for (const QString &name : m_config.profileNames())
        m_nextRuns.insert(name, m_scheduler.nextRun(name));
}

void TrayApp::updateTray()
{
    refreshNextRuns();
    m_board.recompute(); // the schedule or the queue changed: rendered through the board
    m_board.read();
}

void TrayApp::renderTray()
{
    using State = ProfileStatus::State;
    bool wrong = !m_scheduler.historyProblem().isEmpty() || m_board.any(State::Warning) ||
                 m_board.any(State::Unknown);
    for (const QString &name : m_config.profileNames())
        wrong = wrong || m_notifier.isStale(name);
    if (!m_queue.isBusy())
        m_tray->setState(m_board.any(State::Failed) ? TrayIcon::State::Failed
                         : wrong                    ? TrayIcon::State::Warning
                                                    : TrayIcon::State::Idle);
    const HumanTime times = HumanTime::current();
    QStringList lines;
    for (const ProfileStatus &status : m_board.statuses())
        //: the tray's line for one profile: %1 is its name, %2 its state in a few words
        lines.append(tr("%1: %2").arg(status.profile, status.line(times)));
    QDateTime soonest;
    for (const QDateTime &when : std::as_const(m_nextRuns)) {
        if (when.isValid() && (!soonest.isValid() || when < soonest))
            soonest = when;
    }
    const QString next = ProfileStatus::nextRun(times, soonest, m_scheduler.isPaused());
    if (!m_scheduler.historyProblem().isEmpty())
        lines.append(tr("The run history cannot be read (see the window)."));
    m_tray->setPaused(m_scheduler.isPaused());
    m_tray->setStatusText(lines, next);
}

void TrayApp::requestQuit()
{
    if (!m_queue.isBusy()) {
        QApplication::quit();
        return;
    }
    // Asked without a nested event loop: the answer arrives as a signal.
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Quit LiteKeep?"),
        tr("A backup of \"%1\" is running. Quit and cancel it?").arg(m_queue.currentProfile()),
        QMessageBox::Yes | QMessageBox::No, m_window.get());
    box->setObjectName(QStringLiteral("quitWhileRunning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int answer) {
        if (answer != QMessageBox::Yes)
            return;
        connect(&m_queue, &BackupQueue::idle, qApp, &QApplication::quit);
        m_queue.cancelAll(); // the backups still waiting would otherwise run first
        Q_EMIT quitting();
    });
    box->open();
}

} // namespace lk

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
      m_configWatcher(m_config.path()), m_queue(&m_catalog), m_scheduler(&m_catalog)
{
    // The jobs' records are written on this (the GUI) thread: another process's lock may hold
    // it only briefly (the command line's own writes take milliseconds), never the 5 s default.
    m_catalog.setBusyTimeout(kHistoryBusyTimeoutMs);
    m_tray = new TrayIcon(this);
    m_window = std::make_unique<MainWindow>(m_config, m_catalog, m_queue, m_scheduler);

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
    connect(&m_queue, &BackupQueue::started, this,
            [this] { m_tray->setState(TrayIcon::State::Running, 0); });
    connect(&m_queue, &BackupQueue::progress, this,
            [this](const QString &, BackupJob::Phase, qint64 done, qint64 total) {
                m_tray->setState(TrayIcon::State::Running,
                                 total > 0 ? static_cast<int>(done * 100 / total) : -1);
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
    connect(&m_relativeTimes, &QTimer::timeout, this, &TrayApp::renderTray);
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
    const QStringList names = m_config.profileNames();
    const auto removed = [&names](auto it) { return !names.contains(it.key()); };
    m_failed.removeIf(removed); // a removed profile's failure no longer turns the tray red
    m_openWarning.removeIf(removed);
    m_tray->setProfiles(m_config.profileNames());
    m_window->reload();
    m_scheduler.setProfiles(profiles);
    updateTray();
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
    m_failed.insert(profile, result.outcome == JobResult::Outcome::Failed);
    m_lastRun = LastRun{profile, result.outcome, QDateTime::currentDateTimeUtc()};
    renderTray(); // the outcome at once, not after the queue's next turn or the next read
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
                if (!m_failed.contains(r.profile)) {
                    // The first look: the tray says how the last backup ended, even after a
                    // restart. Later, the runs' own results say it.
                    for (const RunRecord &run : *r.runs) {
                        if (run.kind == QLatin1String("backup") && ForeignRuns::resultOf(run)) {
                            m_failed.insert(r.profile, run.outcome == QLatin1String("failed"));
                            break;
                        }
                    }
                }
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
            renderTray();
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
    readHistory(true);
}

namespace {
// What the tray learns of one profile from the history; an empty part could not be read.
struct TrayReading
{
    QString profile;
    std::optional<QDateTime> newestVerified;
    std::optional<bool> openWarning;
};
} // namespace

void TrayApp::readHistory(bool staleness)
{
    if (m_reading) {
        m_readAgain = true;
        m_againStaleness = m_againStaleness || staleness;
        return;
    }
    m_reading = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_reader.run(
        this,
        [names = m_config.profileNames(), staleness](const Catalog &catalog) {
            QList<TrayReading> readings;
            for (const QString &name : names) {
                TrayReading r{name, std::nullopt, std::nullopt};
                if (staleness) {
                    if (const auto read = Notifier::readNewestVerifiedGeneration(catalog, name))
                        r.newestVerified = read.value();
                }
                if (const auto warnings = catalog.readOpenAnomalies(name))
                    r.openWarning = !warnings.value().isEmpty();
                readings.append(r);
            }
            return readings;
        },
        [this, now](const QList<TrayReading> &readings) {
            m_reading = false;
            for (const TrayReading &r : readings) {
                if (r.openWarning)
                    m_openWarning.insert(r.profile, *r.openWarning);
                const auto p = m_config.profile(r.profile);
                // Unknown is not "old": the history problem is shown instead.
                if (r.newestVerified && p)
                    m_notifier.checkStaleness(r.profile, *r.newestVerified, p->staleHours, now,
                                              p->createdUtc);
            }
            renderTray();
            if (m_readAgain) {
                const bool alsoStaleness = m_againStaleness;
                m_readAgain = m_againStaleness = false;
                readHistory(alsoStaleness);
            } else {
                Q_EMIT historyRead();
            }
        });
}

void TrayApp::updateTray()
{
    renderTray();
    readHistory(false);
}

void TrayApp::renderTray()
{
    bool stale = !m_scheduler.historyProblem().isEmpty(); // or a warning about lost rows still open
    for (const QString &name : m_config.profileNames())
        stale = stale || m_notifier.isStale(name) || m_openWarning.value(name);
    if (!m_queue.isBusy())
        m_tray->setState(
            std::any_of(m_failed.cbegin(), m_failed.cend(), [](bool failed) { return failed; })
                ? TrayIcon::State::Failed
            : stale ? TrayIcon::State::Warning
                    : TrayIcon::State::Idle);
    const HumanTime times = HumanTime::current();
    QString last;
    if (m_lastRun) {
        const QString ago = times.ago(m_lastRun->finishedUtc);
        last = m_lastRun->outcome == JobResult::Outcome::Succeeded
                   //: %1 is the profile, %2 when ("3 hours ago", "yesterday at 02:00")
                   ? tr("Last backup: %1 succeeded %2").arg(m_lastRun->profile, ago)
                   : m_lastRun->outcome == JobResult::Outcome::Failed
                         ? tr("Last backup: %1 FAILED %2").arg(m_lastRun->profile, ago)
                         : tr("Last backup: %1 cancelled %2").arg(m_lastRun->profile, ago);
    }
    QString next;
    QDateTime soonest;
    for (const QString &name : m_config.profileNames()) {
        const QDateTime when = m_scheduler.nextRun(name);
        if (when.isValid() && (!soonest.isValid() || when < soonest))
            soonest = when;
    }
    if (m_scheduler.isPaused())
        next = tr("Schedules are paused");
    else if (soonest.isValid())
        next = tr("Next backup: %1").arg(times.ahead(soonest));
    if (!m_scheduler.historyProblem().isEmpty())
        next += QLatin1Char('\n') + tr("The run history cannot be read (see the window).");
    m_tray->setPaused(m_scheduler.isPaused());
    m_tray->setStatusText(last, next);
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

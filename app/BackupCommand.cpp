// litekeep backup [--profile NAME]
#include "BackupCommand.h"

#include "SignalWatcher.h"
#include "backup/BackupJob.h"
#include "backup/RunProgress.h"
#include "notify/Pinger.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>

namespace lk {

void BackupCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("The profile to back up."),
                                           tr("NAME"), QStringLiteral("default"));
    const QCommandLineOption noVerify(
        QStringLiteral("no-verify"),
        tr("Skip verifying the new generation (and so retention) for this run."));
    parser.addOptions({profileOption, noVerify});
    if (!parse(parser, arguments))
        return;
    // From here on Ctrl+C cancels: before the job exists (settings, keychain) it is cancelled
    // as soon as it starts, so the run still ends with its one sentence and history record.
    auto *signals_ = new SignalWatcher(this);
    connect(signals_, &SignalWatcher::interrupted, this, [this](int signal) {
        if (m_interrupted != Job::CancelReason::None)
            return;
        m_interrupted = SignalWatcher::reasonFor(signal);
        m_progress.clear();
        m_ctx.err(tr("Cancelling…"));
        if (m_job)
            m_job->cancel(m_interrupted);
    });
    m_verify = !parser.isSet(noVerify);
    if (!parser.positionalArguments().isEmpty()) {
        finish(m_ctx.usageError(tr("Usage: litekeep backup [--profile NAME]")));
        return;
    }
    const auto profile = loadProfile(parser.value(profileOption));
    if (!profile)
        return;

    m_catalog = std::make_unique<Catalog>();
    if (Status s = m_catalog->open(); !s) {
        m_ctx.err(tr("warning: the run will not be recorded in the history: %1").arg(s.error));
        m_catalog.reset();
    }

    if (!profile->parsedDestination().value().isS3()) {
        startJob(*profile, {});
        return;
    }
    m_store.read(*profile, [this, p = *profile](const Result<Credentials> &credentials) {
        if (!credentials) {
            // Still a run that failed: on record like any other.
            if (m_catalog)
                m_catalog->recordRefusedRun(p.name, QStringLiteral("backup"),
                                            JobResult::failed(credentials.error()));
            finish(m_ctx.failure(credentials.error(), {{QStringLiteral("profile"), p.name}}));
            return;
        }
        startJob(p, credentials.value());
    });
}

void BackupCommand::startJob(const Profile &profile, const Credentials &credentials)
{
    m_job = new BackupJob(profile, credentials, m_catalog.get(), this);
    if (!m_verify)
        m_job->setVerify(false);
    // One percentage over the whole run, weighed with what this profile's earlier backups
    // measured: the compression ratio and the speeds.
    const qint64 databaseBytes = QFileInfo(profile.databasePath).size();
    const auto last = m_catalog ? m_catalog->lastRun(profile.name, QStringLiteral("backup"),
                                                     QStringLiteral("succeeded"))
                                : std::nullopt;
    const double ratio =
        last && last->dbSize > 0 ? double(last->gzSize) / double(last->dbSize) : 0.3;
    auto overall = std::make_shared<RunProgress>(
        databaseBytes, qint64(double(databaseBytes) * ratio),
        m_catalog ? m_catalog->uploadSpeed(profile.name) : std::nullopt, m_verify);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(m_job, &BackupJob::progress, this,
            [this, overall, clock](BackupJob::Phase phase, qint64 done, qint64 total) {
                overall->update(phase, done, total, clock->elapsed());
                m_progress.update({BackupJob::phaseName(phase), overall->percent(),
                                   overall->bytesPerSecond(), overall->remainingMs()});
            });
    // Healthcheck "/start" first, then the job; the result pings follow "/start" (never
    // before it), and a dead endpoint only delays LiteKeep's exit, never the backup.
    auto *startPinger = new Pinger(this);
    startPinger->pingStart(QUrl(profile.pingUrl));
    connect(m_job, &BackupJob::finished, this,
            [this, profile, startPinger](const JobResult &result) {
                auto sendResult = [this, profile, result] {
                    auto *pinger = new Pinger(this);
                    pinger->reportResult(profile, result);
                    if (pinger->isIdle()) {
                        report(result);
                        return;
                    }
                    connect(pinger, &Pinger::idle, this, [this, result] { report(result); });
                };
                if (startPinger->isIdle())
                    sendResult();
                else
                    connect(startPinger, &Pinger::idle, this, sendResult);
            });
    m_job->start();
    m_job->cancel(m_interrupted); // a signal before the job existed (None: nothing)
}

void BackupCommand::report(const JobResult &result)
{
    m_progress.clear();
    finish(m_ctx.report(result));
}

} // namespace lk

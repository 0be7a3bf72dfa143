// litekeep prune [--profile NAME] [--dry-run] [--include-damaged]
#include "PruneCommand.h"

#include "SignalWatcher.h"
#include "generations/PruneJob.h"

#include <QJsonArray>

namespace lk {

void PruneCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("The profile."),
                                           tr("NAME"), QStringLiteral("default"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    tr("Print the plan; delete nothing."));
    const QCommandLineOption includeDamaged(
        QStringLiteral("include-damaged"),
        tr("Also delete damaged generations (a manifest that does not parse or does not match its "
           "data) that retention no longer keeps."));
    parser.addOptions({profileOption, dryRun, includeDamaged});
    if (!parse(parser, arguments))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        finish(m_ctx.usageError(
            tr("Usage: litekeep prune [--profile NAME] [--dry-run] [--include-damaged]")));
        return;
    }
    const bool dry = parser.isSet(dryRun);
    const bool damaged = parser.isSet(includeDamaged);
    resolve(parser.value(profileOption), [this, dry, damaged](const Profile &profile,
                                                              const Credentials &credentials) {
        // A history that cannot be opened still goes to the job: its readers then fail with
        // why, and the job deletes nothing (it never decides from an empty answer).
        m_catalog = std::make_unique<Catalog>();
        m_catalog->open();
        auto *job = new PruneJob(profile, credentials, m_catalog.get(), dry,
                                 PruneJob::Locking::TakeLock, this);
        job->setIncludeDamaged(damaged);
        auto *signals_ = new SignalWatcher(job);
        signals_->cancels(job);
        connect(job, &PruneJob::finished, this, [this, dry](const JobResult &result) {
            const int code = m_ctx.report(result, [this, dry, result] {
                const QJsonArray plan = result.details.value(QLatin1String("plan")).toArray();
                for (const QJsonValue &value : plan) {
                    const QJsonObject d = value.toObject();
                    const bool keep = d.value(QLatin1String("keep")).toBool();
                    m_ctx.out(QStringLiteral("%1  %2  %3")
                                  .arg(keep  ? tr("keep  ")
                                       : dry ? tr("would delete")
                                             : tr("delete"),
                                       d.value(QLatin1String("generation")).toString(),
                                       d.value(QLatin1String("reason")).toString()));
                }
            });
            finish(code);
        });
        job->start();
    });
}

} // namespace lk

// litekeep verify [--profile NAME] [GENERATION | --latest | --all | --drill]
#include "VerifyCommand.h"

#include "SignalWatcher.h"
#include "verify/VerifyJob.h"

#include <QJsonArray>

namespace lk {

void VerifyCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("The profile."),
                                           tr("NAME"), QStringLiteral("default"));
    const QCommandLineOption latest(QStringLiteral("latest"),
                                    tr("The newest generation (the default)."));
    const QCommandLineOption all(QStringLiteral("all"), tr("Every generation."));
    const QCommandLineOption drill(
        QStringLiteral("drill"),
        tr("A restore drill: the newest and one random older generation."));
    parser.addOptions({profileOption, latest, all, drill});
    if (!parse(parser, arguments))
        return;
    const QStringList names = parser.positionalArguments();
    const int chosen =
        (names.isEmpty() ? 0 : 1) + parser.isSet(latest) + parser.isSet(all) + parser.isSet(drill);
    if (chosen > 1 || names.size() > 1) {
        finish(m_ctx.usageError(tr(
            "Usage: litekeep verify [--profile NAME] [GENERATION | --latest | --all | --drill]")));
        return;
    }
    const VerifyJob::Selection selection = !names.isEmpty()      ? VerifyJob::Selection::One
                                           : parser.isSet(all)   ? VerifyJob::Selection::All
                                           : parser.isSet(drill) ? VerifyJob::Selection::Drill
                                                                 : VerifyJob::Selection::Latest;
    const QString generation = names.value(0);

    resolve(parser.value(profileOption), [this, selection,
                                          generation](const Profile &profile,
                                                      const Credentials &credentials) {
        m_catalog = std::make_unique<Catalog>();
        if (!m_catalog->open())
            m_catalog.reset();
        auto *job = new VerifyJob(profile, credentials, m_catalog.get(), selection, generation,
                                  VerifyJob::Locking::TakeLock, this);
        auto *signals_ = new SignalWatcher(job);
        signals_->cancels(job);
        connect(job, &VerifyJob::progress, this,
                [this](int index, int count, const QString &name, qint64 done, qint64 total) {
                    m_progress.update(tr("Verifying %1 (%2/%3)").arg(name).arg(index).arg(count),
                                      done, total);
                });
        connect(job, &VerifyJob::finished, this, [this](const JobResult &result) {
            m_progress.clear();
            const QJsonArray results = result.details.value(QLatin1String("results")).toArray();
            const int code = m_ctx.report(result, [this, results] {
                for (const QJsonValue &value : results) {
                    const QJsonObject r = value.toObject();
                    const QString verdict = r.value(QLatin1String("verdict")).toString();
                    const QString name = r.value(QLatin1String("generation")).toString();
                    const QString reason = r.value(QLatin1String("reason")).toString();
                    if (verdict == QLatin1String("passed") && !reason.isEmpty())
                        m_ctx.out(tr("%1: passed; %2").arg(name, reason));
                    else if (verdict == QLatin1String("passed"))
                        m_ctx.out(tr("%1: passed").arg(name));
                    else if (verdict == QLatin1String("failed"))
                        m_ctx.out(tr("%1: FAILED: %2").arg(name, reason));
                    else if (verdict == QLatin1String("newer-format"))
                        m_ctx.out(tr("%1: skipped: %2").arg(name, reason));
                    else
                        m_ctx.out(tr("%1: not checked: %2").arg(name, reason));
                }
            });
            finish(code);
        });
        job->start();
    });
}

} // namespace lk

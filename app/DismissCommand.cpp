// litekeep dismiss [--profile NAME] (GENERATION | --all)
#include "DismissCommand.h"

#include "history/Catalog.h"

#include <QJsonArray>

namespace lk {

void DismissCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("The profile."),
                                           tr("NAME"), QStringLiteral("default"));
    const QCommandLineOption allOption(QStringLiteral("all"), tr("Dismiss every open warning."));
    parser.addOptions({profileOption, allOption});
    if (!parse(parser, arguments))
        return;
    const QStringList positional = parser.positionalArguments();
    const bool all = parser.isSet(allOption);
    if (all == (positional.size() == 1) || positional.size() > 1) {
        finish(
            m_ctx.usageError(tr("Usage: litekeep dismiss [--profile NAME] (GENERATION | --all)")));
        return;
    }
    const auto profile = loadProfile(parser.value(profileOption));
    if (!profile)
        return;

    Catalog catalog;
    if (const Status opened = catalog.open(); !opened) {
        finish(m_ctx.failure(opened.error, {{QStringLiteral("profile"), profile->name}}));
        return;
    }
    const QList<AnomalyRecord> open = catalog.openAnomalies(profile->name);
    QList<AnomalyRecord> chosen;
    for (const AnomalyRecord &a : open) {
        if (all || a.generation == positional.first())
            chosen.append(a);
    }
    if (!all && chosen.isEmpty()) {
        QStringList names;
        for (const AnomalyRecord &a : open)
            names.append(a.generation);
        finish(m_ctx.usageError(
            names.isEmpty()
                ? tr("Profile \"%1\" has no open warnings.").arg(profile->name)
                : tr("There is no open warning about %1. Open warnings of profile \"%2\": %3.")
                      .arg(positional.first(), profile->name, names.join(QLatin1String(", ")))));
        return;
    }

    QJsonArray dismissed;
    QJsonArray unpinned;
    for (const AnomalyRecord &a : std::as_const(chosen)) {
        if (const Status s = catalog.dismissAnomaly(profile->name, a.generation); !s) {
            finish(m_ctx.failure(s.error, {{QStringLiteral("profile"), profile->name},
                                           {QStringLiteral("dismissed"), dismissed}}));
            return;
        }
        dismissed.append(a.generation);
        if (!catalog.pinnedGenerations(profile->name).contains(a.previousGeneration))
            unpinned.append(a.previousGeneration);
    }

    QString message;
    if (chosen.isEmpty())
        message = tr("Profile \"%1\" has no open warnings.").arg(profile->name);
    else if (chosen.size() == 1)
        message =
            tr("Dismissed the warning about %1; retention now treats %2 like any other backup.")
                .arg(chosen.first().generation, chosen.first().previousGeneration);
    else
        message = tr("Dismissed %n warning(s); retention now treats the backups they kept like any "
                     "other.",
                     nullptr, int(chosen.size()));
    JobResult result = JobResult::succeeded(message, {{QStringLiteral("profile"), profile->name},
                                                      {QStringLiteral("dismissed"), dismissed},
                                                      {QStringLiteral("unpinned"), unpinned}});
    finish(m_ctx.report(result));
}

} // namespace lk

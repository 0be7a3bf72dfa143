// litekeep dismiss [--profile NAME] (GENERATION | --all)
#include "DismissCommand.h"

#include "storage/Storage.h"

#include <QJsonArray>

#include <algorithm>

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
    const QString wanted = all ? QString() : positional.first();
    resolve(parser.value(profileOption), [this, all, wanted](const Profile &profile,
                                                             const Credentials &credentials) {
        m_catalog = std::make_unique<Catalog>();
        if (const Status opened = m_catalog->open(); !opened) {
            finish(m_ctx.failure(opened.error, {{QStringLiteral("profile"), profile.name}}));
            return;
        }
        const auto open = m_catalog->readOpenAnomalies(profile.name);
        if (!open) {
            finish(m_ctx.failure(open.error(), {{QStringLiteral("profile"), profile.name}}));
            return;
        }
        m_storage = new Storage(profile, profile.parsedDestination().value(), credentials, this);
        m_pins = new DestinationPins(m_storage, profile.name, this);
        m_pins->read(
            [this, profile, all, wanted, open = open.value()](const Result<QList<Pin>> &remote) {
                withPins(profile, all, wanted, open, remote);
            });
    });
}

// The warnings are those of the history and those of the destination's pins; each chosen one
// is dismissed in the history first (where it is known there), then on the destination.
void DismissCommand::withPins(const Profile &profile, bool all, const QString &wanted,
                              const QList<AnomalyRecord> &open, const Result<QList<Pin>> &remote)
{
    const QJsonObject named{{QStringLiteral("profile"), profile.name}};
    QList<Warning> warnings;
    for (const AnomalyRecord &a : open)
        warnings.append({a.generation, a.previousGeneration, true, false});
    for (const Pin &pin : remote ? remote.value() : QList<Pin>()) {
        auto known = std::find_if(warnings.begin(), warnings.end(), [&pin](const Warning &w) {
            return w.generation == pin.pinnedBy;
        });
        if (known != warnings.end())
            known->onDestination = true;
        else
            warnings.append({pin.pinnedBy, pin.generation, false, true});
    }
    QList<Warning> chosen;
    QSet<QString> stillPinned;
    for (const Warning &w : std::as_const(warnings)) {
        if (all || w.generation == wanted)
            chosen.append(w);
        else
            stillPinned.insert(w.previousGeneration);
    }
    if (!remote && std::none_of(chosen.cbegin(), chosen.cend(),
                                [](const Warning &w) { return w.inHistory; })) {
        finish(m_ctx.failure(tr("%1 Nothing was dismissed.").arg(remote.error()), named));
        return;
    }
    if (!all && chosen.isEmpty()) {
        QStringList names;
        for (const Warning &w : std::as_const(warnings))
            names.append(w.generation);
        finish(m_ctx.usageError(
            names.isEmpty()
                ? tr("Profile \"%1\" has no open warnings.").arg(profile.name)
                : tr("There is no open warning about %1. Open warnings of profile \"%2\": %3.")
                      .arg(wanted, profile.name, names.join(QLatin1String(", ")))));
        return;
    }

    QJsonArray dismissed;
    for (const Warning &w : std::as_const(chosen)) {
        if (!w.inHistory)
            continue;
        if (const Status s = m_catalog->dismissAnomaly(profile.name, w.generation); !s) {
            finish(m_ctx.failure(s.error, {{QStringLiteral("profile"), profile.name},
                                           {QStringLiteral("dismissed"), dismissed}}));
            return;
        }
        dismissed.append(w.generation);
    }
    const auto onlyHere = [this, named, dismissed](const QString &why) {
        QJsonObject details = named;
        details.insert(QStringLiteral("dismissed"), dismissed);
        finish(m_ctx.failure(
            dismissed.isEmpty()
                ? tr("%1 Nothing was dismissed.").arg(why)
                : tr("The warning was dismissed in this machine's history only. %1 Retention keeps "
                     "what it kept until \"litekeep dismiss\" is run again and succeeds.")
                      .arg(why),
            details));
    };
    if (!remote) {
        onlyHere(remote.error());
        return;
    }
    if (std::none_of(chosen.cbegin(), chosen.cend(),
                     [](const Warning &w) { return w.onDestination; })) {
        report(profile, chosen, dismissed, stillPinned);
        return;
    }
    QList<Pin> left = remote.value();
    left.removeIf([&chosen](const Pin &pin) {
        return std::any_of(chosen.cbegin(), chosen.cend(),
                           [&pin](const Warning &w) { return w.generation == pin.pinnedBy; });
    });
    m_pins->write(left,
                  [this, profile, chosen, dismissed, stillPinned, onlyHere](const Status &written) {
                      if (!written) {
                          onlyHere(written.error);
                          return;
                      }
                      QJsonArray everywhere = dismissed;
                      for (const Warning &w : chosen) {
                          if (!w.inHistory)
                              everywhere.append(w.generation);
                      }
                      report(profile, chosen, everywhere, stillPinned);
                  });
}

void DismissCommand::report(const Profile &profile, const QList<Warning> &chosen,
                            const QJsonArray &dismissed, const QSet<QString> &stillPinned)
{
    QJsonArray unpinned;
    for (const Warning &w : chosen) {
        if (!stillPinned.contains(w.previousGeneration) && !unpinned.contains(w.previousGeneration))
            unpinned.append(w.previousGeneration);
    }
    QString message;
    if (chosen.isEmpty())
        message = tr("Profile \"%1\" has no open warnings.").arg(profile.name);
    else if (chosen.size() == 1)
        message =
            tr("Dismissed the warning about %1; retention now treats %2 like any other backup.")
                .arg(chosen.first().generation, chosen.first().previousGeneration);
    else
        message = tr("Dismissed %n warning(s); retention now treats the backups they kept like any "
                     "other.",
                     nullptr, int(chosen.size()));
    JobResult result = JobResult::succeeded(message, {{QStringLiteral("profile"), profile.name},
                                                      {QStringLiteral("dismissed"), dismissed},
                                                      {QStringLiteral("unpinned"), unpinned}});
    finish(m_ctx.report(result));
}

} // namespace lk

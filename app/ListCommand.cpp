// litekeep list [--profile NAME]
#include "ListCommand.h"

#include "generations/GenerationLister.h"
#include "history/Catalog.h"
#include "present/HumanTime.h"

#include <QJsonArray>
#include <QLocale>
#include <QSet>

namespace lk {

namespace {
QString age(const QDateTime &then, const QDateTime &now)
{
    const qint64 seconds = then.secsTo(now);
    if (seconds < 3600)
        return ListCommand::tr("%n min", nullptr, static_cast<int>(seconds / 60));
    if (seconds < 2 * 86400)
        return ListCommand::tr("%n h", nullptr, static_cast<int>(seconds / 3600));
    return ListCommand::tr("%n d", nullptr, static_cast<int>(seconds / 86400));
}
} // namespace

void ListCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("The profile."),
                                           tr("NAME"), QStringLiteral("default"));
    parser.addOption(profileOption);
    if (!parse(parser, arguments))
        return;
    resolve(parser.value(profileOption), [this](const Profile &profile,
                                                const Credentials &credentials) {
        m_lister = new GenerationLister(profile, credentials, this);
        m_lister->list(
            [this, profile](const QList<Generation> &generations, const Storage::Failure &f) {
                if (!f.message.isEmpty()) {
                    finish(m_ctx.failure(f.message, {{QStringLiteral("profile"), profile.name}}));
                    return;
                }
                print(profile, generations);
                finish(ExitOk);
            });
    });
}

void ListCommand::print(const Profile &profile, const QList<Generation> &generations)
{
    Catalog catalog;
    const bool haveHistory = bool(catalog.open());
    const auto verifications = haveHistory ? catalog.latestVerifications(profile.name)
                                           : QHash<QString, VerificationRecord>();
    const QSet<QString> anomalous =
        haveHistory ? catalog.anomalousGenerations(profile.name) : QSet<QString>();
    const QSet<QString> pinned =
        haveHistory ? catalog.pinnedGenerations(profile.name) : QSet<QString>();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QLocale locale;
    const HumanTime times = HumanTime::current();

    QJsonArray array;
    for (const Generation &g : generations) {
        QJsonObject entry{{QStringLiteral("generation"), g.baseName()},
                          {QStringLiteral("created"), g.name.createdUtc().toString(Qt::ISODate)},
                          {QStringLiteral("state"), Generation::stateName(g.state)}};
        if (!g.problem.isEmpty())
            entry.insert(QStringLiteral("problem"), g.problem);
        if (g.hasData)
            entry.insert(QStringLiteral("gz_size"), g.dataSize);
        if (g.manifest) {
            entry.insert(QStringLiteral("db_size"), g.manifest->dbSize);
            entry.insert(QStringLiteral("page_count"), g.manifest->database.pageCount);
        }
        const auto v = verifications.constFind(g.baseName());
        QString verification = tr("never verified");
        if (v != verifications.cend()) {
            entry.insert(QStringLiteral("verification"),
                         QJsonObject{{QStringLiteral("passed"), v->passed},
                                     {QStringLiteral("at"), v->checkedUtc.toString(Qt::ISODate)},
                                     {QStringLiteral("reason"), v->reason},
                                     {QStringLiteral("kind"), v->kind}});
            const QString when = times.ago(v->checkedUtc);
            verification =
                v->passed ? tr("passed %1").arg(when) : tr("FAILED %1: %2").arg(when, v->reason);
        }
        if (anomalous.contains(g.baseName()))
            entry.insert(QStringLiteral("warning"), true);
        if (pinned.contains(g.baseName()))
            entry.insert(QStringLiteral("pinned"), true);
        array.append(entry);

        if (m_ctx.json())
            continue;
        QString line = QStringLiteral("%1  %2  %3")
                           .arg(g.baseName(), times.dateTime(g.name.createdUtc()),
                                age(g.name.createdUtc(), now));
        if (g.isComplete())
            line += QStringLiteral("  %1 → %2  %3  %4")
                        .arg(locale.formattedDataSize(g.manifest->dbSize),
                             locale.formattedDataSize(g.manifest->gzSize),
                             tr("%n page(s)", nullptr,
                                static_cast<int>(g.manifest->database.pageCount)),
                             verification);
        else
            line += QStringLiteral("  [%1] %2")
                        .arg(Generation::stateName(g.state).toUpper(), g.problem);
        if (anomalous.contains(g.baseName()))
            line +=
                QStringLiteral("  ") + tr("[WARNING: tables lost rows; see \"litekeep status\"]");
        if (pinned.contains(g.baseName()))
            line += QStringLiteral("  ") + tr("[kept until the warning is dismissed]");
        m_ctx.out(line);
    }
    if (m_ctx.json())
        m_ctx.printJson({{QStringLiteral("ok"), true},
                         {QStringLiteral("profile"), profile.name},
                         {QStringLiteral("destination"), profile.destination},
                         {QStringLiteral("generations"), array}});
    else if (generations.isEmpty())
        m_ctx.out(tr("No generations on %1 yet.").arg(profile.destination));
}

} // namespace lk

// litekeep status [--profile NAME]
#include "StatusCommand.h"

#include "history/Catalog.h"
#include "history/ProfileHistory.h"
#include "present/HumanTime.h"
#include "present/ProfileStatus.h"
#include "schedule/Schedule.h"

#include <QJsonArray>
#include <QLocale>
#include <algorithm>

namespace lk {

namespace {
QJsonObject runJson(const RunRecord &r)
{
    QJsonObject json{
        {QStringLiteral("started"), r.startedUtc.toString(Qt::ISODate)},
        {QStringLiteral("outcome"), r.outcome},
        {QStringLiteral("message"), r.message},
    };
    if (r.finishedUtc.isValid())
        json.insert(QStringLiteral("finished"), r.finishedUtc.toString(Qt::ISODate));
    if (!r.generation.isEmpty()) {
        json.insert(QStringLiteral("generation"), r.generation);
        json.insert(QStringLiteral("db_size"), r.dbSize);
        json.insert(QStringLiteral("gz_size"), r.gzSize);
    }
    return json;
}
} // namespace

void StatusCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           tr("Only this profile (default: all)."), tr("NAME"));
    parser.addOption(profileOption);
    if (!parse(parser, arguments))
        return;
    if (!m_ctx.loadConfig()) {
        finish(ExitUsage);
        return;
    }
    QStringList names = m_ctx.config().profileNames();
    if (parser.isSet(profileOption)) {
        if (!m_ctx.requireProfile(parser.value(profileOption))) {
            finish(ExitUsage);
            return;
        }
        names = {parser.value(profileOption)};
    }

    Catalog catalog;
    const bool haveHistory = bool(catalog.open());
    // Read by a person; --json keeps ISO UTC times for scripts.
    const HumanTime times = HumanTime::current();
    QJsonArray profiles;
    for (const QString &name : names) {
        const Profile p = *m_ctx.config().profile(name);
        QJsonObject entry{{QStringLiteral("name"), name},
                          {QStringLiteral("destination"), p.destination},
                          {QStringLiteral("database"), p.databasePath}};
        const auto last =
            haveHistory ? catalog.lastRun(name, QStringLiteral("backup")) : std::nullopt;
        const auto good = haveHistory ? catalog.lastRun(name, QStringLiteral("backup"),
                                                        QStringLiteral("succeeded"))
                                      : std::nullopt;
        const auto proven = haveHistory ? catalog.lastPassedVerification(name) : std::nullopt;
        if (proven)
            entry.insert(
                QStringLiteral("last_proven_restorable"),
                QJsonObject{{QStringLiteral("generation"), proven->generation},
                            {QStringLiteral("at"), proven->checkedUtc.toString(Qt::ISODate)},
                            {QStringLiteral("kind"), proven->kind}});
        if (last)
            entry.insert(QStringLiteral("last_run"), runJson(*last));
        if (good)
            entry.insert(QStringLiteral("last_success"), runJson(*good));
        const QList<AnomalyRecord> warnings =
            haveHistory ? catalog.openAnomalies(name) : QList<AnomalyRecord>();
        QJsonArray anomalies;
        for (const AnomalyRecord &a : warnings)
            anomalies.append(
                QJsonObject{{QStringLiteral("generation"), a.generation},
                            {QStringLiteral("previous_generation"), a.previousGeneration},
                            {QStringLiteral("created"), a.createdUtc.toString(Qt::ISODate)},
                            {QStringLiteral("findings"), Anomaly::toJson(a.findings)},
                            {QStringLiteral("message"), a.message()}});
        entry.insert(QStringLiteral("anomalies"), anomalies);
        // The same decision the tray and the window show.
        ProfileStatus::Context context;
        context.now = QDateTime::currentDateTimeUtc();
        context.nextRunUtc = Schedule::nextRun(p.at, good ? good->finishedUtc : QDateTime(),
                                               p.createdUtc, context.now, context.zone);
        // A history that could not be opened answers every read with why.
        const ProfileStatus status =
            ProfileStatus::compute(p, ProfileHistory::read(catalog, name), context);
        entry.insert(QStringLiteral("state"), ProfileStatus::stateName(status.state));
        entry.insert(QStringLiteral("problems"), QJsonArray::fromStringList(status.problems));
        entry.insert(QStringLiteral("next_run"), context.nextRunUtc.toString(Qt::ISODate));
        if (!status.historyProblem.isEmpty())
            entry.insert(QStringLiteral("history_problem"), status.historyProblem);
        profiles.append(entry);

        if (m_ctx.json())
            continue;
        m_ctx.out(tr("Profile %1: %2 → %3").arg(name, p.databasePath, p.destination));
        m_ctx.out(tr("  State: %1").arg(ProfileStatus::stateWord(status.state)));
        if (const QString next = ProfileStatus::nextRun(times, status.nextRunUtc, false);
            !next.isEmpty())
            m_ctx.out(QStringLiteral("  ") + next);
        if (!status.historyProblem.isEmpty())
            m_ctx.out(tr("  The run history cannot be read: %1").arg(status.historyProblem));
        for (const QString &problem : status.problems) {
            const bool isWarning =
                std::any_of(warnings.cbegin(), warnings.cend(),
                            [&problem](const AnomalyRecord &a) { return a.message() == problem; });
            if (!isWarning) // the warnings follow, with what to do about them
                m_ctx.out(tr("  Problem: %1").arg(problem));
        }
        for (const AnomalyRecord &a : warnings) {
            m_ctx.out(tr("  WARNING (backup %1): %2").arg(a.generation, a.message()));
            m_ctx.out(
                tr("    Check the database; when the change was intended, run \"litekeep dismiss "
                   "--profile %1 %2\".")
                    .arg(name, a.generation));
        }
        if (!last) {
            m_ctx.out(tr("  No backup has run yet."));
            continue;
        }
        m_ctx.out(tr("  Last run: %1, %2. %3")
                      .arg(times.ago(last->startedUtc), last->outcome, last->message));
        if (good)
            m_ctx.out(tr("  Last good backup: %1 (%2).")
                          .arg(good->generation, times.ago(good->finishedUtc)));
        else
            m_ctx.out(tr("  There is no successful backup yet."));
        if (proven)
            m_ctx.out(tr("  Last proven restorable: %1 (%2, %3).")
                          .arg(times.ago(proven->checkedUtc), proven->generation,
                               proven->kind == QLatin1String("drill") ? tr("restore drill")
                               : proven->kind == QLatin1String("backup")
                                   ? tr("checked after upload")
                                   : tr("verified")));
    }
    if (m_ctx.json())
        m_ctx.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("profiles"), profiles}});
    else if (names.isEmpty())
        m_ctx.out(tr("No profiles yet. Create one with \"litekeep profile add NAME --db PATH\"."));
    finish(ExitOk);
}

} // namespace lk

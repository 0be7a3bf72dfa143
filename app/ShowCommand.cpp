// litekeep show
#include "ShowCommand.h"

#include "generations/GenerationCache.h"
#include "present/HumanTime.h"
#include "sqlite/DatabaseDescription.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace lk {

void ShowCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("The profile."),
                                           tr("NAME"), QStringLiteral("default"));
    const QCommandLineOption latest(QStringLiteral("latest"), tr("The newest generation."));
    const QCommandLineOption deep(
        QStringLiteral("deep"),
        tr("Also look inside the database (downloads and verifies it once)."));
    parser.addOptions({profileOption, latest, deep});
    if (!parse(parser, arguments))
        return;
    const QStringList names = parser.positionalArguments();
    if (names.size() + (parser.isSet(latest) ? 1 : 0) != 1) {
        finish(m_ctx.usageError(
            tr("Usage: litekeep show [--profile NAME] (GENERATION | --latest) [--deep]")));
        return;
    }
    const QString wanted = parser.isSet(latest) ? QString() : names.first();
    const bool inside = parser.isSet(deep);
    resolve(parser.value(profileOption), [this, wanted, inside](const Profile &profile,
                                                                const Credentials &credentials) {
        m_catalog = std::make_unique<Catalog>();
        if (!m_catalog->open())
            m_catalog.reset();
        auto *cache = new GenerationCache(profile, credentials, m_catalog.get(), this);
        // Without --deep only the manifest is needed; the cache lists, and downloads only for
        // --deep.
        auto report = [this, profile](const Generation &g,
                                      const std::optional<DatabaseDescription> &description) {
            const Manifest &m = *g.manifest;
            QJsonObject doc{
                {QStringLiteral("ok"), true},
                {QStringLiteral("profile"), profile.name},
                {QStringLiteral("generation"), g.baseName()},
                {QStringLiteral("manifest"), QJsonDocument::fromJson(m.toJson()).object()}};
            QJsonArray history;
            const QLocale locale;
            const HumanTime times = HumanTime::current();
            QStringList historyLines;
            if (m_catalog) {
                for (const VerificationRecord &v :
                     m_catalog->verificationsOf(profile.name, g.baseName())) {
                    history.append(
                        QJsonObject{{QStringLiteral("at"), v.checkedUtc.toString(Qt::ISODate)},
                                    {QStringLiteral("passed"), v.passed},
                                    {QStringLiteral("reason"), v.reason},
                                    {QStringLiteral("kind"), v.kind}});
                    historyLines.append(QStringLiteral("  %1  %2  %3 %4")
                                            .arg(times.dateTime(v.checkedUtc), v.kind,
                                                 v.passed ? tr("passed") : tr("FAILED"), v.reason));
                }
            }
            doc.insert(QStringLiteral("verifications"), history);
            if (description)
                doc.insert(QStringLiteral("database"), description->toJson());
            if (m_ctx.json()) {
                m_ctx.printJson(doc);
                return;
            }
            m_ctx.out(tr("Generation %1 (%2)").arg(g.baseName(), times.exact(g.name.createdUtc())));
            m_ctx.out(tr("  %1 from %2, SQLite %3, LiteKeep %4")
                          .arg(m.sourceFileName, m.host, m.sqliteVersion, m.litekeepVersion));
            m_ctx.out(
                tr("  %1 (%2 compressed), %3 pages of %4 bytes, user_version %5, journal mode %6")
                    .arg(locale.formattedDataSize(m.dbSize), locale.formattedDataSize(m.gzSize))
                    .arg(m.database.pageCount)
                    .arg(m.database.pageSize)
                    .arg(m.database.userVersion)
                    .arg(m.database.journalMode));
            if (description) {
                m_ctx.out(tr("  Objects:"));
                for (const SchemaObject &o : description->objects) {
                    const QString rows =
                        description->rowCounts.contains(o.name)
                            ? tr(" (%n row(s))", nullptr,
                                 static_cast<int>(description->rowCounts.value(o.name)))
                            : QString();
                    m_ctx.out(QStringLiteral("    %1 %2%3").arg(o.type, o.name, rows));
                }
            } else {
                m_ctx.out(tr("  Tables:"));
                for (auto it = m.database.rowCounts.cbegin(); it != m.database.rowCounts.cend();
                     ++it)
                    m_ctx.out(tr("    %1: %n row(s)", nullptr, static_cast<int>(it.value()))
                                  .arg(it.key()));
            }
            m_ctx.out(historyLines.isEmpty() ? tr("  Never verified on this computer.")
                                             : tr("  Verifications:"));
            for (const QString &line : std::as_const(historyLines))
                m_ctx.out(line);
        };
        if (!inside) {
            cache->listOnly(wanted,
                            [this, report](const Result<QString> &problem, const Generation &g) {
                                if (!problem) {
                                    finish(m_ctx.failure(problem.error()));
                                    return;
                                }
                                report(g, std::nullopt);
                                finish(ExitOk);
                            });
            return;
        }
        cache->fetch(wanted, [this, report](const Result<QString> &path, const Generation &g) {
            if (!path) {
                finish(m_ctx.failure(path.error()));
                return;
            }
            auto description = DatabaseDescription::read(path.value());
            if (!description) {
                finish(m_ctx.failure(description.error()));
                return;
            }
            report(g, description.value());
            finish(ExitOk);
        });
    });
}

} // namespace lk

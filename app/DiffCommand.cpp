// litekeep diff
#include "DiffCommand.h"

#include "generations/GenerationCache.h"
#include "sqlite/DatabaseDescription.h"

namespace lk {

void DiffCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("The profile."),
                                           tr("NAME"), QStringLiteral("default"));
    const QCommandLineOption live(QStringLiteral("live"), tr("Compare with the live database."));
    parser.addOptions({profileOption, live});
    if (!parse(parser, arguments))
        return;
    const QStringList names = parser.positionalArguments();
    if (names.size() + (parser.isSet(live) ? 1 : 0) != 2) {
        finish(m_ctx.usageError(
            tr("Usage: litekeep diff [--profile NAME] GENERATION_A (GENERATION_B | --live)")));
        return;
    }
    const QString first = names.at(0);
    const QString second = parser.isSet(live) ? QString() : names.at(1);
    resolve(parser.value(profileOption), [this, first, second](const Profile &profile,
                                                               const Credentials &credentials) {
        m_catalog = std::make_unique<Catalog>();
        if (!m_catalog->open())
            m_catalog.reset();
        auto *cache = new GenerationCache(profile, credentials, m_catalog.get(), this);
        cache->fetch(
            first, [this, cache, second, profile](const Result<QString> &a, const Generation &) {
                if (!a) {
                    finish(m_ctx.failure(a.error()));
                    return;
                }
                auto compare = [this, second, aPath = a.value()](const QString &bPath) {
                    auto before = DatabaseDescription::read(aPath);
                    auto after = DatabaseDescription::read(bPath);
                    if (!before || !after) {
                        finish(m_ctx.failure(!before ? before.error() : after.error()));
                        return;
                    }
                    const DatabaseDiff diff = DatabaseDiff::between(before.value(), after.value());
                    if (m_ctx.json()) {
                        QJsonObject doc = diff.toJson();
                        doc.insert(QStringLiteral("ok"), true);
                        m_ctx.printJson(doc);
                    } else if (diff.isEmpty()) {
                        m_ctx.out(tr("No differences in tables, row counts or schema."));
                    } else {
                        for (const QString &line : diff.describe())
                            m_ctx.out(line);
                    }
                    finish(ExitOk);
                };
                if (second.isEmpty()) {
                    compare(profile.databasePath); // read-only: safe while the application runs
                    return;
                }
                cache->fetch(second, [this, compare](const Result<QString> &b, const Generation &) {
                    if (!b) {
                        finish(m_ctx.failure(b.error()));
                        return;
                    }
                    compare(b.value());
                });
            });
    });
}

} // namespace lk

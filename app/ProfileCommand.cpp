// litekeep profile add|list|show|remove
#include "ProfileCommand.h"

#include "Snapshot.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace lk {

void ProfileCommand::run(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (!m_ctx.loadConfig()) {
        finish(ExitUsage);
        return;
    }
    if (sub == QLatin1String("add"))
        finish(add(rest));
    else if (sub == QLatin1String("list"))
        finish(list());
    else if (sub == QLatin1String("show"))
        finish(show(rest));
    else if (sub == QLatin1String("remove"))
        finish(remove(rest));
    else
        finish(m_ctx.usageError(sub.isEmpty() ? tr("\"profile\" needs add, list, show or remove.")
                                              : tr("Unknown profile command \"%1\"; use add, list, "
                                                   "show or remove.")
                                                    .arg(sub)));
}

QJsonObject ProfileCommand::toJson(const Profile &p)
{
    QJsonObject json{
        {QStringLiteral("name"), p.name},
        {QStringLiteral("database"), p.databasePath},
        {QStringLiteral("destination"), p.destination},
        {QStringLiteral("keep_days"), p.keepDays},
        {QStringLiteral("at"), p.at.toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("compression_level"), p.compressionLevel},
        {QStringLiteral("busy_timeout_seconds"), p.busyTimeoutSeconds},
    };
    if (!p.endpoint.isEmpty()) {
        json.insert(QStringLiteral("endpoint"), p.endpoint);
        json.insert(QStringLiteral("provider"), p.provider);
        if (!p.region.isEmpty())
            json.insert(QStringLiteral("region"), p.region);
    }
    return json;
}

int ProfileCommand::add(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db(QStringLiteral("db"), tr("The SQLite database to back up."), tr("PATH"));
    const QCommandLineOption dest(QStringLiteral("dest"),
                                  tr("A local folder or s3://BUCKET/PREFIX (default: a folder in "
                                     "your data directory)."),
                                  tr("DEST"));
    const QCommandLineOption endpoint(QStringLiteral("endpoint"), tr("The S3 endpoint URL."), tr("URL"));
    const QCommandLineOption provider(QStringLiteral("provider"),
                                      tr("The rclone S3 provider (default Cloudflare)."), tr("P"));
    const QCommandLineOption region(QStringLiteral("region"), tr("The S3 region."), tr("REGION"));
    const QCommandLineOption keepDays(QStringLiteral("keep-days"), tr("Days of generations to keep."), tr("N"));
    const QCommandLineOption at(QStringLiteral("at"), tr("Daily backup time."), tr("HH:MM"));
    const QCommandLineOption level(QStringLiteral("level"), tr("gzip level 1-9 (default 6)."), tr("N"));
    const QCommandLineOption busy(QStringLiteral("busy-timeout"),
                                  tr("Seconds to wait for a locked database (default 30)."), tr("S"));
    parser.addOptions({db, dest, endpoint, provider, region, keepDays, at, level, busy});
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The profile name."));
    if (!parser.parse(QStringList{QStringLiteral("litekeep")} + arguments))
        return m_ctx.usageError(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return m_ctx.usageError(tr("Usage: litekeep profile add NAME --db PATH [--dest DEST] "
                                   "[--endpoint URL] [--provider P] [--keep-days N] [--at HH:MM]"));
    if (!parser.isSet(db))
        return m_ctx.usageError(tr("\"profile add\" needs --db PATH, the database to back up."));

    Profile p;
    p.name = parser.positionalArguments().first();
    p.databasePath = QFileInfo(parser.value(db)).absoluteFilePath();
    QString destination = parser.isSet(dest) ? parser.value(dest) : Config::defaultLocalDestination();
    if (!destination.startsWith(QLatin1String("s3://")) && !destination.contains(QLatin1String("://")))
        destination = QFileInfo(destination).absoluteFilePath();
    p.destination = destination;
    p.endpoint = parser.value(endpoint);
    if (parser.isSet(provider))
        p.provider = parser.value(provider);
    p.region = parser.value(region);

    auto number = [&parser](const QCommandLineOption &option, int fallback, bool *ok) {
        if (!parser.isSet(option))
            return fallback;
        return parser.value(option).toInt(ok);
    };
    bool ok = true;
    p.keepDays = number(keepDays, p.keepDays, &ok);
    if (!ok)
        return m_ctx.usageError(tr("--keep-days needs a whole number."));
    p.compressionLevel = number(level, p.compressionLevel, &ok);
    if (!ok)
        return m_ctx.usageError(tr("--level needs a whole number from 1 to 9."));
    p.busyTimeoutSeconds = number(busy, p.busyTimeoutSeconds, &ok);
    if (!ok)
        return m_ctx.usageError(tr("--busy-timeout needs a whole number of seconds."));
    if (parser.isSet(at)) {
        p.at = QTime::fromString(parser.value(at), QStringLiteral("H:mm"));
        if (!p.at.isValid())
            return m_ctx.usageError(tr("--at needs a time as HH:MM, for example 02:00."));
    }
    if (!p.parsedDestination().value().isS3() && !p.endpoint.isEmpty())
        return m_ctx.usageError(tr("--endpoint only applies to s3:// destinations."));

    if (Status s = m_ctx.config().addProfile(p); !s)
        return m_ctx.usageError(s.error);
    if (Status s = m_ctx.config().save(); !s)
        return m_ctx.failure(s.error);

    const QString problem = Snapshot::precheckSource(p.databasePath);
    if (!problem.isEmpty())
        m_ctx.err(tr("warning: %1").arg(problem));
    if (m_ctx.json()) {
        QJsonObject doc{{QStringLiteral("ok"), true}, {QStringLiteral("profile"), toJson(p)}};
        if (!problem.isEmpty())
            doc.insert(QStringLiteral("warning"), problem);
        m_ctx.printJson(doc);
    } else {
        m_ctx.out(tr("Profile \"%1\" added: %2 → %3, daily at %4, keeping %n day(s).", nullptr, p.keepDays)
                      .arg(p.name, p.databasePath, p.destination, p.at.toString(QStringLiteral("HH:mm"))));
        if (p.parsedDestination().value().isS3())
            m_ctx.out(tr("Next: store the access key with \"litekeep credentials set %1\".").arg(p.name));
    }
    return ExitOk;
}

int ProfileCommand::list()
{
    const QStringList names = m_ctx.config().profileNames();
    if (m_ctx.json()) {
        QJsonArray array;
        for (const QString &name : names)
            array.append(toJson(*m_ctx.config().profile(name)));
        m_ctx.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("profiles"), array}});
        return ExitOk;
    }
    if (names.isEmpty()) {
        m_ctx.out(tr("No profiles yet. Create one with \"litekeep profile add NAME --db PATH\"."));
        return ExitOk;
    }
    for (const QString &name : names) {
        const Profile p = *m_ctx.config().profile(name);
        m_ctx.out(QStringLiteral("%1\t%2\t%3").arg(p.name, p.databasePath, p.destination));
    }
    return ExitOk;
}

int ProfileCommand::show(const QStringList &arguments)
{
    if (arguments.size() != 1)
        return m_ctx.usageError(tr("Usage: litekeep profile show NAME"));
    const auto p = m_ctx.requireProfile(arguments.first());
    if (!p)
        return ExitUsage;
    const QJsonObject json = toJson(*p);
    if (m_ctx.json()) {
        m_ctx.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("profile"), json}});
        return ExitOk;
    }
    for (auto it = json.begin(); it != json.end(); ++it)
        m_ctx.out(QStringLiteral("%1: %2").arg(it.key(), it.value().toVariant().toString()));
    return ExitOk;
}

int ProfileCommand::remove(const QStringList &arguments)
{
    if (arguments.size() != 1)
        return m_ctx.usageError(tr("Usage: litekeep profile remove NAME"));
    if (!m_ctx.requireProfile(arguments.first()))
        return ExitUsage;
    m_ctx.config().removeProfile(arguments.first());
    if (Status s = m_ctx.config().save(); !s)
        return m_ctx.failure(s.error);
    if (m_ctx.json())
        m_ctx.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("removed"), arguments.first()}});
    else
        m_ctx.out(tr("Profile \"%1\" removed. Its generations on the destination were not touched.")
                      .arg(arguments.first()));
    return ExitOk;
}

} // namespace lk

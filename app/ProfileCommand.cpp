// litekeep profile add|list|show|remove
#include "ProfileCommand.h"

#include "sqlite/Snapshot.h"

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
    else if (sub == QLatin1String("set"))
        finish(set(rest));
    else if (sub == QLatin1String("list"))
        finish(list());
    else if (sub == QLatin1String("show"))
        finish(show(rest));
    else if (sub == QLatin1String("remove"))
        finish(remove(rest));
    else
        finish(m_ctx.usageError(sub.isEmpty() ? tr("\"profile\" needs add, set, list, show or remove.")
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
        {QStringLiteral("keep_min"), p.keepMin},
        {QStringLiteral("keep_monthly"), p.keepMonthly},
        {QStringLiteral("verify_after_backup"), p.verifyAfterBackup},
        {QStringLiteral("drill_days"), p.drillDays},
        {QStringLiteral("stale_hours"), p.staleHours},
        {QStringLiteral("webhook"), p.webhook},
        {QStringLiteral("ping_url"), p.pingUrl},
        {QStringLiteral("at"), p.at.toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("compression_level"), p.compressionLevel},
        {QStringLiteral("busy_timeout_seconds"), p.busyTimeoutSeconds},
    };
    if (!p.endpoint.isEmpty()) {
        json.insert(QStringLiteral("endpoint"), p.endpoint);
        json.insert(QStringLiteral("provider"), p.provider);
        if (!p.region.isEmpty())
            json.insert(QStringLiteral("region"), p.region);
        if (!p.caCertificate.isEmpty())
            json.insert(QStringLiteral("ca_cert"), p.caCertificate);
    }
    return json;
}

namespace {
// The options "profile add" and "profile set" share: everything a profile holds.
struct ProfileOptions
{
    QCommandLineOption db{QStringLiteral("db"), ProfileCommand::tr("The SQLite database to back up."),
                          ProfileCommand::tr("PATH")};
    QCommandLineOption dest{QStringLiteral("dest"),
                            ProfileCommand::tr("A local folder or s3://BUCKET/PREFIX (default: a folder "
                                               "in your data directory)."),
                            ProfileCommand::tr("DEST")};
    QCommandLineOption endpoint{QStringLiteral("endpoint"), ProfileCommand::tr("The S3 endpoint URL."),
                                ProfileCommand::tr("URL")};
    QCommandLineOption provider{QStringLiteral("provider"),
                                ProfileCommand::tr("The rclone S3 provider (default Cloudflare)."),
                                ProfileCommand::tr("P")};
    QCommandLineOption region{QStringLiteral("region"), ProfileCommand::tr("The S3 region."),
                              ProfileCommand::tr("REGION")};
    QCommandLineOption caCert{QStringLiteral("ca-cert"),
                              ProfileCommand::tr("Check the endpoint's TLS certificate against this certificate authority "
                                                 "(a PEM file) instead of the system's, for a private or "
                                                 "self-signed server (\"\" to remove)."),
                              ProfileCommand::tr("FILE")};
    QCommandLineOption keepDays{QStringLiteral("keep-days"), ProfileCommand::tr("Days of generations to keep (30)."),
                                ProfileCommand::tr("N")};
    QCommandLineOption keepMin{QStringLiteral("keep-min"),
                               ProfileCommand::tr("Newest generations kept however old (7)."),
                               ProfileCommand::tr("N")};
    QCommandLineOption keepMonthly{QStringLiteral("keep-monthly"),
                                   ProfileCommand::tr("Months that keep their newest generation (0)."),
                                   ProfileCommand::tr("N")};
    QCommandLineOption at{QStringLiteral("at"), ProfileCommand::tr("Daily backup time (02:00)."),
                          ProfileCommand::tr("HH:MM")};
    QCommandLineOption level{QStringLiteral("level"), ProfileCommand::tr("gzip level 1-9 (6)."),
                             ProfileCommand::tr("N")};
    QCommandLineOption busy{QStringLiteral("busy-timeout"),
                            ProfileCommand::tr("Seconds to wait for a locked database (30)."),
                            ProfileCommand::tr("S")};
    QCommandLineOption verify{QStringLiteral("verify-after-backup"),
                              ProfileCommand::tr("Verify each new generation from the destination: yes or no (yes)."),
                              ProfileCommand::tr("yes|no")};
    QCommandLineOption drillDays{QStringLiteral("drill-days"),
                                 ProfileCommand::tr("Days between restore drills, 0 for never (7)."),
                                 ProfileCommand::tr("N")};

    QCommandLineOption webhook{QStringLiteral("webhook"),
                               ProfileCommand::tr("POST a JSON summary here after each run (\"\" to remove)."),
                               ProfileCommand::tr("URL")};
    QCommandLineOption pingUrl{QStringLiteral("ping-url"),
                               ProfileCommand::tr("Healthcheck ping URL: URL/start, URL, URL/fail (\"\" to remove)."),
                               ProfileCommand::tr("URL")};
    QCommandLineOption staleHours{QStringLiteral("stale-hours"),
                                  ProfileCommand::tr("Warn when the newest verified backup is older (26)."),
                                  ProfileCommand::tr("N")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({db, dest, endpoint, provider, region, caCert, keepDays, keepMin, keepMonthly, at,
                           level, busy, verify, drillDays, webhook, pingUrl, staleHours});
    }

    // Applies what was given to `p`; returns a usage error, or an empty string.
    QString apply(const QCommandLineParser &parser, Profile &p) const
    {
        if (parser.isSet(db))
            p.databasePath = QFileInfo(parser.value(db)).absoluteFilePath();
        if (parser.isSet(dest)) {
            QString destination = parser.value(dest);
            if (!destination.contains(QLatin1String("://")))
                destination = QFileInfo(destination).absoluteFilePath();
            p.destination = destination;
        }
        if (parser.isSet(endpoint))
            p.endpoint = parser.value(endpoint);
        if (parser.isSet(provider))
            p.provider = parser.value(provider);
        if (parser.isSet(region))
            p.region = parser.value(region);
        if (parser.isSet(caCert)) {
            const QString file = parser.value(caCert);
            p.caCertificate = file.isEmpty() ? QString() : QFileInfo(file).absoluteFilePath();
        }
        if (parser.isSet(webhook))
            p.webhook = parser.value(webhook);
        if (parser.isSet(pingUrl))
            p.pingUrl = parser.value(pingUrl);
        const QList<std::pair<const QCommandLineOption *, int *>> numbers{
            {&keepDays, &p.keepDays}, {&keepMin, &p.keepMin},   {&keepMonthly, &p.keepMonthly},
            {&level, &p.compressionLevel}, {&busy, &p.busyTimeoutSeconds}, {&drillDays, &p.drillDays},
            {&staleHours, &p.staleHours}};
        for (const auto &[option, field] : numbers) {
            if (!parser.isSet(*option))
                continue;
            bool ok = false;
            *field = parser.value(*option).toInt(&ok);
            if (!ok)
                return ProfileCommand::tr("--%1 needs a whole number.").arg(option->names().constFirst());
        }
        if (parser.isSet(at)) {
            p.at = QTime::fromString(parser.value(at), QStringLiteral("H:mm"));
            if (!p.at.isValid())
                return ProfileCommand::tr("--at needs a time as HH:MM, for example 02:00.");
        }
        if (parser.isSet(verify)) {
            const QString v = parser.value(verify).toLower();
            if (v != QLatin1String("yes") && v != QLatin1String("no"))
                return ProfileCommand::tr("--verify-after-backup takes yes or no.");
            p.verifyAfterBackup = v == QLatin1String("yes");
        }
        if (!p.parsedDestination().isOk())
            return p.parsedDestination().error();
        if (!p.parsedDestination().value().isS3() && !p.endpoint.isEmpty())
            return ProfileCommand::tr("--endpoint only applies to s3:// destinations.");
        if (!p.parsedDestination().value().isS3() && !p.caCertificate.isEmpty())
            return ProfileCommand::tr("--ca-cert only applies to s3:// destinations.");
        if (const QString problem = p.checkCaCertificate(); !problem.isEmpty())
            return problem;
        return {};
    }
};
} // namespace

int ProfileCommand::add(const QStringList &arguments)
{
    QCommandLineParser parser;
    const ProfileOptions options;
    options.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The profile name."));
    if (!parser.parse(QStringList{QStringLiteral("litekeep")} + arguments))
        return m_ctx.usageError(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return m_ctx.usageError(tr("Usage: litekeep profile add NAME --db PATH [--dest DEST] "
                                   "[--endpoint URL] [--provider P] [--keep-days N] [--at HH:MM]"));
    if (!parser.isSet(options.db))
        return m_ctx.usageError(tr("\"profile add\" needs --db PATH, the database to back up."));

    Profile p;
    p.name = parser.positionalArguments().first();
    p.destination = Config::defaultLocalDestination();
    if (const QString problem = options.apply(parser, p); !problem.isEmpty())
        return m_ctx.usageError(problem);
    if (Status s = m_ctx.config().addProfile(p); !s)
        return m_ctx.usageError(s.error);
    return saveAndReport(p, tr("Profile \"%1\" added: %2 → %3, daily at %4, keeping %n day(s).", nullptr, p.keepDays)
                                .arg(p.name, p.databasePath, p.destination, p.at.toString(QStringLiteral("HH:mm"))));
}

int ProfileCommand::set(const QStringList &arguments)
{
    QCommandLineParser parser;
    const ProfileOptions options;
    options.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The profile name."));
    if (!parser.parse(QStringList{QStringLiteral("litekeep")} + arguments))
        return m_ctx.usageError(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return m_ctx.usageError(tr("Usage: litekeep profile set NAME [--db PATH] [--dest DEST] [--keep-days N] ..."));
    auto p = m_ctx.requireProfile(parser.positionalArguments().first());
    if (!p)
        return ExitUsage;
    if (const QString problem = options.apply(parser, *p); !problem.isEmpty())
        return m_ctx.usageError(problem);
    if (Status s = m_ctx.config().updateProfile(*p); !s)
        return m_ctx.usageError(s.error);
    return saveAndReport(*p, tr("Profile \"%1\" updated.").arg(p->name));
}

int ProfileCommand::saveAndReport(const Profile &p, const QString &message)
{
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
        m_ctx.out(message);
        if (p.parsedDestination().value().isS3())
            m_ctx.out(tr("Credentials: \"litekeep credentials set %1\" stores the access key in the keychain.").arg(p.name));
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

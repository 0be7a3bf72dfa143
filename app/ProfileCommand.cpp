// litekeep profile add|list|show|remove
#include "ProfileCommand.h"

#include "settings/SettingsRegistry.h"
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
        finish(m_ctx.usageError(sub.isEmpty()
                                    ? tr("\"profile\" needs add, set, list, show or remove.")
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
using Entry = SettingsRegistry::Entry;
using Type = SettingsRegistry::Type;

// The options "profile add" and "profile set" share: every profile setting the registry gives an
// option, with its help sentence and value name.
struct ProfileOptions
{
    QList<std::pair<const Entry *, QCommandLineOption>> options;

    ProfileOptions()
    {
        for (const Entry *entry : SettingsRegistry::entries(SettingsRegistry::Scope::Profile)) {
            if (entry->option)
                options.append({entry, QCommandLineOption(QString::fromLatin1(entry->option),
                                                          SettingsRegistry::help(*entry),
                                                          SettingsRegistry::valueName(*entry))});
        }
    }

    void addTo(QCommandLineParser &parser) const
    {
        for (const auto &[entry, option] : options)
            parser.addOption(option);
    }

    // The value given for `entry`'s option, as the profile holds it; a usage error, or an empty
    // string.
    static QString convert(const Entry &entry, const QCommandLineOption &option,
                           const QString &given, QVariant &value)
    {
        switch (entry.type) {
        case Type::Path:
            value = given.isEmpty() ? QString() : QFileInfo(given).absoluteFilePath();
            break;
        case Type::Destination:
            value =
                given.contains(QLatin1String("://")) ? given : QFileInfo(given).absoluteFilePath();
            break;
        case Type::Int: {
            bool ok = false;
            value = given.toInt(&ok);
            if (!ok)
                return ProfileCommand::tr("--%1 needs a whole number.")
                    .arg(option.names().constFirst());
            break;
        }
        case Type::Time: // --at, the one time of day
            value = QTime::fromString(given, QStringLiteral("H:mm"));
            if (!value.toTime().isValid())
                return ProfileCommand::tr("--at needs a time as HH:MM, for example 02:00.");
            break;
        case Type::Bool: { // --verify-after-backup, the one yes or no
            const QString v = given.toLower();
            if (v != QLatin1String("yes") && v != QLatin1String("no"))
                return ProfileCommand::tr("--verify-after-backup takes yes or no.");
            value = v == QLatin1String("yes");
            break;
        }
        case Type::String:
        case Type::Choice:
        case Type::Timestamp:
            value = given;
            break;
        }
        return {};
    }

    // Applies what was given to `p`; returns a usage error, or an empty string.
    QString apply(const QCommandLineParser &parser, Profile &p) const
    {
        // Texts first, then numbers, the time and yes or no: of several wrong values, the
        // first of these is the one reported.
        const auto pass = [](Type type) {
            return type == Type::Int ? 1 : type == Type::Time ? 2 : type == Type::Bool ? 3 : 0;
        };
        for (int current = 0; current <= 3; ++current) {
            for (const auto &[entry, option] : options) {
                if (pass(entry->type) != current || !parser.isSet(option))
                    continue;
                QVariant value;
                if (const QString problem = convert(*entry, option, parser.value(option), value);
                    !problem.isEmpty())
                    return problem;
                SettingsRegistry::setValue(p, entry->setting, value);
            }
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
    if (!parser.isSet(QString::fromLatin1(SettingsRegistry::entry(Setting::Database).option)))
        return m_ctx.usageError(tr("\"profile add\" needs --db PATH, the database to back up."));

    Profile p;
    p.name = parser.positionalArguments().first();
    p.destination = Config::defaultLocalDestination();
    if (const QString problem = options.apply(parser, p); !problem.isEmpty())
        return m_ctx.usageError(problem);
    if (Status s = m_ctx.config().addProfile(p); !s)
        return m_ctx.usageError(s.error);
    return saveAndReport(
        p, tr("Profile \"%1\" added: %2 → %3, daily at %4, keeping %n day(s).", nullptr, p.keepDays)
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
        return m_ctx.usageError(
            tr("Usage: litekeep profile set NAME [--db PATH] [--dest DEST] [--keep-days N] ..."));
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
            m_ctx.out(tr("Credentials: \"litekeep credentials set %1\" stores the access key in "
                         "the keychain.")
                          .arg(p.name));
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
        m_ctx.printJson(
            {{QStringLiteral("ok"), true}, {QStringLiteral("removed"), arguments.first()}});
    else
        m_ctx.out(tr("Profile \"%1\" removed. Its generations on the destination were not touched.")
                      .arg(arguments.first()));
    return ExitOk;
}

} // namespace lk

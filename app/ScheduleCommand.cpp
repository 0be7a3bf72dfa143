// litekeep schedule install|remove
#include "ScheduleCommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace lk {

namespace {
// systemd and cron both split on spaces: quote what a path may contain.
QString quoted(const QString &s)
{
    if (!s.contains(QLatin1Char(' ')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\'')))
        return s;
    QString escaped = s;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString unitName(const Profile &p, const char *suffix)
{
    return QStringLiteral("litekeep-%1.%2").arg(p.name, QLatin1String(suffix));
}
} // namespace

QString ScheduleCommand::unitFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/systemd/user");
}

QString ScheduleCommand::serviceUnit(const Profile &p, const QString &binary,
                                     const QString &configPath)
{
    return QStringLiteral(
               "# Written by \"litekeep schedule install --systemd\".\n"
               "[Unit]\n"
               "Description=LiteKeep backup of profile %1\n"
               "Wants=network-online.target\n"
               "After=network-online.target\n"
               "\n"
               "[Service]\n"
               "Type=oneshot\n"
               "ExecStart=%2 --config %3 backup --profile %1\n"
               "Nice=10\n"
               "IOSchedulingClass=idle\n"
               "# Without a desktop session there is no keychain: give the keys to this service\n"
               "# only, e.g. with \"systemctl --user edit %4\" and\n"
               "# Environment=LITEKEEP_ACCESS_KEY_ID=... LITEKEEP_SECRET_ACCESS_KEY=...\n")
        .arg(p.name, quoted(binary), quoted(configPath), unitName(p, "service"));
}

QString ScheduleCommand::timerUnit(const Profile &p)
{
    return QStringLiteral(
               "# Written by \"litekeep schedule install --systemd\".\n"
               "[Unit]\n"
               "Description=Daily LiteKeep backup of profile %1\n"
               "\n"
               "[Timer]\n"
               "OnCalendar=*-*-* %2:00\n"
               "# A run missed while the machine was off happens once at the next boot.\n"
               "Persistent=true\n"
               "\n"
               "[Install]\n"
               "WantedBy=timers.target\n")
        .arg(p.name, p.at.toString(QStringLiteral("HH:mm")));
}

QString ScheduleCommand::cronLine(const Profile &p, const QString &binary,
                                  const QString &configPath)
{
    return QStringLiteral("%1 %2 * * * %3 --config %4 backup --profile %5")
        .arg(p.at.minute())
        .arg(p.at.hour())
        .arg(quoted(binary), quoted(configPath), p.name);
}

void ScheduleCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("The profile."),
                                           tr("NAME"), QStringLiteral("default"));
    const QCommandLineOption systemd(QStringLiteral("systemd"),
                                     tr("A systemd user service and timer."));
    const QCommandLineOption cron(QStringLiteral("cron"), tr("A crontab line."));
    parser.addOptions({profileOption, systemd, cron});
    if (!parse(parser, arguments))
        return;
    const QString sub = parser.positionalArguments().value(0);
    if ((sub != QLatin1String("install") && sub != QLatin1String("remove")) ||
        parser.positionalArguments().size() != 1 || parser.isSet(systemd) == parser.isSet(cron)) {
        finish(m_ctx.usageError(tr(
            "Usage: litekeep schedule (install | remove) (--systemd | --cron) [--profile NAME]")));
        return;
    }
    const auto profile = loadProfile(parser.value(profileOption));
    if (!profile)
        return;
    const QString binary = QCoreApplication::applicationFilePath();
    const QString configPath = m_ctx.config().path();

    if (parser.isSet(cron)) {
        const QString line = cronLine(*profile, binary, configPath);
        if (m_ctx.json())
            m_ctx.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("cron"), line}});
        else if (sub == QLatin1String("install"))
            m_ctx.out(tr("Add this line with \"crontab -e\":\n%1").arg(line));
        else
            m_ctx.out(tr("Remove this line with \"crontab -e\":\n%1").arg(line));
        finish(ExitOk);
        return;
    }

    const QString folder = unitFolder();
    const QString service = folder + QLatin1Char('/') + unitName(*profile, "service");
    const QString timer = folder + QLatin1Char('/') + unitName(*profile, "timer");
    if (sub == QLatin1String("remove")) {
        // Both, whichever of them is there.
        const bool removedService = QFile::remove(service);
        const bool removedTimer = QFile::remove(timer);
        const bool removed = removedService || removedTimer;
        if (m_ctx.json())
            m_ctx.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("removed"), removed}});
        else
            m_ctx.out(
                removed
                    ? tr("Removed %1 and its timer. Run \"systemctl --user disable --now %2; "
                         "systemctl --user "
                         "daemon-reload\" if it was enabled.")
                          .arg(service, unitName(*profile, "timer"))
                    : tr("There was no systemd schedule for profile \"%1\".").arg(profile->name));
        finish(ExitOk);
        return;
    }
    QDir().mkpath(folder);
    for (const auto &[path, text] : {std::pair{service, serviceUnit(*profile, binary, configPath)},
                                     std::pair{timer, timerUnit(*profile)}}) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
            finish(m_ctx.failure(tr("Cannot write %1: %2").arg(path, file.errorString())));
            return;
        }
    }
    if (m_ctx.json()) {
        m_ctx.printJson({{QStringLiteral("ok"), true},
                         {QStringLiteral("service"), service},
                         {QStringLiteral("timer"), timer}});
    } else {
        m_ctx.out(tr("Wrote %1 and %2.").arg(service, timer));
        m_ctx.out(
            tr("Enable it with: systemctl --user daemon-reload && systemctl --user enable --now %1")
                .arg(unitName(*profile, "timer")));
    }
    finish(ExitOk);
}

} // namespace lk

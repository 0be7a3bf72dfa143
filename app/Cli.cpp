// The headless command line: global options, then one verb.
#include "Cli.h"

#include "BackupCommand.h"
#include "CredentialsCommand.h"
#include "DiffCommand.h"
#include "DismissCommand.h"
#include "ShowCommand.h"
#include "ListCommand.h"
#include "PruneCommand.h"
#include "RestoreCommand.h"
#include "ScheduleCommand.h"
#include "VerifyCommand.h"
#include "ProfileCommand.h"
#include "StatusCommand.h"

#include <QTimer>

#include <cstdio>

namespace lk {

Cli::Cli(QObject *parent) : QObject(parent) {}
Cli::~Cli() = default;

bool Cli::wantsCli(const QStringList &arguments)
{
    // argv[0] aside, anything but GUI-only flags means the command line.
    for (const QString &a : arguments.mid(1)) {
        if (a != QLatin1String("--gui"))
            return true;
    }
    return false;
}

QString Cli::usage()
{
    return tr("Usage: litekeep [--config FILE] [--json] COMMAND\n"
              "\n"
              "Commands:\n"
              "  profile add NAME --db PATH [--dest DEST] [--endpoint URL] [--provider P]\n"
              "                   [--keep-days N] [--at HH:MM] [--level N] [--busy-timeout S]\n"
              "  profile list | show NAME | remove NAME\n"
              "  credentials set NAME      read the access key id and secret from stdin\n"
              "  credentials remove NAME\n"
              "  profile set NAME [the options of profile add]\n"
              "  backup [--profile NAME] [--no-verify]   one backup now\n"
              "  list   [--profile NAME]   generations on the destination\n"
              "  verify [--profile NAME] [GENERATION | --latest | --all | --drill]\n"
              "  show   [--profile NAME] (GENERATION | --latest) [--deep]   what a generation holds\n"
              "  diff   [--profile NAME] GENERATION (GENERATION | --live)   what changed between them\n"
              "  prune  [--profile NAME] [--dry-run]   apply retention\n"
              "  restore [--profile NAME] (GENERATION | --latest) (--to PATH | --in-place) [--force]\n"
              "  restore --undo [--profile NAME]   put back what the last in-place restore replaced\n"
              "  status [--profile NAME]   the last run, the last good backup, the last proof\n"
              "  schedule (install | remove) (--systemd | --cron) [--profile NAME]   headless schedule\n"
              "\n"
              "DEST is a local folder or s3://BUCKET/PREFIX; --profile defaults to \"default\".\n"
              "Environment: LITEKEEP_ACCESS_KEY_ID and LITEKEEP_SECRET_ACCESS_KEY override the\n"
              "keychain; LITEKEEP_RCLONE names the rclone binary.\n"
              "Exit codes: 0 ok, 1 the job failed, 2 usage or configuration error.\n"
              "Run without arguments to start the tray application.");
}

void Cli::finishWith(int code)
{
    QTimer::singleShot(0, this, [this, code] { Q_EMIT done(code); });
}

void Cli::run(const QStringList &arguments)
{
    QString configPath;
    bool json = false;
    QStringList rest = arguments.mid(1);
    while (!rest.isEmpty() && rest.first().startsWith(QLatin1String("--"))) {
        const QString option = rest.takeFirst();
        if (option == QLatin1String("--json")) {
            json = true;
        } else if (option == QLatin1String("--config") && !rest.isEmpty()) {
            configPath = rest.takeFirst();
        } else if (option.startsWith(QLatin1String("--config="))) {
            configPath = option.mid(9);
        } else if (option == QLatin1String("--version")) {
            std::printf("litekeep %s\n", LITEKEEP_VERSION);
            finishWith(ExitOk);
            return;
        } else if (option == QLatin1String("--help")) {
            std::printf("%s\n", usage().toLocal8Bit().constData());
            finishWith(ExitOk);
            return;
        } else {
            m_ctx = std::make_unique<CliContext>(configPath, json);
            finishWith(m_ctx->usageError(tr("Unknown option \"%1\".\n%2").arg(option, usage())));
            return;
        }
    }
    m_ctx = std::make_unique<CliContext>(configPath, json);

    const QString verb = rest.isEmpty() ? QString() : rest.takeFirst();
    if (verb == QLatin1String("profile"))
        m_command = new ProfileCommand(*m_ctx, this);
    else if (verb == QLatin1String("credentials"))
        m_command = new CredentialsCommand(*m_ctx, this);
    else if (verb == QLatin1String("backup"))
        m_command = new BackupCommand(*m_ctx, this);
    else if (verb == QLatin1String("status"))
        m_command = new StatusCommand(*m_ctx, this);
    else if (verb == QLatin1String("list"))
        m_command = new ListCommand(*m_ctx, this);
    else if (verb == QLatin1String("verify"))
        m_command = new VerifyCommand(*m_ctx, this);
    else if (verb == QLatin1String("prune"))
        m_command = new PruneCommand(*m_ctx, this);
    else if (verb == QLatin1String("restore"))
        m_command = new RestoreCommand(*m_ctx, this);
    else if (verb == QLatin1String("show"))
        m_command = new ShowCommand(*m_ctx, this);
    else if (verb == QLatin1String("diff"))
        m_command = new DiffCommand(*m_ctx, this);
    else if (verb == QLatin1String("schedule"))
        m_command = new ScheduleCommand(*m_ctx, this);
    else if (verb == QLatin1String("dismiss"))
        m_command = new DismissCommand(*m_ctx, this);
    else if (verb == QLatin1String("help")) {
        std::printf("%s\n", usage().toLocal8Bit().constData());
        finishWith(ExitOk);
        return;
    } else {
        finishWith(m_ctx->usageError(verb.isEmpty() ? usage()
                                                    : tr("Unknown command \"%1\".\n%2").arg(verb, usage())));
        return;
    }
    connect(m_command, &Command::done, this, &Cli::finishWith);
    m_command->run(rest);
}

} // namespace lk

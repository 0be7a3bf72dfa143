// The headless command line: global options, then one verb.
#include "Cli.h"

#include "BackupCommand.h"
#include "CredentialsCommand.h"
#include "DiffCommand.h"
#include "DismissCommand.h"
#include "HelpCommand.h"
#include "ListCommand.h"
#include "ProfileCommand.h"
#include "PruneCommand.h"
#include "RestoreCommand.h"
#include "ScheduleCommand.h"
#include "ShowCommand.h"
#include "StatusCommand.h"
#include "VerifyCommand.h"

#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace lk {

namespace {
template <class C> Command *make(CliContext &context, QObject *parent)
{
    return new C(context, parent);
}

// Every verb. HelpCommand explains each one; tst_help checks that nothing is left out.
const struct
{
    const char *name;
    Command *(*create)(CliContext &, QObject *);
} kCommands[] = {
    {"profile", &make<ProfileCommand>},   {"credentials", &make<CredentialsCommand>},
    {"backup", &make<BackupCommand>},     {"list", &make<ListCommand>},
    {"verify", &make<VerifyCommand>},     {"show", &make<ShowCommand>},
    {"diff", &make<DiffCommand>},         {"prune", &make<PruneCommand>},
    {"restore", &make<RestoreCommand>},   {"status", &make<StatusCommand>},
    {"schedule", &make<ScheduleCommand>}, {"dismiss", &make<DismissCommand>},
    {"help", &make<HelpCommand>},
};

bool asksForHelp(const QString &argument)
{
    return argument == QLatin1String("--help") || argument == QLatin1String("-h");
}
} // namespace

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
    return HelpCommand::overview();
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
    while (!rest.isEmpty() &&
           (rest.first().startsWith(QLatin1String("--")) || rest.first() == QLatin1String("-h"))) {
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
        } else if (asksForHelp(option)) {
            std::printf("%s\n", usage().toLocal8Bit().constData());
            finishWith(ExitOk);
            return;
        } else {
            m_ctx = std::make_unique<CliContext>(configPath, json);
            finishWith(m_ctx->usageError(
                tr("Unknown option \"%1\". \"litekeep --help\" lists the options and commands.")
                    .arg(option)));
            return;
        }
    }
    m_ctx = std::make_unique<CliContext>(configPath, json);

    const QString verb = rest.isEmpty() ? QString() : rest.takeFirst();
    const auto known =
        std::find_if(std::cbegin(kCommands), std::cend(kCommands),
                     [&verb](const auto &c) { return verb == QLatin1String(c.name); });
    if (known == std::cend(kCommands)) {
        finishWith(m_ctx->usageError(verb.isEmpty() ? usage() : HelpCommand::unknownCommand(verb)));
        return;
    }
    if (std::any_of(rest.cbegin(), rest.cend(), asksForHelp)) {
        // "litekeep VERB --help" is "litekeep help VERB", whatever else is on the line.
        m_command = new HelpCommand(*m_ctx, this);
        rest = QStringList{verb};
    } else {
        m_command = known->create(*m_ctx, this);
    }
    connect(m_command, &Command::done, this, &Cli::finishWith);
    m_command->run(rest);
}

} // namespace lk

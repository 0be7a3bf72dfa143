// litekeep help [COMMAND]: what each command does, its options and examples.
#pragma once

#include "Command.h"

namespace lk {

class HelpCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;

    // Every command, the global options, the environment, the exit status and examples.
    static QString overview();
    // One command explained, or an empty string if there is no such command.
    static QString commandHelp(const QString &command);
    // The usage error for a word that is not a command.
    static QString unknownCommand(const QString &word);
    // The commands, in the order the overview lists them.
    static QStringList commands();
};

} // namespace lk

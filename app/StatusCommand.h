// litekeep status [--profile NAME]: the last run and the last good backup, from the history.
#pragma once

#include "Command.h"

namespace lk {

class StatusCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;
};

} // namespace lk

// litekeep status [--profile NAME]: the last run, the last good backup and open warnings, from
// the history.
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

// litekeep dismiss [--profile NAME] (GENERATION | --all): closes anomaly warnings, which lets
// retention treat the backups they pinned like any other.
#pragma once

#include "Command.h"

namespace lk {

class DismissCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;
};

} // namespace lk

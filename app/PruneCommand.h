// litekeep prune [--profile NAME] [--dry-run] [--include-damaged]
#pragma once

#include "Command.h"
#include "history/Catalog.h"

#include <memory>

namespace lk {

class PruneCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;

private:
    std::unique_ptr<Catalog> m_catalog;
};

} // namespace lk

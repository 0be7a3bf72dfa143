// litekeep diff [--profile NAME] GENERATION_A (GENERATION_B | --live): what changed between two
// generations, or between a generation and the live database.
#pragma once

#include "Command.h"
#include "history/Catalog.h"

#include <memory>

namespace lk {

class DiffCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;

private:
    std::unique_ptr<Catalog> m_catalog;
};

} // namespace lk

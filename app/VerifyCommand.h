// litekeep verify [--profile NAME] [GENERATION | --latest | --all | --drill]
#pragma once

#include "Command.h"
#include "ProgressPrinter.h"
#include "history/Catalog.h"

#include <memory>

namespace lk {

class VerifyCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;

private:
    std::unique_ptr<Catalog> m_catalog;
    ProgressPrinter m_progress;
};

} // namespace lk

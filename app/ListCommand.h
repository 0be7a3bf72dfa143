// litekeep list [--profile NAME]: generations read from the destination itself.
#pragma once

#include "Command.h"
#include "generations/Generation.h"

namespace lk {

class GenerationLister;

class ListCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;

private:
    void print(const Profile &profile, const QList<Generation> &generations);

    GenerationLister *m_lister = nullptr;
};

} // namespace lk

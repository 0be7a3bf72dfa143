// litekeep dismiss [--profile NAME] (GENERATION | --all): closes anomaly warnings, which lets
// retention treat the backups they pinned like any other. A warning is closed in this
// machine's history and in the pins object on the destination (Pins.h); one known only to the
// destination (recorded on another machine, or before the history was lost) is dismissed there.
#pragma once

#include "Command.h"
#include "generations/Pins.h"
#include "history/Catalog.h"

#include <memory>

namespace lk {

class Storage;

class DismissCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;

private:
    // One open warning, wherever it is known.
    struct Warning
    {
        QString generation;         // the suspicious backup
        QString previousGeneration; // the one it keeps
        bool inHistory = false;
        bool onDestination = false;
    };
    void withPins(const Profile &profile, bool all, const QString &wanted,
                  const QList<AnomalyRecord> &open, const Result<QList<Pin>> &remote);
    void report(const Profile &profile, const QList<Warning> &chosen, const QJsonArray &dismissed,
                const QSet<QString> &stillPinned);

    std::unique_ptr<Catalog> m_catalog;
    Storage *m_storage = nullptr;
    DestinationPins *m_pins = nullptr;
};

} // namespace lk

// litekeep schedule install|remove (--systemd | --cron) [--profile NAME]: the headless schedule
// for servers, where no tray app runs.
#pragma once

#include "Command.h"

namespace lk {

class ScheduleCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;

    static QString unitFolder();
    static QString serviceUnit(const Profile &profile, const QString &binary,
                               const QString &configPath);
    static QString timerUnit(const Profile &profile);
    static QString cronLine(const Profile &profile, const QString &binary,
                            const QString &configPath);
};

} // namespace lk

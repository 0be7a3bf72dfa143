// litekeep profile add|list|show|remove
#pragma once

#include "Command.h"

namespace lk {

class ProfileCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void run(const QStringList &arguments) override;

    static QJsonObject toJson(const Profile &profile);

private:
    int add(const QStringList &arguments);
    int set(const QStringList &arguments);
    int saveAndReport(const Profile &profile, const QString &message);
    int list();
    int show(const QStringList &arguments);
    int remove(const QStringList &arguments);
};

} // namespace lk

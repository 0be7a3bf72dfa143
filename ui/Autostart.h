// "Start at login": the XDG autostart entry. A package installs one for every user in
// /etc/xdg/autostart; a user turns it off with a file of the same name in ~/.config/autostart
// that says Hidden=true, and (for a LiteKeep that was not installed as a package) turns it on
// with a user entry that starts this very binary.
#pragma once

#include "jobs/Result.h"

#include <QString>

namespace lk {

class Autostart
{
public:
    static constexpr const char *kFileName = "io.github.litekeep.LiteKeep.desktop";

    // `program` is what a user entry starts (the running binary by default).
    explicit Autostart(QString program = {});

    bool isEnabled() const;
    Status setEnabled(bool enabled);

    QString userEntry() const;   // ~/.config/autostart/…
    QString systemEntry() const; // the first one found in $XDG_CONFIG_DIRS/autostart, or ""

private:
    static bool entryEnabled(const QString &path);
    QString m_program;
};

} // namespace lk

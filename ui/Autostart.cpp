// Start at login.
#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextStream>

namespace lk {

Autostart::Autostart(QString program) : m_program(std::move(program))
{
    if (m_program.isEmpty())
        m_program = QCoreApplication::applicationFilePath();
}

QString Autostart::userEntry() const
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/autostart/") + QLatin1String(kFileName);
}

QString Autostart::systemEntry() const
{
    QString dirs = qEnvironmentVariable("XDG_CONFIG_DIRS");
    if (dirs.isEmpty())
        dirs = QStringLiteral("/etc/xdg");
    for (const QString &dir : dirs.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        const QString path = dir + QStringLiteral("/autostart/") + QLatin1String(kFileName);
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

bool Autostart::entryEnabled(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    bool enabled = true;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.compare(QLatin1String("Hidden=true"), Qt::CaseInsensitive) == 0 ||
            line.compare(QLatin1String("X-GNOME-Autostart-enabled=false"), Qt::CaseInsensitive) ==
                0)
            enabled = false;
    }
    return enabled;
}

bool Autostart::isEnabled() const
{
    const QString user = userEntry();
    if (QFileInfo::exists(user))
        return entryEnabled(user); // the user's file overrides the system's
    const QString system = systemEntry();
    return !system.isEmpty() && entryEnabled(system);
}

Status Autostart::setEnabled(bool enabled)
{
    const QString user = userEntry();
    const bool packaged = !systemEntry().isEmpty();
    if (enabled && packaged) {
        // The package's entry starts it; only a user override could stop it.
        if (QFileInfo::exists(user) && !QFile::remove(user))
            return Status::failure(
                QCoreApplication::translate("Autostart", "Could not remove %1.").arg(user));
        return Status::success();
    }
    if (!enabled && !packaged) {
        if (QFileInfo::exists(user) && !QFile::remove(user))
            return Status::failure(
                QCoreApplication::translate("Autostart", "Could not remove %1.").arg(user));
        return Status::success();
    }
    if (!QDir().mkpath(QFileInfo(user).absolutePath()))
        return Status::failure(
            QCoreApplication::translate("Autostart", "Could not create the folder %1.")
                .arg(QFileInfo(user).absolutePath()));
    QSaveFile file(user);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Status::failure(QCoreApplication::translate("Autostart", "Could not write %1: %2")
                                   .arg(user, file.errorString()));
    QByteArray text =
        "[Desktop Entry]\nType=Application\nName=LiteKeep\nIcon=io.github.litekeep.LiteKeep\n"
        "Terminal=false\nNoDisplay=true\nX-LXQt-Need-Tray=true\n";
    if (enabled) {
        // Quoted as the Desktop Entry specification asks, for paths with spaces.
        QString program = m_program;
        program.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""));
        text += "Exec=\"" + program.toUtf8() + "\"\nX-GNOME-Autostart-enabled=true\n";
    } else {
        text += "Exec=litekeep\nHidden=true\nX-GNOME-Autostart-enabled=false\n";
    }
    file.write(text);
    if (!file.commit())
        return Status::failure(QCoreApplication::translate("Autostart", "Could not write %1: %2")
                                   .arg(user, file.errorString()));
    return Status::success();
}

} // namespace lk

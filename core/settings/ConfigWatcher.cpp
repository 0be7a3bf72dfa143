// Notices changes to the settings file.
#include "settings/ConfigWatcher.h"

#include <QFileInfo>

namespace lk {

ConfigWatcher::ConfigWatcher(QString path, QObject *parent)
    : QObject(parent), m_path(std::move(path))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        const bool reported = m_reported;
        m_reported = false;
        check(reported);
    });
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!m_settle.isActive()) // else the check it waits for is the one
            check(false);
    });
    // A change to the file itself is one even when its time and size look the same (two saves
    // within a millisecond). The folder changes for more than that: QSettings' lock file
    // comes and goes with every read, this process's too, so there the time and size decide.
    connect(&m_files, &QFileSystemWatcher::fileChanged, this, [this] {
        m_reported = true;
        soon();
    });
    connect(&m_files, &QFileSystemWatcher::directoryChanged, this, &ConfigWatcher::soon);
}

void ConfigWatcher::start()
{
    m_stamp = stamp();
    watch();
    m_poll.start();
}

ConfigWatcher::Stamp ConfigWatcher::stamp() const
{
    const QFileInfo info(m_path);
    if (!info.exists())
        return {};
    return {true, info.lastModified(), info.size()};
}

void ConfigWatcher::soon()
{
    watch();
    if (!m_settle.isActive()) // not restarted: a steady stream of changes still shows
        m_settle.start();
}

void ConfigWatcher::watch()
{
    const QString folder = QFileInfo(m_path).absolutePath();
    for (const QString &path : QStringList{folder, m_path}) {
        if (QFileInfo::exists(path) && !m_files.files().contains(path) &&
            !m_files.directories().contains(path))
            m_files.addPath(path);
    }
}

void ConfigWatcher::check(bool reported)
{
    watch();
    const Stamp now = stamp();
    if (now == m_stamp && !reported)
        return;
    m_stamp = now;
    Q_EMIT changed();
}

} // namespace lk

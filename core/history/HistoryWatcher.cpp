// Notices changes to the history made by other connections.
#include "history/HistoryWatcher.h"

#include "history/Catalog.h"
#include "history/HistoryReader.h"

#include <QFileInfo>

namespace lk {

HistoryWatcher::HistoryWatcher(HistoryReader &reader, QObject *parent)
    : QObject(parent), m_reader(reader), m_path(reader.path())
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &HistoryWatcher::check);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        watch();
        check();
    });
    const auto soon = [this] {
        watch();
        if (!m_settle.isActive()) // not restarted: a steady stream of writes still shows
            m_settle.start();
    };
    connect(&m_files, &QFileSystemWatcher::fileChanged, this, soon);
    connect(&m_files, &QFileSystemWatcher::directoryChanged, this, soon);
}

void HistoryWatcher::start()
{
    watch();
    check();
    m_poll.start();
}

void HistoryWatcher::watch()
{
    const QString folder = QFileInfo(m_path).absolutePath();
    for (const QString &path : QStringList{folder, m_path, m_path + QStringLiteral("-wal")}) {
        if (QFileInfo::exists(path) && !m_files.files().contains(path) &&
            !m_files.directories().contains(path))
            m_files.addPath(path);
    }
}

void HistoryWatcher::check()
{
    if (m_checking) {
        m_checkAgain = true;
        return;
    }
    m_checking = true;
    m_reader.run(
        this, [](const Catalog &catalog) { return catalog.readDataVersion(); },
        [this](const Result<qint64> &version) {
            onVersion(version.isOk(), version ? version.value() : 0);
        });
}

void HistoryWatcher::onVersion(bool ok, qint64 version)
{
    m_checking = false;
    if (!ok) {
        m_unreadable = true;
    } else {
        const bool news = (m_version && *m_version != version) || m_unreadable;
        m_version = version;
        m_unreadable = false;
        if (news)
            Q_EMIT changed();
    }
    if (m_checkAgain) {
        m_checkAgain = false;
        check();
    }
}

} // namespace lk

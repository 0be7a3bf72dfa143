// The history, read on a thread of its own.
#include "history/HistoryReader.h"

#include "history/Catalog.h"

#include <atomic>

namespace lk {

// What the reader's thread owns. Only that thread touches the catalog; `stopping` is the one
// field the owner's thread writes.
struct HistoryReader::Connection
{
    explicit Connection(QString file) : path(std::move(file)) {}

    Catalog &catalog()
    {
        if (!m_catalog) {
            m_catalog = std::make_unique<Catalog>(path);
            m_catalog->setBusyTimeout(kBusyTimeoutMs);
        }
        // A failed open (locked, not yet a database) is tried again by the next request; the
        // readers answer with its sentence until then.
        if (!m_opened)
            m_opened = bool(m_catalog->open());
        return *m_catalog;
    }
    void close() { m_catalog.reset(); }

    const QString path;
    std::atomic_bool stopping{false};

private:
    std::unique_ptr<Catalog> m_catalog;
    bool m_opened = false;
};

HistoryReader::HistoryReader(const QString &path, QObject *parent)
    : QObject(parent), m_path(path.isEmpty() ? Catalog::defaultPath() : path),
      m_connection(std::make_shared<Connection>(m_path)), m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("litekeep-history"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

HistoryReader::~HistoryReader()
{
    m_connection->stopping = true;
    // Queued behind the requests still waiting, which now return at once.
    QMetaObject::invokeMethod(
        m_worker,
        [connection = m_connection] {
            connection->close();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    delete m_worker;
}

void HistoryReader::post(QObject *context, Task task)
{
    // Made and checked on this thread only; the reader's thread merely carries it.
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        m_worker,
        [this, connection = m_connection, guard, task = std::move(task)]() mutable {
            if (connection->stopping)
                return;
            std::function<void()> deliver = task(connection->catalog());
            if (connection->stopping)
                return;
            // `this` outlives the thread (the destructor waits for it), so it can take the answer.
            QMetaObject::invokeMethod(
                this,
                [guard, deliver = std::move(deliver)] {
                    if (guard)
                        deliver();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace lk

// Reads the history, and makes the desktop's few writes to it, on a thread of its own: the GUI
// thread never waits for SQLite (another process's lock, a slow disk, a damaged file).
#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <utility>

namespace lk {

class Catalog;

// Requests run one after another, in the order they were made, on one connection (a Catalog of
// the reader's thread, opened on the first request and opened again after a failed open). The
// answer comes back queued to the thread the reader lives on, and only while the request's
// context object still exists: a closed window never gets an answer meant for it.
class HistoryReader : public QObject
{
    Q_OBJECT

public:
    // An empty path means the XDG location (Catalog::defaultPath()).
    explicit HistoryReader(const QString &path = {}, QObject *parent = nullptr);
    // Drops the requests not started yet and waits for the one running (which the busy timeout
    // bounds), so the connection closes on its own thread.
    ~HistoryReader() override;
    HistoryReader(const HistoryReader &) = delete;
    HistoryReader &operator=(const HistoryReader &) = delete;

    // How long a statement on the reader's thread waits for another process's lock before it
    // fails with "database is locked". Only that thread waits.
    static constexpr int kBusyTimeoutMs = 1000;

    const QString &path() const { return m_path; }

    // Calls `work(Catalog &)` on the reader's thread, then `done(answer)` with what it returned
    // on the reader's own thread, unless `context` (an object of that thread) has gone by then.
    template <typename Work, typename Done> void run(QObject *context, Work work, Done done)
    {
        post(context, [work = std::move(work), done = std::move(done)](Catalog &catalog) mutable {
            return std::function<void()>(
                [done, answer = work(catalog)]() mutable { done(std::move(answer)); });
        });
    }

private:
    using Task = std::function<std::function<void()>(Catalog &)>;
    struct Connection;

    void post(QObject *context, Task task);

    QString m_path;
    std::shared_ptr<Connection> m_connection;
    QThread m_thread;
    QObject *m_worker; // lives on m_thread: the requests are queued to it
};

} // namespace lk

// One digest of a stream, on a thread of its own.
#include "compress/HashThread.h"

namespace lk {

HashThread::HashThread(Digest::Algorithm algorithm) : m_digest(algorithm)
{
    m_thread = std::thread([this] { work(); });
}

HashThread::~HashThread()
{
    finish();
}

void HashThread::add(std::shared_ptr<const void> owner, const unsigned char *data, std::size_t size)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < kMaxQueued; });
    m_queue.push_back({std::move(owner), data, size});
    m_changed.notify_all();
}

QString HashThread::result()
{
    finish();
    return m_digest.hexResult();
}

void HashThread::finish()
{
    {
        std::lock_guard lock(m_mutex);
        m_ending = true;
        m_changed.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
}

void HashThread::work()
{
    for (;;) {
        Piece piece;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_ending; });
            if (m_queue.empty())
                return;
            piece = std::move(m_queue.front());
            m_queue.pop_front();
            m_changed.notify_all();
        }
        m_digest.addData(piece.data, piece.size);
    }
}

} // namespace lk

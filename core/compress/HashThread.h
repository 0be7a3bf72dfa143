// One digest of a stream, on a thread of its own: the thread that reads and writes then only
// reads and writes. On data that hardly compresses the three digests of a backup (SHA-256 of
// input and output, MD5 of the output: 1.1 s for 400 MB here, MD5 alone 0.6 s) took most of
// the compressor's time. Each piece keeps its owner (a block) alive until hashed; at most
// kMaxQueued wait, so a slow digest holds up the writer instead of memory growing.
#pragma once

#include "compress/Digest.h"

#include <QString>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace lk {

class HashThread
{
public:
    explicit HashThread(Digest::Algorithm algorithm);
    ~HashThread();
    HashThread(const HashThread &) = delete;
    HashThread &operator=(const HashThread &) = delete;

    // Queues `size` bytes at `data`, which `owner` keeps alive; waits while kMaxQueued wait.
    void add(std::shared_ptr<const void> owner, const unsigned char *data, std::size_t size);
    // Waits until everything given is hashed; lower-case hex of the digest. Call once.
    QString result();

private:
    static constexpr std::size_t kMaxQueued = 8;
    struct Piece
    {
        std::shared_ptr<const void> owner;
        const unsigned char *data = nullptr;
        std::size_t size = 0;
    };

    void finish();
    void work();

    Digest m_digest;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Piece> m_queue;
    bool m_ending = false;
    std::thread m_thread;
};

} // namespace lk

// One standard gzip stream compressed on several cores (the pigz design), hashed in one pass.
#include "compress/ParallelGzip.h"

#include "backup/PipeTee.h"
#include "compress/BlockDeflater.h"
#include "compress/HashThread.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace lk {

namespace {

using Bytes = BlockDeflater::Bytes;
using Block = BlockDeflater::Block;

constexpr qint64 kProgressStep = 1 << 20;

// A fixed set of threads, each with its own compressor, taking blocks in the order given.
class Workers
{
public:
    Workers(int count, ParallelGzip::Engine engine, int level) : m_engine(engine), m_level(level)
    {
        m_threads.reserve(std::size_t(count));
        for (int i = 0; i < count; ++i)
            m_threads.emplace_back([this] { work(); });
    }

    ~Workers()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (auto &t : m_threads)
            t.join();
    }

    Workers(const Workers &) = delete;
    Workers &operator=(const Workers &) = delete;

    void submit(std::shared_ptr<Block> block)
    {
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(block));
        }
        m_wake.notify_one();
    }

    void waitFor(const Block &block)
    {
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [&block] { return block.done; });
    }

private:
    void work()
    {
        BlockDeflater deflater(m_engine, m_level);
        for (;;) {
            std::shared_ptr<Block> block;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
                if (m_stopping)
                    break;
                block = std::move(m_queue.front());
                m_queue.pop_front();
            }
            QString error = deflater.deflateBlock(*block);
            {
                std::lock_guard lock(m_mutex);
                block->error = std::move(error);
                block->done = true;
            }
            m_done.notify_all();
        }
    }

    const ParallelGzip::Engine m_engine;
    const int m_level;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::deque<std::shared_ptr<Block>> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

// Reads up to `size` bytes, short only at the end of the file, so block boundaries (and with
// them the output bytes) never depend on how the reads happened to be split.
qint64 readBlock(QIODevice &in, Bytes &buffer, qint64 size)
{
    buffer.resize(std::size_t(size));
    qint64 got = 0;
    while (got < size) {
        const qint64 n = in.read(reinterpret_cast<char *>(buffer.data()) + got, size - got);
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        got += n;
    }
    buffer.resize(std::size_t(got));
    return got;
}

void putLittleEndian32(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out.append(char(value >> (8 * i) & 0xff));
}

} // namespace

namespace {
std::atomic_int g_defaultThreads{0};
} // namespace

void ParallelGzip::setDefaultThreads(int threads)
{
    g_defaultThreads = std::max(0, threads);
}

int ParallelGzip::defaultThreads()
{
    const int set = g_defaultThreads.load();
    return set > 0 ? set : std::max(1, QThread::idealThreadCount());
}

Result<Gzip::Stats> ParallelGzip::compressFile(const QString &input, const QString &output,
                                               int level, int threads,
                                               const std::atomic_bool *cancel,
                                               const Gzip::Progress &progress, Engine engine,
                                               int alsoToPipe)
{
    using R = Result<Gzip::Stats>;
    QFile in(input);
    if (!in.open(QIODevice::ReadOnly))
        return R::fail(tr("Cannot read %1: %2.").arg(input, in.errorString()));
    // As a QSaveFile: written beside `output`, which it replaces only when whole. But without
    // its fsync: this is a staged copy for one run, and flushing 40-400 MB at once held up a
    // live application's commits (their own fsyncs) by tens of milliseconds.
    const QString partial = output + QStringLiteral(".part");
    QFile out(partial);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
        return R::fail(tr("Cannot write %1: %2.").arg(output, out.errorString()));
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // a copy of the user's data
    std::optional<PipeTee> tee;
    if (alsoToPipe >= 0)
        tee.emplace(out, alsoToPipe);
    auto stats = compress(in, in.size(), tee ? static_cast<QIODevice &>(*tee) : out, level, threads,
                          cancel, progress, engine);
    tee.reset();
    out.close();
    if (stats && out.error() != QFileDevice::NoError)
        stats =
            R::fail(tr("Writing %1 failed: %2. Is the disk full?").arg(output, out.errorString()));
    if (stats && ::rename(QFile::encodeName(partial).constData(),
                          QFile::encodeName(output).constData()) != 0)
        stats = R::fail(
            tr("Cannot write %1: %2.").arg(output, QString::fromLocal8Bit(std::strerror(errno))));
    if (!stats)
        QFile::remove(partial);
    return stats;
}

namespace {

// One compression: the state compress() used to keep in lambdas, with a method per step.
// Blocks are read one ahead, deflated by the workers, and written in input order.
class Compression
{
public:
    Compression(QIODevice &in, qint64 total, QIODevice &out, int level, int threads,
                const std::atomic_bool *cancel, const Gzip::Progress &progress,
                ParallelGzip::Engine engine)
        : m_in(in), m_out(out), m_total(total), m_level(level), m_cancel(cancel),
          m_progress(progress), m_engine(engine), m_blockBytes(ParallelGzip::blockSize(engine)),
          m_input(nameOf(in)), m_output(nameOf(out))
    {
        // No more threads than blocks: a small file needs no pool of idle workers.
        const qint64 blocks = qMax<qint64>(1, (total + m_blockBytes - 1) / m_blockBytes);
        m_workerCount = int(std::min<qint64>(threads, blocks));
        m_maxInFlight = std::size_t(2 * m_workerCount);
    }

    // An error sentence, or empty once the whole stream is written.
    QString run()
    {
        if (QString error = writeHeader(); !error.isEmpty())
            return error;
        Workers workers(m_workerCount, m_engine, m_level);
        m_workers = &workers;
        QString error = compressBlocks();
        m_workers = nullptr;
        return error.isEmpty() ? writeTrailer() : error;
    }

    Gzip::Stats stats()
    {
        m_stats.inputSha256 = m_inHash.result();
        m_stats.outputSha256 = m_outHash.result();
        m_stats.outputMd5 = m_outMd5.result();
        m_stats.outputWaitMs = m_outputWaitNs / 1000000;
        return m_stats;
    }

private:
    static QString nameOf(const QIODevice &device)
    {
        const auto *file = qobject_cast<const QFileDevice *>(&device);
        return file && !file->fileName().isEmpty() ? file->fileName()
                                                   : ParallelGzip::tr("the stream");
    }
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    QString writeFailed() const
    {
        return ParallelGzip::tr("Writing %1 failed: %2. Is the disk full?")
            .arg(m_output, m_out.errorString());
    }
    QString readFailed() const
    {
        return ParallelGzip::tr("Reading %1 failed: %2.").arg(m_input, m_in.errorString());
    }

    // `owner` keeps `data` alive until it is hashed.
    bool write(const std::shared_ptr<const void> &owner, const char *data, qint64 size)
    {
        const auto *bytes = reinterpret_cast<const unsigned char *>(data);
        m_outHash.add(owner, bytes, std::size_t(size));
        m_outMd5.add(owner, bytes, std::size_t(size));
        m_stats.outputBytes += size;
        QElapsedTimer waited;
        waited.start();
        const bool ok = m_out.write(data, size) == size;
        m_outputWaitNs += waited.nsecsElapsed();
        return ok;
    }

    // The gzip header: no name, no mtime (so equal input gives equal bytes), OS = Unix.
    QString writeHeader()
    {
        auto header = std::make_shared<QByteArray>("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
        (*header)[8] = char(m_level == 9 ? 2 : m_level == 1 ? 4 : 0); // XFL, as zlib sets it
        return write(header, header->constData(), header->size()) ? QString() : writeFailed();
    }

    QString compressBlocks()
    {
        auto current = std::make_shared<Block>();
        if (readBlock(m_in, current->input, m_blockBytes) < 0)
            return readFailed();
        for (;;) {
            if (cancelled())
                return ParallelGzip::tr("Cancelled.");
            m_inHash.add(current, current->input.data(), current->input.size());
            m_stats.inputBytes += qint64(current->input.size());

            // Reading one block ahead tells whether this one ends the stream; a file that ends
            // on a block boundary then finishes with a full block, not an empty one.
            auto next = std::make_shared<Block>();
            if (current->input.size() == std::size_t(m_blockBytes) &&
                readBlock(m_in, next->input, m_blockBytes) < 0)
                return readFailed();
            current->last = next->input.empty();
            if (!current->last && m_engine == ParallelGzip::Engine::Zlib)
                next->dictionary.assign(current->input.end() - ParallelGzip::kDictionarySize,
                                        current->input.end());

            m_workers->submit(current);
            m_inFlight.push_back(current);
            while (m_inFlight.size() >= m_maxInFlight || (current->last && !m_inFlight.empty())) {
                if (cancelled())
                    return ParallelGzip::tr("Cancelled.");
                if (QString error = writeOldest(); !error.isEmpty())
                    return error;
            }
            if (current->last)
                return {};
            current = std::move(next);
        }
    }

    // Writes the oldest block once its worker is done with it.
    QString writeOldest()
    {
        const std::shared_ptr<Block> block = std::move(m_inFlight.front());
        m_inFlight.pop_front();
        m_workers->waitFor(*block);
        if (!block->error.isEmpty())
            return ParallelGzip::tr("Compressing %1 failed (%2).").arg(m_input, block->error);
        if (!write(block, reinterpret_cast<const char *>(block->deflated.data()),
                   qint64(block->deflated.size())))
            return writeFailed();
        m_crc = crc32_combine(m_crc, block->crc, z_off_t(block->input.size()));
        m_written += qint64(block->input.size());
        if (m_progress && (m_written - m_reported >= kProgressStep || block->last)) {
            m_progress(m_written, m_total);
            m_reported = m_written;
        }
        return {};
    }

    QString writeTrailer()
    {
        auto trailer = std::make_shared<QByteArray>();
        putLittleEndian32(*trailer, quint32(m_crc));
        // ISIZE: the size modulo 2^32.
        putLittleEndian32(*trailer, quint32(m_stats.inputBytes & 0xffffffff));
        return write(trailer, trailer->constData(), trailer->size()) ? QString() : writeFailed();
    }

    QIODevice &m_in;
    QIODevice &m_out;
    const qint64 m_total;
    const int m_level;
    const std::atomic_bool *m_cancel;
    const Gzip::Progress &m_progress;
    const ParallelGzip::Engine m_engine;
    const qint64 m_blockBytes;
    const QString m_input;
    const QString m_output;
    int m_workerCount = 1;
    std::size_t m_maxInFlight = 2;
    HashThread m_inHash{Digest::Algorithm::Sha256};
    HashThread m_outHash{Digest::Algorithm::Sha256};
    HashThread m_outMd5{Digest::Algorithm::Md5};
    Gzip::Stats m_stats;
    uLong m_crc = crc32(0L, nullptr, 0);
    qint64 m_written = 0; // input bytes whose deflated form is in the output
    qint64 m_reported = -1;
    qint64 m_outputWaitNs = 0;
    Workers *m_workers = nullptr;
    std::deque<std::shared_ptr<Block>> m_inFlight; // in input order
};

} // namespace

Result<Gzip::Stats> ParallelGzip::compress(QIODevice &in, qint64 inputSize, QIODevice &out,
                                           int level, int threads, const std::atomic_bool *cancel,
                                           const Gzip::Progress &progress, Engine engine)
{
    Compression compression(in, inputSize, out, qBound(1, level, 9),
                            threads > 0 ? threads : defaultThreads(), cancel, progress, engine);
    if (const QString error = compression.run(); !error.isEmpty())
        return Result<Gzip::Stats>::fail(error);
    return Result<Gzip::Stats>::ok(compression.stats());
}

} // namespace lk

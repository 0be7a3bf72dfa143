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

Result<Gzip::Stats> ParallelGzip::compress(QIODevice &in, qint64 inputSize, QIODevice &out,
                                           int level, int threads, const std::atomic_bool *cancel,
                                           const Gzip::Progress &progress, Engine engine)
{
    using R = Result<Gzip::Stats>;
    level = qBound(1, level, 9);
    if (threads <= 0)
        threads = defaultThreads();
    const auto nameOf = [](const QIODevice &device) {
        const auto *file = qobject_cast<const QFileDevice *>(&device);
        return file && !file->fileName().isEmpty() ? file->fileName() : tr("the stream");
    };
    const QString input = nameOf(in);
    const QString output = nameOf(out);

    const qint64 total = inputSize;
    const qint64 blockBytes = blockSize(engine);
    // No more threads than blocks: a small file needs no pool of idle workers.
    const qint64 blocks = qMax<qint64>(1, (total + blockBytes - 1) / blockBytes);
    const int workerCount = int(std::min<qint64>(threads, blocks));
    const std::size_t maxInFlight = std::size_t(2 * workerCount);

    HashThread inHash(Digest::Algorithm::Sha256);
    HashThread outHash(Digest::Algorithm::Sha256);
    HashThread outMd5(Digest::Algorithm::Md5);
    Gzip::Stats stats;
    uLong crc = crc32(0L, nullptr, 0);
    qint64 written = 0; // input bytes whose deflated form is in the output
    qint64 reported = -1;
    qint64 outputWaitNs = 0;

    // `owner` keeps `data` alive until it is hashed.
    const auto write = [&](const std::shared_ptr<const void> &owner, const char *data,
                           qint64 size) {
        const auto *bytes = reinterpret_cast<const unsigned char *>(data);
        outHash.add(owner, bytes, std::size_t(size));
        outMd5.add(owner, bytes, std::size_t(size));
        stats.outputBytes += size;
        QElapsedTimer waited;
        waited.start();
        const bool ok = out.write(data, size) == size;
        outputWaitNs += waited.nsecsElapsed();
        return ok;
    };
    const QString writeFailed = tr("Writing %1 failed: %2. Is the disk full?");

    // The gzip header: no name, no mtime (so equal input gives equal bytes), OS = Unix.
    auto header = std::make_shared<QByteArray>("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    (*header)[8] = char(level == 9 ? 2 : level == 1 ? 4 : 0); // XFL, as zlib sets it
    if (!write(header, header->constData(), header->size()))
        return R::fail(writeFailed.arg(output, out.errorString()));

    Workers workers(workerCount, engine, level);
    std::deque<std::shared_ptr<Block>> inFlight; // in input order

    // Writes the oldest block once its worker is done with it.
    const auto writeOldest = [&]() -> QString {
        const std::shared_ptr<Block> block = std::move(inFlight.front());
        inFlight.pop_front();
        workers.waitFor(*block);
        if (!block->error.isEmpty())
            return tr("Compressing %1 failed (%2).").arg(input, block->error);
        if (!write(block, reinterpret_cast<const char *>(block->deflated.data()),
                   qint64(block->deflated.size())))
            return writeFailed.arg(output, out.errorString());
        crc = crc32_combine(crc, block->crc, z_off_t(block->input.size()));
        written += qint64(block->input.size());
        if (progress && (written - reported >= kProgressStep || block->last)) {
            progress(written, total);
            reported = written;
        }
        return {};
    };

    auto current = std::make_shared<Block>();
    if (readBlock(in, current->input, blockBytes) < 0)
        return R::fail(tr("Reading %1 failed: %2.").arg(input, in.errorString()));
    for (;;) {
        if (cancel && cancel->load())
            return R::fail(tr("Cancelled."));
        inHash.add(current, current->input.data(), current->input.size());
        stats.inputBytes += qint64(current->input.size());

        // Reading one block ahead tells whether this one ends the stream; a file that ends on a
        // block boundary then finishes with a full block, not an empty one.
        auto next = std::make_shared<Block>();
        if (current->input.size() == std::size_t(blockBytes)) {
            if (readBlock(in, next->input, blockBytes) < 0)
                return R::fail(tr("Reading %1 failed: %2.").arg(input, in.errorString()));
        }
        current->last = next->input.empty();
        if (!current->last && engine == Engine::Zlib)
            next->dictionary.assign(current->input.end() - kDictionarySize, current->input.end());

        workers.submit(current);
        inFlight.push_back(current);
        while (inFlight.size() >= maxInFlight || (current->last && !inFlight.empty())) {
            if (cancel && cancel->load())
                return R::fail(tr("Cancelled."));
            const QString error = writeOldest();
            if (!error.isEmpty())
                return R::fail(error);
        }
        if (current->last)
            break;
        current = std::move(next);
    }

    auto trailer = std::make_shared<QByteArray>();
    putLittleEndian32(*trailer, quint32(crc));
    putLittleEndian32(*trailer, quint32(stats.inputBytes & 0xffffffff)); // ISIZE: size mod 2^32
    if (!write(trailer, trailer->constData(), trailer->size()))
        return R::fail(writeFailed.arg(output, out.errorString()));

    stats.inputSha256 = inHash.result();
    stats.outputSha256 = outHash.result();
    stats.outputMd5 = outMd5.result();
    stats.outputWaitMs = outputWaitNs / 1000000;
    return R::ok(stats);
}

} // namespace lk

// One standard gzip stream compressed on several cores (the pigz design), hashed in one pass.
#include "ParallelGzip.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>
#include <QThread>

#include <zlib.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace lk {

namespace {

using Bytes = std::vector<unsigned char>;

constexpr int kRawDeflate = -15; // no zlib or gzip wrapper: we write the gzip frame ourselves
constexpr int kMemLevel = 8;     // zlib's default, as gzip and pigz use
constexpr qint64 kProgressStep = 1 << 20;

// One block of input on its way through a worker to the output file.
struct Block
{
    Bytes input;
    Bytes dictionary; // the last 32 KiB before `input`; empty for the first block
    bool last = false;

    // Filled in by a worker.
    Bytes deflated;
    uLong crc = 0;
    QString error;
    bool done = false;
};

// Deflates one block into a raw deflate fragment that ends on a byte boundary (sync flush),
// or that ends the deflate stream (the last block).
QString deflateBlock(z_stream &stream, Block &block)
{
    if (deflateReset(&stream) != Z_OK)
        return QStringLiteral("deflateReset");
    if (!block.dictionary.empty() &&
        deflateSetDictionary(&stream, block.dictionary.data(),
                             static_cast<uInt>(block.dictionary.size())) != Z_OK)
        return QStringLiteral("deflateSetDictionary");

    const int flush = block.last ? Z_FINISH : Z_SYNC_FLUSH;
    stream.next_in = block.input.data();
    stream.avail_in = static_cast<uInt>(block.input.size());
    // deflateBound covers the block; the sync marker and the final empty block need a few more.
    block.deflated.resize(deflateBound(&stream, static_cast<uLong>(block.input.size())) + 64);
    std::size_t produced = 0;
    for (;;) {
        if (produced == block.deflated.size())
            block.deflated.resize(block.deflated.size() * 2);
        stream.next_out = block.deflated.data() + produced;
        stream.avail_out = static_cast<uInt>(block.deflated.size() - produced);
        const int rc = deflate(&stream, flush);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            return QString::fromLatin1(stream.msg ? stream.msg : "deflate");
        produced = block.deflated.size() - stream.avail_out;
        // A flush is complete once deflate leaves output space unused.
        if (block.last ? rc == Z_STREAM_END : stream.avail_out != 0)
            break;
    }
    block.deflated.resize(produced);
    block.crc = crc32(0L, block.input.data(), static_cast<uInt>(block.input.size()));
    return {};
}

// A fixed set of threads, each with its own deflate state, taking blocks in the order given.
class Workers
{
public:
    Workers(int count, int level) : m_level(level)
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
        z_stream stream{};
        const bool ready = deflateInit2(&stream, m_level, Z_DEFLATED, kRawDeflate, kMemLevel,
                                        Z_DEFAULT_STRATEGY) == Z_OK;
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
            QString error = ready ? deflateBlock(stream, *block) : QStringLiteral("deflateInit2");
            {
                std::lock_guard lock(m_mutex);
                block->error = std::move(error);
                block->done = true;
            }
            m_done.notify_all();
        }
        if (ready)
            deflateEnd(&stream);
    }

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
qint64 readBlock(QFile &in, Bytes &buffer, qint64 size)
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

Result<Gzip::Stats> ParallelGzip::compressFile(const QString &input, const QString &output,
                                               int level, int threads,
                                               const std::atomic_bool *cancel,
                                               const Gzip::Progress &progress)
{
    using R = Result<Gzip::Stats>;
    level = qBound(1, level, 9);
    if (threads <= 0)
        threads = QThread::idealThreadCount();

    QFile in(input);
    if (!in.open(QIODevice::ReadOnly))
        return R::fail(tr("Cannot read %1: %2.").arg(input, in.errorString()));
    QSaveFile out(output);
    if (!out.open(QIODevice::WriteOnly))
        return R::fail(tr("Cannot write %1: %2.").arg(output, out.errorString()));
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // a copy of the user's data

    const qint64 total = in.size();
    // No more threads than blocks: a small file needs no pool of idle workers.
    const qint64 blocks = qMax<qint64>(1, (total + kBlockSize - 1) / kBlockSize);
    const int workerCount = int(std::min<qint64>(threads, blocks));
    const std::size_t maxInFlight = std::size_t(2 * workerCount);

    QCryptographicHash inHash(QCryptographicHash::Sha256);
    QCryptographicHash outHash(QCryptographicHash::Sha256);
    QCryptographicHash outMd5(QCryptographicHash::Md5);
    Gzip::Stats stats;
    uLong crc = crc32(0L, nullptr, 0);
    qint64 written = 0; // input bytes whose deflated form is in the output
    qint64 reported = -1;

    const auto write = [&](const char *data, qint64 size) {
        const QByteArrayView bytes(data, size);
        outHash.addData(bytes);
        outMd5.addData(bytes);
        stats.outputBytes += size;
        return out.write(data, size) == size;
    };
    const QString writeFailed = tr("Writing %1 failed: %2. Is the disk full?");

    // The gzip header: no name, no mtime (so equal input gives equal bytes), OS = Unix.
    QByteArray header("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    header[8] = char(level == 9 ? 2 : level == 1 ? 4 : 0); // XFL, as zlib sets it
    if (!write(header.constData(), header.size()))
        return R::fail(writeFailed.arg(output, out.errorString()));

    Workers workers(workerCount, level);
    std::deque<std::shared_ptr<Block>> inFlight; // in input order

    // Writes the oldest block once its worker is done with it.
    const auto writeOldest = [&]() -> QString {
        const std::shared_ptr<Block> block = std::move(inFlight.front());
        inFlight.pop_front();
        workers.waitFor(*block);
        if (!block->error.isEmpty())
            return tr("Compressing %1 failed (%2).").arg(input, block->error);
        if (!write(reinterpret_cast<const char *>(block->deflated.data()),
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
    if (readBlock(in, current->input, kBlockSize) < 0)
        return R::fail(tr("Reading %1 failed: %2.").arg(input, in.errorString()));
    for (;;) {
        if (cancel && cancel->load())
            return R::fail(tr("Cancelled."));
        inHash.addData(QByteArrayView(reinterpret_cast<const char *>(current->input.data()),
                                      qsizetype(current->input.size())));
        stats.inputBytes += qint64(current->input.size());

        // Reading one block ahead tells whether this one ends the stream; a file that ends on a
        // block boundary then finishes with a full block, not an empty one.
        auto next = std::make_shared<Block>();
        if (current->input.size() == std::size_t(kBlockSize)) {
            if (readBlock(in, next->input, kBlockSize) < 0)
                return R::fail(tr("Reading %1 failed: %2.").arg(input, in.errorString()));
        }
        current->last = next->input.empty();
        if (!current->last)
            next->dictionary.assign(current->input.end() - kDictionarySize, current->input.end());

        workers.submit(current);
        inFlight.push_back(current);
        while (inFlight.size() >= maxInFlight || (current->last && !inFlight.empty())) {
            const QString error = writeOldest();
            if (!error.isEmpty())
                return R::fail(error);
        }
        if (current->last)
            break;
        current = std::move(next);
    }

    QByteArray trailer;
    putLittleEndian32(trailer, quint32(crc));
    putLittleEndian32(trailer, quint32(stats.inputBytes & 0xffffffff)); // ISIZE: size mod 2^32
    if (!write(trailer.constData(), trailer.size()) || !out.commit())
        return R::fail(writeFailed.arg(output, out.errorString()));

    stats.inputSha256 = QString::fromLatin1(inHash.result().toHex());
    stats.outputSha256 = QString::fromLatin1(outHash.result().toHex());
    stats.outputMd5 = QString::fromLatin1(outMd5.result().toHex());
    return R::ok(stats);
}

} // namespace lk

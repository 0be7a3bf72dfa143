// One standard gzip stream compressed on several cores (the pigz design), hashed in one pass.
#include "ParallelGzip.h"

#include "Digest.h"
#include "PipeTee.h"
#include "ZeroRunDeflate.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
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
    Bytes dictionary; // zlib only: the last 32 KiB before `input`; empty for the first block
    bool last = false;

    // Filled in by a worker.
    Bytes deflated;
    uLong crc = 0;
    QString error;
    bool done = false;
};

// zlib: deflates one block into a raw deflate fragment that ends on a byte boundary (sync
// flush), or that ends the deflate stream (the last block, or every block when `whole`).
QString zlibDeflate(z_stream &stream, Block &block, bool whole = false)
{
    if (deflateReset(&stream) != Z_OK)
        return QStringLiteral("deflateReset");
    if (!block.dictionary.empty() &&
        deflateSetDictionary(&stream, block.dictionary.data(),
                             static_cast<uInt>(block.dictionary.size())) != Z_OK)
        return QStringLiteral("deflateSetDictionary");

    const bool finish = block.last || whole;
    const int flush = finish ? Z_FINISH : Z_SYNC_FLUSH;
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
        if (finish ? rc == Z_STREAM_END : stream.avail_out != 0)
            break;
    }
    block.deflated.resize(produced);
    return {};
}

// libdeflate: `block.deflated` is a whole deflate stream. Inflates it once, which proves it
// gives back exactly the input and finds where its last block begins; unless this is the
// stream's last block, clears that block's "final" bit and appends an empty stored block
// (00 00 FF FF, as a sync flush ends), so the next fragment can follow on a byte boundary.
QString makeJoinable(z_stream &inflater, Bytes &scratch, Block &block)
{
    Bytes &d = block.deflated;
    if (inflateReset(&inflater) != Z_OK)
        return QStringLiteral("inflateReset");
    scratch.resize(block.input.size() + 1); // one spare byte: a longer result is noticed
    inflater.next_in = d.data();
    inflater.avail_in = static_cast<uInt>(d.size());
    inflater.next_out = scratch.data();
    inflater.avail_out = static_cast<uInt>(scratch.size());
    std::size_t lastHeaderBit = 0; // deflate packs bits from the least significant one
    int unusedBits = -1;           // after the final block, in its last byte
    for (;;) {
        // Z_BLOCK returns at each block boundary. Bit 7 of data_type says we are at one, bit 6
        // that the block just finished was the final one, and the low three bits count the bits
        // of the last byte read that come after the boundary.
        const int rc = inflate(&inflater, Z_BLOCK);
        if (rc == Z_STREAM_END)
            break;
        if (rc != Z_OK)
            return QStringLiteral("the block does not inflate (%1)")
                .arg(QString::fromLatin1(inflater.msg ? inflater.msg : "truncated"));
        if (inflater.data_type & 128) {
            const int unused = inflater.data_type & 7;
            if (inflater.data_type & 64)
                unusedBits = unused;
            else
                lastHeaderBit = std::size_t(inflater.next_in - d.data()) * 8 - std::size_t(unused);
        }
    }
    if (inflater.avail_in != 0 || unusedBits < 0)
        return QStringLiteral("the block has bytes after its end");
    if (inflater.total_out != block.input.size() ||
        (!block.input.empty() && std::memcmp(scratch.data(), block.input.data(), block.input.size()) != 0))
        return QStringLiteral("the block does not inflate to its input");
    if (block.last)
        return {};

    d[lastHeaderBit / 8] &= static_cast<unsigned char>(~(1u << (lastHeaderBit % 8)));
    // The padding bits after the last block are zero; the stored block's three header bits
    // (not final, type 00) fit in them, or spill into one more zero byte.
    d.back() &= static_cast<unsigned char>(0xffu >> unusedBits);
    if (unusedBits < 3)
        d.push_back(0);
    d.insert(d.end(), {0x00, 0x00, 0xff, 0xff});
    return {};
}

// Random or already compressed data (photos in BLOBs, say) hardly deflates, yet costs
// libdeflate as much time as any other data: about 12 s of CPU at level 6 for 400 MB here, to
// save 4 % (the zeros of free space in SQLite's pages). So the libdeflate engine first
// deflates four slices of each block, 16 KiB from its start, its quarters and its end, at
// level 1 (1/16 of the block, at a fraction of the cost), and then:
// - when they keep 90 % or more of their size, and ZeroRunDeflate (which stores the data and
//   encodes only its runs of zeros, at the speed of a copy) keeps no more than 1 % more of the
//   same slices, or when they keep 99 % or more: ZeroRunDeflate. On the bench's BLOB database
//   it kept 95.95 % of 400 MB in 0.08 s; level 6 kept 95.95 % in 5.7 s, level 1 96.00 % in 4.3 s;
// - when they keep 90 % or more but there is more to find than zeros: zlib's run-length
//   strategy (runs of any byte);
// - otherwise deflates it at the profile's level.
constexpr std::size_t kSampleSlice = 16 * 1024;
constexpr std::size_t kSampleSlices = 4;
constexpr double kStoreFrom = 0.99;
constexpr double kRunsFrom = 0.90;
constexpr double kZeroRunSlack = 0.01;

// The per-thread state of one engine.
class Deflater
{
public:
    Deflater(ParallelGzip::Engine engine, int level) : m_engine(engine)
    {
        if (engine == ParallelGzip::Engine::Zlib) {
            m_ready = deflateInit2(&m_zlib, level, Z_DEFLATED, kRawDeflate, kMemLevel,
                                   Z_DEFAULT_STRATEGY) == Z_OK;
        } else {
            m_libdeflate = libdeflate_alloc_compressor(level);
            m_fastest = libdeflate_alloc_compressor(1);
            m_ready = m_libdeflate && m_fastest &&
                      deflateInit2(&m_zlib, level, Z_DEFLATED, kRawDeflate, kMemLevel, Z_RLE) == Z_OK &&
                      inflateInit2(&m_inflater, kRawDeflate) == Z_OK;
        }
    }

    ~Deflater()
    {
        if (m_engine == ParallelGzip::Engine::Zlib) {
            deflateEnd(&m_zlib);
        } else {
            for (libdeflate_compressor *c : {m_libdeflate, m_fastest}) {
                if (c)
                    libdeflate_free_compressor(c);
            }
            deflateEnd(&m_zlib);
            inflateEnd(&m_inflater);
        }
    }

    Deflater(const Deflater &) = delete;
    Deflater &operator=(const Deflater &) = delete;

    QString deflateBlock(Block &block)
    {
        if (!m_ready)
            return QStringLiteral("cannot start the compressor");
        QString error;
        if (m_engine == ParallelGzip::Engine::Zlib) {
            error = zlibDeflate(m_zlib, block);
        } else {
            const Sample sample = sampleKeeps(block.input);
            if (sample.kept >= kStoreFrom || (sample.kept >= kRunsFrom &&
                                              sample.zeroRunKept <= sample.kept + kZeroRunSlack)) {
                block.deflated.clear();
                ZeroRunDeflate::compress(block.input.data(), block.input.size(), block.deflated);
            } else if (sample.kept >= kRunsFrom) {
                error = zlibDeflate(m_zlib, block, true); // more to find than zeros
            } else {
                block.deflated.resize(
                    libdeflate_deflate_compress_bound(m_libdeflate, block.input.size()) + 8);
                const std::size_t n = libdeflate_deflate_compress(
                    m_libdeflate, block.input.data(), block.input.size(), block.deflated.data(),
                    block.deflated.size());
                if (n == 0)
                    return QStringLiteral("libdeflate");
                block.deflated.resize(n);
            }
            if (error.isEmpty())
                error = makeJoinable(m_inflater, m_scratch, block);
        }
        if (error.isEmpty())
            block.crc = crc32(0L, block.input.data(), static_cast<uInt>(block.input.size()));
        return error;
    }

private:
    // The share of its size that a sample of `input` keeps at level 1 (at most 1), and with
    // ZeroRunDeflate; 0 for a block too small to sample, which is simply deflated.
    struct Sample
    {
        double kept = 0;
        double zeroRunKept = 0;
    };
    Sample sampleKeeps(const Bytes &input)
    {
        if (input.size() < kSampleSlices * kSampleSlice)
            return {};
        m_sample.resize(kSampleSlices * kSampleSlice);
        const std::size_t step = (input.size() - kSampleSlice) / (kSampleSlices - 1);
        for (std::size_t i = 0; i < kSampleSlices; ++i)
            std::memcpy(m_sample.data() + i * kSampleSlice, input.data() + i * step, kSampleSlice);
        // libdeflate gives 0 when the result does not fit: it keeps it all.
        m_sampleOut.resize(m_sample.size());
        const std::size_t n = libdeflate_deflate_compress(m_fastest, m_sample.data(), m_sample.size(),
                                                          m_sampleOut.data(), m_sampleOut.size());
        Sample sample;
        sample.kept = n == 0 ? 1.0 : double(n) / double(m_sample.size());
        if (sample.kept >= kRunsFrom) {
            m_sampleOut.clear();
            ZeroRunDeflate::compress(m_sample.data(), m_sample.size(), m_sampleOut);
            sample.zeroRunKept = double(m_sampleOut.size()) / double(m_sample.size());
        }
        return sample;
    }

    const ParallelGzip::Engine m_engine;
    bool m_ready = false;
    z_stream m_zlib{}; // the zlib engine's; the libdeflate engine's run-length one
    libdeflate_compressor *m_libdeflate = nullptr;
    libdeflate_compressor *m_fastest = nullptr; // for the sample
    Bytes m_sample;
    Bytes m_sampleOut;
    z_stream m_inflater{};
    Bytes m_scratch;
};

// One digest of a stream, on a thread of its own: the thread that reads and writes then only
// reads and writes. On data that hardly compresses the three digests (SHA-256 of input and
// output, MD5 of the output: 1.1 s for 400 MB here, MD5 alone 0.6 s) took most of its time.
// Each piece keeps its owner (a block) alive until hashed; at most kMaxQueued wait.
class HashThread
{
public:
    explicit HashThread(Digest::Algorithm algorithm) : m_digest(algorithm)
    {
        m_thread = std::thread([this] { work(); });
    }
    ~HashThread() { finish(); }
    HashThread(const HashThread &) = delete;
    HashThread &operator=(const HashThread &) = delete;

    void add(std::shared_ptr<const void> owner, const unsigned char *data, std::size_t size)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_queue.size() < kMaxQueued; });
        m_queue.push_back({std::move(owner), data, size});
        m_changed.notify_all();
    }
    // Waits until everything given is hashed; the digest is then whole.
    QString result()
    {
        finish();
        return m_digest.hexResult();
    }

private:
    static constexpr std::size_t kMaxQueued = 8;
    struct Piece
    {
        std::shared_ptr<const void> owner;
        const unsigned char *data;
        std::size_t size;
    };

    void finish()
    {
        {
            std::lock_guard lock(m_mutex);
            m_ending = true;
            m_changed.notify_all();
        }
        if (m_thread.joinable())
            m_thread.join();
    }
    void work()
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

    Digest m_digest;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Piece> m_queue;
    bool m_ending = false;
    std::thread m_thread;
};

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
        Deflater deflater(m_engine, m_level);
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
        stats = R::fail(tr("Writing %1 failed: %2. Is the disk full?").arg(output, out.errorString()));
    if (stats && ::rename(QFile::encodeName(partial).constData(), QFile::encodeName(output).constData()) != 0)
        stats = R::fail(tr("Cannot write %1: %2.").arg(output, QString::fromLocal8Bit(std::strerror(errno))));
    if (!stats)
        QFile::remove(partial);
    return stats;
}

Result<Gzip::Stats> ParallelGzip::compress(QIODevice &in, qint64 inputSize, QIODevice &out,
                                           int level, int threads,
                                           const std::atomic_bool *cancel,
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
    const auto write = [&](const std::shared_ptr<const void> &owner, const char *data, qint64 size) {
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

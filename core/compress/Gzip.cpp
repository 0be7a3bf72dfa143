// Standard gzip streams with zlib, hashing input and output as they stream.
#include "compress/Gzip.h"

#include "compress/Digest.h"

#include <QFile>
#include <QSaveFile>

#include <zlib.h>

#include <vector>

namespace lk {

namespace {
constexpr qint64 kChunk = 1 << 20;
constexpr int kGzipWindowBits = 15 + 16; // zlib's way of asking for a gzip wrapper

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load();
}

// Drives deflate or inflate over two files; the two differ only in the zlib calls.
template <typename Step>
Result<Gzip::Stats> pump(const QString &input, const QString &output,
                         const std::atomic_bool *cancel, const Gzip::Progress &progress,
                         z_stream &stream, Step step)
{
    using R = Result<Gzip::Stats>;
    QFile in(input);
    if (!in.open(QIODevice::ReadOnly))
        return R::fail(Gzip::tr("Cannot read %1: %2.").arg(input, in.errorString()));
    QSaveFile out(output);
    if (!out.open(QIODevice::WriteOnly))
        return R::fail(Gzip::tr("Cannot write %1: %2.").arg(output, out.errorString()));

    Digest inHash(Digest::Algorithm::Sha256);
    Digest outHash(Digest::Algorithm::Sha256);
    Digest outMd5(Digest::Algorithm::Md5);
    std::vector<char> inBuf(kChunk);
    std::vector<char> outBuf(kChunk);
    const qint64 total = in.size();
    Gzip::Stats stats;
    bool finished = false;

    while (!finished) {
        if (cancelled(cancel))
            return R::fail(Gzip::tr("Cancelled."));
        const qint64 got = in.read(inBuf.data(), kChunk);
        if (got < 0)
            return R::fail(Gzip::tr("Reading %1 failed: %2.").arg(input, in.errorString()));
        const bool atEnd = got == 0 || in.atEnd();
        inHash.addData(QByteArrayView(inBuf.data(), got));
        stats.inputBytes += got;
        stream.next_in = reinterpret_cast<Bytef *>(inBuf.data());
        stream.avail_in = static_cast<uInt>(got);
        do {
            stream.next_out = reinterpret_cast<Bytef *>(outBuf.data());
            stream.avail_out = static_cast<uInt>(kChunk);
            const int rc = step(atEnd);
            if (rc == Z_STREAM_END) {
                finished = true;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                return R::fail(
                    Gzip::tr("%1 is not a valid gzip stream (%2).")
                        .arg(input, QString::fromLatin1(stream.msg ? stream.msg : "zlib error")));
            }
            const qint64 produced = kChunk - stream.avail_out;
            if (produced > 0) {
                const QByteArrayView chunk(outBuf.data(), produced);
                outHash.addData(chunk);
                outMd5.addData(chunk);
                if (out.write(outBuf.data(), produced) != produced)
                    return R::fail(Gzip::tr("Writing %1 failed: %2. Is the disk full?")
                                       .arg(output, out.errorString()));
                stats.outputBytes += produced;
            }
        } while (stream.avail_out == 0 && !finished);
        if (!finished && atEnd && stream.avail_in == 0 && got == 0)
            return R::fail(
                Gzip::tr("%1 ends before its gzip stream does (truncated?).").arg(input));
        if (progress)
            progress(stats.inputBytes, total);
    }
    if (!out.commit())
        return R::fail(
            Gzip::tr("Writing %1 failed: %2. Is the disk full?").arg(output, out.errorString()));
    stats.inputSha256 = inHash.hexResult();
    stats.outputSha256 = outHash.hexResult();
    stats.outputMd5 = outMd5.hexResult();
    return R::ok(stats);
}
} // namespace

Result<Gzip::Stats> Gzip::compressFile(const QString &input, const QString &output, int level,
                                       const std::atomic_bool *cancel, const Progress &progress)
{
    z_stream stream{};
    if (deflateInit2(&stream, qBound(1, level, 9), Z_DEFLATED, kGzipWindowBits, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        return Result<Stats>::fail(tr("Cannot start the compressor."));
    auto result = pump(input, output, cancel, progress, stream, [&stream](bool atEnd) {
        return deflate(&stream, atEnd ? Z_FINISH : Z_NO_FLUSH);
    });
    deflateEnd(&stream);
    return result;
}

Result<Gzip::Stats> Gzip::decompressFile(const QString &input, const QString &output,
                                         const std::atomic_bool *cancel, const Progress &progress)
{
    z_stream stream{};
    if (inflateInit2(&stream, kGzipWindowBits) != Z_OK)
        return Result<Stats>::fail(tr("Cannot start the decompressor."));
    auto result = pump(input, output, cancel, progress, stream,
                       [&stream](bool) { return inflate(&stream, Z_NO_FLUSH); });
    inflateEnd(&stream);
    return result;
}

struct Gzip::Inflater::State
{
    z_stream stream{};
    std::vector<char> buffer = std::vector<char>(kChunk);
};

Gzip::Inflater::Inflater() : m_state(new State)
{
    if (inflateInit2(&m_state->stream, kGzipWindowBits) != Z_OK)
        m_error = tr("Cannot start the decompressor.");
}

Gzip::Inflater::~Inflater()
{
    inflateEnd(&m_state->stream);
    delete m_state;
}

bool Gzip::Inflater::feed(QByteArrayView compressed, const Output &output)
{
    if (!m_error.isEmpty())
        return false;
    if (compressed.isEmpty())
        return true;
    if (m_finished) {
        m_error = tr("there are extra bytes after the end of the gzip stream");
        return false;
    }
    z_stream &s = m_state->stream;
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    s.avail_in = static_cast<uInt>(compressed.size());
    while (s.avail_in > 0 && !m_finished) {
        s.next_out = reinterpret_cast<Bytef *>(m_state->buffer.data());
        s.avail_out = static_cast<uInt>(kChunk);
        const int rc = inflate(&s, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            m_finished = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            m_error = tr("the data is not a valid gzip stream (%1)")
                          .arg(QString::fromLatin1(s.msg ? s.msg : "zlib error"));
            return false;
        }
        const qint64 produced = kChunk - s.avail_out;
        if (produced > 0 && !output(QByteArrayView(m_state->buffer.data(), produced)))
            return false;
        if (rc == Z_BUF_ERROR && produced == 0)
            break;
    }
    if (m_finished && s.avail_in > 0) {
        m_error = tr("there are extra bytes after the end of the gzip stream");
        return false;
    }
    return true;
}

} // namespace lk

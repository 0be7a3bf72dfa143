// One standard gzip stream compressed on several cores (the pigz design), hashed in one pass.
#pragma once

#include "compress/Gzip.h"
#include "jobs/Result.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QString>

#include <atomic>

namespace lk {

class ParallelGzip
{
    Q_DECLARE_TR_FUNCTIONS(ParallelGzip)

public:
    // What deflates each block. Both give one standard gzip stream; bench/README.md has the
    // measurements behind the default.
    enum class Engine
    {
        // zlib, pigz's design: 128 KiB blocks, each primed with the last 32 KiB of the block
        // before it and ended with a sync flush.
        Zlib,
        // libdeflate, about twice as fast as zlib at the same level: 1 MiB blocks (it cannot be
        // primed with a dictionary, so bigger blocks keep the size close to gzip's). Each block
        // ends a deflate stream of its own; it is inflated once to check it against its input
        // and to find its last block header, whose "final" bit is cleared, and an empty stored
        // block brings it to a byte boundary, so the blocks join into one stream.
        Libdeflate,
    };
    static constexpr Engine kDefaultEngine = Engine::Libdeflate;
    static constexpr qint64 kZlibBlockSize = 128 * 1024;
    static constexpr qint64 kLibdeflateBlockSize = 1024 * 1024;
    static constexpr qint64 kDictionarySize = 32 * 1024; // deflate's whole window

    static qint64 blockSize(Engine engine)
    {
        return engine == Engine::Zlib ? kZlibBlockSize : kLibdeflateBlockSize;
    }

    // The number of workers when a call asks for <= 0: the compression_threads setting
    // (Config applies it), where 0 means one per core.
    static void setDefaultThreads(int threads);
    static int defaultThreads();

    // Writes one gzip stream of `input` to `output` at `level` (1-9) with `threads` workers
    // (<= 0: defaultThreads()). The bytes depend only on the input, the level and the engine, never
    // on `threads`. At most two blocks per worker are in memory at once, whatever the size of
    // the input. With `alsoToPipe` (a descriptor, left open), the same bytes go to that pipe as
    // they are made, for as long as its reader takes them (see PipeTee); `output` is made whole
    // either way.
    static Result<Gzip::Stats> compressFile(const QString &input, const QString &output, int level,
                                            int threads, const std::atomic_bool *cancel = nullptr,
                                            const Gzip::Progress &progress = {},
                                            Engine engine = kDefaultEngine, int alsoToPipe = -1);

    // The same from an open device to an open device (a pipe, say); `inputSize` is only for
    // progress. Writes are blocking: a slow reader of `out` slows the compressor, it never
    // makes it buffer more. `out` is neither committed nor closed.
    static Result<Gzip::Stats> compress(QIODevice &in, qint64 inputSize, QIODevice &out, int level,
                                        int threads, const std::atomic_bool *cancel = nullptr,
                                        const Gzip::Progress &progress = {},
                                        Engine engine = kDefaultEngine);
};

} // namespace lk

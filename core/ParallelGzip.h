// One standard gzip stream compressed on several cores (the pigz design), hashed in one pass.
#pragma once

#include "Gzip.h"
#include "Result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>

namespace lk {

class ParallelGzip
{
    Q_DECLARE_TR_FUNCTIONS(ParallelGzip)

public:
    // Input is cut into fixed blocks; each is deflated on its own, primed with the last 32 KiB
    // of the block before it, so the stream is nearly as small as a single-threaded one.
    static constexpr qint64 kBlockSize = 128 * 1024;
    static constexpr qint64 kDictionarySize = 32 * 1024; // deflate's whole window

    // Writes one gzip stream of `input` to `output` at zlib `level` (1-9) with `threads` workers
    // (<= 0: one per core). The bytes depend only on the input and the level, never on `threads`.
    // At most two blocks per worker are in memory at once, whatever the size of the input.
    static Result<Gzip::Stats> compressFile(const QString &input, const QString &output, int level,
                                            int threads, const std::atomic_bool *cancel = nullptr,
                                            const Gzip::Progress &progress = {});
};

} // namespace lk

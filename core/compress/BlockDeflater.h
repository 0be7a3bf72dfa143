// One block of a parallel gzip stream deflated into a fragment the next one can follow: the
// zlib engine (pigz-style, primed with the previous 32 KiB, sync-flushed) or the libdeflate
// engine (each block a whole stream, sampled first, inflated once to prove it and made
// joinable). One per worker thread of ParallelGzip.
#pragma once

#include "compress/ParallelGzip.h"

#include <QString>

#include <zlib.h>

#include <memory>
#include <vector>

namespace lk {

class BlockDeflater
{
public:
    using Bytes = std::vector<unsigned char>;

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

    BlockDeflater(ParallelGzip::Engine engine, int level);
    ~BlockDeflater();
    BlockDeflater(const BlockDeflater &) = delete;
    BlockDeflater &operator=(const BlockDeflater &) = delete;

    // Fills `block.deflated` and `block.crc`; an error (empty if none) says why it could not.
    QString deflateBlock(Block &block);

private:
    class Engine;
    std::unique_ptr<Engine> m_engine;
};

} // namespace lk

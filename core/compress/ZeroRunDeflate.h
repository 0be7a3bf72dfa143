// A deflate encoder for data that is random except for runs of zero bytes: the pages of a
// database of photos or other compressed BLOBs, whose only redundancy is the free space
// between cells. Runs of zeros become copies (a literal zero, then length-258 copies at
// distance 1) in fixed-Huffman blocks; everything else is stored. On such data it keeps within
// a fraction of a percent of what libdeflate's level 1 keeps, at the speed of a copy.
#pragma once

#include <cstddef>
#include <vector>

namespace lk::ZeroRunDeflate {

// Shorter runs of zeros are stored with their neighbours: a block switch costs about as much.
constexpr std::size_t kMinRun = 32;

// Appends to `out` one complete raw deflate stream (its last block final) of `size` bytes at
// `data`. Any input is valid; one without long zero runs comes out stored.
void compress(const unsigned char *data, std::size_t size, std::vector<unsigned char> &out);

} // namespace lk::ZeroRunDeflate

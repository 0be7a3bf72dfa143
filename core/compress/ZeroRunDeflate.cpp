// Stored blocks for data, fixed-Huffman copies for runs of zeros (RFC 1951).
#include "compress/ZeroRunDeflate.h"

#include <cstdint>
#include <cstring>

namespace lk::ZeroRunDeflate {

namespace {

constexpr std::size_t kMaxStored = 65535; // LEN of a stored block is 16 bits
constexpr unsigned kEndOfBlock = 256;
constexpr unsigned kLongest = 258; // the longest copy deflate has

// Deflate writes its bit fields from the least significant bit of each byte on.
class BitWriter
{
public:
    explicit BitWriter(std::vector<unsigned char> &out) : m_out(out) {}

    void put(std::uint32_t bits, int count)
    {
        m_bits |= std::uint64_t(bits) << m_count;
        m_count += count;
        while (m_count >= 8) {
            m_out.push_back(static_cast<unsigned char>(m_bits));
            m_bits >>= 8;
            m_count -= 8;
        }
    }
    // Huffman codes go most significant bit first, unlike every other field.
    void putCode(std::uint32_t code, int length)
    {
        std::uint32_t reversed = 0;
        for (int i = 0; i < length; ++i)
            reversed |= ((code >> i) & 1u) << (length - 1 - i);
        put(reversed, length);
    }
    void alignToByte()
    {
        if (m_count > 0)
            put(0, 8 - m_count);
    }
    void append(const unsigned char *data, std::size_t size)
    {
        m_out.insert(m_out.end(), data, data + size);
    }

private:
    std::vector<unsigned char> &m_out;
    std::uint64_t m_bits = 0;
    int m_count = 0;
};

// The fixed literal/length code of RFC 1951, 3.2.6.
void putSymbol(BitWriter &w, unsigned symbol)
{
    if (symbol <= 143)
        w.putCode(0x30 + symbol, 8);
    else if (symbol <= 255)
        w.putCode(0x190 + (symbol - 144), 9);
    else if (symbol <= 279)
        w.putCode(symbol - 256, 7);
    else
        w.putCode(0xc0 + (symbol - 280), 8);
}

// A copy of `length` (3..258) bytes at distance 1.
void putCopy(BitWriter &w, unsigned length)
{
    static constexpr unsigned kBase[] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                         15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                         67, 83, 99, 115, 131, 163, 195, 227, 258};
    static constexpr int kExtra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                     2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    unsigned code = 28;
    while (kBase[code] > length)
        --code;
    putSymbol(w, 257 + code);
    if (kExtra[code] > 0)
        w.put(length - kBase[code], kExtra[code]);
    w.put(0, 5); // distance code 0: distance 1, no extra bits
}

void putStored(BitWriter &w, const unsigned char *data, std::size_t size)
{
    while (size > 0) {
        const std::size_t n = size < kMaxStored ? size : kMaxStored;
        w.put(0, 3); // not final, type 00
        w.alignToByte();
        const unsigned char header[4] = {
            static_cast<unsigned char>(n), static_cast<unsigned char>(n >> 8),
            static_cast<unsigned char>(~n), static_cast<unsigned char>(~n >> 8)};
        w.append(header, 4);
        w.append(data, n);
        data += n;
        size -= n;
    }
}

void putZeros(BitWriter &w, std::size_t length)
{
    w.put(2, 3); // not final, type 01 (fixed Huffman)
    putSymbol(w, 0);
    std::size_t left = length - 1;
    while (left > 0) {
        if (left >= 3) {
            // Never leave 1 or 2 bytes after a long copy: they would need literals.
            const std::size_t n =
                left > kLongest ? (left - kLongest < 3 ? left - 3 : kLongest) : left;
            putCopy(w, static_cast<unsigned>(n));
            left -= n;
        } else {
            putSymbol(w, 0);
            --left;
        }
    }
    putSymbol(w, kEndOfBlock);
}

// The length of the run of zeros starting at `at`.
std::size_t zerosFrom(const unsigned char *data, std::size_t size, std::size_t at)
{
    std::size_t end = at;
    while (end < size && data[end] == 0)
        ++end;
    return end - at;
}

} // namespace

void compress(const unsigned char *data, std::size_t size, std::vector<unsigned char> &out)
{
    out.reserve(out.size() + size + size / kMaxStored * 5 + 16);
    BitWriter w(out);
    std::size_t pending = 0; // start of the bytes not yet written
    std::size_t i = 0;
    // A run of kMinRun zeros covers at least three whole aligned 8-byte words; look at words
    // until one is zero, then measure the run around it.
    constexpr std::size_t kWord = sizeof(std::uint64_t);
    while (i + kWord <= size) {
        std::uint64_t word;
        std::memcpy(&word, data + i, kWord);
        if (word != 0) {
            i += kWord;
            continue;
        }
        std::size_t start = i;
        while (start > pending && data[start - 1] == 0)
            --start;
        const std::size_t run = zerosFrom(data, size, i) + (i - start);
        if (run >= kMinRun) {
            putStored(w, data + pending, start - pending);
            putZeros(w, run);
            pending = start + run;
        }
        i = start + run;
        i += kWord - (i % kWord == 0 ? kWord : i % kWord); // back to word steps
        if (i < pending)
            i = pending;
    }
    putStored(w, data + pending, size - pending);
    // An empty final block ends the stream.
    w.put(3, 3); // final, type 01
    putSymbol(w, kEndOfBlock);
    w.alignToByte();
}

} // namespace lk::ZeroRunDeflate

// An SQLite VFS for checking a database that nothing writes to: it keeps index pages in memory.
#pragma once

#include <QtGlobal>

namespace lk {

// PRAGMA integrity_check looks every row of a table up in each of its indexes, in the table's
// order, so at random in the indexes: one read of a page from the kernel per row when the
// indexes are larger than SQLite's page cache. Here a read costs about 2 us of system time, and
// the 400 MB bench database (3.9 million rows, a 114 MiB index) spent 8 of its 14 s in them.
// A bigger SQLite cache helps little and costs CPU (every table page passes through it too);
// mmap would help most, but mapped pages count as the process's resident memory, the whole
// file of them. This VFS sits on the default one and keeps the index b-tree pages it reads
// (page type 2 or 10) in a bounded cache of its own, first in, first out; table pages, read
// once each in order, go straight through. Only for read-only connections to files that do
// not change while open (a downloaded copy); any write empties the cache.
class CheckVfs
{
public:
    // The VFS's name for sqlite3_open_v2, registered on first use (not as the default); null if
    // SQLite has no default VFS to build on.
    static const char *name();
    // The most memory each open database file's cache may take (default 80 MiB). It also takes
    // no more than keeps the process under kProcessCeiling as it was when the file was opened
    // (Linux; the tray application starts higher than the command line). Restore and
    // verification run their checks after rclone has exited, so LiteKeep and rclone stay within
    // issue 8's 128 MiB.
    static constexpr qint64 kDefaultCacheBytes = 80 * 1024 * 1024;
    static constexpr qint64 kProcessCeiling = 112 * 1024 * 1024;
    static void setCacheBytes(qint64 bytes);
    // Another ceiling (tests: under AddressSanitizer the process alone is above 112 MiB).
    static void setProcessCeiling(qint64 bytes);

    // Reads served from the cache and reads passed on, over all files since the start (for
    // tests and benchmarks).
    struct Counters
    {
        qint64 hits = 0;
        qint64 misses = 0;
    };
    static Counters counters();
};

} // namespace lk

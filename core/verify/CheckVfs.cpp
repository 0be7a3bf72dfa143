// An SQLite VFS for checking a database that nothing writes to: it keeps index pages in memory.
#include "verify/CheckVfs.h"

#include <QFile>
#include <QList>

#include <sqlite3.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace lk {

namespace {

std::atomic<qint64> g_cacheBytes{CheckVfs::kDefaultCacheBytes};
std::atomic<qint64> g_ceiling{CheckVfs::kProcessCeiling};
std::atomic<qint64> g_hits{0};
std::atomic<qint64> g_misses{0};

sqlite3_vfs *g_real = nullptr; // the default VFS this one sits on

// The index pages of one file, in one block of memory allocated as it fills. For one
// connection's thread (SQLite calls a file's methods from one thread at a time).
class PageCache
{
public:
    explicit PageCache(qint64 budget) : m_budget(std::max<qint64>(budget, 0)) {}

    bool read(sqlite3_int64 offset, void *out, int size)
    {
        if (size != m_pageSize)
            return false;
        const auto it = m_slotOf.find(offset);
        if (it == m_slotOf.end())
            return false;
        std::memcpy(out, m_pages.data() + it->second * std::size_t(size), std::size_t(size));
        return true;
    }

    void keep(sqlite3_int64 offset, const void *page, int size)
    {
        if (size < 512 || size > 65536 || (size & (size - 1)) != 0)
            return; // not a page
        if (m_pageSize != size) {
            clear(); // the first page read sets the size; another size starts over
            m_pageSize = size;
            m_capacity = std::size_t(m_budget / size);
            // Address space only: the memory becomes resident as pages fill it, and the block
            // never moves (a growing vector would briefly need twice the budget).
            m_pages.reserve(m_capacity * std::size_t(size));
        }
        if (m_capacity == 0)
            return;
        std::size_t slot;
        if (m_owner.size() < m_capacity) {
            slot = m_owner.size();
            m_owner.push_back(offset);
            m_pages.resize(m_owner.size() * std::size_t(size));
        } else {
            slot = m_next;
            m_next = (m_next + 1) % m_capacity; // first in, first out
            m_slotOf.erase(m_owner[slot]);
            m_owner[slot] = offset;
        }
        m_slotOf[offset] = slot;
        std::memcpy(m_pages.data() + slot * std::size_t(size), page, std::size_t(size));
    }

    void clear()
    {
        m_slotOf.clear();
        m_owner.clear();
        m_pages.clear();
        m_pages.shrink_to_fit();
        m_next = 0;
    }

private:
    const qint64 m_budget;
    int m_pageSize = 0;
    std::size_t m_capacity = 0;
    std::vector<char> m_pages;
    std::vector<sqlite3_int64> m_owner; // the offset each slot holds
    std::unordered_map<sqlite3_int64, std::size_t> m_slotOf;
    std::size_t m_next = 0;
};

// The process's resident memory now (Linux: /proc/self/statm); 0 where unknown.
qint64 residentBytes()
{
#if defined(Q_OS_LINUX)
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (statm.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = statm.readLine().split(' ');
        if (fields.size() > 1)
            return fields.at(1).toLongLong() * ::sysconf(_SC_PAGESIZE);
    }
#endif
    return 0;
}

// Our file: SQLite allocates szOsFile bytes; the real VFS's file follows this header.
struct File
{
    sqlite3_file base;
    sqlite3_file *real;
    PageCache *cache; // main database files only
};

sqlite3_file *real(sqlite3_file *f)
{
    return reinterpret_cast<File *>(f)->real;
}

bool isIndexPage(const void *page, int size, sqlite3_int64 offset)
{
    // The b-tree page header starts at 0, or at 100 on page 1 (after the database header).
    const std::size_t at = offset == 0 ? 100 : 0;
    if (std::size_t(size) <= at)
        return false;
    const unsigned char type = static_cast<const unsigned char *>(page)[at];
    return type == 2 || type == 10; // interior and leaf index b-tree pages
}

int xClose(sqlite3_file *f)
{
    auto *file = reinterpret_cast<File *>(f);
    const int rc = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
    delete file->cache;
    file->cache = nullptr;
    return rc;
}

int xRead(sqlite3_file *f, void *out, int amount, sqlite3_int64 offset)
{
    auto *file = reinterpret_cast<File *>(f);
    if (file->cache && file->cache->read(offset, out, amount)) {
        g_hits.fetch_add(1, std::memory_order_relaxed);
        return SQLITE_OK;
    }
    const int rc = file->real->pMethods->xRead(file->real, out, amount, offset);
    if (file->cache && rc == SQLITE_OK) {
        g_misses.fetch_add(1, std::memory_order_relaxed);
        if (isIndexPage(out, amount, offset))
            file->cache->keep(offset, out, amount);
    }
    return rc;
}

int xWrite(sqlite3_file *f, const void *data, int amount, sqlite3_int64 offset)
{
    auto *file = reinterpret_cast<File *>(f);
    if (file->cache)
        file->cache->clear();
    return file->real->pMethods->xWrite(file->real, data, amount, offset);
}

int xTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    auto *file = reinterpret_cast<File *>(f);
    if (file->cache)
        file->cache->clear();
    return file->real->pMethods->xTruncate(file->real, size);
}

int xSync(sqlite3_file *f, int flags)
{
    return real(f)->pMethods->xSync(real(f), flags);
}
int xFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    return real(f)->pMethods->xFileSize(real(f), size);
}
int xLock(sqlite3_file *f, int lock)
{
    return real(f)->pMethods->xLock(real(f), lock);
}
int xUnlock(sqlite3_file *f, int lock)
{
    return real(f)->pMethods->xUnlock(real(f), lock);
}
int xCheckReservedLock(sqlite3_file *f, int *out)
{
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int xFileControl(sqlite3_file *f, int op, void *arg)
{
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int xSectorSize(sqlite3_file *f)
{
    return real(f)->pMethods->xSectorSize(real(f));
}
int xDeviceCharacteristics(sqlite3_file *f)
{
    return real(f)->pMethods->xDeviceCharacteristics(real(f));
}

int xShmMap(sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
    const sqlite3_io_methods *m = real(f)->pMethods;
    return m->iVersion >= 2 && m->xShmMap ? m->xShmMap(real(f), region, size, extend, out)
                                          : SQLITE_IOERR;
}
int xShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    const sqlite3_io_methods *m = real(f)->pMethods;
    return m->iVersion >= 2 && m->xShmLock ? m->xShmLock(real(f), offset, n, flags) : SQLITE_IOERR;
}
void xShmBarrier(sqlite3_file *f)
{
    const sqlite3_io_methods *m = real(f)->pMethods;
    if (m->iVersion >= 2 && m->xShmBarrier)
        m->xShmBarrier(real(f));
}
int xShmUnmap(sqlite3_file *f, int deleteFlag)
{
    const sqlite3_io_methods *m = real(f)->pMethods;
    return m->iVersion >= 2 && m->xShmUnmap ? m->xShmUnmap(real(f), deleteFlag) : SQLITE_OK;
}
// No memory-mapped pages: every read goes through xRead (SQLite falls back when xFetch gives
// none).
int xFetch(sqlite3_file *, sqlite3_int64, int, void **out)
{
    *out = nullptr;
    return SQLITE_OK;
}
int xUnfetch(sqlite3_file *, sqlite3_int64, void *)
{
    return SQLITE_OK;
}

const sqlite3_io_methods kMethods = {
    3,
    xClose,
    xRead,
    xWrite,
    xTruncate,
    xSync,
    xFileSize,
    xLock,
    xUnlock,
    xCheckReservedLock,
    xFileControl,
    xSectorSize,
    xDeviceCharacteristics,
    xShmMap,
    xShmLock,
    xShmBarrier,
    xShmUnmap,
    xFetch,
    xUnfetch,
};

int xOpen(sqlite3_vfs *, const char *name, sqlite3_file *f, int flags, int *outFlags)
{
    auto *file = reinterpret_cast<File *>(f);
    file->real = reinterpret_cast<sqlite3_file *>(file + 1);
    file->cache = nullptr;
    file->base.pMethods = nullptr;
    const int rc = g_real->xOpen(g_real, name, file->real, flags, outFlags);
    if (rc != SQLITE_OK)
        return rc;
    if ((flags & SQLITE_OPEN_MAIN_DB) && (flags & SQLITE_OPEN_READONLY))
        file->cache =
            new PageCache(std::min(g_cacheBytes.load(), g_ceiling.load() - residentBytes()));
    file->base.pMethods = &kMethods;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return g_real->xDelete(g_real, name, syncDir);
}
int xAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return g_real->xAccess(g_real, name, flags, out);
}
int xFullPathname(sqlite3_vfs *, const char *name, int n, char *out)
{
    return g_real->xFullPathname(g_real, name, n, out);
}
void *xDlOpen(sqlite3_vfs *, const char *name)
{
    return g_real->xDlOpen(g_real, name);
}
void xDlError(sqlite3_vfs *, int n, char *out)
{
    g_real->xDlError(g_real, n, out);
}
void (*xDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return g_real->xDlSym(g_real, handle, symbol);
}
void xDlClose(sqlite3_vfs *, void *handle)
{
    g_real->xDlClose(g_real, handle);
}
int xRandomness(sqlite3_vfs *, int n, char *out)
{
    return g_real->xRandomness(g_real, n, out);
}
int xSleep(sqlite3_vfs *, int us)
{
    return g_real->xSleep(g_real, us);
}
int xCurrentTime(sqlite3_vfs *, double *out)
{
    return g_real->xCurrentTime(g_real, out);
}
int xGetLastError(sqlite3_vfs *, int n, char *out)
{
    return g_real->xGetLastError ? g_real->xGetLastError(g_real, n, out) : 0;
}
int xCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    if (g_real->iVersion >= 2 && g_real->xCurrentTimeInt64)
        return g_real->xCurrentTimeInt64(g_real, out);
    double days = 0;
    const int rc = g_real->xCurrentTime(g_real, &days);
    *out = sqlite3_int64(days * 86400000.0);
    return rc;
}

sqlite3_vfs g_vfs;

} // namespace

const char *CheckVfs::name()
{
    static std::once_flag once;
    static bool registered = false;
    std::call_once(once, [] {
        g_real = sqlite3_vfs_find(nullptr);
        if (!g_real)
            return;
        g_vfs = sqlite3_vfs{};
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = int(sizeof(File)) + g_real->szOsFile;
        g_vfs.mxPathname = g_real->mxPathname;
        g_vfs.zName = "litekeep-check";
        g_vfs.xOpen = xOpen;
        g_vfs.xDelete = xDelete;
        g_vfs.xAccess = xAccess;
        g_vfs.xFullPathname = xFullPathname;
        g_vfs.xDlOpen = xDlOpen;
        g_vfs.xDlError = xDlError;
        g_vfs.xDlSym = xDlSym;
        g_vfs.xDlClose = xDlClose;
        g_vfs.xRandomness = xRandomness;
        g_vfs.xSleep = xSleep;
        g_vfs.xCurrentTime = xCurrentTime;
        g_vfs.xGetLastError = xGetLastError;
        g_vfs.xCurrentTimeInt64 = xCurrentTimeInt64;
        registered = sqlite3_vfs_register(&g_vfs, 0) == SQLITE_OK;
    });
    return registered ? g_vfs.zName : nullptr;
}

void CheckVfs::setCacheBytes(qint64 bytes)
{
    g_cacheBytes = bytes;
}

void CheckVfs::setProcessCeiling(qint64 bytes)
{
    g_ceiling = bytes;
}

CheckVfs::Counters CheckVfs::counters()
{
    return {g_hits.load(), g_misses.load()};
}

} // namespace lk

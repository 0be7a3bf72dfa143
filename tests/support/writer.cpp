// litekeep-test-writer DB INTERVAL_MS DURATION_MS: commits to a WAL database every INTERVAL_MS
// milliseconds, like a busy application, and reports on stdout how it went as JSON:
// {"commits":N,"busy":M,"p99_ms":X,"max_ms":Y}. Busy timeout 0, so any lock LiteKeep
// takes that would block the application shows up as a busy error.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {
volatile std::sig_atomic_t g_stop = 0;
void onTerm(int)
{
    g_stop = 1;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s DB INTERVAL_MS DURATION_MS\n", argv[0]);
        return 2;
    }
    std::signal(SIGTERM, onTerm);
    const auto interval = std::chrono::milliseconds(std::atoi(argv[2]));
    const auto duration = std::chrono::milliseconds(std::atoi(argv[3]));

    sqlite3 *db = nullptr;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK)
        return 1;
    sqlite3_busy_timeout(db, 0);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS writer_log("
                 "id INTEGER PRIMARY KEY, at TEXT, payload BLOB)",
                 nullptr, nullptr, nullptr);
    std::fputs("ready\n", stderr);
    std::fflush(stderr);

    long commits = 0, busy = 0;
    std::vector<double> latencies;
    const auto start = std::chrono::steady_clock::now();
    while (!g_stop && std::chrono::steady_clock::now() - start < duration) {
        const auto t0 = std::chrono::steady_clock::now();
        const int rc = sqlite3_exec(db,
                                    "INSERT INTO writer_log(at, payload) "
                                    "VALUES (datetime('now'), randomblob(256))",
                                    nullptr, nullptr, nullptr);
        const auto t1 = std::chrono::steady_clock::now();
        if (rc == SQLITE_OK)
            ++commits;
        else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
            ++busy;
        else
            std::fprintf(stderr, "writer error: %s\n", sqlite3_errmsg(db));
        latencies.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        std::this_thread::sleep_for(interval);
    }
    sqlite3_close(db);
    std::sort(latencies.begin(), latencies.end());
    const double p99 = latencies.empty() ? 0 : latencies[latencies.size() * 99 / 100];
    const double max = latencies.empty() ? 0 : latencies.back();
    std::printf("{\"commits\":%ld,\"busy\":%ld,\"p99_ms\":%.2f,\"max_ms\":%.2f}\n", commits, busy,
                p99, max);
    return 0;
}

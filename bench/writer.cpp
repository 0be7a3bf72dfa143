// A live application for bench/run: commits one small row every few ms to a WAL database and
// reports commit latency and busy errors. litekeep-bench-writer DB INTERVAL_MS OUTPUT_FILE
#include <sqlite3.h>

#include <signal.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

volatile std::sig_atomic_t g_stop = 0;

void onSignal(int)
{
    g_stop = 1;
}

using Clock = std::chrono::steady_clock;

// What the application would see: a busy database after the busy timeout ran out.
bool isBusy(int rc)
{
    const int primary = rc & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

struct Counts
{
    long commits = 0;
    long busy = 0;
    long otherErrors = 0;
    std::vector<double> latenciesMs;
};

// Runs one statement to completion; returns the SQLite result code.
int exec(sqlite3_stmt *statement)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

// One transaction: BEGIN IMMEDIATE, one small INSERT, COMMIT. Latency is the whole of it,
// as the application waits for it.
void commitOne(sqlite3 *db, sqlite3_stmt *begin, sqlite3_stmt *insert, sqlite3_stmt *commit,
               sqlite3_stmt *rollback, long sequence, Counts &counts)
{
    const Clock::time_point start = Clock::now();
    int rc = exec(begin);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(insert, 1, sequence);
        rc = exec(insert);
        sqlite3_clear_bindings(insert);
    }
    if (rc == SQLITE_OK)
        rc = exec(commit);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (rc == SQLITE_OK) {
        ++counts.commits;
        counts.latenciesMs.push_back(ms);
        return;
    }
    if (isBusy(rc))
        ++counts.busy;
    else
        ++counts.otherErrors;
    std::fprintf(stderr, "litekeep-bench-writer: %s\n", sqlite3_errmsg(db));
    if (!sqlite3_get_autocommit(db))
        exec(rollback);
}

// Nearest-rank percentile of sorted values; 0 when there are none.
double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto rank =
        static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::min(sorted.size(), std::max<std::size_t>(rank, 1)) - 1];
}

void sleepUntil(Clock::time_point when)
{
    const Clock::duration left = when - Clock::now();
    if (left <= Clock::duration::zero())
        return;
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
    timespec ts{static_cast<std::time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
    // A signal cuts the sleep short, which is what we want.
    nanosleep(&ts, nullptr);
}

sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "litekeep-bench-writer: %s: %s\n", sql, sqlite3_errmsg(db));
        std::exit(1);
    }
    return statement;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: litekeep-bench-writer DB INTERVAL_MS OUTPUT_FILE\n");
        return 2;
    }
    const std::string dbPath = argv[1];
    const int intervalMs = std::atoi(argv[2]);
    const std::string outPath = argv[3];
    if (intervalMs <= 0) {
        std::fprintf(stderr, "litekeep-bench-writer: INTERVAL_MS must be positive\n");
        return 2;
    }

    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: the signal ends the sleep
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(dbPath.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "litekeep-bench-writer: cannot open %s: %s\n", dbPath.c_str(),
                     sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_busy_timeout(db, 5000);
    // WAL, as a live application would run; synchronous stays at SQLite's default (FULL), so
    // every commit syncs the WAL, as an untuned application's would.
    char *error = nullptr;
    if (sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL;"
                     "CREATE TABLE IF NOT EXISTS bench_writer(id INTEGER PRIMARY KEY, n INTEGER,"
                     " at TEXT)",
                     nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "litekeep-bench-writer: setting up %s: %s\n", dbPath.c_str(), error);
        sqlite3_free(error);
        return 1;
    }

    sqlite3_stmt *begin = prepare(db, "BEGIN IMMEDIATE");
    // A row of about 40 bytes: a few hundred KB over a two-minute run.
    sqlite3_stmt *insert =
        prepare(db, "INSERT INTO bench_writer(n, at) VALUES (?1, strftime('%Y-%m-%dT%H:%M:%f'))");
    sqlite3_stmt *commit = prepare(db, "COMMIT");
    sqlite3_stmt *rollback = prepare(db, "ROLLBACK");

    // The caller waits for this line before it starts the command it measures.
    std::printf("ready\n");
    std::fflush(stdout);

    Counts counts;
    const Clock::duration interval = std::chrono::milliseconds(intervalMs);
    Clock::time_point next = Clock::now();
    long sequence = 0;
    while (!g_stop) {
        commitOne(db, begin, insert, commit, rollback, ++sequence, counts);
        // A fixed rate, but no burst to catch up after a slow commit.
        next = std::max(next + interval, Clock::now());
        sleepUntil(next);
    }

    for (sqlite3_stmt *statement : {begin, insert, commit, rollback})
        sqlite3_finalize(statement);
    sqlite3_close(db);

    std::sort(counts.latenciesMs.begin(), counts.latenciesMs.end());
    std::FILE *out = std::fopen(outPath.c_str(), "w");
    if (!out) {
        std::fprintf(stderr, "litekeep-bench-writer: cannot write %s\n", outPath.c_str());
        return 1;
    }
    std::fprintf(out, "commits=%ld\nbusy=%ld\nerrors=%ld\np50_ms=%.2f\np99_ms=%.2f\nmax_ms=%.2f\n",
                 counts.commits, counts.busy, counts.otherErrors,
                 percentile(counts.latenciesMs, 50), percentile(counts.latenciesMs, 99),
                 counts.latenciesMs.empty() ? 0.0 : counts.latenciesMs.back());
    const bool written = std::fclose(out) == 0;
    return written ? 0 : 1;
}

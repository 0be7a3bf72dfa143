// Small helpers shared by the libFuzzer targets: the input as Qt types, and checks that crash.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace lk::fuzz {

// A copy, so the parsers see an ordinary QByteArray (with its terminating NUL).
inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// Times on a destination are UTC, and the local zone must never change how they read. The
// targets run in one with daylight saving, where 02:00-03:00 on a night in March does not exist
// (fixed, so that a crash reproduces anywhere).
inline void useZoneWithDaylightSaving()
{
    qputenv("TZ", "Europe/Berlin");
    tzset();
}

[[noreturn]] inline void fail(const char *condition, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, condition);
    std::abort(); // libFuzzer reports an abort as a crash and saves the input
}

} // namespace lk::fuzz

// An invariant of the parser under test; active in every build type (unlike assert()).
#define LK_FUZZ_CHECK(condition)                                                                   \
    do {                                                                                           \
        if (!(condition))                                                                          \
            lk::fuzz::fail(#condition, __FILE__, __LINE__);                                        \
    } while (false)

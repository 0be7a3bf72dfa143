// Whether a backup streams its upload or stages it, chosen from what earlier backups measured.
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace lk {

// What a profile's backups learnt about its destination. Speeds are in bytes of the database
// per second, so they compare directly whatever the data compresses to.
struct UploadSpeed
{
    // The last staged upload, which ran alone: its speed (0: never staged yet) and the share of
    // the machine's cores that stayed idle meanwhile.
    double uploadBytesPerSecond = 0;
    double uploadIdleShare = 0;
    double compressBytesPerSecond = 0; // the compressor alone, from the last backup
    int streamedSince = 0;             // streamed backups since that staged one
    QDateTime measuredUtc;
};

// Streaming compresses into `rclone rcat` while it uploads, so the two overlap; staging
// compresses to a file and then uploads it, so they add up but each runs alone. The overlap
// only pays when the upload leaves the cores free, as an upload over the internet does (it
// waits on the network): bench/README.md measured streaming at 0.69 of the staged time at
// 20 MiB/s, but at 1.12-1.17 against a server on this machine, whose upload keeps both cores
// busy. So a backup streams when the last staged upload took more than half as long as the
// compression and left at least half of the cores idle. Without a staged upload to go by it
// stages, to learn one, except on the very first backup, which streams: a destination on the
// internet is the common case. After 7 streamed backups in a row it stages once, to find out
// whether the upload got faster.
class UploadPlan
{
public:
    enum class Mode
    {
        Auto,
        Stream,
        Staged
    };

    // LITEKEEP_UPLOAD_MODE: "stream", "staged" or "auto" (the default; anything else too).
    static Mode modeFromEnvironment();
    // LITEKEEP_STREAM_MIN_MIB: below this many MiB, auto stages (default 64; the multipart
    // upload a stream needs costs more than the overlap saves on small files).
    static qint64 streamThresholdBytes();

    // Whether a backup of `inputBytes` to an S3 destination streams.
    static bool shouldStream(Mode mode, qint64 inputBytes, const std::optional<UploadSpeed> &known);

    // What one upload showed.
    struct Measured
    {
        bool streamed = false;
        qint64 inputBytes = 0;
        qint64 compressMs = 0;      // the compressor's wall time
        qint64 blockedMs = 0;       // of which it waited for the stream's reader (rclone)
        qint64 uploadMs = 0;        // staged: the upload alone
        double uploadIdleShare = 0; // staged: the share of the cores idle during the upload
    };
    // What to remember after `measured`, given what was known before.
    static UploadSpeed learn(const std::optional<UploadSpeed> &known, const Measured &measured);

    // The machine's CPU time so far, idle and in all (Linux: /proc/stat); for idleShare().
    struct CpuTimes
    {
        quint64 idle = 0;
        quint64 total = 0;
    };
    static CpuTimes cpuTimes();
    // The share of the cores idle between two readings; 1 where the system does not say.
    static double idleShare(const CpuTimes &from, const CpuTimes &to);
};

} // namespace lk

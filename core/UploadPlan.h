// Whether a backup streams its upload or stages it, chosen from what earlier backups measured.
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace lk {

// What a profile's backups learnt about its destination. Both speeds are in bytes of the
// database per second, so they compare directly whatever the data compresses to.
struct UploadSpeed
{
    double uploadBytesPerSecond = 0;   // 0: not known yet (a stream that the upload never held back)
    double compressBytesPerSecond = 0; // the compressor alone
    QDateTime measuredUtc;
};

// Streaming compresses into `rclone rcat` while it uploads: the run takes about as long as the
// slower of the two, plus the cost of doing both at once on the same cores (and, for a few
// destinations, of a multipart upload). Staging compresses to a file and then uploads it: the
// two add up, but each runs alone. Streaming wins when the upload takes more than about half as
// long as the compression (bench/README.md: at 20 MiB/s streaming took 0.69 of the staged time;
// against a local server it took 1.20).
class UploadPlan
{
public:
    enum class Mode { Auto, Stream, Staged };

    // LITEKEEP_UPLOAD_MODE: "stream", "staged" or "auto" (the default; anything else too).
    static Mode modeFromEnvironment();
    // LITEKEEP_STREAM_MIN_MIB: below this many MiB, auto stages (default 64; the multipart
    // upload a stream needs costs more than the overlap saves on small files).
    static qint64 streamThresholdBytes();

    // Whether a backup of `inputBytes` to an S3 destination streams. With no history it streams:
    // a destination on the internet takes data slower than this machine compresses it.
    static bool shouldStream(Mode mode, qint64 inputBytes, const std::optional<UploadSpeed> &known);

    // What one upload showed.
    struct Measured
    {
        bool streamed = false;
        qint64 inputBytes = 0;
        qint64 compressMs = 0; // the compressor's wall time
        qint64 blockedMs = 0;  // of which it waited for the stream's reader (rclone)
        qint64 uploadMs = 0;   // staged: the upload alone; streamed: from the first byte to the end
    };
    // The speeds to remember after `measured`, given what was known before.
    static UploadSpeed learn(const std::optional<UploadSpeed> &known, const Measured &measured);
};

} // namespace lk

// Whether a backup streams its upload or stages it, chosen from what earlier backups measured.
#include "UploadPlan.h"

#include <QtGlobal>

#include <algorithm>

namespace lk {

namespace {
constexpr qint64 kDefaultThresholdMiB = 64;
// A stream whose compressor waited this share of its time for rclone was held back by the
// upload, so its duration is the upload's.
constexpr double kHeldBackShare = 0.1;
// Streaming pays when the upload would take more than this share of the compression's time.
constexpr double kStreamWhenUploadOver = 0.5;

double perSecond(qint64 bytes, qint64 ms)
{
    return double(bytes) * 1000.0 / double(std::max<qint64>(ms, 1));
}
} // namespace

UploadPlan::Mode UploadPlan::modeFromEnvironment()
{
    const QString mode = qEnvironmentVariable("LITEKEEP_UPLOAD_MODE").trimmed().toLower();
    if (mode == QLatin1String("stream"))
        return Mode::Stream;
    if (mode == QLatin1String("staged"))
        return Mode::Staged;
    return Mode::Auto;
}

qint64 UploadPlan::streamThresholdBytes()
{
    bool ok = false;
    const qint64 mib = qEnvironmentVariable("LITEKEEP_STREAM_MIN_MIB").toLongLong(&ok);
    return (ok && mib >= 0 ? mib : kDefaultThresholdMiB) * 1024 * 1024;
}

bool UploadPlan::shouldStream(Mode mode, qint64 inputBytes, const std::optional<UploadSpeed> &known)
{
    if (mode != Mode::Auto)
        return mode == Mode::Stream;
    if (inputBytes < streamThresholdBytes())
        return false;
    if (!known)
        return true;
    if (known->uploadBytesPerSecond <= 0)
        return false; // the last stream kept up: stage once to learn how fast the upload is
    // Upload time over compression time, both per byte of the database.
    return known->compressBytesPerSecond / known->uploadBytesPerSecond > kStreamWhenUploadOver;
}

UploadSpeed UploadPlan::learn(const std::optional<UploadSpeed> &known, const Measured &m)
{
    UploadSpeed speed;
    speed.measuredUtc = QDateTime::currentDateTimeUtc();
    if (!m.streamed) {
        speed.compressBytesPerSecond = perSecond(m.inputBytes, m.compressMs);
        speed.uploadBytesPerSecond = perSecond(m.inputBytes, m.uploadMs);
        return speed;
    }
    speed.compressBytesPerSecond = perSecond(m.inputBytes, m.compressMs - m.blockedMs);
    const double streamed = perSecond(m.inputBytes, m.uploadMs);
    if (double(m.blockedMs) > kHeldBackShare * double(m.compressMs)) {
        speed.uploadBytesPerSecond = streamed; // the upload set the pace
    } else if (known && known->uploadBytesPerSecond > 0) {
        // The upload kept up, so it is at least this fast.
        speed.uploadBytesPerSecond = std::max(known->uploadBytesPerSecond, streamed);
    }
    return speed;
}

} // namespace lk

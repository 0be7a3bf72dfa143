// Whether a backup streams its upload or stages it, chosen from what earlier backups measured.
#include "backup/UploadPlan.h"

#include <QFile>
#include <QList>
#include <QtGlobal>

#include <algorithm>

namespace lk {

namespace {
constexpr qint64 kDefaultThresholdMiB = 64;
// Streaming pays when the upload takes more than this share of the compression's time...
constexpr double kStreamWhenUploadOver = 0.5;
// ...and leaves at least this share of the cores idle.
constexpr double kStreamWhenIdleOver = 0.5;
// Streamed backups in a row after which one is staged, to measure the upload again.
constexpr int kRestageAfter = 7;

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
    if (known->uploadBytesPerSecond <= 0 || known->streamedSince >= kRestageAfter)
        return false;
    // Upload time over compression time, both per byte of the database.
    const double uploadOverCompress = known->compressBytesPerSecond / known->uploadBytesPerSecond;
    return uploadOverCompress > kStreamWhenUploadOver &&
           known->uploadIdleShare >= kStreamWhenIdleOver;
}

UploadSpeed UploadPlan::learn(const std::optional<UploadSpeed> &known, const Measured &m)
{
    UploadSpeed speed = known.value_or(UploadSpeed{});
    speed.measuredUtc = QDateTime::currentDateTimeUtc();
    if (m.streamed) {
        // The compressor's own speed: without the time it waited for rclone.
        speed.compressBytesPerSecond = perSecond(m.inputBytes, m.compressMs - m.blockedMs);
        ++speed.streamedSince;
    } else {
        speed.compressBytesPerSecond = perSecond(m.inputBytes, m.compressMs);
        speed.uploadBytesPerSecond = perSecond(m.inputBytes, m.uploadMs);
        speed.uploadIdleShare = m.uploadIdleShare;
        speed.streamedSince = 0;
    }
    return speed;
}

UploadPlan::CpuTimes UploadPlan::cpuTimes()
{
    CpuTimes times;
#if defined(Q_OS_LINUX)
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in ticks; guest
    // time is already in user and nice.
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return times;
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    if (fields.size() < 9 || fields.first() != "cpu")
        return times;
    for (int i = 1; i <= 8; ++i) {
        const quint64 ticks = fields.at(i).toULongLong();
        times.total += ticks;
        if (i == 4 || i == 5) // idle, iowait
            times.idle += ticks;
    }
#endif
    return times;
}

double UploadPlan::idleShare(const CpuTimes &from, const CpuTimes &to)
{
    if (to.total <= from.total || to.idle < from.idle)
        return 1.0;
    return std::clamp(double(to.idle - from.idle) / double(to.total - from.total), 0.0, 1.0);
}

} // namespace lk

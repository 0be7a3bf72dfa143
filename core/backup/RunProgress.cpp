// One percentage over a whole backup, and the time left.
#include "backup/RunProgress.h"

#include <algorithm>
#include <cmath>

namespace lk {

namespace {
// Before a profile has measured anything: a local disk, one core of gzip -6, a modest uplink.
constexpr double kDefaultDiskBps = 200.0 * 1024 * 1024;
constexpr double kDefaultCompressBps = 40.0 * 1024 * 1024;
constexpr double kDefaultNetworkBps = 10.0 * 1024 * 1024;
// The small steps (checking the upload, the manifest, retention) in seconds.
constexpr double kStepSeconds = 0.5;

using Phase = BackupJob::Phase;
} // namespace

RunProgress::RunProgress(qint64 databaseBytes, qint64 compressedBytes,
                         const std::optional<UploadSpeed> &measured, bool verify)
    : m_databaseBytes(std::max<qint64>(0, databaseBytes)),
      m_compressedBytes(std::max<qint64>(0, compressedBytes)), m_diskBps(kDefaultDiskBps),
      m_compressBps(measured && measured->compressBytesPerSecond > 0
                        ? measured->compressBytesPerSecond
                        : kDefaultCompressBps),
      m_networkBps(kDefaultNetworkBps), m_verify(verify)
{
    // Upload speeds are measured in database bytes per second; the upload moves compressed
    // ones, so convert with the ratio.
    if (measured && measured->uploadBytesPerSecond > 0 && m_databaseBytes > 0)
        m_networkBps =
            measured->uploadBytesPerSecond * double(m_compressedBytes) / double(m_databaseBytes);
    m_networkBps = std::max(m_networkBps, 1024.0);
}

double RunProgress::weightOf(Phase phase, qint64 total) const
{
    switch (phase) {
    case Phase::Preparing:
    case Phase::Done:
        return 0;
    case Phase::Snapshot:
        return double(total > 0 ? total : m_databaseBytes) / m_diskBps;
    case Phase::Compress:
        return double(total > 0 ? total : m_databaseBytes) / m_compressBps;
    case Phase::Upload:
        return double(total > 0 ? total : m_compressedBytes) / m_networkBps;
    case Phase::Verify:
        // The download, then the checks of the database it becomes.
        return m_verify ? double(total > 0 ? total : m_compressedBytes) / m_networkBps +
                              double(m_databaseBytes) / m_diskBps
                        : 0;
    case Phase::Check:
    case Phase::Manifest:
    case Phase::Prune:
        return kStepSeconds;
    case Phase::Drill:
        return 0; // not known in advance; it holds the percentage where it is
    }
    return 0;
}

void RunProgress::update(Phase phase, qint64 done, qint64 total, qint64 elapsedMs)
{
    static constexpr Phase kOrder[] = {Phase::Snapshot, Phase::Compress, Phase::Upload,
                                       Phase::Check,    Phase::Manifest, Phase::Verify,
                                       Phase::Prune};
    if (phase != m_phase) {
        // Everything before the new phase is done, including phases it skipped.
        m_doneWeight = 0;
        for (Phase p : kOrder) {
            if (p == phase)
                break;
            m_doneWeight += weightOf(p, 0);
        }
        m_phase = phase;
        m_phaseStartMs = elapsedMs;
        m_phaseStartBytes = done;
    }
    m_phaseWeight = weightOf(phase, total);
    double all = 0;
    for (Phase p : kOrder)
        all += p == phase ? m_phaseWeight : weightOf(p, 0);
    const double share = total > 0 ? std::clamp(double(done) / double(total), 0.0, 1.0) : 0.0;
    const double doneWeight = m_doneWeight + share * m_phaseWeight;
    const int percent = phase == Phase::Done ? 100
                        : all > 0            ? int(std::floor(100.0 * doneWeight / all))
                                             : 0;
    // 100 only once the run is done (the drill, not known in advance, may follow anything).
    m_percent = std::clamp(std::max(m_percent, percent), 0, phase == Phase::Done ? 100 : 99);

    const qint64 phaseMs = elapsedMs - m_phaseStartMs;
    m_rate =
        phaseMs > 0 && total > 0 ? double(done - m_phaseStartBytes) * 1000.0 / double(phaseMs) : 0;
    // The time left: the work left at the pace the run has kept so far.
    if (phase == Phase::Done)
        m_remainingMs = 0;
    else if (elapsedMs >= 1000 && doneWeight > 0 && m_percent >= 1)
        m_remainingMs = qint64(double(elapsedMs) * (all - doneWeight) / doneWeight);
    else
        m_remainingMs.reset();
}

} // namespace lk

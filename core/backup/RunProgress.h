// One percentage over a whole backup, and the time left. Each phase weighs the time it is
// expected to take: its bytes (the database's for the snapshot and the compression, the
// compressed ones for the upload and the verification's download) at the speeds this profile's
// earlier backups measured, or at default speeds before there were any. The percentage never
// goes back, whatever a phase's own count does.
#pragma once

#include "backup/BackupJob.h"
#include "backup/UploadPlan.h"

#include <optional>

namespace lk {

class RunProgress
{
public:
    // `databaseBytes` and `compressedBytes`: what the run will move, as well as it is known at
    // the start (the compressed size from the last backup's ratio, or a guess).
    RunProgress(qint64 databaseBytes, qint64 compressedBytes,
                const std::optional<UploadSpeed> &measured, bool verify);

    // A phase's own progress at `elapsedMs` since the run began.
    void update(BackupJob::Phase phase, qint64 done, qint64 total, qint64 elapsedMs);

    int percent() const { return m_percent; }
    // Milliseconds left, once enough of the run has gone by to say (a second and a percent).
    std::optional<qint64> remainingMs() const { return m_remainingMs; }
    // Bytes per second of the current phase, when it counts bytes (0 otherwise).
    double bytesPerSecond() const { return m_rate; }

private:
    // The expected seconds of each phase, in the order they run.
    double weightOf(BackupJob::Phase phase, qint64 total) const;

    qint64 m_databaseBytes;
    qint64 m_compressedBytes;
    double m_diskBps;
    double m_compressBps;
    double m_networkBps;
    bool m_verify;
    BackupJob::Phase m_phase = BackupJob::Phase::Preparing;
    double m_doneWeight = 0; // the phases before the current one
    double m_phaseWeight = 0;
    qint64 m_phaseStartMs = 0;
    qint64 m_phaseStartBytes = 0;
    int m_percent = 0;
    std::optional<qint64> m_remainingMs;
    double m_rate = 0;
};

} // namespace lk

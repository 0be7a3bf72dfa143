// rclone with its stdout streamed into a callback, for worker threads (downloads that are
// hashed and decompressed as they arrive). Blocking by design: never call on the GUI thread.
#pragma once

#include "storage/RcloneProcess.h"

#include <QByteArrayView>

#include <atomic>
#include <functional>

namespace lk {

class RcloneStream
{
public:
    // Returns false to stop reading (the caller keeps its own reason).
    using Sink = std::function<bool(QByteArrayView chunk)>;

    // Runs rclone with `arguments`; stops it when `cancel` turns true or when it is silent for
    // `idleTimeoutMs`. outcome.cancelled is also set when the sink asked to stop.
    static RcloneProcess::Outcome read(const QStringList &arguments,
                                       const QProcessEnvironment &remote, const Sink &sink,
                                       const std::atomic_bool *cancel, int idleTimeoutMs = 180000);
};

} // namespace lk

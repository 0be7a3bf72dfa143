// Background work at low priority, so the desktop stays responsive during a backup: nice 10
// and the "idle" I/O class for job worker threads and for rclone children. On Linux both are
// per thread; a thread or child started from a lowered thread inherits them.
#pragma once

#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <type_traits>
#include <utility>

class QProcess;

namespace lk {

class Priority
{
public:
    static constexpr int kNice = 10;

    // Process-wide: whether jobs lower themselves (the app setting cpu_priority; on by default).
    static void setEnabled(bool low);
    static bool isEnabled();

    // Lowers the calling thread: nice to at least kNice (never raises it), I/O class idle.
    // Failures (no ioprio syscall, a sandbox) are ignored: priority is a courtesy.
    static void lowerCurrentThread();
    // Makes `process` lower its child between fork and exec, when enabled.
    static void applyTo(QProcess &process);
    // What applyTo runs in the child: only async-signal-safe calls. For a child modifier that
    // does more (see RcloneProcess); does nothing when disabled.
    static void lowerInChild();

    // QtConcurrent::run for job work: on a dedicated pool whose threads lower themselves when
    // enabled (a lowered thread cannot be raised again without privileges, so lowered threads
    // never go back to the global pool), on the global pool otherwise. Unlike QtConcurrent's
    // futures, a wait on the returned one never runs the work in the waiting thread (which
    // would lower, say, the GUI thread for good).
    template <typename Function> static auto run(Function &&function)
    {
        using R = std::invoke_result_t<std::decay_t<Function>>;
        if (!isEnabled())
            return QtConcurrent::run(std::forward<Function>(function));
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        lowPool()->start([promise, f = std::forward<Function>(function)]() mutable {
            lowerCurrentThread();
            if constexpr (std::is_void_v<R>)
                f();
            else
                promise->addResult(f());
            promise->finish();
        });
        return future;
    }
    static QThreadPool *lowPool();
};

} // namespace lk

// Background work at low priority.
#include "jobs/Priority.h"

#include <QProcess>

#include <atomic>
#include <cerrno>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace lk {

namespace {
std::atomic_bool g_enabled{true};
Q_GLOBAL_STATIC(QThreadPool, g_lowPool)

#if defined(Q_OS_LINUX)
// From linux/ioprio.h, which glibc does not wrap.
constexpr int kIoprioClassShift = 13;
constexpr int kIoprioClassIdle = 3;
constexpr int kIoprioWhoProcess = 1;

// Only async-signal-safe calls: this also runs in a child between fork and exec. `tid` 0 is
// the calling thread for both calls.
void lower(pid_t tid)
{
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, id_t(tid));
    if (errno != 0 || nice < Priority::kNice)
        setpriority(PRIO_PROCESS, id_t(tid), Priority::kNice);
    syscall(SYS_ioprio_set, kIoprioWhoProcess, tid, kIoprioClassIdle << kIoprioClassShift);
}
#endif
} // namespace

void Priority::setEnabled(bool low)
{
    g_enabled = low;
}

bool Priority::isEnabled()
{
    return g_enabled.load();
}

void Priority::lowerCurrentThread()
{
#if defined(Q_OS_LINUX)
    lower(pid_t(syscall(SYS_gettid)));
#endif
}

void Priority::applyTo(QProcess &process)
{
#if defined(Q_OS_LINUX)
    if (isEnabled())
        process.setChildProcessModifier([] { lower(0); });
    else
        process.setChildProcessModifier({});
#else
    Q_UNUSED(process);
#endif
}

void Priority::lowerInChild()
{
#if defined(Q_OS_LINUX)
    if (g_enabled.load())
        lower(0);
#endif
}

QThreadPool *Priority::lowPool()
{
    return g_lowPool();
}

} // namespace lk

// Turns SIGINT/SIGTERM into a Qt signal on the event loop (self-pipe), so jobs cancel cleanly.
#pragma once

#include "jobs/Job.h"

#include <QObject>

class QSocketNotifier;

namespace lk {

class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    // SIGINT (Ctrl+C) is the user's cancel; SIGTERM (systemd stopping the unit, a shutdown) is
    // a shutdown.
    static Job::CancelReason reasonFor(int signal);
    // Cancels `job` on the first signal, with its reason.
    void cancels(Job *job);

Q_SIGNALS:
    void interrupted(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace lk

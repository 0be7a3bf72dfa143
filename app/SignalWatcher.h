// Turns SIGINT/SIGTERM into a Qt signal on the event loop (self-pipe), so jobs cancel cleanly.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace lk {

class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void interrupted(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace lk

// One LiteKeep per user: a second launch asks the first to show its window, then exits.
#pragma once

#include <QObject>

class QLocalServer;

namespace lk {

class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(QObject *parent = nullptr);

    // True when this process is the only instance (and now listens); false when another one
    // answered (and was asked to raise its window).
    bool claim();
    static QString serverName();

Q_SIGNALS:
    void raiseRequested();

private:
    QLocalServer *m_server = nullptr;
};

} // namespace lk

// One LiteKeep per user.
#include "SingleInstance.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

#include <unistd.h>

namespace lk {

SingleInstance::SingleInstance(QObject *parent) : QObject(parent) {}

QString SingleInstance::serverName()
{
    // Per user, and per config location, so tests with their own XDG folders do not meet.
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return QStringLiteral("litekeep-%1-%2").arg(::getuid()).arg(qHash(config), 0, 16);
}

bool SingleInstance::claim()
{
    {
        // Connecting to a local socket is immediate or refused: no real wait on the GUI thread.
        QLocalSocket socket;
        socket.connectToServer(serverName());
        if (socket.waitForConnected(500)) {
            socket.write("raise\n");
            socket.waitForBytesWritten(500);
            return false;
        }
    }
    QLocalServer::removeServer(serverName()); // a socket left by a crashed instance
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(serverName()))
        return true; // we cannot guard, but we can still run
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *client = m_server->nextPendingConnection()) {
            connect(client, &QLocalSocket::readyRead, this, [this, client] {
                if (client->readAll().contains("raise"))
                    Q_EMIT raiseRequested();
                client->deleteLater();
            });
        }
    });
    return true;
}

} // namespace lk

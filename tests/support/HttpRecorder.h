// A tiny HTTP server on loopback that records what it receives: for webhook and ping tests.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>

#include <optional>

namespace lkt {

// Answers every request with `status` (or never, when silent) and remembers what it got.
class HttpRecorder : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray contentType;
        QByteArray userAgent;
        QByteArray body;
    };

    explicit HttpRecorder(int status = 200, bool silent = false)
        : m_status(status), m_silent(silent)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    const QList<Request> &requests() const { return m_requests; }
    std::optional<Request> find(const QByteArray &path) const
    {
        for (const Request &r : m_requests) {
            if (r.path == path)
                return r;
        }
        return std::nullopt;
    }
    QStringList paths() const
    {
        QStringList out;
        for (const Request &r : m_requests)
            out.append(QString::fromLatin1(r.method + ' ' + r.path));
        return out;
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            Request r;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            r.method = first.value(0);
            r.path = first.value(1);
            qsizetype length = 0;
            for (const QByteArray &line : lines.mid(1)) {
                const qsizetype colon = line.indexOf(':');
                const QByteArray key = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (key == "content-length")
                    length = value.toLongLong();
                else if (key == "content-type")
                    r.contentType = value;
                else if (key == "user-agent")
                    r.userAgent = value;
            }
            if (buffer.size() < end + 4 + length)
                return;
            r.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            m_requests.append(r);
            if (!m_silent) {
                socket->write(
                    QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(m_status) +
                    QByteArrayLiteral(" X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"));
                socket->disconnectFromHost();
            }
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_status;
    bool m_silent;
};

} // namespace lkt

// Reads rclone's stderr (JSON log lines mixed with plain text) into errors, a tail and stats.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace lk {

class RcloneLog
{
public:
    struct Line
    {
        QString level;
        QString message;
        bool hasStats = false;
        qint64 bytes = 0;
        qint64 totalBytes = 0;
    };
    // Parses one JSON log line; false for anything else. Public for tests and fuzzing.
    static bool parseLine(const QByteArray &line, Line *out);

    std::function<void(qint64 bytes, qint64 totalBytes)> onStats;
    // Every JSON line that is not stats (for a daemon's "Serving remote control on ...").
    std::function<void(const QString &level, const QString &message)> onMessage;

    void feed(const QByteArray &data); // keeps a partial last line for the next call
    void flush();                      // the last line, even without a newline

    const QStringList &errors() const { return m_errors; }
    QString tail() const { return m_tail.join(QLatin1Char('\n')); }

private:
    void handle(const QByteArray &line);

    QByteArray m_partial;
    QStringList m_errors;
    QStringList m_tail;
};

} // namespace lk

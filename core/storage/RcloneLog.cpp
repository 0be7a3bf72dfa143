// Reads rclone's stderr into errors, a tail and stats.
#include "storage/RcloneLog.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace lk {

namespace {
constexpr qsizetype kTailLines = 12;
constexpr qsizetype kMaxLine = 64 * 1024; // a runaway line is cut, not kept whole
} // namespace

bool RcloneLog::parseLine(const QByteArray &line, Line *out)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject obj = doc.object();
    out->level = obj.value(QLatin1String("level")).toString();
    out->message = obj.value(QLatin1String("msg")).toString().trimmed();
    const QJsonValue stats = obj.value(QLatin1String("stats"));
    out->hasStats = stats.isObject();
    if (out->hasStats) {
        const QJsonObject s = stats.toObject();
        out->bytes = s.value(QLatin1String("bytes")).toInteger();
        out->totalBytes = s.value(QLatin1String("totalBytes")).toInteger();
    }
    return true;
}

void RcloneLog::feed(const QByteArray &data)
{
    m_partial += data;
    qsizetype newline;
    while ((newline = m_partial.indexOf('\n')) >= 0) {
        const QByteArray line = m_partial.left(newline).trimmed();
        m_partial.remove(0, newline + 1);
        if (!line.isEmpty())
            handle(line);
    }
    if (m_partial.size() > kMaxLine) {
        handle(m_partial.left(kMaxLine));
        m_partial.clear();
    }
}

void RcloneLog::flush()
{
    const QByteArray line = m_partial.trimmed();
    m_partial.clear();
    if (!line.isEmpty())
        handle(line);
}

void RcloneLog::handle(const QByteArray &line)
{
    Line parsed;
    if (!parseLine(line, &parsed)) {
        // Plain text: rclone's final "Failed to ..." line, a usage error, a crash.
        m_tail.append(QString::fromUtf8(line));
    } else if (parsed.hasStats) {
        if (onStats)
            onStats(parsed.bytes, parsed.totalBytes);
        return;
    } else {
        if (parsed.level == QLatin1String("error") || parsed.level == QLatin1String("critical") ||
            parsed.level == QLatin1String("fatal"))
            m_errors.append(parsed.message);
        m_tail.append(parsed.level + QLatin1String(": ") + parsed.message);
        if (onMessage)
            onMessage(parsed.level, parsed.message);
    }
    while (m_tail.size() > kTailLines)
        m_tail.removeFirst();
}

} // namespace lk

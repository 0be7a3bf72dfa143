// Job progress on stderr.
#include "ProgressPrinter.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

#include <cstdio>
#include <unistd.h>

namespace lk {

namespace {
constexpr qint64 kPlainIntervalMs = 5000;
constexpr qint64 kTtyIntervalMs = 100;
} // namespace

ProgressPrinter::ProgressPrinter() : m_tty(isatty(STDERR_FILENO) == 1)
{
    m_sinceLast.start();
}

ProgressPrinter::~ProgressPrinter()
{
    clear();
}

QString ProgressPrinter::format(const Line &line)
{
    const QLocale locale;
    QString text = line.phase;
    if (line.percent >= 0)
        text += QStringLiteral("  %1%").arg(line.percent);
    if (line.bytesPerSecond >= 1)
        text += QStringLiteral("  ") +
                tr("%1/s").arg(locale.formattedDataSize(qint64(line.bytesPerSecond)));
    if (line.leftMs && *line.leftMs > 0) {
        const qint64 seconds = (*line.leftMs + 999) / 1000;
        text += QStringLiteral("  ") +
                (seconds < 90 ? tr("about %n s left", nullptr, int(std::max<qint64>(1, seconds)))
                              : tr("about %n min left", nullptr, int((seconds + 30) / 60)));
    }
    return text;
}

void ProgressPrinter::update(const Line &line)
{
    print(line.phase, format(line));
}

void ProgressPrinter::update(const QString &phase, qint64 done, qint64 total)
{
    const QLocale locale;
    QString text = phase;
    if (total > 0)
        text += QStringLiteral(" %1% (%2 / %3)")
                    .arg(std::clamp<qint64>(done * 100 / total, 0, 100))
                    .arg(locale.formattedDataSize(done), locale.formattedDataSize(total));
    else if (done > 0)
        text += QStringLiteral(" (%1)").arg(locale.formattedDataSize(done));
    print(phase, text);
}

void ProgressPrinter::print(const QString &phase, const QString &text)
{
    const bool newPhase = phase != m_lastPhase;
    if (!newPhase && m_sinceLast.elapsed() < (m_tty ? kTtyIntervalMs : kPlainIntervalMs))
        return;
    m_lastPhase = phase;
    m_sinceLast.restart();
    if (m_tty) {
        std::fprintf(stderr, "\r\033[K%s", text.toLocal8Bit().constData());
        m_lineOpen = true;
    } else {
        std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
    }
    std::fflush(stderr);
}

void ProgressPrinter::clear()
{
    if (m_lineOpen) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        m_lineOpen = false;
    }
}

} // namespace lk

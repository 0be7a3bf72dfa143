// Job progress on stderr.
#include "ProgressPrinter.h"

#include <QLocale>

#include <algorithm>

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

void ProgressPrinter::update(const QString &phase, qint64 done, qint64 total)
{
    const bool newPhase = phase != m_lastPhase;
    if (!newPhase && m_sinceLast.elapsed() < (m_tty ? kTtyIntervalMs : kPlainIntervalMs))
        return;
    m_lastPhase = phase;
    m_sinceLast.restart();

    const QLocale locale;
    QString line = phase;
    if (total > 0) {
        const qint64 percent = std::clamp<qint64>(done * 100 / total, 0, 100);
        line += QStringLiteral(" %1% (%2 / %3)")
                    .arg(percent)
                    .arg(locale.formattedDataSize(done), locale.formattedDataSize(total));
    } else if (done > 0) {
        line += QStringLiteral(" (%1)").arg(locale.formattedDataSize(done));
    }
    if (m_tty) {
        std::fprintf(stderr, "\r\033[K%s", line.toLocal8Bit().constData());
        m_lineOpen = true;
    } else {
        std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
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

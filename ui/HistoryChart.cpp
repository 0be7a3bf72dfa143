// The history chart.
#include "HistoryChart.h"

#include "present/HumanTime.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

namespace lk {

namespace {
const QColor kBar(0x42, 0x85, 0xc4);
const QColor kLine(0xe0, 0x8a, 0x1e);
const QColor kFailed(0xc6, 0x28, 0x28);
constexpr qreal kMargin = 8;
} // namespace

HistoryChart::HistoryChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("historyChart"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void HistoryChart::setRuns(const QList<RunRecord> &runs)
{
    m_points.clear();
    m_maxSize = 0;
    m_maxDuration = 0;
    for (const RunRecord &run : runs) {
        if (run.kind != QLatin1String("backup") || run.outcome == QLatin1String("running"))
            continue;
        Point p;
        p.startedUtc = run.startedUtc;
        p.failed = run.outcome != QLatin1String("succeeded");
        p.gzSize = p.failed ? 0 : run.gzSize;
        p.durationMs = run.durationMs();
        p.message = run.message;
        m_maxSize = std::max(m_maxSize, p.gzSize);
        m_maxDuration = std::max(m_maxDuration, p.durationMs);
        m_points.append(p);
    }
    std::sort(m_points.begin(), m_points.end(),
              [](const Point &a, const Point &b) { return a.startedUtc < b.startedUtc; });
    update();
}

QRectF HistoryChart::plotArea() const
{
    const QFontMetricsF metrics(font());
    const qreal left = kMargin + metrics.horizontalAdvance(QStringLiteral("000.0 MB")) + 4;
    const qreal right = kMargin + metrics.horizontalAdvance(QStringLiteral("000 s")) + 4;
    const qreal top = kMargin + metrics.height();
    const qreal bottom = kMargin + metrics.height() + 4;
    return QRectF(left, top, std::max<qreal>(10, width() - left - right),
                  std::max<qreal>(10, height() - top - bottom));
}

QRectF HistoryChart::barRect(int index) const
{
    const QRectF area = plotArea();
    const qreal slot = area.width() / std::max<qsizetype>(1, m_points.size());
    const qreal barWidth = std::max<qreal>(1.5, slot * 0.7);
    const qreal x = area.left() + slot * index + (slot - barWidth) / 2;
    const Point &p = m_points.at(index);
    const qreal h =
        m_maxSize > 0 ? area.height() * static_cast<qreal>(p.gzSize) / static_cast<qreal>(m_maxSize)
                      : 0;
    return QRectF(x, area.bottom() - h, barWidth, h);
}

int HistoryChart::pointAt(const QPoint &position) const
{
    const QRectF area = plotArea();
    if (m_points.isEmpty() || !area.adjusted(0, 0, 0, kMargin * 2).contains(position))
        return -1;
    const qreal slot = area.width() / static_cast<qreal>(m_points.size());
    const int index = static_cast<int>((position.x() - area.left()) / slot);
    return index >= 0 && index < m_points.size() ? index : -1;
}

void HistoryChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    const QRectF area = plotArea();
    const QLocale locale;
    const HumanTime times = HumanTime::current();
    painter.setPen(palette().color(QPalette::Text));
    if (m_points.isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter,
                         tr("No backups yet: the chart fills in after the first one."));
        return;
    }
    const QFontMetricsF metrics(font());
    // Axes and their scales: size on the left, duration on the right.
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    painter.setPen(kBar);
    painter.drawText(QRectF(0, area.top() - metrics.height(), area.left() - 4, metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, locale.formattedDataSize(m_maxSize, 1));
    painter.drawText(QRectF(0, area.top() - 2 * metrics.height() - 2, width(), metrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, tr("Compressed size"));
    painter.setPen(kLine);
    painter.drawText(
        QRectF(area.right() + 4, area.top() - metrics.height(), width() - area.right() - 4,
               metrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        tr("%1 s").arg(locale.toString(static_cast<double>(m_maxDuration) / 1000.0, 'f', 0)));
    // Bars; failed runs as red crosses on the baseline.
    QPainterPath durations;
    bool first = true;
    for (int i = 0; i < m_points.size(); ++i) {
        const Point &p = m_points.at(i);
        const QRectF bar = barRect(i);
        const qreal cx = bar.center().x();
        if (p.failed) {
            painter.setPen(QPen(kFailed, 2));
            const qreal r = std::min<qreal>(5, std::max<qreal>(2, bar.width() / 2));
            painter.drawLine(QPointF(cx - r, area.bottom() - 2 * r),
                             QPointF(cx + r, area.bottom()));
            painter.drawLine(QPointF(cx - r, area.bottom()),
                             QPointF(cx + r, area.bottom() - 2 * r));
        } else {
            painter.fillRect(bar, kBar);
        }
        if (p.durationMs >= 0 && m_maxDuration > 0) {
            const QPointF at(cx, area.bottom() - area.height() * static_cast<qreal>(p.durationMs) /
                                                     static_cast<qreal>(m_maxDuration));
            if (first)
                durations.moveTo(at);
            else
                durations.lineTo(at);
            first = false;
        }
    }
    painter.setPen(QPen(kLine, 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(durations);
    // The first and the last date under the axis.
    painter.setPen(palette().color(QPalette::Text));
    const QRectF labels(area.left(), area.bottom() + 2, area.width(), metrics.height());
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter,
                     times.date(m_points.first().startedUtc.toLocalTime().date()));
    if (m_points.size() > 1)
        painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter,
                         times.date(m_points.last().startedUtc.toLocalTime().date()));
}

bool HistoryChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = pointAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const Point &p = m_points.at(index);
        const QLocale locale;
        QString text = HumanTime::current().exact(p.startedUtc) + QLatin1Char('\n');
        if (p.failed)
            text += tr("Failed: %1").arg(p.message);
        else
            text += tr("%1 compressed, %2 s")
                        .arg(locale.formattedDataSize(p.gzSize),
                             locale.toString(static_cast<double>(p.durationMs) / 1000.0, 'f', 1));
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace lk

// Backup size and duration over time for one profile, drawn with QPainter: a bar per backup
// (compressed size), a line for the duration, failed runs marked in red at the baseline.
#pragma once

#include "history/Catalog.h"

#include <QWidget>

namespace lk {

class HistoryChart : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryChart(QWidget *parent = nullptr);

    struct Point
    {
        QDateTime startedUtc;
        bool failed = false;
        qint64 gzSize = 0;      // 0 for failed runs
        qint64 durationMs = -1; // -1 while unknown
        QString message;
    };

    // Backup runs of one profile (any order); other kinds are ignored. Oldest first on screen.
    void setRuns(const QList<RunRecord> &runs);
    const QList<Point> &points() const { return m_points; }
    // The run under a position (for the tooltip), or -1.
    int pointAt(const QPoint &position) const;

    QSize sizeHint() const override { return {640, 240}; }
    QSize minimumSizeHint() const override { return {240, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF plotArea() const;
    QRectF barRect(int index) const;

    QList<Point> m_points;
    qint64 m_maxSize = 0;
    qint64 m_maxDuration = 0;
};

} // namespace lk

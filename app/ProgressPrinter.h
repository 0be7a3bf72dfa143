// Job progress on stderr: one live line on a terminal, a line every few seconds otherwise.
#pragma once

#include <QElapsedTimer>
#include <QString>

namespace lk {

class ProgressPrinter
{
public:
    ProgressPrinter();
    ~ProgressPrinter();

    void update(const QString &phase, qint64 done, qint64 total);
    void clear(); // ends the live line before other output

private:
    bool m_tty;
    bool m_lineOpen = false;
    QString m_lastPhase;
    QElapsedTimer m_sinceLast;
};

} // namespace lk

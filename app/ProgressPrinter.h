// Job progress on stderr: one live line on a terminal ("Uploading  47%  52.1 MiB/s  about
// 12 s left"), otherwise a line at each phase change and every 5 seconds.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

#include <optional>

namespace lk {

class ProgressPrinter
{
    Q_DECLARE_TR_FUNCTIONS(ProgressPrinter)

public:
    struct Line
    {
        QString phase;
        int percent = -1;             // over the whole run; -1: not known
        double bytesPerSecond = 0;    // of the current phase; 0: not shown
        std::optional<qint64> leftMs; // the time left, when known
    };

    ProgressPrinter();
    ~ProgressPrinter();

    void update(const Line &line);
    // A job that reports only its phase's bytes (verify, restore).
    void update(const QString &phase, qint64 done, qint64 total);
    void clear(); // ends the live line before other output

    // The text of one line; for tests.
    static QString format(const Line &line);

private:
    void print(const QString &phase, const QString &text);

    bool m_tty;
    bool m_lineOpen = false;
    QString m_lastPhase;
    QElapsedTimer m_sinceLast;
};

} // namespace lk

// A device that writes to a file and, as long as its reader stays, to a pipe.
#pragma once

#include <QIODevice>

namespace lk {

// Writes everything to `staged` and, while the reader takes it, to a pipe: the staged copy
// stays whole for a retry even when the streamed upload fails half-way. For one thread.
class PipeTee : public QIODevice
{
public:
    PipeTee(QIODevice &staged, int pipeDescriptor);
    // False once a write to the pipe failed (the reader is gone); the staged copy goes on.
    bool pipeIntact() const { return m_pipeIntact; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    QIODevice &m_staged;
    const int m_fd;
    bool m_pipeIntact = true;
};

} // namespace lk

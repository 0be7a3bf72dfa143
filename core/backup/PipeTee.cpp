// A device that writes to a file and, as long as its reader stays, to a pipe.
#include "backup/PipeTee.h"

#include <cerrno>
#include <unistd.h>

namespace lk {

PipeTee::PipeTee(QIODevice &staged, int pipeDescriptor) : m_staged(staged), m_fd(pipeDescriptor)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 PipeTee::writeData(const char *data, qint64 size)
{
    if (m_staged.write(data, size) != size) {
        setErrorString(m_staged.errorString());
        return -1;
    }
    qint64 sent = 0;
    while (m_pipeIntact && sent < size) {
        const ssize_t n = ::write(m_fd, data + sent, std::size_t(size - sent));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            m_pipeIntact = false; // the upload failed or was stopped; the staged copy is whole
        else
            sent += n;
    }
    return size;
}

} // namespace lk

// SHA-256 and MD5 of streamed bytes, with OpenSSL's implementations (hardware SHA where the CPU
// has it): hashing is on the path of every backup, verification and restore.
#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace lk {

class Digest
{
public:
    enum class Algorithm
    {
        Sha256,
        Md5
    };

    explicit Digest(Algorithm algorithm);
    ~Digest();
    Digest(const Digest &) = delete;
    Digest &operator=(const Digest &) = delete;

    void addData(QByteArrayView bytes);
    void addData(const void *data, std::size_t size);
    // Lower-case hex of the digest. Call once: the state is finished afterwards.
    QString hexResult();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace lk

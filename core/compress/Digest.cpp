// SHA-256 and MD5 of streamed bytes, with OpenSSL's implementations.
#include "compress/Digest.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstdlib>

namespace lk {

struct Digest::Context
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

Digest::Digest(Algorithm algorithm) : m_context(std::make_unique<Context>())
{
    const EVP_MD *md = algorithm == Algorithm::Sha256 ? EVP_sha256() : EVP_md5();
    // Only an allocation failure or a library without these digests can fail here; a wrong
    // hash would be worse than stopping.
    if (!m_context->ctx || EVP_DigestInit_ex(m_context->ctx, md, nullptr) != 1)
        std::abort();
}

Digest::~Digest()
{
    m_context.reset();
    // OpenSSL keeps an error queue per thread (904 bytes), freed when the thread ends. Worker
    // threads of a pool may outlive OpenSSL's own clean-up at exit, and then it never is; so
    // the thread's state goes as soon as a digest is done (the next use makes it again).
    OPENSSL_thread_stop();
}

void Digest::addData(const void *data, std::size_t size)
{
    if (size > 0 && EVP_DigestUpdate(m_context->ctx, data, size) != 1)
        std::abort();
}

void Digest::addData(QByteArrayView bytes)
{
    addData(bytes.data(), std::size_t(bytes.size()));
}

QString Digest::hexResult()
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_context->ctx, out, &length) != 1)
        std::abort();
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(out), int(length)).toHex());
}

} // namespace lk

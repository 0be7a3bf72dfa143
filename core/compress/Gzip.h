// Standard gzip streams with zlib, hashing input and output as they stream.
#pragma once

#include "jobs/Result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

namespace lk {

class Gzip
{
    Q_DECLARE_TR_FUNCTIONS(Gzip)

public:
    struct Stats
    {
        qint64 inputBytes = 0;
        qint64 outputBytes = 0;
        QString inputSha256;
        QString outputSha256;
        QString outputMd5;       // compared with what the destination reports, where it gives one
        qint64 outputWaitMs = 0; // time spent handing output on: a slow pipe reader shows here
    };
    using Progress = std::function<void(qint64 done, qint64 total)>;

    // Writes one gzip stream of `input` to `output` at zlib `level` (1-9).
    static Result<Stats> compressFile(const QString &input, const QString &output, int level,
                                      const std::atomic_bool *cancel = nullptr,
                                      const Progress &progress = {});

    // Inflates a gzip stream that arrives in pieces (a download), without a temporary .gz.
    class Inflater
    {
    public:
        Inflater();
        ~Inflater();
        Inflater(const Inflater &) = delete;
        Inflater &operator=(const Inflater &) = delete;

        using Output = std::function<bool(QByteArrayView plain)>;
        // Feeds compressed bytes; plain bytes go to `output`. False on a broken stream (see
        // error()) or when `output` returns false. Bytes after the end of the stream are an error.
        bool feed(QByteArrayView compressed, const Output &output);
        bool isFinished() const { return m_finished; }
        const QString &error() const { return m_error; }

    private:
        struct State;
        State *m_state;
        bool m_finished = false;
        QString m_error;
    };

    // Inflates a gzip file; the hashes describe the compressed input and the plain output.
    static Result<Stats> decompressFile(const QString &input, const QString &output,
                                        const std::atomic_bool *cancel = nullptr,
                                        const Progress &progress = {});
};

} // namespace lk

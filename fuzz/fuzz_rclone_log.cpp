// libFuzzer target: rclone's stderr (JSON log lines mixed with plain text), read line by line
// (RcloneLog::parseLine), as a stream (RcloneLog::feed) and explained (RcloneErrors::explain).
#include "FuzzSupport.h"

#include "storage/Destination.h"
#include "storage/RcloneErrors.h"
#include "storage/RcloneLog.h"

namespace {

struct Read
{
    QStringList errors;
    QString tail;
    int statsLines = 0;
};

// The whole input through the stream reader, handed over in pieces of `chunk` bytes.
Read readInChunks(const QByteArray &input, qsizetype chunk)
{
    Read read;
    lk::RcloneLog log;
    log.onStats = [&read](qint64, qint64) { ++read.statsLines; };
    for (qsizetype at = 0; at < input.size(); at += chunk)
        log.feed(input.mid(at, chunk));
    log.flush();
    read.errors = log.errors();
    read.tail = log.tail();
    return read;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    lk::fuzz::useZoneWithDaylightSaving();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = lk::fuzz::bytes(data, size);

    lk::RcloneLog::Line line;
    if (lk::RcloneLog::parseLine(input, &line))
        LK_FUZZ_CHECK(line.hasStats || (line.bytes == 0 && line.totalBytes == 0));

    // rclone's output arrives in arbitrary pieces; where the pieces break must not matter.
    // (Lines past the 64 KiB cut are split where the buffer overflows, so only shorter inputs.)
    const Read whole = readInChunks(input, qMax<qsizetype>(input.size(), 1));
    if (input.size() < 64 * 1024) {
        const Read pieces = readInChunks(input, 1 + static_cast<qsizetype>(size % 13));
        LK_FUZZ_CHECK(pieces.errors == whole.errors);
        LK_FUZZ_CHECK(pieces.tail == whole.tail);
        LK_FUZZ_CHECK(pieces.statsLines == whole.statsLines);
    }

    // Whatever rclone said, the user gets one sentence.
    lk::RcloneProcess::Outcome outcome;
    outcome.started = true;
    outcome.exitCode = 1;
    outcome.errors = whole.errors;
    outcome.stderrTail = whole.tail;
    for (const char *destination : {"s3://bucket/prefix", "/srv/backups"}) {
        const auto parsed = lk::Destination::parse(QLatin1String(destination));
        LK_FUZZ_CHECK(parsed.isOk());
        const QString sentence = lk::RcloneErrors::explain(
            outcome, QStringLiteral("Uploading the backup"), parsed.value(),
            QStringLiteral("https://example.r2.cloudflarestorage.com"));
        LK_FUZZ_CHECK(!sentence.isEmpty());
    }
    return 0;
}

// ParallelGzip: one standard gzip stream from many cores, the same bytes for any thread count.
#include "Gzip.h"
#include "ParallelGzip.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>

using lk::Gzip;
using lk::ParallelGzip;

namespace {

constexpr qint64 kBlock = ParallelGzip::kBlockSize;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = static_cast<char>(rng.bounded(256));
    return data;
}

// Rows like a SQL dump of a real table: words, numbers and dates that repeat, but not exactly.
QByteArray text(qint64 size, quint32 seed = 3)
{
    static const char *const words[] = {
        "invoice",  "customer", "paid",  "pending", "refund", "Tokyo",   "Osaka", "ノート",
        "shipment", "delayed",  "the",   "order",   "of",     "payment", "card",  "bank",
        "transfer", "urgent",   "daily", "report",  "north",  "south",   "east",  "west"};
    const int wordCount = int(std::size(words));
    QRandomGenerator rng(seed);
    QByteArray data;
    data.reserve(size + 256);
    while (data.size() < size) {
        data += "INSERT INTO notes VALUES (" + QByteArray::number(rng.bounded(1'000'000)) +
                ", '2024-" + QByteArray::number(1 + rng.bounded(12)) + '-' +
                QByteArray::number(1 + rng.bounded(28)) + "', '";
        const int n = 3 + int(rng.bounded(10));
        for (int i = 0; i < n; ++i) {
            data += words[rng.bounded(wordCount)];
            data += ' ';
        }
        data += "', " + QByteArray::number(rng.bounded(100000) / 100.0) + ");\n";
    }
    data.truncate(size);
    return data;
}

// Text and noise, so both deflate's matching and its stored blocks are exercised.
QByteArray mix(qint64 size)
{
    QByteArray data;
    quint32 seed = 1;
    while (data.size() < size) {
        data += text(100'000 + seed * 7919 % 50'000, seed);
        data += randomBytes(60'000 + seed * 104729 % 40'000, seed);
        ++seed;
    }
    data.truncate(size);
    return data;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString hexHash(const QByteArray &data, QCryptographicHash::Algorithm algorithm)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, algorithm).toHex());
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.start(program, arguments);
    Run r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestParallelGzip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void levels();
    void closeToSingleThreadedSize();
    void cancelled();
    void missingInput();
    void unwritableOutput();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestParallelGzip::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(run(QStringLiteral("gzip"), {QStringLiteral("--version")}).exitCode == 0,
             "the system gzip is needed to check our streams");
}

void TestParallelGzip::roundTrip_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("1 byte") << QByteArray("x");
    QTest::newRow("less than the dictionary") << text(ParallelGzip::kDictionarySize - 1);
    QTest::newRow("one block - 1") << text(kBlock - 1);
    QTest::newRow("exactly one block") << text(kBlock);
    QTest::newRow("one block + 1") << text(kBlock + 1);
    QTest::newRow("exactly 5 blocks") << mix(5 * kBlock); // ends on a boundary
    QTest::newRow("5 blocks + 1") << mix(5 * kBlock + 1);
    QTest::newRow("exactly 5 random blocks") << randomBytes(5 * kBlock, 11); // stored, not deflated
    QTest::newRow("1 MiB zeros") << QByteArray(1 << 20, '\0');
    QTest::newRow("4 MB mix") << mix(4'000'000); // far more blocks than are ever in flight
}

void TestParallelGzip::roundTrip()
{
    QFETCH(QByteArray, data);
    const QString plain = path(QStringLiteral("plain"));
    const QString gz = path(QStringLiteral("plain.gz"));
    const QString back = path(QStringLiteral("back"));
    QFile::remove(gz);
    QFile::remove(back);
    QVERIFY(writeFile(plain, data));

    QList<qint64> seen;
    const auto compressed = ParallelGzip::compressFile(plain, gz, 6, 2, nullptr,
                                                       [&seen, &data](qint64 done, qint64 total) {
                                                           QCOMPARE(total, data.size());
                                                           seen.append(done);
                                                       });
    QVERIFY2(compressed.isOk(), qPrintable(compressed.error()));
    const QByteArray gzBytes = readFile(gz);
    QCOMPARE(compressed->inputBytes, data.size());
    QCOMPARE(compressed->inputSha256, hexHash(data, QCryptographicHash::Sha256));
    QCOMPARE(compressed->outputBytes, gzBytes.size());
    QCOMPARE(compressed->outputSha256, hexHash(gzBytes, QCryptographicHash::Sha256));
    QCOMPARE(compressed->outputMd5, hexHash(gzBytes, QCryptographicHash::Md5));
    QVERIFY(gzBytes.startsWith("\x1f\x8b\x08"));
    QVERIFY(!seen.isEmpty());
    QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
    QCOMPARE(seen.last(), data.size());

    // The system gzip agrees: the stream is valid, and holds exactly our bytes.
    const Run test = run(QStringLiteral("gzip"), {QStringLiteral("-t"), gz});
    QVERIFY2(test.exitCode == 0 && test.err.isEmpty(), test.err.constData());
    const Run gunzip = run(QStringLiteral("gunzip"), {QStringLiteral("-c"), gz});
    QCOMPARE(gunzip.exitCode, 0);
    QCOMPARE(gunzip.out.size(), data.size());
    QVERIFY(gunzip.out == data);

    // And so does our own inflater, which a restore uses.
    const auto inflated = Gzip::decompressFile(gz, back);
    QVERIFY2(inflated.isOk(), qPrintable(inflated.error()));
    QCOMPARE(inflated->outputSha256, compressed->inputSha256);
    QVERIFY(readFile(back) == data);

    // The bytes depend on the input alone: any number of threads writes the same stream, so a
    // backup's checksum does not change with the machine that made it.
    for (const int threads : {1, 4, 0}) {
        const QString other = path(QStringLiteral("plain.%1.gz").arg(threads));
        const auto r = ParallelGzip::compressFile(plain, other, 6, threads);
        QVERIFY2(r.isOk(), qPrintable(r.error()));
        QCOMPARE(r->outputSha256, compressed->outputSha256);
        QVERIFY2(readFile(other) == gzBytes, qPrintable(QStringLiteral("%1 threads").arg(threads)));
    }
}

void TestParallelGzip::levels()
{
    const QByteArray data = mix(3'000'000);
    const QString plain = path(QStringLiteral("levels"));
    QVERIFY(writeFile(plain, data));

    qint64 sizes[2] = {};
    const int levels[2] = {1, 9};
    for (int i = 0; i < 2; ++i) {
        const QString gz = path(QStringLiteral("levels.%1.gz").arg(levels[i]));
        const auto r = ParallelGzip::compressFile(plain, gz, levels[i], 2);
        QVERIFY2(r.isOk(), qPrintable(r.error()));
        sizes[i] = r->outputBytes;
        QCOMPARE(run(QStringLiteral("gzip"), {QStringLiteral("-t"), gz}).exitCode, 0);
        QVERIFY(run(QStringLiteral("gunzip"), {QStringLiteral("-c"), gz}).out == data);
        // XFL as zlib writes it: 4 = fastest, 2 = best.
        QCOMPARE(int(readFile(gz).at(8)), levels[i] == 1 ? 4 : 2);
    }
    QVERIFY2(
        sizes[1] < sizes[0],
        qPrintable(
            QStringLiteral("level 9: %1 bytes, level 1: %2 bytes").arg(sizes[1]).arg(sizes[0])));
}

void TestParallelGzip::closeToSingleThreadedSize()
{
    // Priming each block with the one before keeps the cost of splitting to a sync marker and a
    // Huffman table per block; the issue allows 3%.
    const QByteArray data = text(8'000'000, 17);
    const QString plain = path(QStringLiteral("size"));
    QVERIFY(writeFile(plain, data));
    for (const int level : {1, 6, 9}) {
        const auto single =
            Gzip::compressFile(plain, path(QStringLiteral("size.single.gz")), level);
        QVERIFY2(single.isOk(), qPrintable(single.error()));
        const auto parallel =
            ParallelGzip::compressFile(plain, path(QStringLiteral("size.parallel.gz")), level, 2);
        QVERIFY2(parallel.isOk(), qPrintable(parallel.error()));
        const double ratio = double(parallel->outputBytes) / double(single->outputBytes);
        qInfo("level %d: %lld bytes in parallel, %lld single-threaded (x%.4f) from %lld", level,
              parallel->outputBytes, single->outputBytes, ratio, qint64(data.size()));
        QVERIFY2(ratio <= 1.03, qPrintable(QString::number(ratio)));
    }
}

void TestParallelGzip::cancelled()
{
    const QString plain = path(QStringLiteral("cancel"));
    const QString out = path(QStringLiteral("cancel.gz"));
    QVERIFY(writeFile(plain, text(4 << 20)));
    QFile::remove(out);

    std::atomic_bool cancel{true};
    const auto before = ParallelGzip::compressFile(plain, out, 6, 2, &cancel);
    QVERIFY(!before.isOk());
    QVERIFY2(before.error().contains(QLatin1String("Cancelled")), qPrintable(before.error()));
    QVERIFY(!QFile::exists(out));

    // A cancel during the run stops it before the end and leaves nothing behind, not even
    // over an older file of the same name.
    QVERIFY(writeFile(out, "older"));
    std::atomic_bool later{false};
    int calls = 0;
    const auto mid =
        ParallelGzip::compressFile(plain, out, 6, 4, &later, [&](qint64 done, qint64 total) {
            QVERIFY(done < total);
            if (++calls == 1)
                later = true;
        });
    QVERIFY(!mid.isOk());
    QVERIFY2(mid.error().contains(QLatin1String("Cancelled")), qPrintable(mid.error()));
    QVERIFY(calls >= 1);
    QCOMPARE(readFile(out), QByteArray("older"));
    QCOMPARE(
        QDir(m_dir.path()).entryList({QStringLiteral("cancel.gz*")}, QDir::Files | QDir::Hidden),
        QStringList{QStringLiteral("cancel.gz")});
}

void TestParallelGzip::missingInput()
{
    const QString out = path(QStringLiteral("missing.gz"));
    const auto r = ParallelGzip::compressFile(path(QStringLiteral("does-not-exist")), out, 6, 2);
    QVERIFY(!r.isOk());
    QVERIFY2(r.error().contains(QLatin1String("Cannot read")), qPrintable(r.error()));
    QVERIFY(!QFile::exists(out));
}

void TestParallelGzip::unwritableOutput()
{
    const QString plain = path(QStringLiteral("unwritable"));
    QVERIFY(writeFile(plain, text(1000)));
    const QString out = path(QStringLiteral("no/such/folder/x.gz"));
    const auto r = ParallelGzip::compressFile(plain, out, 6, 2);
    QVERIFY(!r.isOk());
    QVERIFY2(r.error().contains(QLatin1String("Cannot write")), qPrintable(r.error()));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestParallelGzip)
#include "tst_parallelgzip.moc"

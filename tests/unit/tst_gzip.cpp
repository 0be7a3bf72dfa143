// Gzip: streams that the system gzip accepts, hashes that match the files, clear failures.
#include "compress/Gzip.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using lk::Gzip;

namespace {

constexpr qint64 kMiB = 1 << 20; // Gzip's internal chunk size

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = static_cast<char>(rng.bounded(256));
    return data;
}

QByteArray text(qint64 size)
{
    const QByteArray line = "INSERT INTO notes VALUES (42, 'ノート', 'the quick brown fox');\n";
    QByteArray data;
    data.reserve(size);
    while (data.size() < size)
        data += line;
    data.truncate(size);
    return data;
}

// Blocks of text and noise, so both deflate's matching and its stored blocks are exercised.
QByteArray mix(qint64 size)
{
    QByteArray data;
    quint32 seed = 1;
    while (data.size() < size) {
        data += text(100'000 + seed * 7919 % 50'000);
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

class TestGzip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void inflaterFailures();
    void readsSystemGzip();
    void levels();
    void damaged_data();
    void damaged();
    void cancelledBeforeStart();
    void missingInput();
    void unwritableOutput();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestGzip::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(run(QStringLiteral("gzip"), {QStringLiteral("--version")}).exitCode == 0,
             "the system gzip is needed to check our streams");
}

void TestGzip::roundTrip_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("1 byte") << QByteArray("x");
    QTest::newRow("1 MiB text") << text(kMiB);
    QTest::newRow("1 MiB + 1 random") << randomBytes(kMiB + 1, 7); // output > one chunk
    QTest::newRow("5 MB mix") << mix(5'000'000);
    QTest::newRow("8 MiB zeros") << QByteArray(8 * kMiB, '\0'); // inflates > one chunk per read
}

void TestGzip::roundTrip()
{
    QFETCH(QByteArray, data);
    const QString plain = path(QStringLiteral("plain"));
    const QString gz = path(QStringLiteral("plain.gz"));
    const QString back = path(QStringLiteral("back"));
    QFile::remove(gz);
    QFile::remove(back);
    QVERIFY(writeFile(plain, data));

    QList<qint64> seen;
    const auto compressed =
        Gzip::compressFile(plain, gz, 6, nullptr, [&seen, &data](qint64 done, qint64 total) {
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

    const auto inflated = Gzip::decompressFile(gz, back);
    QVERIFY2(inflated.isOk(), qPrintable(inflated.error()));
    QCOMPARE(inflated->inputBytes, gzBytes.size());
    QCOMPARE(inflated->inputSha256, compressed->outputSha256);
    QCOMPARE(inflated->outputBytes, data.size());
    QCOMPARE(inflated->outputSha256, compressed->inputSha256);
    QCOMPARE(inflated->outputMd5, hexHash(data, QCryptographicHash::Md5));
    QVERIFY(readFile(back) == data);

    // The same stream arriving in pieces, as a download does.
    for (const qsizetype piece : {qsizetype(1), qsizetype(4099), qsizetype(kMiB + 3)}) {
        if (piece == 1 && gzBytes.size() > 100'000)
            continue; // byte by byte only where it is quick
        Gzip::Inflater inflater;
        QByteArray plainOut;
        const auto sink = [&plainOut](QByteArrayView bytes) {
            plainOut.append(bytes.data(), bytes.size());
            return true;
        };
        for (qsizetype i = 0; i < gzBytes.size(); i += piece)
            QVERIFY2(inflater.feed(
                         QByteArrayView(gzBytes).sliced(i, qMin(piece, gzBytes.size() - i)), sink),
                     qPrintable(inflater.error()));
        QVERIFY(inflater.isFinished());
        QVERIFY(inflater.error().isEmpty());
        QVERIFY2(plainOut == data, qPrintable(QString::number(piece)));
    }
}

void TestGzip::inflaterFailures()
{
    const QString plain = path(QStringLiteral("inflater"));
    const QString gz = path(QStringLiteral("inflater.gz"));
    const QByteArray data = mix(2 * kMiB);
    QVERIFY(writeFile(plain, data));
    QVERIFY(Gzip::compressFile(plain, gz, 6).isOk());
    const QByteArray good = readFile(gz);
    qint64 produced = 0;
    const auto count = [&produced](QByteArrayView bytes) {
        produced += bytes.size();
        return true;
    };

    {
        // Cut short: no error yet, but never finished; the caller must check.
        Gzip::Inflater inflater;
        QVERIFY(inflater.feed(QByteArrayView(good).chopped(8), count));
        QVERIFY(!inflater.isFinished());
        QVERIFY(inflater.error().isEmpty());
    }
    {
        Gzip::Inflater inflater;
        QVERIFY(!inflater.feed(QByteArrayView(QByteArray(good + "tail")), count));
        QVERIFY2(inflater.error().contains(QLatin1String("extra bytes")),
                 qPrintable(inflater.error()));
    }
    {
        Gzip::Inflater inflater;
        QVERIFY(inflater.feed(QByteArrayView(good), count));
        QVERIFY(inflater.isFinished());
        QVERIFY(!inflater.feed(QByteArrayView("x", 1), count));
        QVERIFY2(inflater.error().contains(QLatin1String("extra bytes")),
                 qPrintable(inflater.error()));
    }
    {
        Gzip::Inflater inflater;
        const QByteArray noise = randomBytes(10'000, 4);
        QVERIFY(!inflater.feed(QByteArrayView(noise), count));
        QVERIFY2(inflater.error().contains(QLatin1String("not a valid gzip")),
                 qPrintable(inflater.error()));
        QVERIFY(!inflater.feed(QByteArrayView(good), count)); // stays failed
    }
    {
        // The consumer can stop it (a full disk, a cancel).
        Gzip::Inflater inflater;
        int calls = 0;
        QVERIFY(
            !inflater.feed(QByteArrayView(good), [&calls](QByteArrayView) { return ++calls < 1; }));
        QCOMPARE(calls, 1);
        QVERIFY(!inflater.isFinished());
    }
}

void TestGzip::readsSystemGzip()
{
    const QByteArray data = mix(3 * kMiB + 17);
    const QString plain = path(QStringLiteral("sys"));
    QVERIFY(writeFile(plain, data));
    QFile::remove(plain + QStringLiteral(".gz"));
    QCOMPARE(
        run(QStringLiteral("gzip"), {QStringLiteral("-9"), QStringLiteral("-k"), plain}).exitCode,
        0);

    const QString back = path(QStringLiteral("sys.back"));
    const auto inflated = Gzip::decompressFile(plain + QStringLiteral(".gz"), back);
    QVERIFY2(inflated.isOk(), qPrintable(inflated.error()));
    QCOMPARE(inflated->outputSha256, hexHash(data, QCryptographicHash::Sha256));
    QVERIFY(readFile(back) == data);
}

void TestGzip::levels()
{
    const QByteArray data = mix(5'000'000);
    const QString plain = path(QStringLiteral("levels"));
    QVERIFY(writeFile(plain, data));

    qint64 sizes[2] = {};
    const int levels[2] = {1, 9};
    for (int i = 0; i < 2; ++i) {
        const QString gz = path(QStringLiteral("levels.%1.gz").arg(levels[i]));
        const auto r = Gzip::compressFile(plain, gz, levels[i]);
        QVERIFY2(r.isOk(), qPrintable(r.error()));
        sizes[i] = r->outputBytes;
        QCOMPARE(run(QStringLiteral("gzip"), {QStringLiteral("-t"), gz}).exitCode, 0);
        QVERIFY(run(QStringLiteral("gunzip"), {QStringLiteral("-c"), gz}).out == data);
        // zlib records the level in the header's XFL byte: 4 = fastest, 2 = best.
        QCOMPARE(int(readFile(gz).at(8)), levels[i] == 1 ? 4 : 2);
    }
    QVERIFY2(
        sizes[1] < sizes[0],
        qPrintable(
            QStringLiteral("level 9: %1 bytes, level 1: %2 bytes").arg(sizes[1]).arg(sizes[0])));
}

void TestGzip::damaged_data()
{
    QTest::addColumn<QByteArray>("bytes");

    const QString plain = path(QStringLiteral("damaged.src"));
    const QString gz = path(QStringLiteral("damaged.src.gz"));
    QVERIFY(writeFile(plain, mix(2 * kMiB + 5)));
    QVERIFY(Gzip::compressFile(plain, gz, 6).isOk());
    const QByteArray good = readFile(gz);
    QVERIFY(good.size() > 1000);

    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("header only") << good.left(10);
    QTest::newRow("half") << good.left(good.size() / 2);
    QTest::newRow("no trailer") << good.chopped(8);
    QTest::newRow("one byte short") << good.chopped(1);
    QByteArray badCrc = good;
    badCrc[badCrc.size() - 6] = static_cast<char>(badCrc.at(badCrc.size() - 6) ^ 0x55);
    QTest::newRow("wrong CRC") << badCrc;
    QByteArray flipped = good;
    for (qsizetype i = good.size() / 3; i < good.size() / 3 + 64; ++i)
        flipped[i] = static_cast<char>(~flipped.at(i));
    QTest::newRow("damaged middle") << flipped;
    QTest::newRow("random bytes") << randomBytes(300'000, 99);
    QTest::newRow("plain text") << text(5000);
    QTest::newRow("zlib, not gzip") << qCompress(text(5000)).mid(4);
}

void TestGzip::damaged()
{
    QFETCH(QByteArray, bytes);
    const QString input = path(QStringLiteral("damaged.gz"));
    const QString output = path(QStringLiteral("damaged.out"));
    QFile::remove(output);
    QVERIFY(writeFile(input, bytes));

    const auto r = Gzip::decompressFile(input, output);
    QVERIFY(!r.isOk());
    QVERIFY2(r.error().contains(QLatin1String("truncated")) ||
                 r.error().contains(QLatin1String("not a valid gzip")),
             qPrintable(r.error()));
    QVERIFY2(r.error().contains(input), qPrintable(r.error()));
    // Half an output is worse than none: nothing is left behind.
    QVERIFY(!QFile::exists(output));
    QVERIFY(readFile(input) == bytes);
}

void TestGzip::cancelledBeforeStart()
{
    const QString plain = path(QStringLiteral("cancel"));
    const QString gz = path(QStringLiteral("cancel.gz"));
    QVERIFY(writeFile(plain, text(3 * kMiB)));
    QVERIFY(Gzip::compressFile(plain, gz, 6).isOk());
    const QByteArray gzBytes = readFile(gz);
    const QString out = path(QStringLiteral("cancel.out"));
    QFile::remove(out);

    std::atomic_bool cancel{true};
    const auto c = Gzip::compressFile(plain, out, 6, &cancel);
    QVERIFY(!c.isOk());
    QVERIFY2(c.error().contains(QLatin1String("Cancelled")), qPrintable(c.error()));
    QVERIFY(!QFile::exists(out));

    const auto d = Gzip::decompressFile(gz, out, &cancel);
    QVERIFY(!d.isOk());
    QVERIFY2(d.error().contains(QLatin1String("Cancelled")), qPrintable(d.error()));
    QVERIFY(!QFile::exists(out));

    // A cancel during the run stops it before the end, and still leaves nothing behind.
    std::atomic_bool later{false};
    int calls = 0;
    const auto mid = Gzip::compressFile(plain, out, 6, &later, [&](qint64, qint64) {
        if (++calls == 1)
            later = true;
    });
    QVERIFY(!mid.isOk());
    QVERIFY2(mid.error().contains(QLatin1String("Cancelled")), qPrintable(mid.error()));
    QCOMPARE(calls, 1);
    QVERIFY(!QFile::exists(out));
    QVERIFY(readFile(gz) == gzBytes);
}

void TestGzip::missingInput()
{
    const QString out = path(QStringLiteral("missing.out"));
    const auto r = Gzip::compressFile(path(QStringLiteral("does-not-exist")), out, 6);
    QVERIFY(!r.isOk());
    QVERIFY2(r.error().contains(QLatin1String("Cannot read")), qPrintable(r.error()));
    QVERIFY(!QFile::exists(out));
}

void TestGzip::unwritableOutput()
{
    const QString plain = path(QStringLiteral("unwritable"));
    QVERIFY(writeFile(plain, text(1000)));
    const QString out = path(QStringLiteral("no/such/folder/x.gz"));
    const auto r = Gzip::compressFile(plain, out, 6);
    QVERIFY(!r.isOk());
    QVERIFY2(r.error().contains(QLatin1String("Cannot write")), qPrintable(r.error()));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestGzip)
#include "tst_gzip.moc"

// ParallelGzip: one standard gzip stream from many cores, the same bytes for any thread count.
#include "compress/Gzip.h"
#include "compress/ParallelGzip.h"

#include "TestSupport.h"
#include "compress/ZeroRunDeflate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>

#include <zlib.h>

using lk::Gzip;
using lk::ParallelGzip;

Q_DECLARE_METATYPE(lk::ParallelGzip::Engine)

namespace {

using Engine = ParallelGzip::Engine;

const char *engineName(Engine engine)
{
    return engine == Engine::Zlib ? "zlib" : "libdeflate";
}

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

// Pages of noise, each ending in a little free space (zeros), as SQLite stores BLOBs of photos:
// the kind of data the libdeflate engine deflates with runs only.
QByteArray noisyPages(qint64 size, quint32 seed)
{
    QByteArray data;
    while (data.size() < size)
        data += randomBytes(3850, seed++) + QByteArray(246, '\0');
    data.truncate(size);
    return data;
}

// Blocks of each kind in turn (deflated, deflated with runs only, stored), so that every pair
// of them is joined.
QByteArray blocksOfEachKind(qint64 block, int count)
{
    QByteArray data;
    for (int i = 0; i < count; ++i) {
        switch (i % 3) {
        case 0:
            data += text(block, quint32(i));
            break;
        case 1:
            data += noisyPages(block, quint32(i));
            break;
        default:
            data += randomBytes(block, quint32(i));
            break;
        }
    }
    return data + text(1000);
}

// A real SQLite file of about `bytes`, made as bench/run makes its text database: what the
// compressor is for. Pages, record headers and free space make it unlike a text dump.
bool notesDatabase(const QString &path, qint64 bytes)
{
    const QByteArray words =
        "invoice customer paid pending refund shipment delayed the order of payment card bank "
        "transfer urgent daily report north south east west warehouse Tokyo Osaka Berlin Lisbon "
        "note meeting agenda minutes follow-up quarterly budget forecast approved rejected "
        "escalated resolved ticket support release notes version migration schema index";
    const QByteArray sql =
        "CREATE TABLE notes(id INTEGER PRIMARY KEY, title TEXT, body TEXT, "
        "author TEXT, created TEXT, amount REAL);"
        "CREATE INDEX notes_created ON notes(created);"
        "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < " +
        QByteArray::number(bytes / 100) + "), w(t) AS (SELECT '" + words + ' ' + words +
        "') INSERT INTO notes(title, body, author, created, amount) "
        "SELECT substr(t, 1 + abs(random()) % 300, 20 + abs(random()) % 30), "
        "substr(t, 1 + abs(random()) % 600, 40 + abs(random()) % 200) || ' #' || "
        "abs(random()) % 100000, 'user' || abs(random()) % 500 || '@example.com', "
        "datetime(1700000000 + abs(random()) % 50000000, 'unixepoch'), "
        "round((abs(random()) % 1000000) / 100.0, 2) FROM c, w;";
    return lkt::runSql(path, sql);
}

// The same for bench/run's BLOB database: random BLOBs of 2-32 KB, which hardly compress.
bool photosDatabase(const QString &path, qint64 bytes)
{
    const QByteArray sql =
        "CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT, taken TEXT, data BLOB);"
        "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < " +
        QByteArray::number(bytes / 17000) +
        ") INSERT INTO photos(name, taken, data) "
        "SELECT 'IMG_' || abs(random()) % 100000 || '.jpg', "
        "datetime(1700000000 + abs(random()) % 50000000, 'unixepoch'), "
        "randomblob(2000 + abs(random()) % 30000) FROM c;";
    return lkt::runSql(path, sql);
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
    void levels_data();
    void levels();
    void closeToSingleThreadedSize_data();
    void closeToSingleThreadedSize();
    void cancelled();
    void missingInput();
    void unwritableOutput();
    void zeroRunDeflate_data();
    void zeroRunDeflate();

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
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<QByteArray>("data");
    for (const Engine engine : {Engine::Zlib, Engine::Libdeflate}) {
        const qint64 block = ParallelGzip::blockSize(engine);
        const auto row = [engine](const char *name) -> QTestData & {
            return QTest::addRow("%s: %s", engineName(engine), name) << engine;
        };
        row("empty") << QByteArray();
        row("1 byte") << QByteArray("x");
        row("less than the dictionary") << text(ParallelGzip::kDictionarySize - 1);
        row("one block - 1") << text(block - 1);
        row("exactly one block") << text(block);
        row("one block + 1") << text(block + 1);
        row("exactly 5 blocks") << mix(5 * block); // ends on a boundary
        row("5 blocks + 1") << mix(5 * block + 1);
        row("exactly 5 random blocks") << randomBytes(5 * block, 11); // stored, not deflated
        row("3 MiB zeros") << QByteArray(3 << 20, '\0');
        row("noisy pages with free space") << noisyPages(3 * block + 77, 5);
        row("blocks of each kind in turn") << blocksOfEachKind(block, 9);
        // Far more blocks than are ever in flight; with libdeflate, blocks end on every kind
        // of bit boundary, so every way of joining them is taken.
        row("many blocks of text and noise")
            << mix(engine == Engine::Zlib ? 4'000'000 : 24'000'000);
    }
}

void TestParallelGzip::roundTrip()
{
    QFETCH(Engine, engine);
    QFETCH(QByteArray, data);
    const QString plain = path(QStringLiteral("plain"));
    const QString gz = path(QStringLiteral("plain.gz"));
    const QString back = path(QStringLiteral("back"));
    QFile::remove(gz);
    QFile::remove(back);
    QVERIFY(writeFile(plain, data));

    QList<qint64> seen;
    const auto compressed = ParallelGzip::compressFile(
        plain, gz, 6, 2, nullptr,
        [&seen, &data](qint64 done, qint64 total) {
            QCOMPARE(total, data.size());
            seen.append(done);
        },
        engine);
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
        const auto r = ParallelGzip::compressFile(plain, other, 6, threads, nullptr, {}, engine);
        QVERIFY2(r.isOk(), qPrintable(r.error()));
        QCOMPARE(r->outputSha256, compressed->outputSha256);
        QVERIFY2(readFile(other) == gzBytes, qPrintable(QStringLiteral("%1 threads").arg(threads)));
    }
}

void TestParallelGzip::levels_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::newRow("zlib") << Engine::Zlib;
    QTest::newRow("libdeflate") << Engine::Libdeflate;
}

void TestParallelGzip::levels()
{
    QFETCH(Engine, engine);
    const QByteArray data = mix(3'000'000);
    const QString plain = path(QStringLiteral("levels"));
    QVERIFY(writeFile(plain, data));

    qint64 sizes[2] = {};
    const int levels[2] = {1, 9};
    for (int i = 0; i < 2; ++i) {
        const QString gz = path(QStringLiteral("levels.%1.gz").arg(levels[i]));
        const auto r = ParallelGzip::compressFile(plain, gz, levels[i], 2, nullptr, {}, engine);
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

void TestParallelGzip::closeToSingleThreadedSize_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<bool>("photos");
    for (const Engine engine : {Engine::Zlib, Engine::Libdeflate}) {
        QTest::addRow("%s: text", engineName(engine)) << engine << false;
        QTest::addRow("%s: photos", engineName(engine)) << engine << true;
    }
}

void TestParallelGzip::closeToSingleThreadedSize()
{
    // The bound: at most 3% over single-threaded gzip at the same level, on a database.
    // zlib: priming each block with the one before keeps the cost of splitting to a sync marker
    // and a Huffman table per block. libdeflate: unprimed 1 MiB blocks lose a little window at
    // each start, and its own matching wins or loses a little against zlib's.
    // For the photos, libdeflate stores some blocks and deflates others with runs only.
    QFETCH(Engine, engine);
    QFETCH(bool, photos);
    const QString plain = path(QStringLiteral("size.db"));
    QFile::remove(plain);
    QVERIFY(photos ? photosDatabase(plain, 8'000'000) : notesDatabase(plain, 8'000'000));
    QVERIFY2(QFileInfo(plain).size() > 6'000'000,
             qPrintable(QString::number(QFileInfo(plain).size())));
    for (const int level : {1, 6, 9}) {
        const auto single =
            Gzip::compressFile(plain, path(QStringLiteral("size.single.gz")), level);
        QVERIFY2(single.isOk(), qPrintable(single.error()));
        const auto parallel = ParallelGzip::compressFile(
            plain, path(QStringLiteral("size.parallel.gz")), level, 2, nullptr, {}, engine);
        QVERIFY2(parallel.isOk(), qPrintable(parallel.error()));
        const double ratio = double(parallel->outputBytes) / double(single->outputBytes);
        qInfo("level %d: %lld bytes in parallel, %lld single-threaded (x%.4f) from %lld", level,
              parallel->outputBytes, single->outputBytes, ratio, single->inputBytes);
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

// Random data with zero runs around every length that changes how a run is encoded: the
// shortest run that is one (kMinRun), one literal and copies, a copy of 258 and what is left
// (1 or 2 bytes cannot be a copy), a run longer than a stored block.
void TestParallelGzip::zeroRunDeflate_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("atMost"); // bytes the stream may take
    const qint64 minRun = qint64(lk::ZeroRunDeflate::kMinRun);
    const auto storedBound = [](qint64 n) { return n + (n / 65535 + 1) * 5 + 8; };
    QTest::newRow("empty") << QByteArray() << qint64(8);
    QTest::newRow("one zero") << QByteArray(1, '\0') << storedBound(1);
    for (const qint64 run :
         {minRun - 1, minRun, minRun + 1, qint64(258), qint64(259), qint64(260), qint64(261),
          qint64(262), qint64(516), qint64(517), qint64(518), qint64(70000)}) {
        const QByteArray around = randomBytes(1000, quint32(run));
        const QByteArray data = around + QByteArray(run, '\0') + around;
        // A run is encoded: about two bits per 258 zeros and a few bytes, not the zeros.
        const qint64 bound =
            run >= minRun ? storedBound(2000) + 16 + run / 100 : storedBound(data.size());
        QTest::addRow("random, %lld zeros, random", static_cast<long long>(run)) << data << bound;
        QTest::addRow("%lld zeros, random", static_cast<long long>(run))
            << QByteArray(run, '\0') + around << bound;
        QTest::addRow("random, %lld zeros", static_cast<long long>(run))
            << around + QByteArray(run, '\0') << bound;
    }
    QTest::newRow("3 MiB zeros") << QByteArray(3 << 20, '\0') << qint64(3 << 20) / 100;
    QTest::newRow("200 KiB random (stored in pieces)")
        << randomBytes(200 << 10, 4) << storedBound(200 << 10);
    QByteArray everyLength;
    for (int run = 0; run < 600; ++run)
        everyLength += randomBytes(1 + run % 13, quint32(run)) + QByteArray(run, '\0');
    QTest::newRow("every run length up to 600") << everyLength << qint64(everyLength.size());
    // 246 zeros per 4096 bytes are dropped, for about 10 bytes of block headers each.
    QTest::newRow("noisy pages") << noisyPages(1 << 20, 9) << qint64(1 << 20) / 4096 * (3850 + 12);
}

void TestParallelGzip::zeroRunDeflate()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, atMost);
    std::vector<unsigned char> out;
    lk::ZeroRunDeflate::compress(reinterpret_cast<const unsigned char *>(data.constData()),
                                 std::size_t(data.size()), out);
    QVERIFY2(qint64(out.size()) <= atMost, qPrintable(QStringLiteral("%1 bytes").arg(out.size())));

    // A whole raw deflate stream, and exactly the input.
    z_stream z{};
    QCOMPARE(inflateInit2(&z, -15), Z_OK);
    QByteArray back(data.size() + 1, '\x55');
    z.next_in = out.data();
    z.avail_in = uInt(out.size());
    z.next_out = reinterpret_cast<Bytef *>(back.data());
    z.avail_out = uInt(back.size());
    const int rc = inflate(&z, Z_FINISH);
    const uLong total = z.total_out;
    const uInt left = z.avail_in;
    inflateEnd(&z);
    QCOMPARE(rc, Z_STREAM_END);
    QCOMPARE(left, uInt(0));
    QCOMPARE(qint64(total), data.size());
    QVERIFY(back.left(data.size()) == data);
}

QTEST_GUILESS_MAIN(TestParallelGzip)
#include "tst_parallelgzip.moc"

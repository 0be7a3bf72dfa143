// Times Gzip against ParallelGzip on one file: litekeep-bench-compress FILE [LEVEL] [RUNS].
// With --once INPUT OUTPUT, compresses once as a backup does, OUTPUT "-" being stdout: the
// streaming measurement in bench/README.md pipes that into rclone rcat.
#include "compress/Gzip.h"
#include "compress/ParallelGzip.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

namespace {

struct Outcome
{
    double seconds = 0; // median of the runs
    qint64 bytes = 0;
    QString sha256;
};

Outcome measure(int runs, const std::function<lk::Result<lk::Gzip::Stats>()> &compress)
{
    std::vector<double> times;
    Outcome outcome;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto r = compress();
        times.push_back(double(timer.nsecsElapsed()) / 1e9);
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error()));
            std::exit(1);
        }
        outcome.bytes = r->outputBytes;
        outcome.sha256 = r->outputSha256;
    }
    std::sort(times.begin(), times.end());
    outcome.seconds = times[times.size() / 2];
    return outcome;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == QLatin1String("--once")) {
        QFile in(args.at(2));
        QFile out;
        const bool opened = in.open(QIODevice::ReadOnly) &&
                            (args.at(3) == QLatin1String("-")
                                 ? out.open(stdout, QIODevice::WriteOnly)
                                 : (out.setFileName(args.at(3)), out.open(QIODevice::WriteOnly)));
        if (!opened) {
            std::fprintf(stderr, "cannot open %s or %s\n", qPrintable(args.at(2)),
                         qPrintable(args.at(3)));
            return 1;
        }
        const auto r = lk::ParallelGzip::compress(in, in.size(), out, 6, 0);
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error()));
            return 1;
        }
        return out.flush() ? 0 : 1;
    }
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: litekeep-bench-compress FILE [LEVEL] [RUNS]\n");
        return 2;
    }
    const QString input = args.at(1);
    const int level = args.size() > 2 ? args.at(2).toInt() : 6;
    const int runs = args.size() > 3 ? std::max(1, args.at(3).toInt()) : 3;
    QTemporaryDir dir;
    const QString output = dir.filePath(QStringLiteral("out.gz"));

    const Outcome single =
        measure(runs, [&] { return lk::Gzip::compressFile(input, output, level); });
    std::printf("%-22s %8.3f s  %12lld bytes\n", "Gzip (1 thread)", single.seconds, single.bytes);

    std::vector<int> threadCounts{1, 2};
    if (QThread::idealThreadCount() > 2)
        threadCounts.push_back(QThread::idealThreadCount());
    for (const auto engine :
         {lk::ParallelGzip::Engine::Zlib, lk::ParallelGzip::Engine::Libdeflate}) {
        const char *name = engine == lk::ParallelGzip::Engine::Zlib ? "zlib" : "libdeflate";
        for (const int threads : threadCounts) {
            const Outcome parallel = measure(runs, [&] {
                return lk::ParallelGzip::compressFile(input, output, level, threads, nullptr, {},
                                                      engine);
            });
            std::printf(
                "ParallelGzip %-10s %2d thr  %8.3f s  %12lld bytes  time x%.2f  size x%.4f\n", name,
                threads, parallel.seconds, parallel.bytes, parallel.seconds / single.seconds,
                double(parallel.bytes) / double(single.bytes));
        }
    }
    return 0;
}

// Catalog: the private history of runs, what it records and how it answers.
#include "history/Catalog.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <QTimeZone>

using lk::Catalog;
using lk::JobResult;
using lk::UploadPlan;
using lk::UploadSpeed;

namespace {

constexpr QFile::Permissions kGroupOrOther = QFile::ReadGroup | QFile::WriteGroup |
                                             QFile::ExeGroup | QFile::ReadOther |
                                             QFile::WriteOther | QFile::ExeOther;

JobResult success(const QString &generation, qint64 dbSize, qint64 gzSize)
{
    return JobResult::succeeded(QStringLiteral("Backed up."),
                                {{QStringLiteral("generation"), generation},
                                 {QStringLiteral("db_size"), dbSize},
                                 {QStringLiteral("gz_size"), gzSize}});
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void privateFile();
    void recordsRuns();
    void lastRunFilters();
    void markInterrupted();
    void durationMs();
    void persistsAcrossOpens();
    void refusesForeignFile();
    void anomalies();
    void anomaliesPersist();
    void readersFailClosed();
    void uploadSpeedsPerProfile();
    void uploadPlanChoosesByWhatWasMeasured();
    void uploadPlanLearnsFromEachWay();
    void uploadPlanSettles();
    void refusedRunsAndFailedReads();
};

void TestCatalog::privateFile()
{
    lkt::TestHome home;
    QVERIFY(home.isValid());
    home.applyToThisProcess();

    Catalog catalog;
    QCOMPARE(catalog.path(), home.historyFile());
    QVERIFY(!QFile::exists(catalog.path()));
    const lk::Status opened = catalog.open();
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QVERIFY(QFile::exists(catalog.path()));

    const QFile::Permissions perms = QFileInfo(catalog.path()).permissions();
    QVERIFY(perms.testFlags(QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(!perms.testFlag(QFile::ExeOwner));
    QVERIFY2(!(perms & kGroupOrOther), qPrintable(QString::number(perms.toInt(), 8)));

    const QFile::Permissions dirPerms =
        QFileInfo(QFileInfo(catalog.path()).absolutePath()).permissions();
    QVERIFY(!(dirPerms & kGroupOrOther));

    // Recording writes through the WAL; its side files are private too.
    QVERIFY(catalog.recordStart(QStringLiteral("p"), QStringLiteral("backup")).isOk());
    for (const QString &side : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QString file = catalog.path() + side;
        if (QFile::exists(file))
            QVERIFY2(!(QFileInfo(file).permissions() & kGroupOrOther), qPrintable(file));
    }
}

void TestCatalog::recordsRuns()
{
    lkt::TestHome home;
    Catalog catalog(home.file(QStringLiteral("history.sqlite")));
    QVERIFY(catalog.open().ok);

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const auto first = catalog.recordStart(QStringLiteral("nightly"), QStringLiteral("backup"));
    QVERIFY2(first.isOk(), qPrintable(first.error()));
    const auto second = catalog.recordStart(QStringLiteral("nightly"), QStringLiteral("backup"));
    const auto other = catalog.recordStart(QStringLiteral("nightly.2"), QStringLiteral("backup"));
    QVERIFY(second.isOk() && other.isOk());
    QVERIFY(second.value() > first.value());

    QList<lk::RunRecord> runs = catalog.runs(QStringLiteral("nightly"));
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).id, second.value()); // newest first
    QCOMPARE(runs.at(1).id, first.value());
    for (const lk::RunRecord &r : runs) {
        QCOMPARE(r.profile, QStringLiteral("nightly"));
        QCOMPARE(r.kind, QStringLiteral("backup"));
        QCOMPARE(r.outcome, QStringLiteral("running"));
        QVERIFY(!r.finishedUtc.isValid());
        QVERIFY(r.startedUtc >= before && r.startedUtc <= QDateTime::currentDateTimeUtc());
        QCOMPARE(r.startedUtc.offsetFromUtc(), 0);
    }

    const QString generation = QStringLiteral("nightly-20261127T020000Z");
    QVERIFY(catalog.recordFinish(first.value(), success(generation, 5'000'000'000LL, 1234)).ok);
    QVERIFY(catalog
                .recordFinish(second.value(),
                              JobResult::failed(QStringLiteral("R2 rejected the key (403)."),
                                                QStringLiteral("error: 403")))
                .ok);

    runs = catalog.runs(QStringLiteral("nightly"));
    QCOMPARE(runs.size(), 2);
    const lk::RunRecord &failed = runs.at(0);
    QCOMPARE(failed.outcome, QStringLiteral("failed"));
    QCOMPARE(failed.message, QStringLiteral("R2 rejected the key (403)."));
    QVERIFY(failed.generation.isEmpty());
    QCOMPARE(failed.dbSize, 0);
    const lk::RunRecord &ok = runs.at(1);
    QCOMPARE(ok.outcome, QStringLiteral("succeeded"));
    QCOMPARE(ok.message, QStringLiteral("Backed up."));
    QCOMPARE(ok.generation, generation);
    QCOMPARE(ok.dbSize, 5'000'000'000LL);
    QCOMPARE(ok.gzSize, 1234);
    QVERIFY(ok.finishedUtc.isValid());
    QVERIFY(ok.finishedUtc >= ok.startedUtc);

    // The other profile, whose name shares a prefix, is untouched and separate.
    const QList<lk::RunRecord> others = catalog.runs(QStringLiteral("nightly.2"));
    QCOMPARE(others.size(), 1);
    QCOMPARE(others.at(0).outcome, QStringLiteral("running"));
    QVERIFY(catalog.runs(QStringLiteral("unknown")).isEmpty());

    for (int i = 0; i < 5; ++i)
        QVERIFY(catalog.recordStart(QStringLiteral("nightly"), QStringLiteral("backup")).isOk());
    runs = catalog.runs(QStringLiteral("nightly"), 3);
    QCOMPARE(runs.size(), 3);
    QVERIFY(runs.at(0).id > runs.at(1).id && runs.at(1).id > runs.at(2).id);
}

void TestCatalog::lastRunFilters()
{
    lkt::TestHome home;
    Catalog catalog(home.file(QStringLiteral("history.sqlite")));
    QVERIFY(catalog.open().ok);
    const QString p = QStringLiteral("p");
    const QString backup = QStringLiteral("backup");

    QVERIFY(!catalog.lastRun(p, backup).has_value());

    const qint64 a = catalog.recordStart(p, backup).value();
    QVERIFY(catalog.recordFinish(a, success(QStringLiteral("p-20260101T000000Z"), 10, 5)).ok);
    const qint64 b = catalog.recordStart(p, backup).value();
    QVERIFY(catalog.recordFinish(b, JobResult::cancelled(QStringLiteral("Cancelled."))).ok);
    const qint64 c = catalog.recordStart(p, backup).value();
    const qint64 verify = catalog.recordStart(p, QStringLiteral("verify")).value();

    auto last = catalog.lastRun(p, backup);
    QVERIFY(last.has_value());
    QCOMPARE(last->id, c);
    QCOMPARE(last->outcome, QStringLiteral("running"));
    // A null and an empty outcome both mean "any outcome".
    QCOMPARE(catalog.lastRun(p, backup, QStringLiteral(""))->id, c);
    QCOMPARE(catalog.lastRun(p, backup, QString())->id, c);

    last = catalog.lastRun(p, backup, QStringLiteral("succeeded"));
    QVERIFY(last.has_value());
    QCOMPARE(last->id, a);
    QCOMPARE(last->generation, QStringLiteral("p-20260101T000000Z"));
    QCOMPARE(catalog.lastRun(p, backup, QStringLiteral("cancelled"))->id, b);
    QVERIFY(!catalog.lastRun(p, backup, QStringLiteral("failed")).has_value());

    QCOMPARE(catalog.lastRun(p, QStringLiteral("verify"))->id, verify);
    QVERIFY(!catalog.lastRun(p, QStringLiteral("restore")).has_value());
    QVERIFY(!catalog.lastRun(QStringLiteral("q"), backup).has_value());
}

void TestCatalog::markInterrupted()
{
    lkt::TestHome home;
    Catalog catalog(home.file(QStringLiteral("history.sqlite")));
    QVERIFY(catalog.open().ok);

    const qint64 done = catalog.recordStart(QStringLiteral("a"), QStringLiteral("backup")).value();
    QVERIFY(catalog.recordFinish(done, success(QStringLiteral("g"), 1, 1)).ok);
    const qint64 dead1 = catalog.recordStart(QStringLiteral("a"), QStringLiteral("backup")).value();
    const qint64 dead2 = catalog.recordStart(QStringLiteral("a"), QStringLiteral("verify")).value();
    const qint64 otherProfile =
        catalog.recordStart(QStringLiteral("a.b"), QStringLiteral("backup")).value();

    const lk::Status s = catalog.markInterrupted(QStringLiteral("a"));
    QVERIFY2(s.ok, qPrintable(s.error));

    for (const lk::RunRecord &r : catalog.runs(QStringLiteral("a"))) {
        if (r.id == done) {
            QCOMPARE(r.outcome, QStringLiteral("succeeded"));
            QCOMPARE(r.message, QStringLiteral("Backed up."));
        } else {
            QVERIFY(r.id == dead1 || r.id == dead2);
            QCOMPARE(r.outcome, QStringLiteral("interrupted"));
            QVERIFY2(r.message.contains(QLatin1String("interrupted")), qPrintable(r.message));
            QVERIFY(!r.finishedUtc.isValid());
        }
    }
    QCOMPARE(catalog.runs(QStringLiteral("a")).size(), 3);
    QCOMPARE(catalog.lastRun(QStringLiteral("a.b"), QStringLiteral("backup"))->id, otherProfile);
    QCOMPARE(catalog.lastRun(QStringLiteral("a.b"), QStringLiteral("backup"))->outcome,
             QStringLiteral("running"));

    // Nothing left to mark: a second call changes nothing and still succeeds.
    QVERIFY(catalog.markInterrupted(QStringLiteral("a")).ok);
    QCOMPARE(
        catalog
            .lastRun(QStringLiteral("a"), QStringLiteral("backup"), QStringLiteral("interrupted"))
            ->id,
        dead1);
}

void TestCatalog::durationMs()
{
    lk::RunRecord r;
    r.startedUtc = QDateTime(QDate(2026, 1, 1), QTime(2, 0, 0), QTimeZone::utc());
    QCOMPARE(r.durationMs(), -1);
    r.finishedUtc = r.startedUtc.addMSecs(90'500);
    QCOMPARE(r.durationMs(), 90'500);

    lkt::TestHome home;
    Catalog catalog(home.file(QStringLiteral("history.sqlite")));
    QVERIFY(catalog.open().ok);
    const qint64 id = catalog.recordStart(QStringLiteral("p"), QStringLiteral("backup")).value();
    QCOMPARE(catalog.runs(QStringLiteral("p")).at(0).durationMs(), -1);
    QTest::qSleep(120);
    QVERIFY(catalog.recordFinish(id, success(QStringLiteral("g"), 1, 1)).ok);
    const qint64 ms = catalog.runs(QStringLiteral("p")).at(0).durationMs();
    QVERIFY2(ms >= 100 && ms < 10'000, qPrintable(QString::number(ms)));
}

void TestCatalog::persistsAcrossOpens()
{
    lkt::TestHome home;
    const QString file = home.file(QStringLiteral("history.sqlite"));
    qint64 id = 0;
    {
        Catalog catalog(file);
        QVERIFY(catalog.open().ok);
        id = catalog.recordStart(QStringLiteral("p"), QStringLiteral("backup")).value();
        QVERIFY(catalog.recordFinish(id, success(QStringLiteral("p-gen"), 7, 3)).ok);
    }
    // Two catalogs on one file at once (the tray and a CLI run) both work.
    Catalog one(file);
    Catalog two(file);
    QVERIFY(one.open().ok);
    QVERIFY(two.open().ok);
    QCOMPARE(one.lastRun(QStringLiteral("p"), QStringLiteral("backup"))->generation,
             QStringLiteral("p-gen"));
    const qint64 next = two.recordStart(QStringLiteral("p"), QStringLiteral("backup")).value();
    QVERIFY(next > id);
    QCOMPARE(one.lastRun(QStringLiteral("p"), QStringLiteral("backup"))->id, next);
}

void TestCatalog::refusesForeignFile()
{
    lkt::TestHome home;
    const QString file = home.file(QStringLiteral("history.sqlite"));
    const QByteArray content =
        QByteArray("This is somebody's notes file, not a database.\n").repeated(100);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    Catalog catalog(file);
    const lk::Status s = catalog.open();
    QVERIFY(!s.ok);
    QVERIFY2(s.error.contains(QLatin1String("cannot be used")) ||
                 s.error.contains(QLatin1String("Cannot open")),
             qPrintable(s.error));
    QVERIFY2(s.error.contains(file), qPrintable(s.error));
    QCOMPARE(readFile(file), content); // never overwritten

    Catalog nowhere(QStringLiteral("/dev/null/history.sqlite"));
    const lk::Status n = nowhere.open();
    QVERIFY(!n.ok);
    QVERIFY2(n.error.contains(QLatin1String("/dev/null/history.sqlite")), qPrintable(n.error));
}

// The anomaly alarm's history: recorded, listed newest first, pinned until dismissed.
void TestCatalog::anomalies()
{
    lkt::TestHome home;
    Catalog catalog(home.file(QStringLiteral("history.sqlite")));
    QVERIFY(catalog.open().ok);
    const QString p = QStringLiteral("cogito");
    QVERIFY(catalog.openAnomalies(p).isEmpty());
    QVERIFY(catalog.pinnedGenerations(p).isEmpty());

    using Finding = lk::Anomaly::Finding;
    const QList<Finding> notes{{Finding::Kind::Shrank, QStringLiteral("notes"), 1204, 160}};
    const QList<Finding> tags{{Finding::Kind::Vanished, QStringLiteral("タグ"), 30, 0}};
    const QDateTime created(QDate(2026, 10, 2), QTime(2, 0, 5), QTimeZone::utc());
    QVERIFY(catalog
                .recordAnomaly({p,
                                QStringLiteral("cogito-20261002T020000Z"),
                                QStringLiteral("cogito-20261001T020000Z"),
                                notes,
                                created,
                                {}})
                .ok);
    QVERIFY(catalog
                .recordAnomaly({p,
                                QStringLiteral("cogito-20261005T020000Z"),
                                QStringLiteral("cogito-20261004T020000Z"),
                                tags,
                                {},
                                {}})
                .ok);
    // Another profile's warnings stay its own.
    QVERIFY(catalog
                .recordAnomaly({QStringLiteral("other"),
                                QStringLiteral("other-20261005T020000Z"),
                                QStringLiteral("other-20261004T020000Z"),
                                tags,
                                {},
                                {}})
                .ok);

    const auto open = catalog.openAnomalies(p);
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.at(0).generation, QStringLiteral("cogito-20261005T020000Z")); // newest first
    QCOMPARE(open.at(0).findings, tags);
    QVERIFY(open.at(0).createdUtc.isValid());
    QCOMPARE(open.at(1).generation, QStringLiteral("cogito-20261002T020000Z"));
    QCOMPARE(open.at(1).previousGeneration, QStringLiteral("cogito-20261001T020000Z"));
    QCOMPARE(open.at(1).findings, notes);
    QCOMPARE(open.at(1).createdUtc, created);
    QVERIFY(open.at(1).isOpen());
    QVERIFY2(open.at(1).message().contains(QStringLiteral("cogito-20261001T020000Z, is kept")),
             qPrintable(open.at(1).message()));
    QCOMPARE(catalog.pinnedGenerations(p),
             (QSet<QString>{QStringLiteral("cogito-20261001T020000Z"),
                            QStringLiteral("cogito-20261004T020000Z")}));
    QCOMPARE(catalog.anomalousGenerations(p),
             (QSet<QString>{QStringLiteral("cogito-20261002T020000Z"),
                            QStringLiteral("cogito-20261005T020000Z")}));

    // Dismissing by the pinned generation's name is not dismissing: it names the new one.
    const lk::Status wrong = catalog.dismissAnomaly(p, QStringLiteral("cogito-20261001T020000Z"));
    QVERIFY(!wrong.ok);
    QVERIFY2(wrong.error.contains(QStringLiteral("cogito-20261001T020000Z")),
             qPrintable(wrong.error));
    QVERIFY(
        !catalog.dismissAnomaly(QStringLiteral("other"), QStringLiteral("cogito-20261002T020000Z"))
             .ok);

    QVERIFY(catalog.dismissAnomaly(p, QStringLiteral("cogito-20261002T020000Z")).ok);
    QCOMPARE(catalog.pinnedGenerations(p),
             QSet<QString>{QStringLiteral("cogito-20261004T020000Z")});
    QCOMPARE(catalog.anomalousGenerations(p),
             QSet<QString>{QStringLiteral("cogito-20261005T020000Z")});
    QCOMPARE(catalog.openAnomalies(p).size(), 1);
    // Dismissed once is dismissed.
    QVERIFY(!catalog.dismissAnomaly(p, QStringLiteral("cogito-20261002T020000Z")).ok);
    // The history keeps it, marked dismissed, and no longer promises to keep anything.
    const auto all = catalog.anomalies(p);
    QCOMPARE(all.size(), 2);
    QVERIFY(!all.at(1).isOpen());
    QVERIFY(all.at(1).dismissedUtc.isValid());
    QVERIFY2(!all.at(1).message().contains(QStringLiteral("is kept")),
             qPrintable(all.at(1).message()));
    QCOMPARE(catalog.pinnedGenerations(QStringLiteral("other")),
             QSet<QString>{QStringLiteral("other-20261004T020000Z")});

    // Recording a generation again replaces its record (and reopens it).
    QVERIFY(catalog
                .recordAnomaly({p,
                                QStringLiteral("cogito-20261002T020000Z"),
                                QStringLiteral("cogito-20261001T020000Z"),
                                notes + tags,
                                {},
                                {}})
                .ok);
    QCOMPARE(catalog.anomalies(p).size(), 2);
    QCOMPARE(catalog.openAnomalies(p).size(), 2);
    QCOMPARE(catalog.openAnomalies(p).at(1).findings.size(), 2);
}

// A CLI dismissal is seen by the tray's open catalog, and warnings survive a restart.
void TestCatalog::anomaliesPersist()
{
    lkt::TestHome home;
    const QString file = home.file(QStringLiteral("history.sqlite"));
    Catalog tray(file);
    QVERIFY(tray.open().ok);
    {
        Catalog cli(file);
        QVERIFY(cli.open().ok);
        QVERIFY(cli.recordAnomaly(
                       {QStringLiteral("p"),
                        QStringLiteral("p-2"),
                        QStringLiteral("p-1"),
                        {{lk::Anomaly::Finding::Kind::Shrank, QStringLiteral("notes"), 100, 1}},
                        {},
                        {}})
                    .ok);
    }
    QCOMPARE(tray.pinnedGenerations(QStringLiteral("p")), QSet<QString>{QStringLiteral("p-1")});
    {
        Catalog cli(file);
        QVERIFY(cli.open().ok);
        QVERIFY(cli.dismissAnomaly(QStringLiteral("p"), QStringLiteral("p-2")).ok);
    }
    QVERIFY(tray.pinnedGenerations(QStringLiteral("p")).isEmpty());
}

// Every reader a safety decision uses says why it could not read, rather than answering
// "nothing": a history another process holds locked past the busy timeout, and one that is
// not a database at all.
void TestCatalog::readersFailClosed()
{
    lkt::TestHome home;
    const QString file = home.file(QStringLiteral("history.sqlite"));
    const QString p = QStringLiteral("p");
    {
        Catalog writer(file);
        QVERIFY(writer.open().ok);
        QVERIFY(writer
                    .recordAnomaly(
                        {p,
                         QStringLiteral("p-2"),
                         QStringLiteral("p-1"),
                         {{lk::Anomaly::Finding::Kind::Shrank, QStringLiteral("notes"), 100, 1}},
                         {},
                         {}})
                    .ok);
    }
    auto everyReaderFails = [&](const Catalog &c, const QString &why) {
        const QString &path = c.path();
        const QStringList errors{c.readPinnedGenerations(p).error(),
                                 c.readAnomalousGenerations(p).error(),
                                 c.readOpenAnomalies(p).error(),
                                 c.readAnomalies(p).error(),
                                 c.readLastRun(p, QStringLiteral("backup")).error(),
                                 c.readLatestVerifications(p).error(),
                                 c.readLastDrill(p).error(),
                                 c.readLastPassedVerification(p).error(),
                                 c.readVerificationsOf(p, QStringLiteral("p-1")).error(),
                                 c.readRuns(p).error(),
                                 c.readDeletions(p).error()};
        for (const QString &error : errors) {
            QVERIFY2(error.contains(why) && error.contains(path), qPrintable(error));
        }
    };

    // Another process holds the history exclusively (as the sqlite3 shell can) for longer
    // than the busy timeout.
    QProcess locker;
    locker.start(QStringLiteral("sqlite3"), {file});
    QVERIFY(locker.waitForStarted());
    locker.write("PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\n"
                 "INSERT INTO deletions (profile, object, deleted_utc) VALUES ('p', 'x', 'now');\n"
                 "SELECT 'locked';\n");
    QVERIFY(lkt::waitForOutput(locker, QProcess::StandardOutput, "locked", 10000));
    Catalog catalog(file);
    catalog.setBusyTimeout(200);
    const lk::Status opened = catalog.open();
    QVERIFY2(!opened.ok && opened.error.contains(QLatin1String("database is locked")),
             qPrintable(opened.error));
    everyReaderFails(catalog, QStringLiteral("database is locked"));
    QVERIFY(catalog.pinnedGenerations(p).isEmpty()); // what the display-only readers say
    locker.closeWriteChannel();
    QVERIFY(locker.waitForFinished(10000));
    // Free again, it opens and answers.
    QVERIFY(catalog.open().ok);
    QCOMPARE(catalog.readPinnedGenerations(p).value(), QSet<QString>{QStringLiteral("p-1")});

    const QString junk = home.file(QStringLiteral("junk.sqlite"));
    {
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("not a database\n").repeated(300));
    }
    Catalog damaged(junk);
    QVERIFY(!damaged.open().ok);
    everyReaderFails(damaged, QStringLiteral("not a database"));
}

void TestCatalog::uploadSpeedsPerProfile()
{
    lkt::TestHome home;
    const QString path = home.file(QStringLiteral("history.sqlite"));
    {
        Catalog catalog(path);
        QVERIFY(catalog.open());
        QVERIFY(!catalog.uploadSpeed(QStringLiteral("a")).has_value());
        QVERIFY(catalog.recordUploadSpeed(QStringLiteral("a"), {1.5e6, 0.9, 4e7, 0, {}}));
        QVERIFY(catalog.recordUploadSpeed(QStringLiteral("a"),
                                          {2.5e6, 0.75, 5e7, 3, {}})); // the last wins
        QVERIFY(catalog.recordUploadSpeed(QStringLiteral("b"), {0, 0, 3e7, 1, {}}));
    }
    Catalog catalog(path);
    QVERIFY(catalog.open());
    const auto a = catalog.uploadSpeed(QStringLiteral("a"));
    QVERIFY(a.has_value());
    QCOMPARE(a->uploadBytesPerSecond, 2.5e6);
    QCOMPARE(a->uploadIdleShare, 0.75);
    QCOMPARE(a->compressBytesPerSecond, 5e7);
    QCOMPARE(a->streamedSince, 3);
    QVERIFY(qAbs(a->measuredUtc.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(catalog.uploadSpeed(QStringLiteral("b"))->uploadBytesPerSecond, 0.0);
    QVERIFY(!catalog.uploadSpeed(QStringLiteral("c")).has_value());
}

void TestCatalog::uploadPlanChoosesByWhatWasMeasured()
{
    qunsetenv("LITEKEEP_STREAM_MIN_MIB");
    const qint64 large = 400 * 1024 * 1024;
    const qint64 small = 10 * 1024 * 1024;
    QCOMPARE(UploadPlan::streamThresholdBytes(), 64 * 1024 * 1024);
    const auto Auto = UploadPlan::Mode::Auto;
    const auto plan = [](double upload, double idle, double compress, int streamedSince = 0) {
        return std::optional<UploadSpeed>(UploadSpeed{upload, idle, compress, streamedSince, {}});
    };
    QVERIFY(UploadPlan::shouldStream(Auto, large, std::nullopt)); // the first backup
    QVERIFY(!UploadPlan::shouldStream(Auto, small, std::nullopt));
    // An upload slower than the compressor that left the cores idle (the internet): stream.
    QVERIFY(UploadPlan::shouldStream(Auto, large, plan(2e7, 0.9, 1e8)));
    QVERIFY(UploadPlan::shouldStream(Auto, large, plan(1.5e8, 0.5, 1e8))); // takes 0.67 of it
    // Three times faster than the compressor: the overlap cannot save much.
    QVERIFY(!UploadPlan::shouldStream(Auto, large, plan(3e8, 0.9, 1e8)));
    // As slow, but busy on the cores (a server on this machine): doing both at once only
    // makes them share the cores.
    QVERIFY(!UploadPlan::shouldStream(Auto, large, plan(2e7, 0.3, 1e8)));
    // Never staged yet (the first backup streamed): stage to learn the upload.
    QVERIFY(!UploadPlan::shouldStream(Auto, large, plan(0, 0, 1e8, 1)));
    // Seven streamed backups in a row: stage one, to see whether the upload got faster.
    QVERIFY(UploadPlan::shouldStream(Auto, large, plan(2e7, 0.9, 1e8, 6)));
    QVERIFY(!UploadPlan::shouldStream(Auto, large, plan(2e7, 0.9, 1e8, 7)));
    // Forced either way, whatever the size or history.
    QVERIFY(UploadPlan::shouldStream(UploadPlan::Mode::Stream, small, plan(1e9, 0.1, 1e8)));
    QVERIFY(!UploadPlan::shouldStream(UploadPlan::Mode::Staged, large, plan(1e6, 1.0, 1e8)));

    qputenv("LITEKEEP_STREAM_MIN_MIB", "0");
    QVERIFY(UploadPlan::shouldStream(Auto, 1, std::nullopt));
    qputenv("LITEKEEP_STREAM_MIN_MIB", "nonsense"); // the default, not 0
    QVERIFY(!UploadPlan::shouldStream(Auto, small, std::nullopt));
    qunsetenv("LITEKEEP_STREAM_MIN_MIB");

    qputenv("LITEKEEP_UPLOAD_MODE", "Stream");
    QCOMPARE(UploadPlan::modeFromEnvironment(), UploadPlan::Mode::Stream);
    qputenv("LITEKEEP_UPLOAD_MODE", "staged");
    QCOMPARE(UploadPlan::modeFromEnvironment(), UploadPlan::Mode::Staged);
    qputenv("LITEKEEP_UPLOAD_MODE", "sometimes");
    QCOMPARE(UploadPlan::modeFromEnvironment(), UploadPlan::Mode::Auto);
    qunsetenv("LITEKEEP_UPLOAD_MODE");
    QCOMPARE(UploadPlan::modeFromEnvironment(), UploadPlan::Mode::Auto);
}

void TestCatalog::uploadPlanLearnsFromEachWay()
{
    const qint64 mb100 = 100'000'000;
    // Staged: each stage alone, and how idle the cores were during the upload.
    UploadSpeed s = UploadPlan::learn(std::nullopt, {false, mb100, 2000, 0, 500, 0.8});
    QCOMPARE(s.compressBytesPerSecond, 5e7);
    QCOMPARE(s.uploadBytesPerSecond, 2e8);
    QCOMPARE(s.uploadIdleShare, 0.8);
    QCOMPARE(s.streamedSince, 0);
    QVERIFY(s.measuredUtc.isValid());
    // Streamed: the compressor's speed without the time it waited for rclone; the staged
    // upload's figures stay, and the streak grows.
    s = UploadPlan::learn(s, {true, mb100, 4000, 1000, 5000, 0});
    QCOMPARE(s.compressBytesPerSecond, mb100 / 3.0);
    QCOMPARE(s.uploadBytesPerSecond, 2e8);
    QCOMPARE(s.uploadIdleShare, 0.8);
    QCOMPARE(s.streamedSince, 1);
    s = UploadPlan::learn(s, {true, mb100, 4000, 0, 4000, 0});
    QCOMPARE(s.streamedSince, 2);
    // A staged one starts over.
    s = UploadPlan::learn(s, {false, mb100, 2000, 0, 1000, 0.2});
    QCOMPARE(s.uploadBytesPerSecond, 1e8);
    QCOMPARE(s.uploadIdleShare, 0.2);
    QCOMPARE(s.streamedSince, 0);
    // The first backup, streamed, knows no upload yet.
    s = UploadPlan::learn(std::nullopt, {true, mb100, 4000, 100, 4200, 0});
    QCOMPARE(s.uploadBytesPerSecond, 0.0);
    QCOMPARE(s.compressBytesPerSecond, mb100 / 3.9);

    const UploadPlan::CpuTimes before{100, 400}, after{250, 600};
    QCOMPARE(UploadPlan::idleShare(before, after), 0.75);
    QCOMPARE(UploadPlan::idleShare(before, before), 1.0); // no time passed: nothing known
    const UploadPlan::CpuTimes now = UploadPlan::cpuTimes();
    QVERIFY2(now.total > 0 && now.idle <= now.total, "/proc/stat is read");
}

// Run after run, the choice settles on the faster way: staged against a server that keeps the
// cores busy, streamed over a slow link that leaves them idle (with a staged run each eighth
// night), staged over a fast link.
void TestCatalog::uploadPlanSettles()
{
    qunsetenv("LITEKEEP_STREAM_MIN_MIB");
    const qint64 bytes = 400'000'000;
    const double compress = 8e7; // the compressor alone, bytes of database per second
    struct Link
    {
        double upload;
        double idle;
        const char *ways;
    };
    const Link links[] = {
        {1.2e8, 0.1,
         "stream staged staged staged staged staged staged staged staged staged staged"},
        {1.6e7, 0.95,
         "stream staged stream stream stream stream stream stream stream staged stream"},
        {4e8, 0.9, "stream staged staged staged staged staged staged staged staged staged staged"},
    };
    for (const Link &link : links) {
        std::optional<UploadSpeed> known;
        QStringList ways;
        for (int run = 0; run < 11; ++run) {
            const bool stream = UploadPlan::shouldStream(UploadPlan::Mode::Auto, bytes, known);
            ways.append(stream ? QStringLiteral("stream") : QStringLiteral("staged"));
            const qint64 c = qint64(bytes / compress * 1000),
                         u = qint64(bytes / link.upload * 1000);
            UploadPlan::Measured m{stream, bytes, c, 0, u, link.idle};
            if (stream) {
                m.compressMs = qMax(c, u);            // a slow reader holds the compressor back
                m.blockedMs = qMax<qint64>(0, u - c); // by the time it waited
            }
            known = UploadPlan::learn(known, m);
        }
        QCOMPARE(ways.join(QLatin1Char(' ')), QString::fromLatin1(link.ways));
    }
}

// A run refused before its job started is one finished record; a reader of a history that
// cannot be read says so instead of answering "nothing".
void TestCatalog::refusedRunsAndFailedReads()
{
    lkt::TestHome home;
    home.applyToThisProcess();
    Catalog catalog;
    QVERIFY(catalog.open());
    QVERIFY(catalog.recordRefusedRun(QStringLiteral("p"), QStringLiteral("backup"),
                                     lk::JobResult::failed(QStringLiteral("No credentials."))));
    const auto last = catalog.readLastRun(QStringLiteral("p"), QStringLiteral("backup"));
    QVERIFY(last);
    QVERIFY(last.value().has_value());
    QCOMPARE(last.value()->outcome, QStringLiteral("failed"));
    QCOMPARE(last.value()->message, QStringLiteral("No credentials."));
    QVERIFY(last.value()->finishedUtc.isValid());
    const auto none = catalog.readLastRun(QStringLiteral("other"), QStringLiteral("backup"));
    QVERIFY(none);
    QVERIFY(!none.value().has_value());

    // Junk where the history was: every reader fails with a sentence, none answers empty.
    lkt::TestHome junkHome;
    junkHome.applyToThisProcess();
    QVERIFY(QDir().mkpath(QFileInfo(junkHome.historyFile()).absolutePath()));
    QFile junk(junkHome.historyFile());
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'j'));
    junk.close();
    Catalog broken;
    QVERIFY(!broken.open());
    const auto run = broken.readLastRun(QStringLiteral("p"), QStringLiteral("backup"));
    QVERIFY(!run);
    QVERIFY2(run.error().contains(junkHome.historyFile()), qPrintable(run.error()));
    QVERIFY(!broken.readLatestVerifications(QStringLiteral("p")));
    QVERIFY(!broken.readOpenAnomalies(QStringLiteral("p")));
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"

// The real tray application with its clock moved by faketime: the nightly run happens at the
// scheduled minute, a machine that was off for two nights catches up exactly once, and a
// second launch leaves the first one running.
#include "SingleInstance.h"

#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QLocalSocket>
#include <QTimeZone>
#include <QtTest>

using namespace lkt;

namespace {
constexpr const char *kZone = "Europe/Berlin";

// "default-20261127T0100" for 02:00 Berlin time on 2026-11-27: names are in UTC.
QString namePrefix(const QDate &date, const QTime &localTime)
{
    const QDateTime utc = QDateTime(date, localTime, QTimeZone(QByteArray(kZone))).toUTC();
    return QStringLiteral("default-") + utc.toString(QStringLiteral("yyyyMMdd'T'HHmm"));
}
} // namespace

class TestScheduleFaketime : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;
    QString m_dest;
    std::vector<std::unique_ptr<QProcess>> m_apps;

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }

    // libfaketime preloaded into litekeep itself (not through the `faketime` wrapper, which
    // forks: SIGTERM would reach the wrapper and leave the app running). The clock starts at
    // `at` and runs on; rclone's environment is built from scratch, so it keeps the real time.
    QProcessEnvironment fakeEnvironment(const QString &at) const { return withFakeTime(m_env, at); }

    RunResult lkAt(const QString &at, const QStringList &args)
    {
        return runLiteKeep(args, fakeEnvironment(at));
    }

    QProcess *startApp(const QString &at, const QProcessEnvironment &env)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(at.isEmpty() ? env : fakeEnvironment(at));
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->setStandardOutputFile(QProcess::nullDevice());
        process->start(QStringLiteral(LITEKEEP_BINARY), {});
        if (!process->waitForStarted(10000))
            return nullptr;
        m_apps.push_back(std::move(process));
        return m_apps.back().get();
    }

    static void stop(QProcess *app)
    {
        if (app->state() == QProcess::NotRunning)
            return;
        app->terminate(); // SIGTERM: it is a tray app, nothing else ends it
        if (!app->waitForFinished(10000)) {
            app->kill();
            app->waitForFinished(5000);
        }
    }

    QStringList generations() const
    {
        QStringList names;
        for (const QString &path : filesEndingWith(m_dest, QStringLiteral(".manifest.json")))
            names.append(QFileInfo(path).fileName().section(QLatin1Char('.'), 0, 0));
        names.sort();
        return names;
    }

    // Polls the destination until it holds `count` generations or the time is up.
    bool waitForGenerations(int count, int timeoutMs, QProcess *app)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            if (generations().size() >= count)
                return true;
            if (app->state() == QProcess::NotRunning) {
                qWarning("the app ended early with %d", app->exitCode());
                return false;
            }
            QTest::qWait(250);
        }
        return generations().size() >= count;
    }

    void addProfile(const QString &at)
    {
        const RunResult r =
            lkAt(at, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("default"),
                      QStringLiteral("--db"), db(), QStringLiteral("--dest"), m_dest,
                      QStringLiteral("--at"), QStringLiteral("02:00")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!libfaketimePath().isEmpty(), "libfaketime is installed (package faketime)");
        const QProcessEnvironment env = withFakeTime(QProcessEnvironment::systemEnvironment(),
                                                     QStringLiteral("2026-11-27 01:59:40"));
        const RunResult r = runProgram(QStringLiteral("date"), {QStringLiteral("+%F")}, env);
        QVERIFY2(r.exitCode == 0 && r.out.startsWith("2026-11-27"), r.out.constData());
    }

    void init()
    {
        m_home = std::make_unique<TestHome>();
        QVERIFY(m_home->isValid());
        m_env = m_home->environment();
        m_env.insert(QStringLiteral("TZ"), QLatin1String(kZone));
        m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        m_dest = m_home->file(QStringLiteral("backups"));
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 200));
    }

    void cleanup()
    {
        for (const auto &app : m_apps)
            stop(app.get());
        m_apps.clear();
        m_home.reset();
    }

    void runsAtTheScheduledMinute()
    {
        addProfile(QStringLiteral("2026-11-26 12:00:00")); // created before tonight's slot
        QProcess *app = startApp(QStringLiteral("2026-11-27 01:59:40"), m_env);
        QVERIFY(app);

        // One run at 02:00 (20 s of real time later), not at 01:59:40: its name says when it
        // started. That no second run follows is proven with an injected clock in tst_schedule
        // (schedulerNoSecondRunThatNight), not by waiting here.
        QVERIFY2(waitForGenerations(1, 60000, app),
                 qPrintable(generations().join(QLatin1Char(','))));
        const QStringList first = generations();
        QCOMPARE(first.size(), 1);
        const QString expected = namePrefix(QDate(2026, 11, 27), QTime(2, 0)); // 01:00Z in winter
        QVERIFY2(first.first().startsWith(expected),
                 qPrintable(first.first() + QStringLiteral(" vs ") + expected));

        QCOMPARE(app->state(), QProcess::Running);
        QTRY_COMPARE_WITH_TIMEOUT(historyRows(*m_home).size(), 1, 30000); // its record is closed
        QTRY_VERIFY_WITH_TIMEOUT(historyRows(*m_home).first().value(0) != QStringLiteral("running"),
                                 60000);
        const QList<QStringList> runs = historyRows(*m_home);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().value(0), QStringLiteral("succeeded"));
    }

    void twoMissedNightsCatchUpOnce()
    {
        addProfile(QStringLiteral("2026-11-24 12:00:00"));
        // The last success two nights ago.
        const RunResult r = lkAt(QStringLiteral("2026-11-25 03:00:00"), {QStringLiteral("backup")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList before = generations();
        QCOMPARE(before.size(), 1);
        QVERIFY(before.first().startsWith(namePrefix(QDate(2026, 11, 25), QTime(3, 0))));

        // Switched on at 09:00 on the 27th: one catch-up run now, for both nights.
        QProcess *app = startApp(QStringLiteral("2026-11-27 09:00:00"), m_env);
        QVERIFY(app);
        QVERIFY2(waitForGenerations(2, 120000, app),
                 qPrintable(generations().join(QLatin1Char(','))));
        const QStringList after = generations();
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.first(), before.first());
        QVERIFY2(after.last().startsWith(namePrefix(QDate(2026, 11, 27), QTime(9, 0))),
                 qPrintable(after.last()));

        // Once, not again: proven with an injected clock in tst_schedule
        // (twoMissedNightsOweOneRun, schedulerNoSecondRunThatNight).
        QCOMPARE(app->state(), QProcess::Running);
        QTRY_VERIFY_WITH_TIMEOUT(historyRows(*m_home).last().value(0) != QStringLiteral("running"),
                                 60000);
        const QList<QStringList> runs = historyRows(*m_home);
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.last().value(0), QStringLiteral("succeeded"));
    }

    void secondLaunchLeavesTheFirstRunning()
    {
        QProcess *first = startApp({}, m_env);
        QVERIFY(first);

        // Wait until the first one listens (the name depends on the config location).
        m_home->applyToThisProcess();
        const QString name = lk::SingleInstance::serverName();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QLocalSocket probe;
                probe.connectToServer(name);
                return probe.waitForConnected(200);
            }(),
            20000);

        QProcess *second = startApp({}, m_env);
        QVERIFY(second);
        QVERIFY(second->waitForFinished(15000));
        QCOMPARE(second->exitStatus(), QProcess::NormalExit);
        QCOMPARE(second->exitCode(), 0);
        QTest::qWait(1000);
        QCOMPARE(first->state(), QProcess::Running);

        // Another user's (here: another config location's) LiteKeep is not in the way.
        TestHome other;
        QProcessEnvironment otherEnv = other.environment();
        otherEnv.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QProcess *third = startApp({}, otherEnv);
        QVERIFY(third);
        QVERIFY(!third->waitForFinished(3000));
        QCOMPARE(third->state(), QProcess::Running);
        stop(third);
        QCOMPARE(first->state(), QProcess::Running);
    }
};

QTEST_GUILESS_MAIN(TestScheduleFaketime)
#include "tst_schedule_faketime.moc"

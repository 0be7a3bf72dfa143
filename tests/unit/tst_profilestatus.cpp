// ProfileStatus: the one decision of what state a profile is in, from a history built by hand,
// an injected clock and zone.
#include "present/HumanTime.h"
#include "present/ProfileStatus.h"

#include <QTest>
#include <QTranslator>

using lk::AnomalyRecord;
using lk::ProfileHistory;
using lk::ProfileStatus;
using lk::RunRecord;
using lk::VerificationRecord;
using State = lk::ProfileStatus::State;

Q_DECLARE_METATYPE(lk::ProfileStatus)

namespace {

const QTimeZone kZone(QByteArrayLiteral("Asia/Tokyo"));
// 3 Dec 2026 14:00 in Tokyo.
const QDateTime kNow(QDate(2026, 12, 3), QTime(5, 0), QTimeZone::utc());

lk::Profile makeProfile()
{
    lk::Profile p;
    p.name = QStringLiteral("cogito");
    p.staleHours = 48;
    p.drillDays = 7;
    p.createdUtc = kNow.addDays(-60);
    return p;
}

QString generationAt(const QDateTime &utc)
{
    return QStringLiteral("cogito-") + utc.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

RunRecord run(const QString &outcome, const QDateTime &startedUtc, const QString &message = {},
              const QString &kind = QStringLiteral("backup"))
{
    RunRecord r;
    r.profile = QStringLiteral("cogito");
    r.kind = kind;
    r.startedUtc = startedUtc;
    if (outcome != QLatin1String("running"))
        r.finishedUtc = startedUtc.addSecs(20);
    r.outcome = outcome;
    r.message = message;
    if (outcome == QLatin1String("succeeded"))
        r.generation = generationAt(startedUtc);
    return r;
}

// A profile backed up and verified `hoursAgo`, its last drill `drillDaysAgo` days ago.
ProfileHistory healthyHistory(int hoursAgo = 3, int drillDaysAgo = 2)
{
    ProfileHistory h;
    h.profile = QStringLiteral("cogito");
    const QDateTime at = kNow.addSecs(-3600LL * hoursAgo);
    const RunRecord good = run(QStringLiteral("succeeded"), at, QStringLiteral("Backed up."));
    h.runs = {good};
    h.lastGoodBackup = good;
    const VerificationRecord proof{
        good.generation, at.addSecs(30), true, {}, QStringLiteral("backup")};
    h.latestVerifications.insert(good.generation, proof);
    h.lastProven = proof;
    h.lastDrill = VerificationRecord{
        good.generation, kNow.addDays(-drillDaysAgo), true, {}, QStringLiteral("drill")};
    return h;
}

ProfileStatus::Context context(bool paused = false, bool running = false)
{
    ProfileStatus::Context c;
    c.now = kNow;
    c.zone = kZone;
    c.paused = paused;
    c.running = running;
    return c;
}

ProfileStatus statusOf(const lk::Profile &profile, const ProfileHistory &history,
                       const ProfileStatus::Context &c)
{
    return ProfileStatus::compute(profile, lk::Result<ProfileHistory>::ok(history), c);
}

} // namespace

class TestProfileStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthy();
    void unreadableHistoryIsNeverHealthy();
    void failedLastBackupOutweighsEverything();
    void interruptedCountsAsFailed();
    void cancelledIsNotAFailure();
    void aRunStillRunningIsNotTheLastBackup();
    void openWarning();
    void staleAfterTheThresholdOnly();
    void newProfileWithinItsGrace();
    void drillOverdueByLocalDates();
    void pausedOnlyWhenNothingIsWrong();
    void runningShowsRunning();
    void wordsOfEachState_data();
    void wordsOfEachState();
    void nextRunInHumanTerms();

private:
    QTranslator m_english; // "3 hours ago", not "3 hour(s) ago"
};

void TestProfileStatus::healthy()
{
    const ProfileStatus s = statusOf(makeProfile(), healthyHistory(), context());
    QCOMPARE(s.state, State::Healthy);
    QVERIFY2(s.problems.isEmpty(), qPrintable(s.problems.join(QLatin1Char('|'))));
    QVERIFY(s.lastBackup);
    QCOMPARE(s.lastBackup->outcome, QStringLiteral("succeeded"));
    QCOMPARE(s.newestVerifiedUtc, kNow.addSecs(-3 * 3600));
    QCOMPARE(ProfileStatus::stateName(s.state), QStringLiteral("healthy"));
}

void TestProfileStatus::unreadableHistoryIsNeverHealthy()
{
    const auto unreadable = lk::Result<ProfileHistory>::fail(QStringLiteral("database is locked"));
    const ProfileStatus s = ProfileStatus::compute(makeProfile(), unreadable, context());
    QCOMPARE(s.state, State::Unknown);
    QCOMPARE(s.historyProblem, QStringLiteral("database is locked"));
    QCOMPARE(ProfileStatus::compute(makeProfile(), unreadable, context(false, true)).state,
             State::Running);
}

void TestProfileStatus::failedLastBackupOutweighsEverything()
{
    ProfileHistory h = healthyHistory();
    h.runs.prepend(run(QStringLiteral("failed"), kNow.addSecs(-600),
                       QStringLiteral("The destination did not answer.")));
    AnomalyRecord warning;
    warning.profile = QStringLiteral("cogito");
    warning.generation = generationAt(kNow.addDays(-1));
    warning.previousGeneration = generationAt(kNow.addDays(-2));
    warning.findings = {{lk::Anomaly::Finding::Kind::Shrank, QStringLiteral("notes"), 6000, 3500}};
    warning.createdUtc = kNow.addDays(-1);
    h.openWarnings = {warning};
    const ProfileStatus s = statusOf(makeProfile(), h, context(true));
    QCOMPARE(s.state, State::Failed);
    QCOMPARE(s.problems.size(), 2);
    QCOMPARE(s.problems.first(), QStringLiteral("The destination did not answer."));
    QCOMPARE(s.problems.at(1), warning.message());
    QVERIFY(s.lastGood); // the last good backup is still known
    QVERIFY(s.isProblem());
}

void TestProfileStatus::interruptedCountsAsFailed()
{
    ProfileHistory h = healthyHistory();
    h.runs.prepend(run(QStringLiteral("interrupted"), kNow.addSecs(-600),
                       QStringLiteral("The run was interrupted.")));
    QCOMPARE(statusOf(makeProfile(), h, context()).state, State::Failed);
}

void TestProfileStatus::cancelledIsNotAFailure()
{
    ProfileHistory h = healthyHistory();
    h.runs.prepend(run(QStringLiteral("cancelled"), kNow.addSecs(-600)));
    const ProfileStatus s = statusOf(makeProfile(), h, context());
    QCOMPARE(s.state, State::Healthy);
    QCOMPARE(s.lastBackup->outcome, QStringLiteral("cancelled"));
}

void TestProfileStatus::aRunStillRunningIsNotTheLastBackup()
{
    ProfileHistory h = healthyHistory();
    h.runs.prepend(run(QStringLiteral("failed"), kNow.addSecs(-900), QStringLiteral("Broken.")));
    h.runs.prepend(run(QStringLiteral("running"), kNow.addSecs(-60))); // another process's run
    h.runs.prepend(run(QStringLiteral("succeeded"), kNow.addSecs(-30), {},
                       QStringLiteral("verify"))); // not a backup
    const ProfileStatus s = statusOf(makeProfile(), h, context());
    QCOMPARE(s.lastBackup->outcome, QStringLiteral("failed"));
    QCOMPARE(s.state, State::Failed);
}

void TestProfileStatus::openWarning()
{
    ProfileHistory h = healthyHistory();
    AnomalyRecord warning;
    warning.generation = generationAt(kNow.addSecs(-3 * 3600));
    warning.previousGeneration = generationAt(kNow.addDays(-1));
    warning.findings = {{lk::Anomaly::Finding::Kind::Vanished, QStringLiteral("tags"), 40, 0}};
    h.openWarnings = {warning};
    const ProfileStatus s = statusOf(makeProfile(), h, context());
    QCOMPARE(s.state, State::Warning);
    QCOMPARE(s.problems, QStringList{warning.message()});
}

void TestProfileStatus::staleAfterTheThresholdOnly()
{
    // 47 hours: within the 48 the profile allows.
    QCOMPARE(statusOf(makeProfile(), healthyHistory(47), context()).state, State::Healthy);
    const ProfileStatus s = statusOf(makeProfile(), healthyHistory(49), context());
    QCOMPARE(s.state, State::Warning);
    QCOMPARE(s.problems.size(), 1);
    QVERIFY2(s.problems.first().contains(QLatin1String("48 hour")), qPrintable(s.problems.first()));
    // Backed up, but the verification failed: nothing verified at all.
    ProfileHistory h = healthyHistory();
    for (auto &v : h.latestVerifications)
        v.passed = false;
    const ProfileStatus unverified = statusOf(makeProfile(), h, context());
    QCOMPARE(unverified.state, State::Warning);
    QCOMPARE(unverified.problems, QStringList{QStringLiteral("There is no verified backup yet.")});
}

void TestProfileStatus::newProfileWithinItsGrace()
{
    lk::Profile p = makeProfile();
    p.createdUtc = kNow.addSecs(-3600);
    ProfileHistory empty;
    empty.profile = p.name;
    const ProfileStatus s = statusOf(p, empty, context());
    QCOMPARE(s.state, State::FirstBackupPending); // nothing wrong, nothing protected either
    QVERIFY(s.problems.isEmpty());
    QVERIFY(!s.lastBackup);
    // Its first backup failed: that is a failure, grace or not.
    ProfileHistory failedFirst = empty;
    failedFirst.runs = {run(QStringLiteral("failed"), kNow.addSecs(-60), QStringLiteral("No."))};
    QCOMPARE(statusOf(p, failedFirst, context()).state, State::Failed);
    // Past its grace, a profile with nothing verified warns.
    p.createdUtc = kNow.addDays(-3);
    QCOMPARE(statusOf(p, empty, context()).state, State::Warning);
}

void TestProfileStatus::drillOverdueByLocalDates()
{
    const lk::Profile p = makeProfile(); // drills every 7 days
    // Last drill on 25 Nov 23:30 Tokyo (14:30 UTC): due on 2 Dec, overdue from 3 Dec.
    const VerificationRecord drill{{},
                                   QDateTime(QDate(2026, 11, 25), QTime(14, 30), QTimeZone::utc()),
                                   true,
                                   {},
                                   QStringLiteral("drill")};
    const QDateTime dueDayNight(QDate(2026, 12, 2), QTime(14, 59), QTimeZone::utc()); // 23:59
    const QDateTime nextMorning(QDate(2026, 12, 2), QTime(15, 1), QTimeZone::utc());  // 00:01
    QVERIFY(!ProfileStatus::drillOverdueSince(p, drill, dueDayNight, kZone));
    QCOMPARE(ProfileStatus::drillOverdueSince(p, drill, nextMorning, kZone), QDate(2026, 12, 2));

    ProfileHistory h = healthyHistory(3, 9);
    const ProfileStatus s = statusOf(p, h, context());
    QCOMPARE(s.state, State::Warning);
    QCOMPARE(s.problems.size(), 1);
    QVERIFY2(s.problems.first().contains(QLatin1String("drill is overdue")),
             qPrintable(s.problems.first()));
    lk::Profile never = p;
    never.drillDays = 0;
    QCOMPARE(statusOf(never, h, context()).state, State::Healthy);
}

void TestProfileStatus::pausedOnlyWhenNothingIsWrong()
{
    QCOMPARE(statusOf(makeProfile(), healthyHistory(), context(true)).state, State::Paused);
    QCOMPARE(statusOf(makeProfile(), healthyHistory(60), context(true)).state, State::Warning);
}

void TestProfileStatus::runningShowsRunning()
{
    ProfileHistory h = healthyHistory();
    h.runs.prepend(run(QStringLiteral("failed"), kNow.addSecs(-600), QStringLiteral("Broken.")));
    const ProfileStatus s = statusOf(makeProfile(), h, context(false, true));
    QCOMPARE(s.state, State::Running);
    QCOMPARE(s.problems.first(), QStringLiteral("Broken.")); // still said, under the progress
}

// What the window's list, its header and the tray say of each state, at 14:00 in Tokyo.
void TestProfileStatus::wordsOfEachState_data()
{
    QVERIFY(m_english.load(QStringLiteral(LITEKEEP_QM_DIR "/litekeep_en.qm")));
    QCoreApplication::installTranslator(&m_english);
    QTest::addColumn<ProfileStatus>("status");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("headline");

    const lk::Profile profile = makeProfile();
    QTest::newRow("healthy, the last backup verified")
        << statusOf(profile, healthyHistory(), context())
        << QStringLiteral("Backed up 3 hours ago · verified")
        << QStringLiteral("cogito is healthy");

    ProfileHistory unverified = healthyHistory();
    unverified.lastProven->generation = generationAt(kNow.addDays(-1));
    QTest::newRow("healthy, an older generation verified")
        << statusOf(profile, unverified, context()) << QStringLiteral("Backed up 3 hours ago")
        << QStringLiteral("cogito is healthy");

    ProfileHistory failed = healthyHistory();
    failed.runs.prepend(run(QStringLiteral("failed"), kNow.addSecs(-2 * 3600 - 20),
                            QStringLiteral("The destination did not answer.")));
    QTest::newRow("failed") << statusOf(profile, failed, context())
                            << QStringLiteral("Failed 2 hours ago: The destination did not answer.")
                            << QStringLiteral("cogito: the last backup failed");

    ProfileStatus::Context running = context(false, true);
    running.activity = QStringLiteral("Uploading 47%");
    QTest::newRow("running") << statusOf(profile, healthyHistory(), running)
                             << QStringLiteral("Backing up: Uploading 47%")
                             << QStringLiteral("cogito is being backed up");

    QTest::newRow("paused") << statusOf(profile, healthyHistory(30), context(true))
                            << QStringLiteral("Paused · backed up yesterday at 08:00")
                            << QStringLiteral("cogito: schedules are paused");

    lk::Profile fresh = makeProfile();
    fresh.createdUtc = kNow.addSecs(-600);
    ProfileStatus::Context tonight = context();
    tonight.nextRunUtc = QDateTime(QDate(2026, 12, 3), QTime(17, 0), QTimeZone::utc()); // 02:00
    QTest::newRow("first backup pending")
        << statusOf(fresh, ProfileHistory{}, tonight)
        << QStringLiteral("No backup yet · the first one tonight at 02:00")
        << QStringLiteral("cogito is waiting for its first backup");

    ProfileHistory stale = healthyHistory(50);
    QTest::newRow("warning: stale")
        << statusOf(profile, stale, context())
        << QStringLiteral("The newest verified backup is older than the 48 hours this profile "
                          "allows.")
        << QStringLiteral("cogito needs attention");

    QTest::newRow("unknown") << ProfileStatus::compute(
                                    profile,
                                    lk::Result<ProfileHistory>::fail(QStringLiteral("locked")),
                                    context())
                             << QStringLiteral("Unknown: the run history cannot be read")
                             << QStringLiteral("cogito: its state is unknown");
}

void TestProfileStatus::wordsOfEachState()
{
    QFETCH(ProfileStatus, status);
    QFETCH(QString, line);
    QFETCH(QString, headline);
    const lk::HumanTime times(kNow, kZone, QLocale(QLocale::English, QLocale::UnitedKingdom));
    QCOMPARE(status.line(times), line);
    QCOMPARE(status.headline(), headline);
}

void TestProfileStatus::nextRunInHumanTerms()
{
    const lk::HumanTime times(kNow, kZone, QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QDateTime twoAm(QDate(2026, 12, 3), QTime(17, 0), QTimeZone::utc());
    QCOMPARE(ProfileStatus::nextRun(times, twoAm, false),
             QStringLiteral("Next backup tonight at 02:00"));
    QCOMPARE(ProfileStatus::nextRun(times, twoAm, true), QStringLiteral("Schedules are paused"));
    QCOMPARE(ProfileStatus::nextRun(times, QDateTime(), false), QString());
}

QTEST_GUILESS_MAIN(TestProfileStatus)
#include "tst_profilestatus.moc"

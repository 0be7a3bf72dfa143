// The desktop's statuses: every profile's ProfileStatus from a real history file, read on the
// history's own thread, computed again when the context changes, and never made up for a
// profile whose history has not been answered yet.
#include "history/Catalog.h"
#include "history/HistoryReader.h"
#include "present/StatusBoard.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lk;
using State = ProfileStatus::State;

namespace {
Profile profileNamed(const QString &name)
{
    Profile p;
    p.name = name;
    p.staleHours = 48;
    p.drillDays = 0;
    p.createdUtc = QDateTime::currentDateTimeUtc().addDays(-10);
    return p;
}

void record(Catalog &catalog, const QString &profile, const JobResult &result)
{
    const auto run = catalog.recordStart(profile, QStringLiteral("backup"));
    QVERIFY(run.isOk());
    QVERIFY(catalog.recordFinish(run.value(), result).ok);
}
} // namespace

class TestStatusBoard : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_history;
    bool m_running = false; // what the context source says of "alpha"

    ProfileStatus::Context context(const Profile &profile) const
    {
        ProfileStatus::Context c;
        c.now = QDateTime::currentDateTimeUtc();
        c.running = m_running && profile.name == QLatin1String("alpha");
        c.activity = QStringLiteral("Uploading 47%");
        return c;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_history = m_dir->filePath(QStringLiteral("history.sqlite"));
        m_running = false;
        Catalog catalog(m_history);
        QVERIFY(catalog.open().ok);
        JobResult good = JobResult::succeeded(QStringLiteral("Backed up."));
        good.details.insert(QStringLiteral("generation"), QStringLiteral("alpha-20261201T020000Z"));
        record(catalog, QStringLiteral("alpha"), good);
        record(catalog, QStringLiteral("beta"),
               JobResult::failed(QStringLiteral("The destination cannot be reached.")));
    }

    void eachProfileFromTheHistoryInItsOrder()
    {
        HistoryReader reader(m_history);
        StatusBoard board(reader, [this](const Profile &p) { return context(p); });
        QSignalSpy read(&board, &StatusBoard::historyRead);
        board.setProfiles(
            {profileNamed(QStringLiteral("beta")), profileNamed(QStringLiteral("alpha"))});
        // Not answered yet: no status, rather than a made-up one.
        QVERIFY(board.statuses().isEmpty());
        QVERIFY(board.isReading());
        QVERIFY(read.wait(10000));
        QCOMPARE(board.statuses().size(), 2);
        QCOMPARE(board.statuses().at(0).profile, QStringLiteral("beta"));
        QCOMPARE(board.statuses().at(0).state, State::Failed);
        QCOMPARE(board.statuses().at(0).problems.value(0),
                 QStringLiteral("The destination cannot be reached."));
        QCOMPARE(board.status(QStringLiteral("alpha"))->state, State::Warning); // never verified
        QVERIFY(board.any(State::Failed));
        QVERIFY(!board.any(State::Healthy));
        QVERIFY(!board.isReading());
    }

    void theContextChangesWithoutARead()
    {
        HistoryReader reader(m_history);
        StatusBoard board(reader, [this](const Profile &p) { return context(p); });
        QSignalSpy read(&board, &StatusBoard::historyRead);
        board.setProfiles({profileNamed(QStringLiteral("alpha"))});
        QVERIFY(read.wait(10000));
        QSignalSpy changed(&board, &StatusBoard::changed);
        m_running = true;
        board.recompute();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(board.status(QStringLiteral("alpha"))->state, State::Running);
        QCOMPARE(board.status(QStringLiteral("alpha"))->activity, QStringLiteral("Uploading 47%"));
        QVERIFY(!board.isReading());
    }

    // Reads asked for while one is on its way are made once, after it, and the last answer
    // has what was written meanwhile.
    void readsAskedMeanwhileAreOne()
    {
        HistoryReader reader(m_history);
        StatusBoard board(reader, [this](const Profile &p) { return context(p); });
        QSignalSpy read(&board, &StatusBoard::historyRead);
        board.setProfiles({profileNamed(QStringLiteral("beta"))});
        {
            Catalog catalog(m_history);
            QVERIFY(catalog.open().ok);
            JobResult good = JobResult::succeeded(QStringLiteral("Backed up."));
            good.details.insert(QStringLiteral("generation"),
                                QStringLiteral("beta-20261202T020000Z"));
            record(catalog, QStringLiteral("beta"), good);
        }
        board.read();
        board.read();
        QVERIFY(read.wait(10000));
        QCOMPARE(read.size(), 1); // one signal when every read asked for was answered
        QVERIFY(!board.isReading());
        QCOMPARE(board.status(QStringLiteral("beta"))->lastBackup->outcome,
                 QStringLiteral("succeeded"));
        QVERIFY(board.status(QStringLiteral("beta"))->state != State::Failed);
    }

    void aRemovedProfileIsGone()
    {
        HistoryReader reader(m_history);
        StatusBoard board(reader, [this](const Profile &p) { return context(p); });
        QSignalSpy read(&board, &StatusBoard::historyRead);
        board.setProfiles(
            {profileNamed(QStringLiteral("alpha")), profileNamed(QStringLiteral("beta"))});
        QVERIFY(read.wait(10000));
        board.setProfiles({profileNamed(QStringLiteral("alpha"))});
        QVERIFY(!board.status(QStringLiteral("beta")));
        QVERIFY(!board.any(State::Failed)); // its failure no longer counts, at once
        QVERIFY(read.wait(10000));
        QCOMPARE(board.statuses().size(), 1);
    }

    // A history of junk bytes: unknown, with the reason, never healthy.
    void unreadableHistoryIsUnknown()
    {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(m_history + suffix);
        QFile junk(m_history);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'x'));
        junk.close();
        HistoryReader reader(m_history);
        StatusBoard board(reader, [this](const Profile &p) { return context(p); });
        QSignalSpy read(&board, &StatusBoard::historyRead);
        board.setProfiles({profileNamed(QStringLiteral("alpha"))});
        QVERIFY(read.wait(10000));
        const auto alpha = board.status(QStringLiteral("alpha"));
        QVERIFY(alpha);
        QCOMPARE(alpha->state, State::Unknown);
        QVERIFY(!alpha->historyProblem.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStatusBoard)
#include "tst_statusboard.moc"

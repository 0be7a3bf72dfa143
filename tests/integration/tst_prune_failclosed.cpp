// Retention fails closed (DESIGN.md, promises 3 and 8), end to end with the real litekeep
// binary, rclone and s3rver: a history another process holds locked past the busy timeout, a
// history replaced by junk, and pins on the destination that cannot be read each stop a prune
// of expired generations with a sentence and nothing deleted; a history deleted after a
// warning still keeps the pinned generation, because the pins also live on the destination,
// and "dismiss" releases them there too.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace lkt;

namespace {

// "2026-10-01 02:00:00" (UTC; the test runs with TZ=UTC) plus days and hours.
QString night(int day, int hours = 0)
{
    const QDateTime first(QDate(2026, 10, 1), QTime(2, 0), QTimeZone::utc());
    return first.addDays(day)
        .addSecs(3600LL * hours)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

class TestPruneFailClosed : public QObject
{
    Q_OBJECT

private:
    S3Server m_server{QStringLiteral("backups")};
    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;
    QString m_prefix;

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }

    RunResult lkAt(const QString &when, const QStringList &args) const
    {
        return runLiteKeep(args, withFakeTime(m_env, when), {}, 120000);
    }
    RunResult lk(const QStringList &args) const { return runLiteKeep(args, m_env, {}, 120000); }

    // rclone with its own remote "r2", as a person would run it.
    RunResult plainRclone(const QStringList &args, const QByteArray &input = {}) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        env.insert(QStringLiteral("HOME"), m_home->path());
        env.insert(QStringLiteral("RCLONE_CONFIG_R2_TYPE"), QStringLiteral("s3"));
        env.insert(QStringLiteral("RCLONE_CONFIG_R2_PROVIDER"), QStringLiteral("Other"));
        env.insert(QStringLiteral("RCLONE_CONFIG_R2_ACCESS_KEY_ID"),
                   QLatin1String(S3Server::kAccessKey));
        env.insert(QStringLiteral("RCLONE_CONFIG_R2_SECRET_ACCESS_KEY"),
                   QLatin1String(S3Server::kSecret));
        env.insert(QStringLiteral("RCLONE_CONFIG_R2_ENDPOINT"), m_server.endpoint());
        return runProgram(QStringLiteral("rclone"),
                          QStringList{QStringLiteral("--config"), QString()} + args, env, input);
    }
    QString remote(const QString &object) const
    {
        return QStringLiteral("r2:backups/%1/default/%2").arg(m_prefix, object);
    }
    QByteArray pinsObject() const
    {
        return plainRclone({QStringLiteral("cat"), remote(QStringLiteral("default.pins.json"))})
            .out;
    }

    // Generation names whose data object is on the server, oldest first.
    QStringList dataOnServer() const
    {
        const RunResult r =
            plainRclone({QStringLiteral("lsf"), QStringLiteral("--files-only"), remote(QString())});
        QStringList names;
        for (const QString &line :
             QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line.endsWith(QLatin1String(".db.gz")))
                names.append(line.chopped(6));
        }
        names.sort();
        return names;
    }

    QString backupAt(const QString &when) const
    {
        const RunResult r = lkAt(when, {QStringLiteral("--json"), QStringLiteral("backup")});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(describe(r)));
        return r.exitCode == 0 ? jsonOf(r).value(QLatin1String("generation")).toString()
                               : QString();
    }

    // Three backups in one night, which their own retention keeps (keep-days 2); ten days
    // later, keep-min 1 lets a prune delete two of them.
    QStringList threeNights() const
    {
        QStringList names;
        for (int hour = 0; hour < 3; ++hour)
            names.append(backupAt(night(0, hour)));
        return names;
    }

    void removeHistory() const
    {
        for (const QString &side : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(m_home->historyFile() + side);
    }

    static QJsonObject planEntry(const QJsonObject &prune, const QString &generation)
    {
        for (const QJsonValue &v : prune.value(QLatin1String("plan")).toArray()) {
            if (v.toObject().value(QLatin1String("generation")).toString() == generation)
                return v.toObject();
        }
        return {};
    }

    // A refused prune: exit 1, the sentence, and every generation still there.
    void expectRefused(const RunResult &r, const QStringList &generations, const QString &why) const
    {
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        const QString message = jsonOf(r).value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(why) && message.endsWith(QLatin1String("Nothing was deleted.")),
                 qPrintable(message));
        QVERIFY2(jsonOf(r).value(QLatin1String("deleted")).toArray().isEmpty(),
                 qPrintable(describe(r)));
        QCOMPARE(dataOnServer(), generations);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), "s3rver starts (scripts/bootstrap installs it)");
        QVERIFY2(!libfaketimePath().isEmpty(), "libfaketime is installed (package faketime)");
    }

    void init()
    {
        m_home = std::make_unique<TestHome>();
        m_env = m_home->environment();
        m_env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        m_env.insert(QStringLiteral("LITEKEEP_ACCESS_KEY_ID"), QLatin1String(S3Server::kAccessKey));
        m_env.insert(QStringLiteral("LITEKEEP_SECRET_ACCESS_KEY"),
                     QLatin1String(S3Server::kSecret));
        m_prefix = QStringLiteral("failclosed-%1").arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 300)); // notes: 300 rows
        const RunResult add =
            lk({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("default"),
                QStringLiteral("--db"), db(), QStringLiteral("--dest"),
                QStringLiteral("s3://backups/") + m_prefix, QStringLiteral("--endpoint"),
                m_server.endpoint(), QStringLiteral("--keep-days"), QStringLiteral("2"),
                QStringLiteral("--keep-min"), QStringLiteral("1"), QStringLiteral("--drill-days"),
                QStringLiteral("0")});
        QVERIFY2(add.exitCode == 0, qPrintable(describe(add)));
    }

    void historyLockedByAnotherProcess()
    {
        const QStringList generations = threeNights();
        QCOMPARE(dataOnServer(), generations);

        // Another process holds the history's write lock for longer than the 5 s busy
        // timeout: it is started (and has the lock) before the prune, and lets go only after.
        QProcess locker;
        locker.start(QStringLiteral("sqlite3"), {m_home->historyFile()});
        QVERIFY(locker.waitForStarted());
        locker.write(
            "PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\n"
            "INSERT INTO deletions (profile, object, deleted_utc) VALUES ('x', 'x', 'x');\n"
            "SELECT 'locked';\n");
        QVERIFY(waitForOutput(locker, QProcess::StandardOutput, "locked", 10000));
        const RunResult refused =
            lkAt(night(10), {QStringLiteral("--json"), QStringLiteral("prune")});
        QVERIFY(locker.state() == QProcess::Running); // still held while the prune ran
        locker.closeWriteChannel();
        QVERIFY(locker.waitForFinished(10000));
        expectRefused(refused, generations, QStringLiteral("database is locked"));
        if (QTest::currentTestFailed())
            return;

        // The same prune with the history free again deletes the two expired ones.
        const RunResult pruned =
            lkAt(night(10), {QStringLiteral("--json"), QStringLiteral("prune")});
        QVERIFY2(pruned.exitCode == 0, qPrintable(describe(pruned)));
        QCOMPARE(dataOnServer(), QStringList{generations.last()});
    }

    void historyReplacedByJunk()
    {
        const QStringList generations = threeNights();
        QCOMPARE(dataOnServer(), generations);
        removeHistory();
        const QByteArray junk =
            QByteArray("\x00\x13 not a database at all \xff\xfe", 28).repeated(512);
        {
            QFile f(m_home->historyFile());
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(junk), junk.size());
        }
        expectRefused(lkAt(night(10), {QStringLiteral("--json"), QStringLiteral("prune")}),
                      generations, m_home->historyFile());
        if (QTest::currentTestFailed())
            return;
        // The dry run cannot say what it would delete either.
        expectRefused(lkAt(night(10), {QStringLiteral("--json"), QStringLiteral("prune"),
                                       QStringLiteral("--dry-run")}),
                      generations, m_home->historyFile());
        if (QTest::currentTestFailed())
            return;

        // A backup still succeeds, and says that its retention refused.
        const RunResult backup =
            lkAt(night(10), {QStringLiteral("--json"), QStringLiteral("backup")});
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
        const QString message = jsonOf(backup).value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(QLatin1String("Retention could not run: ")) &&
                     message.contains(QLatin1String("Nothing was deleted.")),
                 qPrintable(message));
        QCOMPARE(dataOnServer().size(), 4);
        QCOMPARE(dataOnServer().mid(0, 3), generations);

        QFile f(m_home->historyFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), junk); // never overwritten
    }

    void pinsOnTheDestinationUnreadable()
    {
        const QStringList generations = threeNights();
        QVERIFY(
            plainRclone({QStringLiteral("rcat"), remote(QStringLiteral("default.pins.json"))},
                        "{\"format\": 1, \"profile\": \"default\", \"pins\": [{\"generation\": ")
                .exitCode == 0);
        expectRefused(lkAt(night(10), {QStringLiteral("--json"), QStringLiteral("prune")}),
                      generations,
                      QStringLiteral("The pins on the destination (default.pins.json) could not be "
                                     "read (not valid JSON"));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!pinsObject().isEmpty()); // left for a person to look at
    }

    void historyDeletedAfterAnomaly()
    {
        const QString first = backupAt(night(0));
        const QString good = backupAt(night(1));
        QVERIFY(!first.isEmpty() && !good.isEmpty());
        // 90 % of the notes go: the next backup warns and pins the one before it, in the
        // history and on the destination.
        const RunResult delRows =
            runProgram(QStringLiteral("sqlite3"),
                       {db(), QStringLiteral("DELETE FROM notes WHERE id % 10 != 0")},
                       QProcessEnvironment::systemEnvironment());
        QVERIFY2(delRows.exitCode == 0, qPrintable(describe(delRows)));
        const RunResult third =
            lkAt(night(4), {QStringLiteral("--json"), QStringLiteral("backup")});
        QVERIFY2(third.exitCode == 0, qPrintable(describe(third)));
        const QString suspicious = jsonOf(third).value(QLatin1String("generation")).toString();
        const QJsonObject anomaly = jsonOf(third).value(QLatin1String("anomaly")).toObject();
        QCOMPARE(anomaly.value(QLatin1String("previous_generation")).toString(), good);
        QCOMPARE(anomaly.value(QLatin1String("pinned_on_destination")).toBool(), true);
        QCOMPARE(dataOnServer(), (QStringList{good, suspicious}));
        const QJsonObject pins = QJsonDocument::fromJson(pinsObject()).object();
        QCOMPARE(pins.value(QLatin1String("format")).toInt(), 1);
        const QJsonArray entries = pins.value(QLatin1String("pins")).toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("generation")).toString(), good);
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("pinned_by")).toString(), suspicious);
        // The pins object is no generation: list never shows it.
        const RunResult listed = lk({QStringLiteral("--json"), QStringLiteral("list")});
        QVERIFY2(listed.exitCode == 0 && !listed.out.contains("pins"),
                 qPrintable(describe(listed)));

        // The history is lost (a new machine, a reinstall). Days later, past keep-days, the
        // prune still keeps the pinned backup, and says why.
        removeHistory();
        const RunResult pruned =
            lkAt(night(6), {QStringLiteral("--json"), QStringLiteral("prune")});
        QVERIFY2(pruned.exitCode == 0, qPrintable(describe(pruned)));
        const QJsonObject kept = planEntry(jsonOf(pruned), good);
        QCOMPARE(kept.value(QLatin1String("keep")).toBool(), true);
        QVERIFY2(kept.value(QLatin1String("reason"))
                     .toString()
                     .contains(QStringLiteral("pinned until the warning about %1").arg(suspicious)),
                 qPrintable(kept.value(QLatin1String("reason")).toString()));
        QCOMPARE(dataOnServer(), (QStringList{good, suspicious}));

        // Dismissed on this machine, which knows the warning only from the destination: the
        // pin goes from there too, and retention then treats the backup like any other.
        const RunResult wrong = lk({QStringLiteral("dismiss"), good});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(suspicious.toUtf8()), qPrintable(describe(wrong)));
        const RunResult dismissed =
            lk({QStringLiteral("--json"), QStringLiteral("dismiss"), suspicious});
        QVERIFY2(dismissed.exitCode == 0, qPrintable(describe(dismissed)));
        QCOMPARE(jsonOf(dismissed).value(QLatin1String("dismissed")).toArray(),
                 QJsonArray{suspicious});
        QCOMPARE(jsonOf(dismissed).value(QLatin1String("unpinned")).toArray(), QJsonArray{good});
        const QJsonObject after = QJsonDocument::fromJson(pinsObject()).object();
        QCOMPARE(after.value(QLatin1String("format")).toInt(), 1);
        QVERIFY(after.value(QLatin1String("pins")).toArray().isEmpty());
        const RunResult prunedAgain =
            lkAt(night(6), {QStringLiteral("--json"), QStringLiteral("prune")});
        QVERIFY2(prunedAgain.exitCode == 0, qPrintable(describe(prunedAgain)));
        QCOMPARE(planEntry(jsonOf(prunedAgain), good).value(QLatin1String("keep")).toBool(), false);
        QCOMPARE(dataOnServer(), QStringList{suspicious});
    }
};

QTEST_GUILESS_MAIN(TestPruneFailClosed)
#include "tst_prune_failclosed.moc"

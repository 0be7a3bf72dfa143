// The anomaly alarm end to end, with the real litekeep binary, rclone and s3rver: a backup after
// a mass delete still succeeds but says so, pins the backup before it against retention (even
// the run's own prune), "status" shows the warning, and "dismiss" releases the pin.
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace lkt;

namespace {

// "2026-10-01 02:00:00" (UTC; the test runs with TZ=UTC) plus days.
QString night(int day)
{
    const QDateTime first(QDate(2026, 10, 1), QTime(2, 0), QTimeZone::utc());
    return first.addDays(day).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

class TestAnomaly : public QObject
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

    bool sql(const QString &statement) const
    {
        const RunResult r = runProgram(QStringLiteral("sqlite3"), {db(), statement},
                                       QProcessEnvironment::systemEnvironment());
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(describe(r)));
        return r.exitCode == 0;
    }

    // Generation names whose data object is on the server, oldest first.
    QStringList dataOnServer() const
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
        const RunResult r = runProgram(QStringLiteral("rclone"),
                                       {QStringLiteral("--config"), QString(),
                                        QStringLiteral("lsf"), QStringLiteral("--files-only"),
                                        QStringLiteral("r2:backups/%1/default").arg(m_prefix)},
                                       env);
        QStringList names;
        for (const QString &line :
             QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line.endsWith(QLatin1String(".db.gz")))
                names.append(line.chopped(6));
        }
        names.sort();
        return names;
    }

    // One backup with the clock at `when`, as JSON.
    QJsonObject backupAt(const QString &when) const
    {
        const RunResult r = lkAt(when, {QStringLiteral("--json"), QStringLiteral("backup")});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(describe(r)));
        return r.exitCode == 0 ? jsonOf(r) : QJsonObject();
    }

    static QJsonObject planEntry(const QJsonObject &prune, const QString &generation)
    {
        for (const QJsonValue &v : prune.value(QLatin1String("plan")).toArray()) {
            if (v.toObject().value(QLatin1String("generation")).toString() == generation)
                return v.toObject();
        }
        return {};
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
        m_prefix = QStringLiteral("anomaly-%1").arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 300)); // notes: 300 rows
        // Keep two days and one generation: without the pin, retention would delete the backup
        // from before the mass delete in the very run that finds it.
        const RunResult add =
            lk({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("default"),
                QStringLiteral("--db"), db(), QStringLiteral("--dest"),
                QStringLiteral("s3://backups/") + m_prefix, QStringLiteral("--endpoint"),
                m_server.endpoint(), QStringLiteral("--keep-days"), QStringLiteral("2"),
                QStringLiteral("--keep-min"), QStringLiteral("1"), QStringLiteral("--drill-days"),
                QStringLiteral("0")});
        QVERIFY2(add.exitCode == 0, qPrintable(describe(add)));
    }

    void massDeletePinsThePreviousBackupUntilDismissed()
    {
        // Two ordinary nights: nothing to warn about.
        const QJsonObject first = backupAt(night(0));
        QVERIFY(!first.isEmpty());
        QVERIFY(!first.contains(QLatin1String("anomaly")));
        const QJsonObject second = backupAt(night(1));
        QVERIFY(!second.isEmpty());
        QVERIFY2(!second.contains(QLatin1String("anomaly")),
                 QJsonDocument(second).toJson().constData());
        const QString good = second.value(QLatin1String("generation")).toString();

        // 90 % of the notes go. The manifest mirror is gone too (a new cache, another
        // machine): the previous manifest is then read from the destination.
        QVERIFY(sql(QStringLiteral("DELETE FROM notes WHERE id % 10 != 0")));
        QVERIFY(QDir(m_home->file(QStringLiteral("cache/litekeep/manifests"))).removeRecursively());
        const QJsonObject third = backupAt(night(4));
        QVERIFY(!third.isEmpty()); // exit 0: the backup itself succeeded
        QCOMPARE(third.value(QLatin1String("ok")).toBool(), true);
        const QString suspicious = third.value(QLatin1String("generation")).toString();
        const QJsonObject anomaly = third.value(QLatin1String("anomaly")).toObject();
        QCOMPARE(anomaly.value(QLatin1String("generation")).toString(), suspicious);
        QCOMPARE(anomaly.value(QLatin1String("previous_generation")).toString(), good);
        QCOMPARE(anomaly.value(QLatin1String("pinned")).toBool(), true);
        const QJsonArray findings = anomaly.value(QLatin1String("findings")).toArray();
        QCOMPARE(findings.size(), 1);
        const QJsonObject notes = findings.at(0).toObject();
        QCOMPARE(notes.value(QLatin1String("table")).toString(), QStringLiteral("notes"));
        QCOMPARE(notes.value(QLatin1String("kind")).toString(), QStringLiteral("shrank"));
        QCOMPARE(notes.value(QLatin1String("before")).toInteger(), 300);
        QCOMPARE(notes.value(QLatin1String("after")).toInteger(), 30);
        const QString sentence = QStringLiteral(
            "Table notes lost 90 % of its rows (300 → 30) since the previous backup.");
        const QString message = third.value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(sentence), qPrintable(message));
        QVERIFY2(
            message.contains(
                QStringLiteral("The previous backup, %1, is kept until you dismiss this warning.")
                    .arg(good)),
            qPrintable(message));
        // This run's own retention already kept it (three days old, keep-days 2, keep-min 1)
        // and deleted the first night's backup, which nothing pins.
        QCOMPARE(dataOnServer(), (QStringList{good, suspicious}));
        QCOMPARE(third.value(QLatin1String("pruned")).toArray().size(), 2);

        // status shows it, in words and in JSON.
        const RunResult status = lk({QStringLiteral("status")});
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        QVERIFY2(
            status.out.contains(QStringLiteral("WARNING (backup %1)").arg(suspicious).toUtf8()),
            status.out.constData());
        QVERIFY2(status.out.contains(sentence.toUtf8()), status.out.constData());
        QVERIFY2(
            status.out.contains(
                QStringLiteral("litekeep dismiss --profile default %1").arg(suspicious).toUtf8()),
            status.out.constData());
        const RunResult statusJson = lk({QStringLiteral("--json"), QStringLiteral("status")});
        const QJsonArray open = jsonOf(statusJson)
                                    .value(QLatin1String("profiles"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QLatin1String("anomalies"))
                                    .toArray();
        QCOMPARE(open.size(), 1);
        // The open warning is what makes the profile need attention (ProfileStatus).
        QCOMPARE(jsonOf(statusJson)
                     .value(QLatin1String("profiles"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("state"))
                     .toString(),
                 QStringLiteral("warning"));
        QVERIFY2(status.out.contains("State: needs attention"), status.out.constData());
        QCOMPARE(open.at(0).toObject().value(QLatin1String("generation")).toString(), suspicious);
        QCOMPARE(open.at(0).toObject().value(QLatin1String("previous_generation")).toString(),
                 good);
        // list marks both: the suspicious backup and the one kept because of it.
        const RunResult listed = lk({QStringLiteral("list")});
        QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
        for (const QByteArray &line : listed.out.split('\n')) {
            if (line.startsWith(suspicious.toUtf8()))
                QVERIFY2(line.contains("[WARNING: tables lost rows"), line.constData());
            if (line.startsWith(good.toUtf8()))
                QVERIFY2(line.contains("[kept until the warning is dismissed]"), line.constData());
        }
        const QJsonArray listedJson = jsonOf(lk({QStringLiteral("--json"), QStringLiteral("list")}))
                                          .value(QLatin1String("generations"))
                                          .toArray();
        int marked = 0;
        for (const QJsonValue &g : listedJson) {
            const QString name = g.toObject().value(QLatin1String("generation")).toString();
            QCOMPARE(g.toObject().value(QLatin1String("warning")).toBool(), name == suspicious);
            QCOMPARE(g.toObject().value(QLatin1String("pinned")).toBool(), name == good);
            marked += name == suspicious || name == good;
        }
        QCOMPARE(marked, 2);

        // Days later, prune keeps the pinned backup (and says why).
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

        // Dismissing names the new backup; anything else is a usage error.
        const RunResult wrong = lk({QStringLiteral("dismiss"), good});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(suspicious.toUtf8()), qPrintable(describe(wrong)));
        const RunResult dismissed =
            lk({QStringLiteral("--json"), QStringLiteral("dismiss"), suspicious});
        QVERIFY2(dismissed.exitCode == 0, qPrintable(describe(dismissed)));
        QCOMPARE(jsonOf(dismissed).value(QLatin1String("dismissed")).toArray(),
                 QJsonArray{suspicious});
        QCOMPARE(jsonOf(dismissed).value(QLatin1String("unpinned")).toArray(), QJsonArray{good});
        const RunResult after = lk({QStringLiteral("status")});
        QVERIFY2(!after.out.contains("WARNING"), after.out.constData());

        // Now retention treats it like any other backup.
        const RunResult prunedAgain =
            lkAt(night(6), {QStringLiteral("--json"), QStringLiteral("prune")});
        QVERIFY2(prunedAgain.exitCode == 0, qPrintable(describe(prunedAgain)));
        QCOMPARE(planEntry(jsonOf(prunedAgain), good).value(QLatin1String("keep")).toBool(), false);
        QCOMPARE(dataOnServer(), QStringList{suspicious});

        // The rest of the notes go: the manifest now comes from the local mirror, and a plain
        // (not --json) run says it in its message.
        QVERIFY(sql(QStringLiteral("DELETE FROM notes")));
        const RunResult emptied = lkAt(night(7), {QStringLiteral("backup")});
        QVERIFY2(emptied.exitCode == 0, qPrintable(describe(emptied)));
        QVERIFY2(emptied.out.contains(
                     "Table notes lost 100 % of its rows (30 → 0) since the previous backup."),
                 emptied.out.constData());
        QVERIFY2(emptied.out.contains(
                     QStringLiteral("The previous backup, %1, is kept").arg(suspicious).toUtf8()),
                 emptied.out.constData());
        QCOMPARE(dataOnServer().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestAnomaly)
#include "tst_anomaly.moc"

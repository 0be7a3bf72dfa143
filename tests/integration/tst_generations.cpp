// Generations on a real S3 server (s3rver on loopback) with the real litekeep binary and rclone:
// listing from the destination itself, verification that catches damage by name, retention
// over simulated nights (faketime), prune --dry-run, foreign objects that are never touched,
// and a destination that goes away in the middle of "verify --all".
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace lkt;

namespace {

// "2026-10-01 02:00:00" (UTC; the tests run with TZ=UTC) plus days and minutes.
QString night(int day, int minutes = 0)
{
    const QDateTime first(QDate(2026, 10, 1), QTime(2, 0), QTimeZone::utc());
    return first.addDays(day)
        .addSecs(60LL * minutes)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

class TestGenerations : public QObject
{
    Q_OBJECT

private:
    S3Server m_server{QStringLiteral("backups")};
    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;
    QString m_prefix; // a fresh prefix in the bucket per test

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }

    RunResult lk(const QStringList &args, const QProcessEnvironment &env) const
    {
        return runLiteKeep(args, env, {}, 120000);
    }
    RunResult lk(const QStringList &args) const { return lk(args, m_env); }
    // litekeep with its clock starting at `when` (rclone, started with a clean environment,
    // keeps the real time).
    RunResult lkAt(const QString &when, const QStringList &args,
                   const QProcessEnvironment &env) const
    {
        return runLiteKeep(args, withFakeTime(env, when), {}, 120000);
    }
    RunResult lkAt(const QString &when, const QStringList &args) const
    {
        return lkAt(when, args, m_env);
    }

    void addProfile(const QStringList &extra = {})
    {
        const RunResult r =
            lk(QStringList{QStringLiteral("profile"), QStringLiteral("add"),
                           QStringLiteral("default"), QStringLiteral("--db"), db(),
                           QStringLiteral("--dest"), QStringLiteral("s3://backups/") + m_prefix,
                           QStringLiteral("--endpoint"), m_server.endpoint()} +
               extra);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }
    // One backup with the clock at `when`; returns the generation's name.
    QString backupAt(const QString &when, const QStringList &extra = {})
    {
        const RunResult r =
            lkAt(when, QStringList{QStringLiteral("--json"), QStringLiteral("backup")} + extra);
        if (r.exitCode != 0) {
            qWarning("%s", qPrintable(describe(r)));
            return {};
        }
        return jsonOf(r).value(QLatin1String("generation")).toString();
    }

    QString remoteFolder() const { return QStringLiteral("r2:backups/%1/default/").arg(m_prefix); }
    // The file s3rver keeps an object of the profile's folder in.
    QString storedFile(const QString &object) const
    {
        return QStringLiteral("%1/%2/%3/default/%4._S3rver_object")
            .arg(m_server.dataDir(), m_server.bucket(), m_prefix, object);
    }

    // rclone run by hand with its own remote "r2", as a person (or another tool) would.
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
    // Puts an object at PREFIX/path (path relative to the prefix) with plain rclone.
    bool plant(const QString &path, const QByteArray &bytes) const
    {
        const RunResult r = plainRclone(
            {QStringLiteral("rcat"), QStringLiteral("r2:backups/%1/%2").arg(m_prefix, path)},
            bytes);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(describe(r)));
        return r.exitCode == 0;
    }
    QByteArray fetch(const QString &object) const
    {
        return plainRclone({QStringLiteral("cat"), remoteFolder() + object}).out;
    }
    // Every object under the test's prefix, as paths relative to it.
    QStringList everything() const
    {
        const RunResult r =
            plainRclone({QStringLiteral("lsf"), QStringLiteral("-R"),
                         QStringLiteral("--files-only"), QStringLiteral("r2:backups/") + m_prefix});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(describe(r)));
        QStringList names = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        names.sort();
        return names;
    }
    // Generation names whose data object is on the server.
    QStringList dataOnServer() const
    {
        QStringList names;
        for (const QString &path : everything()) {
            if (path.startsWith(QLatin1String("default/default-")) &&
                path.endsWith(QLatin1String("Z.db.gz")) && !path.mid(8).contains(QLatin1Char('/')))
                names.append(path.mid(8).chopped(6));
        }
        return names;
    }
    // Rows of a query on the history file, columns separated by '|'.
    static QStringList sql(const TestHome &home, const QString &query)
    {
        const RunResult r = runProgram(QStringLiteral("sqlite3"), {home.historyFile(), query},
                                       QProcessEnvironment::systemEnvironment());
        return QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    QStringList sql(const QString &query) const { return sql(*m_home, query); }

    // `list --json` as (generation -> entry), plus the order.
    static QJsonArray generationsOf(const RunResult &r)
    {
        return jsonOf(r).value(QLatin1String("generations")).toArray();
    }
    static QStringList namesOf(const QJsonArray &generations)
    {
        QStringList names;
        for (const QJsonValue &v : generations)
            names.append(v.toObject().value(QLatin1String("generation")).toString());
        return names;
    }
    static QJsonObject entryOf(const QJsonArray &array, const QString &key, const QString &name)
    {
        for (const QJsonValue &v : array) {
            if (v.toObject().value(key).toString() == name)
                return v.toObject();
        }
        return {};
    }
    // A copy of `manifest` that claims another creation time (and so another generation).
    static QByteArray retimed(const QByteArray &manifest, const QString &created, int format = 1)
    {
        QJsonObject o = QJsonDocument::fromJson(manifest).object();
        o.insert(QStringLiteral("created"), created);
        if (format != 1) {
            o.insert(QStringLiteral("format"), format);
            o.insert(QStringLiteral("encryption"),
                     QJsonObject{{QStringLiteral("scheme"), QStringLiteral("age")}});
        }
        return QJsonDocument(o).toJson();
    }
    QString writeWrapper(const QString &name, const QString &body) const
    {
        const QString folder = m_home->file(name);
        QDir().mkpath(folder);
        return writeRcloneWrapper(folder, body);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), "s3rver starts (scripts/bootstrap installs it)");
        QVERIFY2(!libfaketimePath().isEmpty(), "libfaketime is installed (package faketime)");
        const RunResult faketime =
            runProgram(QStringLiteral("date"), {QStringLiteral("-u"), QStringLiteral("+%F")},
                       withFakeTime(QProcessEnvironment::systemEnvironment(),
                                    QStringLiteral("2026-10-01 02:00:00")));
        QVERIFY2(faketime.exitCode == 0 && faketime.out.startsWith("2026-10-01"),
                 faketime.out.constData());
    }

    void init()
    {
        m_home = std::make_unique<TestHome>();
        m_env = m_home->environment();
        m_env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        m_env.insert(QStringLiteral("LITEKEEP_ACCESS_KEY_ID"), QLatin1String(S3Server::kAccessKey));
        m_env.insert(QStringLiteral("LITEKEEP_SECRET_ACCESS_KEY"),
                     QLatin1String(S3Server::kSecret));
        m_prefix = QStringLiteral("gen-%1-%2")
                       .arg(QString::fromLatin1(QTest::currentTestFunction()).toLower())
                       .arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(makeDatabase(db(), QStringLiteral("wal"), 300));
    }

    // A second machine with only the profile and the credentials sees what the first wrote.
    void freshMachineListsTheDestination()
    {
        addProfile();
        QStringList names;
        QHash<QString, QJsonObject> backups;
        for (int day = 0; day < 3; ++day) {
            const RunResult r =
                lkAt(night(day), {QStringLiteral("--json"), QStringLiteral("backup")});
            QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
            const QString name = jsonOf(r).value(QLatin1String("generation")).toString();
            QVERIFY(name.startsWith(
                QStringLiteral("default-202610%1T0200").arg(day + 1, 2, 10, QLatin1Char('0'))));
            names.prepend(name);
            backups.insert(name, jsonOf(r));
        }
        // A run that died after the upload: data without manifest.
        const QString leftover = QStringLiteral("default-20261004T020000Z");
        QVERIFY(plant(QStringLiteral("default/") + leftover + QStringLiteral(".db.gz"),
                      fetch(names.first() + QStringLiteral(".db.gz"))));

        TestHome fresh;
        QProcessEnvironment env = fresh.environment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        const RunResult add =
            lk({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("default"),
                QStringLiteral("--db"), fresh.file(QStringLiteral("restored-here.db")),
                QStringLiteral("--dest"), QStringLiteral("s3://backups/") + m_prefix,
                QStringLiteral("--endpoint"), m_server.endpoint()},
               env);
        QVERIFY2(add.exitCode == 0, qPrintable(describe(add)));
        // Without credentials it cannot (no keychain in this environment either).
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/bus"));
        const RunResult noKeys = lk({QStringLiteral("list")}, env);
        QVERIFY2(noKeys.exitCode != 0 && noKeys.err.contains("LITEKEEP_ACCESS_KEY_ID"),
                 qPrintable(describe(noKeys)));
        env.insert(QStringLiteral("LITEKEEP_ACCESS_KEY_ID"), QLatin1String(S3Server::kAccessKey));
        env.insert(QStringLiteral("LITEKEEP_SECRET_ACCESS_KEY"), QLatin1String(S3Server::kSecret));

        const RunResult listed = lk({QStringLiteral("--json"), QStringLiteral("list")}, env);
        QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
        const QJsonObject doc = jsonOf(listed);
        QCOMPARE(doc.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(doc.value(QLatin1String("profile")).toString(), QStringLiteral("default"));
        QCOMPARE(doc.value(QLatin1String("destination")).toString(),
                 QStringLiteral("s3://backups/") + m_prefix);
        const QJsonArray generations = doc.value(QLatin1String("generations")).toArray();
        QCOMPARE(namesOf(generations), QStringList{leftover} + names); // newest first

        const QJsonObject dead = generations.at(0).toObject();
        QCOMPARE(dead.value(QLatin1String("state")).toString(), QStringLiteral("incomplete"));
        QVERIFY(
            dead.value(QLatin1String("problem")).toString().contains(QLatin1String("no manifest")));
        QCOMPARE(dead.value(QLatin1String("created")).toString(),
                 QStringLiteral("2026-10-04T02:00:00Z"));
        QVERIFY(!dead.contains(QLatin1String("db_size")));
        for (qsizetype i = 1; i < generations.size(); ++i) {
            const QJsonObject g = generations.at(i).toObject();
            const QJsonObject backup =
                backups.value(g.value(QLatin1String("generation")).toString());
            QCOMPARE(g.value(QLatin1String("state")).toString(), QStringLiteral("complete"));
            QVERIFY(!g.contains(QLatin1String("problem")));
            QCOMPARE(g.value(QLatin1String("gz_size")).toInteger(),
                     backup.value(QLatin1String("gz_size")).toInteger());
            QCOMPARE(g.value(QLatin1String("db_size")).toInteger(),
                     backup.value(QLatin1String("db_size")).toInteger());
            QCOMPARE(g.value(QLatin1String("page_count")).toInteger(),
                     backup.value(QLatin1String("page_count")).toInteger());
            QVERIFY(g.value(QLatin1String("created"))
                        .toString()
                        .startsWith(night(3 - static_cast<int>(i)).left(10)));
            // This machine never verified anything.
            QVERIFY(!g.contains(QLatin1String("verification")));
        }

        // The first machine remembers its verifications (made right after each upload).
        const QJsonArray mine =
            generationsOf(lk({QStringLiteral("--json"), QStringLiteral("list")}));
        QCOMPARE(namesOf(mine), namesOf(generations));
        for (const QString &name : std::as_const(names)) {
            const QJsonObject v = entryOf(mine, QStringLiteral("generation"), name)
                                      .value(QLatin1String("verification"))
                                      .toObject();
            QCOMPARE(v.value(QLatin1String("passed")).toBool(), true);
        }

        // Plain text too, on the fresh machine.
        const RunResult text = lk({QStringLiteral("list")}, env);
        QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
        for (const QString &name : std::as_const(names))
            QVERIFY2(text.out.contains(name.toUtf8()), text.out.constData());
        QVERIFY2(text.out.contains("[INCOMPLETE]"), text.out.constData());

        // And can verify everything (the leftover is not a generation, so not a failure).
        const RunResult verified = lk({QStringLiteral("verify"), QStringLiteral("--all")}, env);
        QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
        for (const QString &name : std::as_const(names))
            QVERIFY2(verified.out.contains((name + QStringLiteral(": passed")).toUtf8()),
                     verified.out.constData());
        QCOMPARE(
            sql(fresh,
                QStringLiteral(
                    "SELECT generation, passed, kind FROM verifications ORDER BY generation DESC")),
            (QStringList{names.at(0) + QStringLiteral("|1|verify"),
                         names.at(1) + QStringLiteral("|1|verify"),
                         names.at(2) + QStringLiteral("|1|verify")}));
    }

    // Damage to stored objects is caught, named, recorded, and deletes nothing.
    void verificationNamesDamagedGenerations()
    {
        addProfile();
        QStringList names; // oldest first
        for (int day = 0; day < 4; ++day) {
            names.append(backupAt(night(day)));
            QVERIFY(!names.last().isEmpty());
        }
        const QString truncated = names.at(0), scrambled = names.at(1), retouched = names.at(2),
                      good = names.at(3);

        // Overwrite bytes in the middle of one, keeping its size.
        {
            QFile f(storedFile(scrambled + QStringLiteral(".db.gz")));
            QVERIFY2(f.open(QIODevice::ReadWrite), qPrintable(f.fileName()));
            const qint64 size = f.size();
            QVERIFY(size > 200);
            QVERIFY(f.seek(size / 2));
            QVERIFY(f.write(QByteArray(16, '\xA5')) == 16);
            f.close();
            QCOMPARE(QFileInfo(f.fileName()).size(), size);
        }
        // Change the gzip header's MTIME field: still a valid gzip stream, another SHA-256.
        {
            QFile f(storedFile(retouched + QStringLiteral(".db.gz")));
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(4));
            QVERIFY(f.write("\x01\x02\x03\x04", 4) == 4);
        }
        // Cut one short.
        const qint64 fullSize = QFileInfo(storedFile(truncated + QStringLiteral(".db.gz"))).size();
        QVERIFY(QFile::resize(storedFile(truncated + QStringLiteral(".db.gz")), fullSize / 2));
        const QStringList before = everything();

        const RunResult latest = lk({QStringLiteral("verify"), QStringLiteral("--latest")});
        QVERIFY2(latest.exitCode == 0, qPrintable(describe(latest)));
        QVERIFY2(latest.out.contains((good + QStringLiteral(": passed")).toUtf8()),
                 latest.out.constData());

        const RunResult one = lk({QStringLiteral("verify"), scrambled});
        QVERIFY2(one.exitCode == 1, qPrintable(describe(one)));
        QVERIFY2(one.out.contains((scrambled + QStringLiteral(": FAILED")).toUtf8()),
                 one.out.constData());
        QVERIFY2(one.err.contains(scrambled.toUtf8()), one.err.constData());

        const RunResult byObject = lk({QStringLiteral("verify"), good + QStringLiteral(".db.gz")});
        QVERIFY2(byObject.exitCode == 0, qPrintable(describe(byObject)));

        const RunResult all = lk({QStringLiteral("verify"), QStringLiteral("--all")});
        QVERIFY2(all.exitCode == 1, qPrintable(describe(all)));
        QVERIFY2(all.out.contains((good + QStringLiteral(": passed")).toUtf8()),
                 all.out.constData());
        for (const QString &bad : {truncated, scrambled, retouched})
            QVERIFY2(all.out.contains((bad + QStringLiteral(": FAILED: ")).toUtf8()),
                     all.out.constData());
        QVERIFY2(all.out.contains(
                     (retouched + QStringLiteral(": FAILED: the SHA-256 of the .db.gz")).toUtf8()),
                 all.out.constData());
        QVERIFY2(all.out.contains(QStringLiteral("%1: FAILED: it has %2 bytes")
                                      .arg(truncated)
                                      .arg(fullSize / 2)
                                      .toUtf8()),
                 all.out.constData());
        QVERIFY2(all.err.contains("3 of 4"), all.err.constData());

        // The same in JSON: one result per generation, newest first.
        const RunResult json =
            lk({QStringLiteral("--json"), QStringLiteral("verify"), QStringLiteral("--all")});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject doc = jsonOf(json);
        QCOMPARE(doc.value(QLatin1String("ok")).toBool(true), false);
        const QJsonArray results = doc.value(QLatin1String("results")).toArray();
        QCOMPARE(namesOf(results), (QStringList{good, retouched, scrambled, truncated}));
        const QStringList verdicts{QStringLiteral("passed"), QStringLiteral("failed"),
                                   QStringLiteral("failed"), QStringLiteral("failed")};
        for (qsizetype i = 0; i < results.size(); ++i) {
            QCOMPARE(results.at(i).toObject().value(QLatin1String("verdict")).toString(),
                     verdicts.at(i));
            QCOMPARE(results.at(i).toObject().value(QLatin1String("reason")).toString().isEmpty(),
                     i == 0);
        }

        // The history holds every verdict; list shows them; the truncated one lists as damaged.
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM verifications WHERE kind = 'verify' AND "
                                    "passed = 0 AND generation = '%1'")
                         .arg(scrambled)),
                 QStringList{QStringLiteral("3")});
        QCOMPARE(sql(QStringLiteral("SELECT DISTINCT generation FROM verifications WHERE passed = "
                                    "0 ORDER BY generation")),
                 (QStringList{truncated, scrambled, retouched}));
        const QStringList verifyRuns =
            sql(QStringLiteral("SELECT outcome FROM runs WHERE kind = 'verify' ORDER BY id"));
        QCOMPARE(verifyRuns, (QStringList{QStringLiteral("succeeded"), QStringLiteral("failed"),
                                          QStringLiteral("succeeded"), QStringLiteral("failed"),
                                          QStringLiteral("failed")}));
        const QJsonArray listed =
            generationsOf(lk({QStringLiteral("--json"), QStringLiteral("list")}));
        QCOMPARE(entryOf(listed, QStringLiteral("generation"), truncated)
                     .value(QLatin1String("state"))
                     .toString(),
                 QStringLiteral("damaged"));
        QVERIFY(entryOf(listed, QStringLiteral("generation"), truncated)
                    .value(QLatin1String("problem"))
                    .toString()
                    .contains(QString::number(fullSize / 2)));
        QCOMPARE(entryOf(listed, QStringLiteral("generation"), scrambled)
                     .value(QLatin1String("verification"))
                     .toObject()
                     .value(QLatin1String("passed"))
                     .toBool(true),
                 false);
        QCOMPARE(entryOf(listed, QStringLiteral("generation"), good)
                     .value(QLatin1String("verification"))
                     .toObject()
                     .value(QLatin1String("passed"))
                     .toBool(),
                 true);
        const RunResult text = lk({QStringLiteral("list")});
        QVERIFY2(text.out.contains("FAILED"), text.out.constData());

        // A name that is not there.
        const RunResult missing =
            lk({QStringLiteral("verify"), QStringLiteral("default-20200101T000000Z")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("no generation named"), missing.err.constData());

        // Retention deletes none of it while it is young.
        const RunResult prune = lkAt(night(3, 60), {QStringLiteral("prune")});
        QVERIFY2(prune.exitCode == 0, qPrintable(describe(prune)));
        QCOMPARE(everything(), before);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM deletions")),
                 QStringList{QStringLiteral("0")});
    }

    // Garbage in the profile's folder and unrelated files around it: listed correctly or not at
    // all, and retention touches only what is provably ours.
    void garbageAndForeignObjects()
    {
        addProfile({QStringLiteral("--keep-days"), QStringLiteral("10"),
                    QStringLiteral("--keep-min"), QStringLiteral("2")});
        const QString a = backupAt(night(0));
        const QString b = backupAt(night(1));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QByteArray data = fetch(b + QStringLiteral(".db.gz"));
        const QByteArray manifest = fetch(b + QStringLiteral(".manifest.json"));
        QVERIFY(!data.isEmpty() && manifest.startsWith('{'));

        const QString notJson = QStringLiteral("default-20261003T020000Z");
        const QString wrongShape = QStringLiteral("default-20261004T020000Z");
        const QString manifestOnly = QStringLiteral("default-20261006T020000Z");
        const QString otherGeneration = QStringLiteral("default-20261007T020000Z");
        QVERIFY(plant(QStringLiteral("default/%1.db.gz").arg(notJson), data));
        QVERIFY(plant(QStringLiteral("default/%1.manifest.json").arg(notJson),
                      "{\"format\": 1, \"created\": "));
        QVERIFY(plant(QStringLiteral("default/%1.db.gz").arg(wrongShape), data));
        QVERIFY(
            plant(QStringLiteral("default/%1.manifest.json").arg(wrongShape), "[\"format\", 1]"));
        QVERIFY(plant(QStringLiteral("default/%1.manifest.json").arg(manifestOnly),
                      retimed(manifest, QStringLiteral("2026-10-06T02:00:00Z"))));
        // A copied generation whose manifest still describes the original.
        QVERIFY(plant(QStringLiteral("default/%1.db.gz").arg(otherGeneration), data));
        QVERIFY(plant(QStringLiteral("default/%1.manifest.json").arg(otherGeneration), manifest));
        const QStringList foreign{
            QStringLiteral("default/default-20261332T250000Z.db.gz"), // impossible date
            QStringLiteral("default/default-20261332T250000Z.manifest.json"),
            QStringLiteral("default/default-20260230T020000Z.db.gz"), // 30 February
            QStringLiteral("default/notes.txt"),
            QStringLiteral("default/default-latest.db.gz"),
            QStringLiteral("default/default-20261001T020000Z.db.gz.bak"),
            QStringLiteral("default/other-20261001T020000Z.db.gz"),
            QStringLiteral("default/sub/default-20261001T020000Z.db.gz"),
            QStringLiteral("default/sub/default-20261001T020000Z.manifest.json"),
            QStringLiteral("other/other-20261001T020000Z.db.gz"),
            QStringLiteral("README.txt"),
        };
        for (const QString &path : foreign) {
            const bool manifestLike = path.endsWith(QLatin1String(".manifest.json"));
            QVERIFY(plant(path, manifestLike
                                    ? retimed(manifest, QStringLiteral("2026-10-01T02:00:00Z"))
                                    : data));
        }
        // The profile's pins object (Pins.h), here naming a generation that is not there: never
        // listed, never deleted, not even by --include-damaged.
        const QString pins = QStringLiteral("default/default.pins.json");
        QVERIFY(plant(
            pins, "{\"format\": 1, \"profile\": \"default\", \"pins\": [{\"generation\": "
                  "\"default-20260101T020000Z\", \"pinned_by\": \"default-20260102T020000Z\"}]}"));
        const QStringList before = everything();
        QCOMPARE(before.size(), 4 + 7 + foreign.size() + 1);

        const RunResult listed = lk({QStringLiteral("--json"), QStringLiteral("list")});
        QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
        const QJsonArray generations = generationsOf(listed);
        QCOMPARE(namesOf(generations),
                 (QStringList{otherGeneration, manifestOnly, wrongShape, notJson, b, a}));
        const QStringList states{QStringLiteral("damaged"),  QStringLiteral("incomplete"),
                                 QStringLiteral("damaged"),  QStringLiteral("damaged"),
                                 QStringLiteral("complete"), QStringLiteral("complete")};
        const QStringList problems{QStringLiteral("another generation"),
                                   QStringLiteral("missing"),
                                   QStringLiteral("not a JSON object"),
                                   QStringLiteral("not valid JSON"),
                                   QString(),
                                   QString()};
        for (qsizetype i = 0; i < generations.size(); ++i) {
            const QJsonObject g = generations.at(i).toObject();
            QCOMPARE(g.value(QLatin1String("state")).toString(), states.at(i));
            QVERIFY2(g.value(QLatin1String("problem")).toString().contains(problems.at(i)),
                     qPrintable(g.value(QLatin1String("problem")).toString()));
        }
        const RunResult text = lk({QStringLiteral("list")});
        QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
        QVERIFY(text.out.contains("[DAMAGED]") && text.out.contains("[INCOMPLETE]"));
        QVERIFY2(!text.out.contains("20261332") && !text.out.contains("latest") &&
                     !text.out.contains("other-"),
                 text.out.constData());

        // verify --all: the damaged ones fail by name, the good ones pass, nothing crashes.
        const RunResult all = lk({QStringLiteral("verify"), QStringLiteral("--all")});
        QVERIFY2(all.exitCode == 1, qPrintable(describe(all)));
        for (const QString &bad : {notJson, wrongShape, manifestOnly, otherGeneration})
            QVERIFY2(all.out.contains((bad + QStringLiteral(": FAILED: ")).toUtf8()),
                     all.out.constData());
        for (const QString &fine : {a, b})
            QVERIFY2(all.out.contains((fine + QStringLiteral(": passed")).toUtf8()),
                     all.out.constData());

        // While young, nothing goes; the dry run says so.
        const RunResult young =
            lkAt(night(7, 60), {QStringLiteral("prune"), QStringLiteral("--dry-run")});
        QVERIFY2(young.exitCode == 0, qPrintable(describe(young)));
        QVERIFY2(!young.out.contains("would delete"), young.out.constData());
        QCOMPARE(everything(), before);

        // Three weeks later: the dry run names only the incomplete one (a manifest without
        // data); the damaged ones stay, each saying why and how to remove it...
        const QString later = night(20);
        auto wouldDelete = [](const RunResult &r) {
            QStringList names;
            for (const QJsonValue &v : jsonOf(r).value(QLatin1String("plan")).toArray()) {
                if (!v.toObject().value(QLatin1String("keep")).toBool(true))
                    names.append(v.toObject().value(QLatin1String("generation")).toString());
            }
            return names;
        };
        const QStringList damaged{otherGeneration, wrongShape, notJson};
        const RunResult dry = lkAt(later, {QStringLiteral("--json"), QStringLiteral("prune"),
                                           QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(describe(dry)));
        QCOMPARE(jsonOf(dry).value(QLatin1String("dry_run")).toBool(), true);
        QCOMPARE(wouldDelete(dry), QStringList{manifestOnly});
        const QJsonArray plan = jsonOf(dry).value(QLatin1String("plan")).toArray();
        for (const QString &g : damaged) {
            const QString reason = entryOf(plan, QStringLiteral("generation"), g)
                                       .value(QLatin1String("reason"))
                                       .toString();
            QVERIFY2(reason.startsWith(QLatin1String("kept: damaged (")) &&
                         reason.contains(QLatin1String("--include-damaged")),
                     qPrintable(g + QStringLiteral(": ") + reason));
        }
        QCOMPARE(everything(), before);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM deletions")),
                 QStringList{QStringLiteral("0")});

        // ...the real run deletes just that one...
        const RunResult prune = lkAt(later, {QStringLiteral("prune")});
        QVERIFY2(prune.exitCode == 0, qPrintable(describe(prune)));
        QStringList expected = before;
        QStringList gone;
        QVERIFY(expected.removeAll(QStringLiteral("default/") + manifestOnly +
                                   QStringLiteral(".manifest.json")) == 1);
        gone.append(manifestOnly + QStringLiteral(".manifest.json"));
        QCOMPARE(everything(), expected);

        // ...and --include-damaged (its dry run first) the damaged ones, logging each object.
        const RunResult dryDamaged =
            lkAt(later, {QStringLiteral("--json"), QStringLiteral("prune"),
                         QStringLiteral("--dry-run"), QStringLiteral("--include-damaged")});
        QVERIFY2(dryDamaged.exitCode == 0, qPrintable(describe(dryDamaged)));
        QCOMPARE(wouldDelete(dryDamaged), damaged);
        QCOMPARE(everything(), expected);
        const RunResult pruneDamaged =
            lkAt(later, {QStringLiteral("prune"), QStringLiteral("--include-damaged")});
        QVERIFY2(pruneDamaged.exitCode == 0, qPrintable(describe(pruneDamaged)));
        for (const QString &g : damaged) {
            for (const QString &suffix :
                 {QStringLiteral(".manifest.json"), QStringLiteral(".db.gz")}) {
                if (expected.removeAll(QStringLiteral("default/") + g + suffix) == 1)
                    gone.append(g + suffix);
            }
        }
        QCOMPARE(gone.size(), 7);
        QCOMPARE(everything(), expected);
        for (const QString &path : foreign + QStringList{pins})
            QVERIFY2(expected.contains(path), qPrintable(path));
        QStringList logged = sql(
            QStringLiteral("SELECT object FROM deletions WHERE profile = 'default' ORDER BY id"));
        QCOMPARE(logged, gone); // each manifest before its data
    }

    // A generation whose manifest is not valid JSON, older than keep-days: its data may well
    // restore by hand, so neither prune nor the prune after a backup deletes it; list shows it
    // as damaged with the reason, and only prune --include-damaged removes it (data and
    // manifest). Data without a manifest (a run that died) is incomplete and goes as before.
    void damagedGenerationsAreKept()
    {
        addProfile({QStringLiteral("--keep-days"), QStringLiteral("3"),
                    QStringLiteral("--keep-min"), QStringLiteral("1")});
        const QString a = backupAt(night(0));
        const QString b = backupAt(night(1));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QByteArray data = fetch(b + QStringLiteral(".db.gz"));
        QVERIFY(!data.isEmpty());
        const QString damaged = QStringLiteral("default-20261002T030000Z");
        const QString orphan = QStringLiteral("default-20261002T040000Z");
        QVERIFY(plant(QStringLiteral("default/%1.db.gz").arg(damaged), data));
        QVERIFY(plant(QStringLiteral("default/%1.manifest.json").arg(damaged),
                      "{\"format\": 1, \"created\": "));
        QVERIFY(plant(QStringLiteral("default/%1.db.gz").arg(orphan), data));

        // list: damaged, with the reason, in JSON and in text.
        const RunResult listed = lk({QStringLiteral("--json"), QStringLiteral("list")});
        QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
        const QJsonObject entry =
            entryOf(generationsOf(listed), QStringLiteral("generation"), damaged);
        QCOMPARE(entry.value(QLatin1String("state")).toString(), QStringLiteral("damaged"));
        QVERIFY2(entry.value(QLatin1String("problem"))
                     .toString()
                     .contains(QLatin1String("not valid JSON")),
                 qPrintable(describe(listed)));
        const RunResult text = lk({QStringLiteral("list")});
        QVERIFY2(
            text.out.contains(QStringLiteral("[DAMAGED] the manifest is not valid JSON").toUtf8()),
            text.out.constData());

        // Far older than keep-days: prune keeps it and says why; a and the orphan go.
        const RunResult prune = lkAt(night(10), {QStringLiteral("prune")});
        QVERIFY2(prune.exitCode == 0, qPrintable(describe(prune)));
        QVERIFY2(prune.out.contains(
                     QStringLiteral("keep    %1  kept: damaged (the manifest is not valid JSON")
                         .arg(damaged)
                         .toUtf8()),
                 qPrintable(describe(prune)));
        QVERIFY2(prune.out.contains("remove with prune --include-damaged"),
                 qPrintable(describe(prune)));
        QVERIFY2(prune.out.contains("Kept 1 damaged generation that"), qPrintable(describe(prune)));
        QVERIFY2(prune.out.contains(
                     QStringLiteral("delete  %1  deleted: incomplete").arg(orphan).toUtf8()),
                 qPrintable(describe(prune)));
        auto objectsOf = [](const QStringList &generations) {
            QStringList objects;
            for (const QString &g : generations)
                objects << QStringLiteral("default/") + g + QStringLiteral(".db.gz")
                        << QStringLiteral("default/") + g + QStringLiteral(".manifest.json");
            objects.sort();
            return objects;
        };
        QCOMPARE(everything(), objectsOf({b, damaged}));

        // The prune after a successful backup keeps it too (and removes b, now old).
        const RunResult backup =
            lkAt(night(11), {QStringLiteral("--json"), QStringLiteral("backup")});
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
        const QString c = jsonOf(backup).value(QLatin1String("generation")).toString();
        QStringList pruned;
        for (const QJsonValue &v : jsonOf(backup).value(QLatin1String("pruned")).toArray())
            pruned.append(v.toString());
        QCOMPARE(pruned,
                 (QStringList{b + QStringLiteral(".manifest.json"), b + QStringLiteral(".db.gz")}));
        const QStringList afterBackup = objectsOf({damaged, c});
        QCOMPARE(everything(), afterBackup);
        const QString deletionsBefore =
            sql(QStringLiteral("SELECT count(*) FROM deletions")).value(0);

        // The dry run with --include-damaged would delete it, and deletes nothing.
        const RunResult dry =
            lkAt(night(11, 60), {QStringLiteral("--json"), QStringLiteral("prune"),
                                 QStringLiteral("--dry-run"), QStringLiteral("--include-damaged")});
        QVERIFY2(dry.exitCode == 0, qPrintable(describe(dry)));
        QCOMPARE(jsonOf(dry).value(QLatin1String("include_damaged")).toBool(), true);
        const QJsonObject planned = entryOf(jsonOf(dry).value(QLatin1String("plan")).toArray(),
                                            QStringLiteral("generation"), damaged);
        QCOMPARE(planned.value(QLatin1String("keep")).toBool(true), false);
        QCOMPARE(planned.value(QLatin1String("state")).toString(), QStringLiteral("damaged"));
        QVERIFY2(planned.value(QLatin1String("reason"))
                     .toString()
                     .startsWith(QLatin1String("deleted: damaged (the manifest is not valid JSON")),
                 qPrintable(describe(dry)));
        const RunResult dryText =
            lkAt(night(11, 60), {QStringLiteral("prune"), QStringLiteral("--dry-run"),
                                 QStringLiteral("--include-damaged")});
        QVERIFY2(dryText.out.contains(
                     QStringLiteral("would delete  %1  deleted: damaged").arg(damaged).toUtf8()),
                 qPrintable(describe(dryText)));
        QVERIFY2(dryText.out.contains("2 objects would be deleted; nothing was"),
                 qPrintable(describe(dryText)));
        QCOMPARE(everything(), afterBackup);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM deletions")).value(0), deletionsBefore);

        // prune --include-damaged deletes it, manifest first, and nothing else.
        const RunResult removed =
            lkAt(night(11, 60), {QStringLiteral("--json"), QStringLiteral("prune"),
                                 QStringLiteral("--include-damaged")});
        QVERIFY2(removed.exitCode == 0, qPrintable(describe(removed)));
        QStringList deleted;
        for (const QJsonValue &v : jsonOf(removed).value(QLatin1String("deleted")).toArray())
            deleted.append(v.toString());
        QCOMPARE(deleted, (QStringList{damaged + QStringLiteral(".manifest.json"),
                                       damaged + QStringLiteral(".db.gz")}));
        QCOMPARE(everything(), objectsOf({c}));
        const QStringList logged =
            sql(QStringLiteral("SELECT object, reason FROM deletions ORDER BY id DESC LIMIT 2"));
        QCOMPARE(logged.size(), 2);
        for (const QString &row : logged)
            QVERIFY2(row.section(QLatin1Char('|'), 0, 0).startsWith(damaged) &&
                         row.contains(QLatin1String("deleted: damaged")),
                     qPrintable(row));
    }

    // A manifest from a newer LiteKeep is reported as such: not corruption, never deleted.
    void newerFormatIsNotCorruption()
    {
        addProfile({QStringLiteral("--keep-days"), QStringLiteral("10"),
                    QStringLiteral("--keep-min"), QStringLiteral("1")});
        const QString a = backupAt(night(0));
        QVERIFY(!a.isEmpty());
        const QString newer = QStringLiteral("default-20261002T020000Z");
        QVERIFY(plant(QStringLiteral("default/%1.db.gz").arg(newer),
                      fetch(a + QStringLiteral(".db.gz"))));
        QVERIFY(plant(QStringLiteral("default/%1.manifest.json").arg(newer),
                      retimed(fetch(a + QStringLiteral(".manifest.json")),
                              QStringLiteral("2026-10-02T02:00:00Z"), 99)));
        const QStringList before = everything();

        const RunResult listed = lk({QStringLiteral("--json"), QStringLiteral("list")});
        QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
        const QJsonObject entry =
            entryOf(generationsOf(listed), QStringLiteral("generation"), newer);
        QCOMPARE(entry.value(QLatin1String("state")).toString(), QStringLiteral("newer-format"));
        QVERIFY2(
            entry.value(QLatin1String("problem")).toString().contains(QLatin1String("format 99")),
            qPrintable(entry.value(QLatin1String("problem")).toString()));
        QVERIFY(lk({QStringLiteral("list")}).out.contains("[NEWER-FORMAT]"));

        // Far in the future, retention still leaves it alone.
        const RunResult prune =
            lkAt(QStringLiteral("2027-06-01 00:00:00"), {QStringLiteral("prune")});
        QVERIFY2(prune.exitCode == 0, qPrintable(describe(prune)));
        QVERIFY2(prune.out.contains(QStringLiteral("keep    %1  kept: written by a newer LiteKeep")
                                        .arg(newer)
                                        .toUtf8()),
                 prune.out.constData());
        QCOMPARE(everything(), before);

        // verify --all reports it as newer, not as a failure: the good one passed, so exit 0.
        const RunResult all = lk({QStringLiteral("verify"), QStringLiteral("--all")});
        QVERIFY2(all.out.contains(QByteArray(a.toUtf8() + ": passed")), qPrintable(describe(all)));
        QVERIFY2(all.text().contains(newer) && all.text().contains(QLatin1String("newer")),
                 qPrintable(describe(all)));
        QVERIFY2(!all.out.contains(QByteArray(newer.toUtf8() + ": FAILED")),
                 qPrintable(describe(all)));
        QVERIFY2(all.exitCode == 0, qPrintable(describe(all)));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM verifications WHERE passed = 0")),
                 QStringList{QStringLiteral("0")});
    }

    // backup --no-verify: no verification, no retention. prune --dry-run: a plan, no deletion.
    void noVerifyAndDryRun()
    {
        addProfile({QStringLiteral("--keep-days"), QStringLiteral("2"),
                    QStringLiteral("--keep-min"), QStringLiteral("1")});
        QStringList names;
        for (int day = 0; day < 5; ++day) {
            const RunResult r =
                lkAt(night(day), {QStringLiteral("--json"), QStringLiteral("backup"),
                                  QStringLiteral("--no-verify")});
            QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
            const QJsonObject doc = jsonOf(r);
            QCOMPARE(doc.value(QLatin1String("verified")).toBool(true), false);
            QCOMPARE(doc.value(QLatin1String("pruned")).toArray().size(), 0);
            QVERIFY2(doc.value(QLatin1String("message"))
                         .toString()
                         .contains(QLatin1String("nothing was pruned")),
                     r.out.constData());
            names.append(doc.value(QLatin1String("generation")).toString());
        }
        // Keep-days 2 would have removed the first ones after a verified backup; nothing was.
        QCOMPARE(dataOnServer(), names);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM verifications")),
                 QStringList{QStringLiteral("0")});
        QCOMPARE(historyRows(*m_home).size(), 5);
        const QStringList before = everything();
        QCOMPARE(before.size(), 10);

        const QString when = night(4, 60);
        const RunResult dry = lkAt(when, {QStringLiteral("prune"), QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(describe(dry)));
        for (int i = 0; i < 5; ++i) {
            const QByteArray line = (i < 3 ? "would delete  " : "keep    ") + names.at(i).toUtf8();
            QVERIFY2(dry.out.contains(line),
                     qPrintable(QString::fromLatin1(line) + QLatin1Char('\n') + describe(dry)));
        }
        QVERIFY2(dry.out.contains("6 objects would be deleted; nothing was"), dry.out.constData());
        QCOMPARE(everything(), before);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM deletions")),
                 QStringList{QStringLiteral("0")});

        const RunResult prune = lkAt(when, {QStringLiteral("prune")});
        QVERIFY2(prune.exitCode == 0, qPrintable(describe(prune)));
        QCOMPARE(dataOnServer(), names.mid(3));
        QCOMPARE(everything().size(), 4);
        // Logged one object at a time, each generation's manifest before its data.
        const QStringList logged =
            sql(QStringLiteral("SELECT object, reason FROM deletions ORDER BY id"));
        QCOMPARE(logged.size(), 6);
        QStringList loggedGenerations;
        for (int i = 0; i < 3; ++i) {
            const QString manifest = logged.at(2 * i).section(QLatin1Char('|'), 0, 0);
            QVERIFY2(manifest.endsWith(QLatin1String(".manifest.json")), qPrintable(manifest));
            const QString generation = manifest.chopped(14);
            QCOMPARE(logged.at(2 * i + 1).section(QLatin1Char('|'), 0, 0),
                     generation + QStringLiteral(".db.gz"));
            QVERIFY2(logged.at(2 * i).contains(QLatin1String("older than 2 day")),
                     qPrintable(logged.at(2 * i)));
            loggedGenerations.append(generation);
        }
        loggedGenerations.sort();
        QCOMPARE(loggedGenerations, names.mid(0, 3));
    }

    // The destination goes away after the first download of "verify --all".
    void destinationLostDuringVerifyAll()
    {
        addProfile();
        QStringList names;
        for (int day = 0; day < 3; ++day) {
            names.prepend(backupAt(night(day), {QStringLiteral("--no-verify")}));
            QVERIFY(!names.first().isEmpty());
        }
        const QString counter = m_home->file(QStringLiteral("cat-calls"));
        m_env.insert(
            QStringLiteral("LITEKEEP_RCLONE"),
            writeWrapper(
                QStringLiteral("flaky"),
                QStringLiteral(
                    "for a in \"$@\"; do\n"
                    "  if [ \"$a\" = cat ]; then\n"
                    "    n=$(cat '%1' 2>/dev/null || echo 0); n=$((n + 1)); echo \"$n\" > '%1'\n"
                    "    if [ \"$n\" -gt 1 ]; then\n"
                    "      echo 'ERROR : Failed to cat: dial tcp 127.0.0.1:9: connect: connection "
                    "refused' >&2; exit 1\n"
                    "    fi\n"
                    "  fi\n"
                    "done")
                    .arg(counter)));
        const QStringList before = everything();

        const RunResult all = lk({QStringLiteral("verify"), QStringLiteral("--all")});
        QVERIFY2(all.exitCode == 1, qPrintable(describe(all)));
        QVERIFY2(all.out.contains((names.at(0) + QStringLiteral(": passed")).toUtf8()),
                 qPrintable(describe(all)));
        for (int i = 1; i < 3; ++i)
            QVERIFY2(all.out.contains((names.at(i) + QStringLiteral(": not checked: ")).toUtf8()),
                     qPrintable(describe(all)));
        QVERIFY2(!all.out.contains("FAILED"), qPrintable(describe(all)));
        QVERIFY2(all.err.contains("could not be checked") && all.err.contains("refused"),
                 all.err.constData());

        // What was checked keeps its result; the rest have none (not a failure).
        QCOMPARE(sql(QStringLiteral("SELECT generation, passed, kind FROM verifications")),
                 QStringList{names.at(0) + QStringLiteral("|1|verify")});
        QCOMPARE(historyRows(*m_home, QStringLiteral("verify")).value(0).value(0),
                 QStringLiteral("failed"));
        m_env.remove(QStringLiteral("LITEKEEP_RCLONE"));
        const QJsonArray listed =
            generationsOf(lk({QStringLiteral("--json"), QStringLiteral("list")}));
        QCOMPARE(namesOf(listed), names);
        QVERIFY(entryOf(listed, QStringLiteral("generation"), names.at(0))
                    .contains(QLatin1String("verification")));
        QVERIFY(!entryOf(listed, QStringLiteral("generation"), names.at(1))
                     .contains(QLatin1String("verification")));
        QCOMPARE(everything(), before);
    }

    // 35 nights of backups with faketime (keep-days 10, keep-min 3, drills every 7 days), then a
    // failed night, a manual prune that refuses, and a good night after a long gap.
    void thirtyFiveNights()
    {
        addProfile({QStringLiteral("--keep-days"), QStringLiteral("10"),
                    QStringLiteral("--keep-min"), QStringLiteral("3")});
        QStringList names;
        for (int day = 0; day < 35; ++day) {
            // A minute later each night, so "exactly ten days" is never a same-second race.
            const RunResult r =
                lkAt(night(day, day), {QStringLiteral("--json"), QStringLiteral("backup")});
            QVERIFY2(r.exitCode == 0,
                     qPrintable(QStringLiteral("night %1: ").arg(day) + describe(r)));
            const QJsonObject doc = jsonOf(r);
            names.append(doc.value(QLatin1String("generation")).toString());
            QVERIFY(
                names.last().startsWith(QLatin1String("default-") +
                                        QString(night(day, day)).remove(QLatin1Char('-')).left(8)));
            QCOMPARE(doc.value(QLatin1String("verified")).toBool(), true);
            QStringList pruned;
            for (const QJsonValue &v : doc.value(QLatin1String("pruned")).toArray())
                pruned.append(v.toString());
            // Each night removes exactly the night ten days before, manifest first.
            const QStringList expected =
                day < 10 ? QStringList{}
                         : QStringList{names.at(day - 10) + QStringLiteral(".manifest.json"),
                                       names.at(day - 10) + QStringLiteral(".db.gz")};
            QVERIFY2(pruned == expected, qPrintable(QStringLiteral("night %1: pruned %2")
                                                        .arg(day)
                                                        .arg(pruned.join(QLatin1Char(' ')))));
        }

        // What remains: the last ten nights, complete and verified.
        QStringList lastTen = names.mid(25);
        QCOMPARE(dataOnServer(), lastTen);
        QStringList objects;
        for (const QString &n : std::as_const(lastTen))
            objects << QStringLiteral("default/") + n + QStringLiteral(".db.gz")
                    << QStringLiteral("default/") + n + QStringLiteral(".manifest.json");
        objects.sort();
        QCOMPARE(everything(), objects);
        const QJsonArray listed =
            generationsOf(lk({QStringLiteral("--json"), QStringLiteral("list")}));
        std::reverse(lastTen.begin(), lastTen.end());
        QCOMPARE(namesOf(listed), lastTen);
        for (const QJsonValue &v : listed) {
            QCOMPARE(v.toObject().value(QLatin1String("state")).toString(),
                     QStringLiteral("complete"));
            QCOMPARE(v.toObject()
                         .value(QLatin1String("verification"))
                         .toObject()
                         .value(QLatin1String("passed"))
                         .toBool(),
                     true);
        }

        // Every deletion is in the history, for the right reason.
        const QStringList deletions =
            sql(QStringLiteral("SELECT object, reason FROM deletions ORDER BY id"));
        QCOMPARE(deletions.size(), 50);
        for (int i = 0; i < 25; ++i) {
            QCOMPARE(deletions.at(2 * i).section(QLatin1Char('|'), 0, 0),
                     names.at(i) + QStringLiteral(".manifest.json"));
            QCOMPARE(deletions.at(2 * i + 1).section(QLatin1Char('|'), 0, 0),
                     names.at(i) + QStringLiteral(".db.gz"));
            QVERIFY2(deletions.at(2 * i).contains(QLatin1String("older than 10 day")),
                     qPrintable(deletions.at(2 * i)));
        }
        // 35 successful backups; restore drills on nights 1, 8, 15, 22 and 29, recorded as drills.
        const auto backups = historyRows(*m_home);
        QCOMPARE(backups.size(), 35);
        for (const QStringList &row : backups)
            QCOMPARE(row.value(0), QStringLiteral("succeeded"));
        const auto drills = historyRows(*m_home, QStringLiteral("drill"));
        QCOMPARE(drills.size(), 5);
        for (const QStringList &row : drills)
            QCOMPARE(row.value(0), QStringLiteral("succeeded"));
        QVERIFY(sql(QStringLiteral(
                        "SELECT count(*) FROM verifications WHERE kind = 'drill' AND passed = 1"))
                    .value(0)
                    .toInt() >= 5);

        // A night that fails (the upload is refused): nothing is pruned afterwards.
        const QProcessEnvironment good = m_env;
        QProcessEnvironment failing = m_env;
        failing.insert(
            QStringLiteral("LITEKEEP_RCLONE"),
            writeWrapper(QStringLiteral("failing"),
                         QStringLiteral("for a in \"$@\"; do\n"
                                        "  if [ \"$a\" = copyto ] || [ \"$a\" = rcat ]; then\n"
                                        "    echo 'ERROR : simulated: upload refused' >&2; exit 1\n"
                                        "  fi\n"
                                        "done")));
        failing.insert(QStringLiteral("LITEKEEP_RCLONE_DAEMON"),
                       QStringLiteral("0")); // copyto is a process
        const QStringList beforeFailure = everything();
        const RunResult failed =
            lkAt(QStringLiteral("2026-11-30 02:00:00"), {QStringLiteral("backup")}, failing);
        QVERIFY2(failed.exitCode == 1, qPrintable(describe(failed)));
        QCOMPARE(historyRows(*m_home).last().value(0), QStringLiteral("failed"));
        QCOMPARE(everything(), beforeFailure);

        // Everything is older than ten days now, yet prune (and its dry run) delete nothing and say
        // why.
        for (const QStringList &mode : {QStringList{QStringLiteral("--dry-run")}, QStringList{}}) {
            const RunResult refused = lkAt(QStringLiteral("2026-11-30 03:00:00"),
                                           QStringList{QStringLiteral("prune")} + mode, good);
            QVERIFY2(refused.exitCode == 0, qPrintable(describe(refused)));
            QVERIFY2(refused.out.contains("the last backup failed"), qPrintable(describe(refused)));
            QVERIFY2(!refused.out.contains("delete "), qPrintable(describe(refused)));
            QCOMPARE(everything(), beforeFailure);
        }
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM deletions")),
                 QStringList{QStringLiteral("50")});

        // The next good night after the gap: keep-min keeps the three newest.
        const RunResult next = lkAt(QStringLiteral("2026-12-01 02:00:00"),
                                    {QStringLiteral("--json"), QStringLiteral("backup")}, good);
        QVERIFY2(next.exitCode == 0, qPrintable(describe(next)));
        const QString december = jsonOf(next).value(QLatin1String("generation")).toString();
        QVERIFY(december.startsWith(QLatin1String("default-20261201T0200")));
        // The ten old nights minus the two that keep-min holds: eight generations, 16 objects.
        QCOMPARE(jsonOf(next).value(QLatin1String("pruned")).toArray().size(), 16);
        QCOMPARE(dataOnServer(), (QStringList{names.at(33), names.at(34), december}));
        const QStringList reasons =
            sql(QStringLiteral("SELECT object, reason FROM deletions WHERE id > 50"));
        QCOMPARE(reasons.size(), 16);
        for (const QString &row : reasons) {
            const QString object = row.section(QLatin1Char('|'), 0, 0);
            QVERIFY2(names.mid(25, 8).contains(object.section(QLatin1Char('.'), 0, 0)),
                     qPrintable(row));
            QVERIFY2(row.contains(QLatin1String("older than 10 day")), qPrintable(row));
        }
        const RunResult plan = lkAt(QStringLiteral("2026-12-01 03:00:00"),
                                    {QStringLiteral("prune"), QStringLiteral("--dry-run")}, good);
        QVERIFY2(plan.out.contains(
                     QStringLiteral("%1  kept: one of the newest 3").arg(names.at(33)).toUtf8()),
                 qPrintable(describe(plan)));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestGenerations)
#include "tst_generations.moc"

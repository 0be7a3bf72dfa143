// Restores never write outside the chosen target, whatever the destination says: generation
// names with "../" or absolute paths on the command line, manifests whose fields hold them, and a
// hostile listing that hands them out. Every run is traced with strace (where installed): any
// file opened for writing, created, renamed or linked outside the test's home fails the test,
// even one that was moved away before the run ended.
#include "S3CliFixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimeZone>
#include <QtTest>

using namespace lkt;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every file below `root` whose name contains `part`.
QStringList namesContaining(const QString &root, const QString &part)
{
    QStringList hits;
    QDirIterator it(root,
                    QDir::Files | QDir::Dirs | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (it.fileName().contains(part))
            hits.append(path);
    }
    return hits;
}

// Anything named "escaped" in the test's home (recursively) or beside it, or beside or above the
// working directory: where "../" from any of them could lead.
QStringList escapedAnywhere(const QString &home)
{
    QStringList hits = namesContaining(home, QStringLiteral("escaped"));
    const QString cwd = QDir::currentPath();
    for (const QString &folder :
         {QFileInfo(home).absolutePath(), cwd, QDir::cleanPath(cwd + QStringLiteral("/..")),
          QDir::cleanPath(cwd + QStringLiteral("/../..")), QStringLiteral("/tmp"),
          QStringLiteral("/")}) {
        const QStringList beside = QDir(folder).entryList({QStringLiteral("*escaped*")},
                                                          QDir::AllEntries | QDir::Hidden |
                                                              QDir::System | QDir::NoDotAndDotDot);
        for (const QString &name : beside)
            hits.append(folder + QLatin1Char('/') + name);
    }
    return hits;
}

// A run under strace: every path it (or rclone) opened for writing, created, renamed or linked
// to. `traced` is false when strace is not installed (then only the end state is checked).
struct Traced
{
    RunResult result;
    QStringList written;
    bool traced = false;
};

Traced traced(const QStringList &arguments, const QProcessEnvironment &env, const QString &scratch)
{
    Traced t;
    const QString strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
    if (strace.isEmpty()) {
        t.result = runLiteKeep(arguments, env);
        return t;
    }
    QDir(scratch).removeRecursively();
    QDir().mkpath(scratch);
    // LeakSanitizer cannot run under ptrace; the leak check is the untraced runs' business.
    QProcessEnvironment tracedEnv = env;
    if (tracedEnv.contains(QStringLiteral("ASAN_OPTIONS")))
        tracedEnv.insert(QStringLiteral("ASAN_OPTIONS"),
                         tracedEnv.value(QStringLiteral("ASAN_OPTIONS")) +
                             QStringLiteral(":detect_leaks=0"));
    t.result = runProgram(
        strace,
        QStringList{
            QStringLiteral("-f"), QStringLiteral("-ff"), QStringLiteral("-y"),
            QStringLiteral("-qq"), QStringLiteral("-e"),
            QStringLiteral("trace=open,openat,creat,rename,renameat,renameat2,mkdir,mkdirat,"
                           "link,linkat,symlink,symlinkat"),
            QStringLiteral("-o"), scratch + QStringLiteral("/trace"),
            QStringLiteral(LITEKEEP_BINARY)} +
            arguments,
        tracedEnv);
    t.traced = true;
    // openat(AT_FDCWD</cwd>, "name", O_WRONLY|O_CREAT|..., 0666) = 3</resolved/path>: the returned
    // path.
    static const QRegularExpression returned(QStringLiteral("= \\d+<([^>]*)>$"));
    // A directory (fd or AT_FDCWD, decorated with its path) and a quoted name.
    static const QRegularExpression dirAndName(
        QStringLiteral("(?:AT_FDCWD|\\d+)<([^>]*)>, \"([^\"]*)\""));
    static const QRegularExpression quoted(QStringLiteral("\"([^\"]*)\""));
    const QStringList logs = QDir(scratch).entryList({QStringLiteral("trace.*")}, QDir::Files);
    for (const QString &log : logs) {
        const QStringList lines =
            QString::fromUtf8(readAll(scratch + QLatin1Char('/') + log)).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (line.contains(QLatin1String(") = -1 ")) || line.isEmpty())
                continue;
            const QString call = line.section(QLatin1Char('('), 0, 0);
            if (call == QLatin1String("open") || call == QLatin1String("openat") ||
                call == QLatin1String("creat")) {
                const auto m = returned.match(line);
                if (m.hasMatch() &&
                    (line.contains(QLatin1String("O_WRONLY")) ||
                     line.contains(QLatin1String("O_RDWR")) ||
                     line.contains(QLatin1String("O_CREAT")) || call == QLatin1String("creat")))
                    t.written.append(m.captured(1));
                continue;
            }
            // The last path of a rename or link is where something was put; mkdir's only one.
            QString target;
            auto it = dirAndName.globalMatch(line);
            while (it.hasNext()) {
                const auto m = it.next();
                target = QDir::isAbsolutePath(m.captured(2))
                             ? m.captured(2)
                             : m.captured(1) + QLatin1Char('/') + m.captured(2);
            }
            if (target.isEmpty()) {
                auto q = quoted.globalMatch(line);
                while (q.hasNext())
                    target = q.next().captured(1);
            }
            if (!target.isEmpty())
                t.written.append(
                    QDir::cleanPath(QDir::isAbsolutePath(target)
                                        ? target
                                        : QDir::currentPath() + QLatin1Char('/') + target));
        }
    }
    t.written.removeDuplicates();
    return t;
}

// What `t` wrote outside `home` (and /dev), or in its "outside" folder, the tests' bait.
QStringList writtenOutside(const Traced &t, const QString &home)
{
    QStringList outside;
    for (const QString &path : t.written) {
        if ((!path.startsWith(home + QLatin1Char('/')) &&
             !path.startsWith(QLatin1String("/dev/"))) ||
            path.startsWith(home + QStringLiteral("/outside")))
            outside.append(path);
    }
    return outside;
}
} // namespace

class TestRestorePaths : public QObject, public S3CliFixture
{
    Q_OBJECT

private:
    QStringList m_escapes; // paths written outside the test's home by confined() runs

    // litekeep under strace: whatever it writes outside the test's home is recorded.
    RunResult confined(const QStringList &args, const QProcessEnvironment &env)
    {
        const Traced t = traced(args, env, m_home->file(QStringLiteral("strace")));
        for (const QString &path : writtenOutside(t, m_home->path()))
            m_escapes.append(args.join(QLatin1Char(' ')) + QStringLiteral(" wrote ") + path);
        return t.result;
    }
    RunResult confined(const QStringList &args) { return confined(args, m_env); }
    // Temporary files and the home directory inside the test's home, so that "outside" is exact.
    void keepEverythingInside()
    {
        QDir().mkpath(m_home->file(QStringLiteral("tmp")));
        QDir().mkpath(m_home->file(QStringLiteral("home")));
        m_env.insert(QStringLiteral("TMPDIR"), m_home->file(QStringLiteral("tmp")));
        m_env.insert(QStringLiteral("HOME"), m_home->file(QStringLiteral("home")));
        if (QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty())
            qInfo(
                "strace is not installed: only the files left behind are checked, not every write");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), "s3rver starts (scripts/bootstrap installs it)");
    }

    void init()
    {
        m_escapes.clear();
        QVERIFY(freshHome(QStringLiteral("paths")));
    }

    // Generation names on the command line that try to leave the target: refused, nothing written.
    void generationNamesCannotEscape()
    {
        keepEverythingInside();
        addProfile(QStringLiteral("default"), dest(), m_server.endpoint());
        const QString generation = backup();
        QVERIFY(!generation.isEmpty());
        const QString target = m_home->file(QStringLiteral("target"));
        QVERIFY(QDir().mkpath(target));
        const QString outside = m_home->file(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(outside));
        const QStringList crafted{QStringLiteral("../../escaped"),
                                  QStringLiteral("../outside/escaped"),
                                  outside + QStringLiteral("/escaped.db"),
                                  generation + QStringLiteral("/../../escaped"),
                                  QStringLiteral("../default/") + generation,
                                  QStringLiteral("/") + generation,
                                  generation + QStringLiteral("/../") + generation,
                                  QStringLiteral(".."),
                                  QStringLiteral("%2e%2e%2fescaped")};
        for (const QString &name : crafted) {
            const RunResult r = confined({QStringLiteral("restore"), name, QStringLiteral("--to"),
                                          target + QStringLiteral("/r.db")});
            QVERIFY2(r.exitCode == 1 && r.err.contains("no generation named"),
                     qPrintable(name + describe(r)));
            QVERIFY2(confined({QStringLiteral("show"), name}).exitCode != 0, qPrintable(name));
            QVERIFY2(confined({QStringLiteral("diff"), name, generation}).exitCode != 0,
                     qPrintable(name));
            QVERIFY2(confined({QStringLiteral("verify"), name}).exitCode != 0, qPrintable(name));
        }
        QCOMPARE(m_escapes, QStringList());
        QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
        QCOMPARE(QDir(outside).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
        QCOMPARE(escapedAnywhere(m_home->path()), QStringList());
    }

    // Manifests planted on the server whose fields hold "../" and absolute paths: they are labels,
    // never places to write.
    void manifestFieldsCannotEscape()
    {
        keepEverythingInside();
        addProfile(QStringLiteral("default"), dest(), m_server.endpoint());
        const QString generation = backup();
        QVERIFY(!generation.isEmpty());
        const QByteArray data = readAll(storedFile(generation + QStringLiteral(".db.gz")));
        const QJsonObject manifest =
            QJsonDocument::fromJson(
                readAll(storedFile(generation + QStringLiteral(".manifest.json"))))
                .object();
        QVERIFY(!data.isEmpty() && !manifest.isEmpty());
        const QString outside = m_home->file(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(outside));

        // Copies of the real generation, a day apart, with crafted fields.
        const QList<std::pair<QString, QString>> fields{
            {QStringLiteral("source_file"), QStringLiteral("../../escaped.db")},
            {QStringLiteral("source_file"), outside + QStringLiteral("/escaped.db")},
            {QStringLiteral("host"), QStringLiteral("../../escaped-host")},
            {QStringLiteral("profile"), QStringLiteral("../../escaped")},
        };
        QStringList planted;
        for (int i = 0; i < fields.size(); ++i) {
            const QDateTime created =
                QDateTime(QDate(2026, 1, 1 + i), QTime(2, 0), QTimeZone::utc());
            const QString name = QStringLiteral("default-") +
                                 created.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
            QJsonObject m = manifest;
            m.insert(QStringLiteral("created"),
                     created.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")));
            m.insert(fields.at(i).first, fields.at(i).second);
            QVERIFY(m_server.plantObject(
                m_prefix + QStringLiteral("/default/") + name + QStringLiteral(".db.gz"), data));
            QVERIFY(m_server.plantObject(m_prefix + QStringLiteral("/default/") + name +
                                             QStringLiteral(".manifest.json"),
                                         QJsonDocument(m).toJson()));
            planted.append(name);
        }
        QCOMPARE(listedNames(m_env).size(), 5);

        const QString target = m_home->file(QStringLiteral("target"));
        QVERIFY(QDir().mkpath(target));
        for (int i = 0; i < 3; ++i) {
            const QString file = target + QStringLiteral("/restored-%1.db").arg(i);
            const RunResult r =
                confined({QStringLiteral("restore"), planted.at(i), QStringLiteral("--to"), file});
            QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
            QCOMPARE(sqliteDump(file), sqliteDump(db()));
            QVERIFY2(confined({QStringLiteral("show"), planted.at(i), QStringLiteral("--deep")})
                             .exitCode == 0,
                     qPrintable(planted.at(i)));
        }
        // A manifest of another profile's making is damaged: refused.
        RunResult r = confined({QStringLiteral("restore"), planted.at(3), QStringLiteral("--to"),
                                target + QStringLiteral("/x.db")});
        QVERIFY2(r.exitCode == 1 && r.err.contains("damaged"), qPrintable(describe(r)));
        // In place, the live database is the profile's, never the manifest's idea of it.
        r = confined({QStringLiteral("restore"), planted.at(1), QStringLiteral("--in-place")});
        QVERIFY2(r.exitCode == 1 && r.err.contains("--force"), qPrintable(describe(r)));
        r = confined({QStringLiteral("--json"), QStringLiteral("restore"), planted.at(1),
                      QStringLiteral("--in-place"), QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()
                     .value(QLatin1String("restored_path"))
                     .toString(),
                 db());
        r = confined({QStringLiteral("restore"), planted.at(0), QStringLiteral("--in-place"),
                      QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(confined({QStringLiteral("restore"), QStringLiteral("--undo")}).exitCode, 0);
        QCOMPARE(confined({QStringLiteral("diff"), planted.at(0), planted.at(1)}).exitCode, 0);
        QCOMPARE(confined({QStringLiteral("verify"), QStringLiteral("--all")}).exitCode,
                 1); // the damaged one
        QCOMPARE(m_escapes, QStringList());

        QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{QStringLiteral("restored-0.db"), QStringLiteral("restored-1.db"),
                              QStringLiteral("restored-2.db")}));
        QCOMPARE(QDir(outside).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
        QCOMPARE(escapedAnywhere(m_home->path()), QStringList());
    }

    // A hostile destination lists object names with "../" and absolute paths: they are never
    // listed, read, written or deleted.
    void hostileObjectNamesAreIgnored()
    {
        keepEverythingInside();
        addProfile(QStringLiteral("default"), dest(), m_server.endpoint(),
                   {QStringLiteral("--keep-days"), QStringLiteral("1"),
                    QStringLiteral("--keep-min"), QStringLiteral("1")});
        const QString generation = backup();
        QVERIFY(!generation.isEmpty());
        QStringList hostile;
        for (const QString &stem : {QStringLiteral("../../escaped/default-20200101T020000Z"),
                                    QStringLiteral("/tmp/escaped/default-20200102T020000Z"),
                                    QStringLiteral("escaped/../../default-20200103T020000Z"),
                                    QStringLiteral("..\\\\escaped\\\\default-20200104T020000Z")}) {
            hostile << stem + QStringLiteral(".db.gz") << stem + QStringLiteral(".manifest.json");
        }
        const QString entries = m_home->file(QStringLiteral("hostile.json"));
        QFile entriesFile(entries);
        QVERIFY(entriesFile.open(QIODevice::WriteOnly));
        for (const QString &name : std::as_const(hostile))
            entriesFile.write(
                QStringLiteral(
                    "{\"Path\":\"%1\",\"Name\":\"%1\",\"Size\":100,\"ModTime\":\"2020-01-01T02:00:"
                    "00Z\","
                    "\"IsDir\":false,\"Hashes\":{\"md5\":\"00000000000000000000000000000000\"}},\n")
                    .arg(name)
                    .toUtf8());
        entriesFile.close();
        const QString argvLog = m_home->file(QStringLiteral("argv.log"));
        QProcessEnvironment env = m_env; // (after keepEverythingInside)
        // lsjson answers with the hostile names first, then the real ones (its first line is "[").
        env.insert(
            QStringLiteral("LITEKEEP_RCLONE"),
            wrapper(QStringLiteral(
                        "for a in \"$@\"; do printf '%s\\n' \"$a\" >> '%1'; done\n"
                        "case \"$*\" in *\" lsjson \"*)\n"
                        "  rclone \"$@\" > '%3' || exit $?\n"
                        "  { printf '[\\n'; cat '%2'; tail -n +2 '%3'; } | tee -a '%4'; exit 0;;\n"
                        "esac")
                        .arg(argvLog, entries, m_home->file(QStringLiteral("lsjson.out")),
                             m_home->file(QStringLiteral("handed-out.log")))));
        const QString target = m_home->file(QStringLiteral("target"));
        QVERIFY(QDir().mkpath(target));

        QCOMPARE(listedNames(env), QStringList{generation});
        QVERIFY(readAll(m_home->file(QStringLiteral("handed-out.log")))
                    .contains("escaped")); // they were handed out
        QFile::remove(argvLog);
        for (const QStringList &args :
             {QStringList{QStringLiteral("verify"), QStringLiteral("--all")},
              QStringList{QStringLiteral("prune")},
              QStringList{QStringLiteral("restore"), QStringLiteral("--latest"),
                          QStringLiteral("--to"), target + QStringLiteral("/r.db")},
              QStringList{QStringLiteral("show"), QStringLiteral("--latest")},
              QStringList{QStringLiteral("backup")}}) {
            const RunResult r = confined(args, env);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(QLatin1Char(' ')) + describe(r)));
        }
        QCOMPARE(m_escapes, QStringList());
        // rclone was never asked to touch them: "escaped" appears in no argument.
        const QByteArray arguments = readAll(argvLog);
        QVERIFY(arguments.contains("deletefile\n") || arguments.contains("lsjson\n"));
        QVERIFY2(!arguments.contains("escaped"), arguments.constData());
        QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("r.db")});
        QCOMPARE(escapedAnywhere(m_home->path()), QStringList());
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestRestorePaths)
#include "tst_restore_paths.moc"

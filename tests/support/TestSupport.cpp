// Shared pieces of LiteKeep's tests.
#include "TestSupport.h"

#include <QJsonDocument>

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <sqlite3.h>

namespace lkt {

TestHome::TestHome()
{
    for (const char *sub : {"config", "data", "cache"})
        QDir(m_dir.path()).mkpath(QLatin1String(sub));
}

QProcessEnvironment TestHome::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), file(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), file(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), file(QStringLiteral("cache")));
    env.remove(QStringLiteral("LITEKEEP_ACCESS_KEY_ID"));
    env.remove(QStringLiteral("LITEKEEP_SECRET_ACCESS_KEY"));
    env.remove(QStringLiteral("LITEKEEP_RCLONE"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

void TestHome::applyToThisProcess() const
{
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(file(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(file(QStringLiteral("data"))));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(file(QStringLiteral("cache"))));
}

RunResult runProgram(const QString &program, const QStringList &arguments,
                     const QProcessEnvironment &environment, const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    RunResult result;
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString libfaketimePath()
{
    for (const char *path :
         {"/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
          "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
          "/usr/lib/faketime/libfaketime.so.1", "/usr/lib64/faketime/libfaketime.so.1"}) {
        if (QFile::exists(QLatin1String(path)))
            return QLatin1String(path);
    }
    return {};
}

QProcessEnvironment withFakeTime(QProcessEnvironment environment, const QString &at)
{
    environment.insert(QStringLiteral("LD_PRELOAD"), libfaketimePath());
    environment.insert(QStringLiteral("FAKETIME"), QLatin1Char('@') + at);
    return environment;
}

QString describe(const RunResult &r)
{
    return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3")
        .arg(r.exitCode)
        .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err));
}

QJsonObject jsonOf(const RunResult &r)
{
    return QJsonDocument::fromJson(r.out).object();
}

RunResult runLiteKeep(const QStringList &arguments, const QProcessEnvironment &environment,
                      const QByteArray &input, int timeoutMs)
{
    return runProgram(QStringLiteral(LITEKEEP_BINARY), arguments, environment, input, timeoutMs);
}

quint16 freeTcpPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

S3Server::S3Server(QString bucket) : m_bucket(std::move(bucket)) {}

S3Server::~S3Server()
{
    stop();
}

void S3Server::useTls(const QString &keyFile, const QString &certFile)
{
    m_tlsKey = keyFile;
    m_tlsCert = certFile;
}

bool S3Server::start()
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freeTcpPort();
        if (launch())
            return true;
    }
    return false;
}

bool S3Server::restart()
{
    stop();
    // The port was ours a moment ago; give the kernel a few tries to let it go.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (launch())
            return true;
        QThread::msleep(500);
    }
    return false;
}

qint64 S3Server::pid() const
{
    return m_process && m_process->state() == QProcess::Running ? m_process->processId() : 0;
}

bool S3Server::plantObject(const QString &key, const QByteArray &content) const
{
    const QString path = m_dir.path() + QLatin1Char('/') + m_bucket + QLatin1Char('/') + key;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    const auto write = [](const QString &file, const QByteArray &bytes) {
        QFile f(file);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    const QByteArray type =
        key.endsWith(QLatin1String(".json")) ? "application/json" : "application/octet-stream";
    return write(path + QStringLiteral("._S3rver_object"), content) &&
           write(path + QStringLiteral("._S3rver_object.md5"),
                 QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex()) &&
           write(path + QStringLiteral("._S3rver_metadata.json"),
                 "{\n  \"content-type\": \"" + type + "\"\n}");
}

bool S3Server::launch()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    // s3rver signs the continuation tokens of long listings (over 1000 keys) with DES, which
    // OpenSSL 3 (Node 17 and later) keeps in its legacy provider.
    QStringList arguments{QStringLiteral("--openssl-legacy-provider"),
                          QStringLiteral(LITEKEEP_S3RVER_DIR "/node_modules/s3rver/bin/s3rver.js"),
                          QStringLiteral("-d"),
                          m_dir.path(),
                          QStringLiteral("-a"),
                          QStringLiteral("127.0.0.1"),
                          QStringLiteral("-p"),
                          QString::number(m_port),
                          QStringLiteral("--silent"),
                          QStringLiteral("--configure-bucket"),
                          m_bucket};
    if (!m_tlsKey.isEmpty())
        arguments << QStringLiteral("--key") << m_tlsKey << QStringLiteral("--cert") << m_tlsCert;
    m_process->start(QStringLiteral("node"), arguments);
    if (!m_process->waitForStarted(10000))
        return false;
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(100);
    }
    stop();
    return false;
}

void S3Server::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QString S3Server::endpoint() const
{
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(m_tlsKey.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"))
        .arg(m_port);
}

bool makeSelfSignedCertificate(const QString &folder)
{
    const RunResult r =
        runProgram(QStringLiteral("openssl"),
                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    folder + QStringLiteral("/key.pem"), QStringLiteral("-out"),
                    folder + QStringLiteral("/cert.pem"), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                    QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")},
                   QProcessEnvironment::systemEnvironment());
    if (r.exitCode != 0)
        qWarning("openssl: %s", r.err.constData());
    return r.exitCode == 0;
}

bool runSql(const QString &path, const QByteArray &sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &error);
    if (error) {
        qWarning("%s: %s", qPrintable(path), error);
        sqlite3_free(error);
    }
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

bool makeDatabase(const QString &path, const QString &journalMode, int rows)
{
    const QString sql =
        QStringLiteral(
            "PRAGMA journal_mode=%1;"
            "CREATE TABLE IF NOT EXISTS notes(id INTEGER PRIMARY KEY, title TEXT NOT NULL, body "
            "TEXT);"
            "CREATE TABLE IF NOT EXISTS blobs(id INTEGER PRIMARY KEY, data BLOB);"
            "CREATE TABLE IF NOT EXISTS tags(name TEXT PRIMARY KEY, note INTEGER) WITHOUT ROWID;"
            "CREATE INDEX IF NOT EXISTS notes_title ON notes(title);"
            "CREATE VIEW IF NOT EXISTS note_titles AS SELECT title FROM notes;"
            "PRAGMA user_version=7;"
            "BEGIN;"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %2)"
            " INSERT INTO notes(title, body) SELECT 'ノート ' || i, printf('%.*c', 200 + i % 300, "
            "'x') || hex(randomblob(64)) FROM n;"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %2 / 10 + 1)"
            " INSERT INTO blobs(data) SELECT randomblob(512) FROM n;"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %2 / 20 + 1)"
            " INSERT OR IGNORE INTO tags(name, note) SELECT 'tag' || i || '-' || "
            "hex(randomblob(4)), i FROM n;"
            "COMMIT;")
            .arg(journalMode)
            .arg(rows);
    return runSql(path, sql.toUtf8());
}

QByteArray sqliteDump(const QString &path)
{
    const RunResult r = runProgram(QStringLiteral("sqlite3"), {path, QStringLiteral(".dump")},
                                   QProcessEnvironment::systemEnvironment());
    return r.exitCode == 0 ? r.out : QByteArray();
}

QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits.append(path);
    }
    return hits;
}

} // namespace lkt

namespace lkt {

QList<QStringList> historyRows(const TestHome &home, const QString &kind)
{
    const RunResult r = runProgram(
        QStringLiteral("sqlite3"),
        {QStringLiteral("-separator"), QStringLiteral("\x1f"), home.historyFile(),
         QStringLiteral(
             "SELECT outcome, message, generation FROM runs WHERE kind = '%1' ORDER BY id")
             .arg(kind)},
        QProcessEnvironment::systemEnvironment());
    QList<QStringList> rows;
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines)
        rows.append(line.split(QLatin1Char('\x1f')));
    return rows;
}

QStringList filesEndingWith(const QString &folder, const QString &suffix)
{
    QStringList names;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(suffix))
            names.append(path);
    }
    names.sort();
    return names;
}

QString writeRcloneWrapper(const QString &folder, const QString &body)
{
    const QString path = folder + QStringLiteral("/rclone-wrapper");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n");
    file.write(body.toUtf8());
    file.write("\nexec rclone \"$@\"\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

QString holdUntilReleased(const QString &started, const QString &release)
{
    return QStringLiteral("touch '%1'; while [ ! -e '%2' ]; do sleep 0.05; done")
        .arg(started, release);
}

bool waitForFile(const QString &path, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (QFile::exists(path))
            return true;
        QThread::msleep(50);
    }
    return QFile::exists(path);
}

} // namespace lkt

namespace lkt {
bool waitForOutput(QProcess &process, QProcess::ProcessChannel channel, const QByteArray &needle,
                   int timeoutMs)
{
    process.setReadChannel(channel);
    QByteArray seen;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        seen += channel == QProcess::StandardOutput ? process.readAllStandardOutput()
                                                    : process.readAllStandardError();
        if (seen.contains(needle))
            return true;
        process.waitForReadyRead(100);
    }
    qWarning("waited for \"%s\", saw: %s", needle.constData(), seen.constData());
    return false;
}
} // namespace lkt

// Shared pieces of LiteKeep's tests: private XDG homes, the real binary, s3rver, SQLite files.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace lkt {

// A private home for one test: XDG config, data and cache folders in a temporary directory,
// so nothing a test does touches the real user's files.
class TestHome
{
public:
    TestHome();
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString file(const QString &relative) const { return m_dir.filePath(relative); }
    QString configFile() const { return file(QStringLiteral("config/litekeep/litekeep.ini")); }
    QString historyFile() const { return file(QStringLiteral("data/litekeep/history.sqlite")); }
    QString stagingRoot() const { return file(QStringLiteral("cache/litekeep/staging")); }

    // The environment the litekeep binary runs with: ours, with XDG_* pointed here and the
    // LITEKEEP_* credential variables removed unless a test sets them.
    QProcessEnvironment environment() const;
    // For in-process tests of code that uses QStandardPaths.
    void applyToThisProcess() const;

private:
    QTemporaryDir m_dir;
};

struct RunResult
{
    int exitCode = -1;
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
    QString text() const { return QString::fromUtf8(out + err); }
};

RunResult runProgram(const QString &program, const QStringList &arguments,
                     const QProcessEnvironment &environment, const QByteArray &input = {},
                     int timeoutMs = 180000);
// A run's exit code and both outputs, for a failed check's message.
QString describe(const RunResult &r);
// A --json run's one document.
QJsonObject jsonOf(const RunResult &r);

RunResult runLiteKeep(const QStringList &arguments, const QProcessEnvironment &environment,
                      const QByteArray &input = {}, int timeoutMs = 180000);

// libfaketime's preload library, or empty when the package is missing.
QString libfaketimePath();
// `environment` with libfaketime preloaded and the clock starting at `at` ("YYYY-MM-DD hh:mm:ss").
// Preloaded directly rather than through the `faketime` wrapper, which forks (signals reach
// the wrapper, not the program) and shares a named semaphore that can collide between runs.
QProcessEnvironment withFakeTime(QProcessEnvironment environment, const QString &at);

// s3rver from tests/s3rver on a free loopback port, with one bucket. Stopped on destruction.
class S3Server
{
public:
    static constexpr const char *kAccessKey = "S3RVER";
    static constexpr const char *kSecret = "S3RVER";

    explicit S3Server(QString bucket = QStringLiteral("backups"));
    ~S3Server();
    // Serve HTTPS with this key and certificate (PEM files); call before start().
    void useTls(const QString &keyFile, const QString &certFile);
    bool start();
    // Starts again after stop(), on the same port with the same data.
    bool restart();
    void stop();
    QString endpoint() const;
    quint16 port() const { return m_port; }
    // The server's process id while it runs, else 0.
    qint64 pid() const;
    // Puts an object straight into the server's files (as s3rver stores it: "<key>._S3rver_object"
    // beside its MD5 and metadata), without a request: for crafted or very many objects.
    bool plantObject(const QString &key, const QByteArray &content) const;
    QString dataDir() const { return m_dir.path(); }
    const QString &bucket() const { return m_bucket; }

private:
    bool launch();

    QString m_bucket;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QString m_tlsKey;
    QString m_tlsCert;
    std::unique_ptr<QProcess> m_process;
};

// A self-signed certificate for 127.0.0.1 (key.pem and cert.pem in `folder`), made with openssl.
bool makeSelfSignedCertificate(const QString &folder);

quint16 freeTcpPort();

// Runs `sql` on the SQLite file at `path` (made if missing); false, with SQLite's message as a
// warning, when it fails.
bool runSql(const QString &path, const QByteArray &sql);
// A database with `rows` rows of text and blobs in a few tables, in the given journal mode.
bool makeDatabase(const QString &path, const QString &journalMode, int rows);
// `sqlite3 PATH .dump`: the whole content as SQL text, for comparing databases.
QByteArray sqliteDump(const QString &path);
// Every file under `root` whose content contains `needle`.
QStringList filesContaining(const QString &root, const QByteArray &needle);

} // namespace lkt

namespace lkt {
// (outcome, message, generation) of every run of `kind` in the history, oldest first, read
// with the sqlite3 shell.
QList<QStringList> historyRows(const TestHome &home,
                               const QString &kind = QStringLiteral("backup"));
// Object names below `folder` (recursively) that end with `suffix`.
QStringList filesEndingWith(const QString &folder, const QString &suffix);
// A shell script that LITEKEEP_RCLONE can name: it runs `body` before exec'ing the real rclone.
QString writeRcloneWrapper(const QString &folder, const QString &body);
// Waits (polling, up to timeoutMs) until `path` exists.
bool waitForFile(const QString &path, int timeoutMs);
// A wrapper body that holds every rclone call: it touches `started`, then waits until `release`
// exists (the test creates it when it has seen what it wanted while the run was held).
QString holdUntilReleased(const QString &started, const QString &release);
} // namespace lkt

namespace lkt {
// Reads `channel` of a running process until `needle` appears (or the time is up).
bool waitForOutput(QProcess &process, QProcess::ProcessChannel channel, const QByteArray &needle,
                   int timeoutMs);
} // namespace lkt

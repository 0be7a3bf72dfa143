// The local history of runs, in SQLite through Qt Sql.
#include "history/Catalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimeZone>

namespace lk {

namespace {
QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// A null QString binds as SQL NULL; the columns are NOT NULL with '' meaning "none".
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// A step that failed after the first row (a page found damaged further on) ends the loop
// like the last row does; only the error tells them apart.
bool stoppedByError(const QSqlQuery &q)
{
    return q.lastError().type() != QSqlError::NoError;
}

QDateTime fromIso(const QVariant &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (t.isValid())
        t.setTimeZone(QTimeZone::utc());
    return t;
}
} // namespace

Catalog::Catalog(QString path)
    : m_path(path.isEmpty() ? defaultPath() : std::move(path)),
      m_connection(QStringLiteral("litekeep-catalog-%1").arg(reinterpret_cast<quintptr>(this)))
{
}

bool Catalog::isOpen() const
{
    return QSqlDatabase::database(m_connection, false).isOpen();
}

Catalog::~Catalog()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString Catalog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/litekeep/history.sqlite");
}

Status Catalog::open()
{
    const Status opened = openConnection();
    m_openError = opened ? QString() : opened.error;
    return opened;
}

namespace {
// The history's tables, made when missing (each statement is idempotent).
const char *const kSchema[] = {
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "CREATE TABLE IF NOT EXISTS runs ("
    " id INTEGER PRIMARY KEY,"
    " profile TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " started_utc TEXT NOT NULL,"
    " finished_utc TEXT,"
    " outcome TEXT NOT NULL,"
    " message TEXT NOT NULL DEFAULT '',"
    " generation TEXT NOT NULL DEFAULT '',"
    " db_size INTEGER NOT NULL DEFAULT 0,"
    " gz_size INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS runs_by_profile ON runs(profile, kind, started_utc)",
    "CREATE TABLE IF NOT EXISTS verifications ("
    " id INTEGER PRIMARY KEY,"
    " profile TEXT NOT NULL,"
    " generation TEXT NOT NULL,"
    " checked_utc TEXT NOT NULL,"
    " passed INTEGER NOT NULL,"
    " reason TEXT NOT NULL DEFAULT '',"
    " kind TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS verifications_by_generation ON verifications(profile, "
    "generation)",
    "CREATE TABLE IF NOT EXISTS restores ("
    " id INTEGER PRIMARY KEY,"
    " profile TEXT NOT NULL,"
    " at_utc TEXT NOT NULL,"
    " generation TEXT NOT NULL DEFAULT '',"
    " target TEXT NOT NULL,"
    " mode TEXT NOT NULL,"
    " pre_restore_copy TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE IF NOT EXISTS deletions ("
    " id INTEGER PRIMARY KEY,"
    " profile TEXT NOT NULL,"
    " object TEXT NOT NULL,"
    " deleted_utc TEXT NOT NULL,"
    " reason TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE IF NOT EXISTS anomalies ("
    " id INTEGER PRIMARY KEY,"
    " profile TEXT NOT NULL,"
    " generation TEXT NOT NULL,"
    " previous_generation TEXT NOT NULL,"
    " findings TEXT NOT NULL,"
    " created_utc TEXT NOT NULL,"
    " dismissed_utc TEXT)",
    "CREATE UNIQUE INDEX IF NOT EXISTS anomalies_by_generation ON anomalies(profile, "
    "generation)",
    "CREATE TABLE IF NOT EXISTS upload_plan ("
    " profile TEXT PRIMARY KEY,"
    " upload_bps REAL NOT NULL,"
    " upload_idle REAL NOT NULL,"
    " compress_bps REAL NOT NULL,"
    " streamed_since INTEGER NOT NULL,"
    " measured_utc TEXT NOT NULL)",
};
} // namespace

Status Catalog::openConnection()
{
    const QFileInfo info(m_path);
    QDir().mkpath(info.absolutePath());
    QFile::setPermissions(info.absolutePath(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!info.exists()) {
        // Create it private before SQLite does, so it never exists with wider permissions.
        QFile file(m_path);
        if (!file.open(QIODevice::WriteOnly))
            return Status::failure(
                tr("Cannot create the history file %1: %2.").arg(m_path, file.errorString()));
        file.close();
    }
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);

    if (QSqlDatabase::contains(m_connection)) {
        // Opened again after a failure (a reader retries once the file is usable again).
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!db.open())
        return Status::failure(
            tr("Cannot open the history file %1: %2.").arg(m_path, db.lastError().text()));
    QSqlQuery q(db);
    for (const char *sql : kSchema) {
        if (!q.exec(QString::fromLatin1(sql)))
            return Status::failure(
                tr("The history file %1 cannot be used: %2.").arg(m_path, q.lastError().text()));
    }
    for (const QString &side : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFileInfo::exists(m_path + side))
            QFile::setPermissions(m_path + side, QFile::ReadOwner | QFile::WriteOwner);
    }
    return Status::success();
}

Result<qint64> Catalog::recordStart(const QString &profile, const QString &kind)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO runs (profile, kind, started_utc, outcome) "
                             "VALUES (?, ?, ?, 'running')"));
    q.addBindValue(profile);
    q.addBindValue(kind);
    q.addBindValue(isoUtc(QDateTime::currentDateTimeUtc()));
    if (!q.exec())
        return Result<qint64>::fail(q.lastError().text());
    const qint64 id = q.lastInsertId().toLongLong();
    m_recordedRuns.insert(id);
    return Result<qint64>::ok(id);
}

Status Catalog::recordRefusedRun(const QString &profile, const QString &kind,
                                 const JobResult &result)
{
    const auto id = recordStart(profile, kind);
    if (!id)
        return Status::failure(id.error());
    return recordFinish(id.value(), result);
}

Status Catalog::recordFinish(qint64 id, const JobResult &result)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE runs SET finished_utc = ?, outcome = ?, message = ?, "
                             "generation = ?, db_size = ?, gz_size = ? WHERE id = ?"));
    q.addBindValue(isoUtc(QDateTime::currentDateTimeUtc()));
    q.addBindValue(JobResult::outcomeName(result.outcome));
    q.addBindValue(text(result.message));
    q.addBindValue(text(result.details.value(QLatin1String("generation")).toString()));
    q.addBindValue(result.details.value(QLatin1String("db_size")).toInteger());
    q.addBindValue(result.details.value(QLatin1String("gz_size")).toInteger());
    q.addBindValue(id);
    if (!q.exec())
        return Status::failure(q.lastError().text());
    return Status::success();
}

Status Catalog::markInterrupted(const QString &profile)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE runs SET outcome = 'interrupted', message = ? "
                             "WHERE profile = ? AND outcome = 'running'"));
    q.addBindValue(tr("The run was interrupted (LiteKeep stopped before it finished)."));
    q.addBindValue(profile);
    if (!q.exec())
        return Status::failure(q.lastError().text());
    return Status::success();
}

Status Catalog::recordVerification(const QString &profile, const VerificationRecord &record)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO verifications (profile, generation, checked_utc, passed, "
                             "reason, kind) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(profile);
    q.addBindValue(text(record.generation));
    q.addBindValue(
        isoUtc(record.checkedUtc.isValid() ? record.checkedUtc : QDateTime::currentDateTimeUtc()));
    q.addBindValue(record.passed ? 1 : 0);
    q.addBindValue(text(record.reason));
    q.addBindValue(text(record.kind));
    if (!q.exec())
        return Status::failure(q.lastError().text());
    return Status::success();
}

namespace {
const QString kVerificationColumns =
    QStringLiteral("SELECT generation, checked_utc, passed, reason, kind FROM verifications ");

VerificationRecord verificationFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), fromIso(q.value(1)), q.value(2).toInt() != 0,
            q.value(3).toString(), q.value(4).toString()};
}
} // namespace

QHash<QString, VerificationRecord> Catalog::latestVerifications(const QString &profile) const
{
    auto read = readLatestVerifications(profile);
    return read ? read.value() : QHash<QString, VerificationRecord>();
}

Result<QHash<QString, VerificationRecord>>
Catalog::readLatestVerifications(const QString &profile) const
{
    using R = Result<QHash<QString, VerificationRecord>>;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(kVerificationColumns + QStringLiteral("WHERE profile = ? ORDER BY id"));
    q.addBindValue(profile);
    if (!q.exec())
        return R::fail(readError(q.lastError().text()));
    QHash<QString, VerificationRecord> latest;
    while (q.next()) {
        VerificationRecord r = verificationFrom(q);
        latest.insert(r.generation, r);
    }
    if (stoppedByError(q))
        return R::fail(readError(q.lastError().text()));
    return R::ok(latest);
}

std::optional<VerificationRecord> Catalog::lastPassedVerification(const QString &profile) const
{
    auto read = readLastPassedVerification(profile);
    return read ? read.value() : std::nullopt;
}

Result<std::optional<VerificationRecord>>
Catalog::readLastPassedVerification(const QString &profile) const
{
    using R = Result<std::optional<VerificationRecord>>;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(kVerificationColumns +
              QStringLiteral("WHERE profile = ? AND passed = 1 ORDER BY id DESC LIMIT 1"));
    q.addBindValue(profile);
    if (!q.exec())
        return R::fail(readError(q.lastError().text()));
    return R::ok(q.next() ? std::optional(verificationFrom(q)) : std::nullopt);
}

QList<VerificationRecord> Catalog::verificationsOf(const QString &profile,
                                                   const QString &generation) const
{
    auto read = readVerificationsOf(profile, generation);
    return read ? read.value() : QList<VerificationRecord>();
}

Result<QList<VerificationRecord>> Catalog::readVerificationsOf(const QString &profile,
                                                               const QString &generation) const
{
    using R = Result<QList<VerificationRecord>>;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(kVerificationColumns +
              QStringLiteral("WHERE profile = ? AND generation = ? ORDER BY id"));
    q.addBindValue(profile);
    q.addBindValue(generation);
    if (!q.exec())
        return R::fail(readError(q.lastError().text()));
    QList<VerificationRecord> list;
    while (q.next())
        list.append(verificationFrom(q));
    if (stoppedByError(q))
        return R::fail(readError(q.lastError().text()));
    return R::ok(list);
}

std::optional<VerificationRecord> Catalog::lastDrill(const QString &profile) const
{
    auto read = readLastDrill(profile);
    return read ? read.value() : std::nullopt;
}

Result<std::optional<VerificationRecord>> Catalog::readLastDrill(const QString &profile) const
{
    using R = Result<std::optional<VerificationRecord>>;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(kVerificationColumns +
              QStringLiteral("WHERE profile = ? AND kind = 'drill' ORDER BY id DESC LIMIT 1"));
    q.addBindValue(profile);
    if (!q.exec())
        return R::fail(readError(q.lastError().text()));
    return R::ok(q.next() ? std::optional(verificationFrom(q)) : std::nullopt);
}

Status Catalog::recordUploadSpeed(const QString &profile, const UploadSpeed &speed)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO upload_plan (profile, upload_bps, upload_idle, "
                       "compress_bps, streamed_since, measured_utc) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(profile);
    q.addBindValue(speed.uploadBytesPerSecond);
    q.addBindValue(speed.uploadIdleShare);
    q.addBindValue(speed.compressBytesPerSecond);
    q.addBindValue(speed.streamedSince);
    q.addBindValue(
        isoUtc(speed.measuredUtc.isValid() ? speed.measuredUtc : QDateTime::currentDateTimeUtc()));
    if (!q.exec())
        return Status::failure(q.lastError().text());
    return Status::success();
}

std::optional<UploadSpeed> Catalog::uploadSpeed(const QString &profile) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        QStringLiteral("SELECT upload_bps, upload_idle, compress_bps, streamed_since, measured_utc "
                       "FROM upload_plan WHERE profile = ?"));
    q.addBindValue(profile);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return UploadSpeed{q.value(0).toDouble(), q.value(1).toDouble(), q.value(2).toDouble(),
                       q.value(3).toInt(), fromIso(q.value(4))};
}

Status Catalog::recordRestore(const QString &profile, const RestoreRecord &record)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO restores (profile, at_utc, generation, target, mode, pre_restore_copy) "
        "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(profile);
    q.addBindValue(isoUtc(QDateTime::currentDateTimeUtc()));
    q.addBindValue(text(record.generation));
    q.addBindValue(text(record.target));
    q.addBindValue(text(record.mode));
    q.addBindValue(text(record.preRestoreCopy));
    if (!q.exec())
        return Status::failure(q.lastError().text());
    return Status::success();
}

std::optional<RestoreRecord> Catalog::lastUndoableRestore(const QString &profile) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        QStringLiteral("SELECT at_utc, generation, target, mode, pre_restore_copy FROM restores "
                       "WHERE profile = ? AND pre_restore_copy != '' ORDER BY id DESC"));
    q.addBindValue(profile);
    if (q.exec()) {
        while (q.next()) {
            RestoreRecord r{fromIso(q.value(0)), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString()};
            if (QFileInfo::exists(r.preRestoreCopy))
                return r;
        }
    }
    return std::nullopt;
}

Status Catalog::recordDeletion(const QString &profile, const QString &object, const QString &reason)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO deletions (profile, object, deleted_utc, reason) VALUES (?, ?, ?, ?)"));
    q.addBindValue(profile);
    q.addBindValue(object);
    q.addBindValue(isoUtc(QDateTime::currentDateTimeUtc()));
    q.addBindValue(text(reason));
    if (!q.exec())
        return Status::failure(q.lastError().text());
    return Status::success();
}

QList<QStringList> Catalog::deletions(const QString &profile, int limit) const
{
    auto read = readDeletions(profile, limit);
    return read ? read.value() : QList<QStringList>();
}

Result<QList<QStringList>> Catalog::readDeletions(const QString &profile, int limit) const
{
    using R = Result<QList<QStringList>>;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT object, reason, deleted_utc FROM deletions WHERE profile = ? "
                             "ORDER BY id DESC LIMIT ?"));
    q.addBindValue(profile);
    q.addBindValue(limit);
    if (!q.exec())
        return R::fail(readError(q.lastError().text()));
    QList<QStringList> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    if (stoppedByError(q))
        return R::fail(readError(q.lastError().text()));
    return R::ok(rows);
}

QString AnomalyRecord::message() const
{
    return Anomaly::summary(findings, isOpen() ? previousGeneration : QString());
}

Status Catalog::recordAnomaly(const AnomalyRecord &record)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO anomalies (profile, generation, previous_generation, "
        "findings, created_utc, dismissed_utc) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(record.profile);
    q.addBindValue(text(record.generation));
    q.addBindValue(text(record.previousGeneration));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(Anomaly::toJson(record.findings)).toJson(QJsonDocument::Compact)));
    q.addBindValue(
        isoUtc(record.createdUtc.isValid() ? record.createdUtc : QDateTime::currentDateTimeUtc()));
    q.addBindValue(record.dismissedUtc.isValid() ? QVariant(isoUtc(record.dismissedUtc))
                                                 : QVariant());
    if (!q.exec())
        return Status::failure(q.lastError().text());
    return Status::success();
}

QList<AnomalyRecord> Catalog::anomalies(const QString &profile) const
{
    auto read = readAnomalies(profile);
    return read ? read.value() : QList<AnomalyRecord>();
}

Result<QList<AnomalyRecord>> Catalog::readAnomalies(const QString &profile) const
{
    using R = Result<QList<AnomalyRecord>>;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "SELECT profile, generation, previous_generation, findings, created_utc, "
        "dismissed_utc FROM anomalies WHERE profile = ? ORDER BY generation DESC, id DESC"));
    q.addBindValue(profile);
    if (!q.exec())
        return R::fail(readError(q.lastError().text()));
    QList<AnomalyRecord> list;
    while (q.next()) {
        AnomalyRecord r;
        r.profile = q.value(0).toString();
        r.generation = q.value(1).toString();
        r.previousGeneration = q.value(2).toString();
        r.findings =
            Anomaly::fromJson(QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array());
        r.createdUtc = fromIso(q.value(4));
        r.dismissedUtc = fromIso(q.value(5));
        list.append(r);
    }
    if (stoppedByError(q))
        return R::fail(readError(q.lastError().text()));
    return R::ok(list);
}

QList<AnomalyRecord> Catalog::openAnomalies(const QString &profile) const
{
    auto read = readOpenAnomalies(profile);
    return read ? read.value() : QList<AnomalyRecord>();
}

Result<QList<AnomalyRecord>> Catalog::readOpenAnomalies(const QString &profile) const
{
    auto read = readAnomalies(profile);
    if (read)
        read.value().removeIf([](const AnomalyRecord &r) { return !r.isOpen(); });
    return read;
}

Status Catalog::dismissAnomaly(const QString &profile, const QString &generation)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE anomalies SET dismissed_utc = ? "
                             "WHERE profile = ? AND generation = ? AND dismissed_utc IS NULL"));
    q.addBindValue(isoUtc(QDateTime::currentDateTimeUtc()));
    q.addBindValue(profile);
    q.addBindValue(generation);
    if (!q.exec())
        return Status::failure(q.lastError().text());
    if (q.numRowsAffected() < 1)
        return Status::failure(tr("There is no open warning about generation %1 of profile \"%2\".")
                                   .arg(generation, profile));
    return Status::success();
}

QSet<QString> Catalog::pinnedGenerations(const QString &profile) const
{
    auto read = readPinnedGenerations(profile);
    return read ? read.value() : QSet<QString>();
}

Result<QSet<QString>> Catalog::readPinnedGenerations(const QString &profile) const
{
    const auto open = readOpenAnomalies(profile);
    if (!open)
        return Result<QSet<QString>>::fail(open.error());
    QSet<QString> pinned;
    for (const AnomalyRecord &r : open.value())
        pinned.insert(r.previousGeneration);
    return Result<QSet<QString>>::ok(pinned);
}

QSet<QString> Catalog::anomalousGenerations(const QString &profile) const
{
    auto read = readAnomalousGenerations(profile);
    return read ? read.value() : QSet<QString>();
}

Result<QSet<QString>> Catalog::readAnomalousGenerations(const QString &profile) const
{
    const auto open = readOpenAnomalies(profile);
    if (!open)
        return Result<QSet<QString>>::fail(open.error());
    QSet<QString> anomalous;
    for (const AnomalyRecord &r : open.value())
        anomalous.insert(r.generation);
    return Result<QSet<QString>>::ok(anomalous);
}

namespace {
RunRecord recordFrom(const QSqlQuery &q)
{
    RunRecord r;
    r.id = q.value(0).toLongLong();
    r.profile = q.value(1).toString();
    r.kind = q.value(2).toString();
    r.startedUtc = fromIso(q.value(3));
    r.finishedUtc = fromIso(q.value(4));
    r.outcome = q.value(5).toString();
    r.message = q.value(6).toString();
    r.generation = q.value(7).toString();
    r.dbSize = q.value(8).toLongLong();
    r.gzSize = q.value(9).toLongLong();
    return r;
}
const QString kColumns = QStringLiteral(
    "SELECT id, profile, kind, started_utc, finished_utc, outcome, message, generation, "
    "db_size, gz_size FROM runs ");
} // namespace

QList<RunRecord> Catalog::runs(const QString &profile, int limit) const
{
    auto read = readRuns(profile, limit);
    return read ? read.value() : QList<RunRecord>();
}

Result<QList<RunRecord>> Catalog::readRuns(const QString &profile, int limit) const
{
    using R = Result<QList<RunRecord>>;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(kColumns + QStringLiteral("WHERE profile = ? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(profile);
    q.addBindValue(limit);
    if (!q.exec())
        return R::fail(readError(q.lastError().text()));
    QList<RunRecord> list;
    while (q.next())
        list.append(recordFrom(q));
    if (stoppedByError(q))
        return R::fail(readError(q.lastError().text()));
    return R::ok(list);
}

std::optional<RunRecord> Catalog::lastRun(const QString &profile, const QString &kind,
                                          const QString &outcome) const
{
    auto read = readLastRun(profile, kind, outcome);
    return read ? read.value() : std::nullopt;
}

Result<std::optional<RunRecord>> Catalog::readLastRun(const QString &profile, const QString &kind,
                                                      const QString &outcome) const
{
    using R = Result<std::optional<RunRecord>>;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(kColumns +
              QStringLiteral("WHERE profile = ? AND kind = ? AND (? = '' OR outcome = ?) "
                             "ORDER BY id DESC LIMIT 1"));
    q.addBindValue(profile);
    q.addBindValue(kind);
    const QString wanted = text(outcome);
    q.addBindValue(wanted);
    q.addBindValue(wanted);
    if (!q.exec())
        return R::fail(readError(q.lastError().text()));
    if (!q.next())
        return R::ok(std::nullopt);
    return R::ok(recordFrom(q));
}

Result<qint64> Catalog::readDataVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return Result<qint64>::fail(readError(q.lastError().text()));
    return Result<qint64>::ok(q.value(0).toLongLong());
}

QString Catalog::readError(const QString &detail) const
{
    if (!m_openError.isEmpty())
        return m_openError;
    return tr("The run history %1 could not be read (%2).").arg(m_path, detail);
}

} // namespace lk

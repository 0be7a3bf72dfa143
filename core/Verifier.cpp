// Full verification of one generation.
#include "Verifier.h"

#include "Digest.h"
#include "Gzip.h"
#include "RcloneErrors.h"
#include "RcloneStream.h"
#include "SqliteDatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

namespace lk {

namespace {
constexpr qint64 kRoomMargin = 16 * 1024 * 1024;

Verdict failed(const QString &reason)
{
    return {Verdict::Kind::Failed, reason, {}};
}

Verdict notChecked(const QString &reason, const QString &tail = {})
{
    return {Verdict::Kind::NotChecked, reason, tail};
}
} // namespace

QString Verifier::compareWithManifest(const QString &databasePath, const Manifest &manifest,
                                      const std::atomic_bool *cancel)
{
    SqliteDatabase db;
    if (Status s = db.open(databasePath, SqliteDatabase::Mode::ReadOnly); !s)
        return s.error;
    db.watchCancel(cancel);
    auto integrity = DatabaseInfo::integrityCheckOf(db);
    if (!integrity)
        return tr("PRAGMA integrity_check could not run: %1").arg(integrity.error());
    if (integrity.value() != QLatin1String("ok"))
        return tr("PRAGMA integrity_check reports: %1").arg(integrity.value());
    auto info = DatabaseInfo::inspect(db);
    if (!info)
        return tr("the database cannot be read: %1").arg(info.error());
    const DatabaseInfo &want = manifest.database;
    const DatabaseInfo &got = info.value();
    if (got.pageSize != want.pageSize || got.pageCount != want.pageCount)
        return tr("it has %1 pages of %2 bytes, the manifest says %3 of %4")
            .arg(got.pageCount)
            .arg(got.pageSize)
            .arg(want.pageCount)
            .arg(want.pageSize);
    if (got.schemaSha256 != want.schemaSha256)
        return tr("its schema differs from the one recorded in the manifest");
    if (got.userVersion != want.userVersion)
        return tr("its user_version is %1, the manifest says %2").arg(got.userVersion).arg(want.userVersion);
    if (got.rowCounts != want.rowCounts) {
        for (auto it = want.rowCounts.cbegin(); it != want.rowCounts.cend(); ++it) {
            if (got.rowCounts.value(it.key(), -1) != it.value())
                return tr("table \"%1\" has %2 rows, the manifest says %3")
                    .arg(it.key())
                    .arg(got.rowCounts.value(it.key(), -1))
                    .arg(it.value());
        }
        return tr("its tables differ from those recorded in the manifest");
    }
    return {};
}

Verdict Verifier::verify(const Profile &profile, const QProcessEnvironment &remote,
                         const Generation &generation, const QString &databasePath,
                         const std::atomic_bool *cancel, const Progress &progress)
{
    if (!generation.manifest)
        return failed(generation.problem.isEmpty() ? tr("it has no readable manifest") : generation.problem);
    if (!generation.hasData)
        return failed(generation.problem.isEmpty() ? tr("the data file is missing") : generation.problem);
    const Manifest &manifest = *generation.manifest;
    const auto destination = profile.parsedDestination();
    if (!destination)
        return notChecked(destination.error());

    QStorageInfo storage(QFileInfo(databasePath).absolutePath());
    if (storage.isValid() && storage.bytesAvailable() < manifest.dbSize + kRoomMargin)
        return notChecked(tr("not enough free space in %1 to check it (%2 bytes needed)")
                              .arg(QFileInfo(databasePath).absolutePath())
                              .arg(manifest.dbSize + kRoomMargin));

    QFile out(databasePath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return notChecked(tr("cannot write %1: %2").arg(databasePath, out.errorString()));
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);

    Digest gzHash(Digest::Algorithm::Sha256);
    Digest dbHash(Digest::Algorithm::Sha256);
    Gzip::Inflater inflater;
    qint64 gzBytes = 0, dbBytes = 0;
    QString contentProblem;

    const auto sink = [&](QByteArrayView chunk) {
        gzHash.addData(chunk);
        gzBytes += chunk.size();
        if (gzBytes > manifest.gzSize) {
            contentProblem = tr("it is larger than the manifest says (%1 bytes)").arg(manifest.gzSize);
            return false;
        }
        const bool ok = inflater.feed(chunk, [&](QByteArrayView plain) {
            dbHash.addData(plain);
            dbBytes += plain.size();
            if (out.write(plain.data(), plain.size()) != plain.size()) {
                contentProblem.clear();
                return false;
            }
            return true;
        });
        if (!ok && !inflater.error().isEmpty())
            contentProblem = inflater.error();
        if (progress)
            progress(gzBytes, manifest.gzSize);
        return ok;
    };

    const QString object = destination.value().object(profile.name, generation.name.dataObject());
    const RcloneProcess::Outcome outcome = RcloneStream::read({QStringLiteral("cat"), object}, remote, sink, cancel);
    const bool writeFailed = out.error() != QFileDevice::NoError;
    out.close();

    auto giveUp = [&](Verdict v) {
        QFile::remove(databasePath);
        return v;
    };
    if (!contentProblem.isEmpty())
        return giveUp(failed(contentProblem));
    if (writeFailed)
        return giveUp(notChecked(tr("writing %1 failed: %2. Is the disk full?").arg(databasePath, out.errorString())));
    if (cancel && cancel->load())
        return giveUp(notChecked(tr("cancelled")));
    if (!outcome.succeeded())
        return giveUp(notChecked(RcloneErrors::explain(outcome, tr("Downloading %1").arg(generation.name.dataObject()),
                                                       destination.value(), profile.endpoint),
                                 outcome.stderrTail));
    if (gzBytes != manifest.gzSize)
        return giveUp(failed(tr("it has %1 bytes, the manifest says %2 (truncated?)").arg(gzBytes).arg(manifest.gzSize)));
    if (gzHash.hexResult() != manifest.gzSha256)
        return giveUp(failed(tr("the SHA-256 of the .db.gz does not match the manifest")));
    if (!inflater.isFinished())
        return giveUp(failed(tr("the gzip stream ends early (truncated)")));
    if (dbBytes != manifest.dbSize || dbHash.hexResult() != manifest.dbSha256)
        return giveUp(failed(tr("the SHA-256 of the decompressed database does not match the manifest")));

    const QString problem = compareWithManifest(databasePath, manifest, cancel);
    if (cancel && cancel->load())
        return giveUp(notChecked(tr("cancelled")));
    if (!problem.isEmpty())
        return giveUp(failed(problem));
    return {Verdict::Kind::Passed, {}, {}};
}

} // namespace lk

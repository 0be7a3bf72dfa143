// Verified local copies of generations, for looking inside them.
#include "generations/GenerationCache.h"

#include "generations/GenerationLister.h"
#include "history/Catalog.h"
#include "storage/Storage.h"
#include "verify/Verifier.h"

#include "jobs/Priority.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace lk {

GenerationCache::GenerationCache(const Profile &profile, const Credentials &credentials,
                                 Catalog *catalog, QObject *parent)
    : QObject(parent), m_profile(profile), m_credentials(credentials), m_catalog(catalog)
{
}

GenerationCache::~GenerationCache()
{
    m_cancel = true;
    if (m_worker.isRunning())
        m_worker.waitForFinished();
}

QString GenerationCache::folder(const Profile &profile)
{
    // Beside the manifest mirror of the same destination.
    return GenerationLister::manifestCache(profile) + QStringLiteral("-databases");
}

void GenerationCache::cancel()
{
    m_cancel = true;
    if (m_lister)
        m_lister->cancel();
}

void GenerationCache::fetch(const QString &generation, Done done)
{
    find(generation, true, std::move(done));
}

void GenerationCache::listOnly(const QString &generation, Done done)
{
    find(generation, false, std::move(done));
}

void GenerationCache::find(const QString &generation, bool fetchIt, Done done)
{
    m_lister = new GenerationLister(m_profile, m_credentials, this);
    m_lister->list([this, generation, fetchIt, done](const QList<Generation> &all,
                                                     const Storage::Failure &f) {
        if (!f.message.isEmpty()) {
            done(Result<QString>::fail(f.message), {});
            return;
        }
        QString wanted = generation;
        for (const QString &suffix : {QStringLiteral(".db.gz"), QStringLiteral(".manifest.json")}) {
            if (wanted.endsWith(suffix))
                wanted.chop(suffix.size());
        }
        for (const Generation &g : all) {
            const bool match = (wanted.isEmpty() || wanted == QLatin1String("latest"))
                                   ? g.isComplete()
                                   : g.baseName() == wanted;
            if (!match)
                continue;
            if (!g.isComplete()) {
                done(Result<QString>::fail(
                         tr("Generation %1 is %2: %3")
                             .arg(wanted, Generation::stateName(g.state), g.problem)),
                     g);
                return;
            }
            if (!fetchIt) {
                done(Result<QString>::ok(QString()), g);
                return;
            }
            const QString path =
                folder(m_profile) + QLatin1Char('/') + g.baseName() + QStringLiteral(".db");
            QFile stamp(path + QStringLiteral(".sha256"));
            if (QFileInfo::exists(path) && stamp.open(QIODevice::ReadOnly) &&
                QString::fromLatin1(stamp.readAll()).trimmed() == g.manifest->dbSha256) {
                done(Result<QString>::ok(path), g);
                return;
            }
            download(g, done);
            return;
        }
        done(Result<QString>::fail(
                 wanted.isEmpty() || wanted == QLatin1String("latest")
                     ? tr("There is no complete generation on %1 yet.").arg(m_profile.destination)
                     : tr("There is no generation named \"%1\" on %2.")
                           .arg(wanted, m_profile.destination)),
             {});
    });
}

void GenerationCache::download(const Generation &generation, Done done)
{
    const QString dir = folder(m_profile);
    QDir().mkpath(dir);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString path = dir + QLatin1Char('/') + generation.baseName() + QStringLiteral(".db");
    auto verdict = std::make_shared<Verdict>();
    const Profile profile = m_profile;
    const QProcessEnvironment remote =
        Storage::remoteEnvironment(m_profile, m_profile.parsedDestination().value(), m_credentials);
    const std::atomic_bool *cancel = &m_cancel;
    connect(
        &m_worker, &QFutureWatcher<void>::finished, this,
        [this, verdict, generation, path, done] {
            if (verdict->kind != Verdict::Kind::NotChecked && m_catalog)
                m_catalog->recordVerification(
                    m_profile.name, {generation.baseName(), QDateTime::currentDateTimeUtc(),
                                     verdict->passed(), verdict->reason, QStringLiteral("verify")});
            if (!verdict->passed()) {
                done(Result<QString>::fail(verdict->kind == Verdict::Kind::Failed
                                               ? tr("Generation %1 failed verification: %2")
                                                     .arg(generation.baseName(), verdict->reason)
                                               : verdict->reason),
                     generation);
                return;
            }
            done(Result<QString>::ok(path), generation);
        },
        Qt::SingleShotConnection);
    m_worker.setFuture(Priority::run([=] {
        const QString partial = path + QStringLiteral(".partial");
        *verdict = Verifier::verify(profile, remote, generation, partial, cancel);
        if (!verdict->passed())
            return;
        QFile::remove(path);
        QFile::rename(partial, path);
        QFile stamp(path + QStringLiteral(".sha256"));
        if (stamp.open(QIODevice::WriteOnly))
            stamp.write(generation.manifest->dbSha256.toLatin1());
        // Keep the cache small: only the newest few copies stay.
        QDir cacheDir(QFileInfo(path).absolutePath());
        const QStringList copies =
            cacheDir.entryList({QStringLiteral("*.db")}, QDir::Files, QDir::Time);
        for (qsizetype i = kKeepPerProfile; i < copies.size(); ++i) {
            QFile::remove(cacheDir.filePath(copies.at(i)));
            QFile::remove(cacheDir.filePath(copies.at(i) + QStringLiteral(".sha256")));
        }
    }));
}

} // namespace lk

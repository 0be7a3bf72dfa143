// Lists a profile's generations from the destination itself.
#include "generations/GenerationLister.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace lk {

GenerationLister::GenerationLister(const Profile &profile, const Credentials &credentials,
                                   QObject *parent)
    : QObject(parent), m_profile(profile)
{
    const auto destination = profile.parsedDestination();
    m_storage = new Storage(profile, destination.isOk() ? destination.value() : Destination(),
                            credentials, this);
}

QString GenerationLister::manifestCache(const Profile &profile)
{
    const auto destination = profile.parsedDestination();
    const QString folder = destination
                               ? destination.value().profileFolder(profile.name) + profile.endpoint
                               : profile.destination;
    const QByteArray key =
        QCryptographicHash::hash(folder.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/litekeep/manifests/") + profile.name + QLatin1Char('-') +
           QString::fromLatin1(key);
}

void GenerationLister::cancel()
{
    m_storage->cancel();
}

void GenerationLister::list(Done done)
{
    m_storage->list([this, done](const QList<Storage::ObjectInfo> &objects,
                                 const Storage::Failure &f) {
        if (!f.message.isEmpty()) {
            done({}, f);
            return;
        }
        m_objectNames.clear();
        for (const auto &o : objects)
            m_objectNames.append(o.name);
        const QString cache = manifestCache(m_profile);
        QDir().mkpath(cache);
        m_storage->mirrorManifests(cache, [this, done, objects, cache](bool,
                                                                       const Storage::Failure &f2) {
            if (!f2.message.isEmpty()) {
                done({}, f2);
                return;
            }
            QList<Generation::Object> plain;
            for (const auto &o : objects)
                plain.append({o.name, o.size, o.md5});
            auto *watcher = new QFutureWatcher<QList<Generation>>(this);
            connect(watcher, &QFutureWatcher<QList<Generation>>::finished, this, [watcher, done] {
                watcher->deleteLater();
                done(watcher->result(), {});
            });
            const QString profile = m_profile.name;
            watcher->setFuture(QtConcurrent::run([profile, plain, cache] {
                QHash<QString, QByteArray> manifests;
                for (const auto &o : plain) {
                    if (!o.name.endsWith(QLatin1String(".manifest.json")) ||
                        o.name.contains(QLatin1Char('/')))
                        continue;
                    QFile file(cache + QLatin1Char('/') + o.name);
                    // A manifest is a few kilobytes; anything huge is not one of ours.
                    if (file.open(QIODevice::ReadOnly) && file.size() < 1024 * 1024)
                        manifests.insert(o.name, file.readAll());
                }
                return Generation::assemble(profile, plain, manifests);
            }));
        });
    });
}

} // namespace lk

// Finds the generation a new backup is compared with for the anomaly alarm.
#include "backup/PreviousGeneration.h"

#include "generations/GenerationLister.h"

#include <QFile>

namespace lk {

namespace {
// A damaged newest generation is rare; never spend more than a few calls looking further back.
constexpr int kMaxFetches = 3;
constexpr qint64 kMaxManifestBytes = 1024 * 1024;
} // namespace

PreviousGeneration::PreviousGeneration(const Profile &profile, const Credentials &credentials,
                                       QObject *parent)
    : QObject(parent), m_profile(profile)
{
    const auto destination = profile.parsedDestination();
    m_storage = new Storage(profile, destination.isOk() ? destination.value() : Destination(),
                            credentials, this);
}

void PreviousGeneration::cancel()
{
    m_cancelled = true;
    m_storage->cancel();
}

void PreviousGeneration::find(const QList<Storage::ObjectInfo> &objects, const QDateTime &before,
                              const QSet<QString> &skip, Done done)
{
    m_done = std::move(done);
    const QString cache = GenerationLister::manifestCache(m_profile);
    for (const auto &o : objects) {
        m_objects.append({o.name, o.size, o.md5});
        if (!o.name.endsWith(QLatin1String(".manifest.json")) || o.name.contains(QLatin1Char('/')))
            continue;
        QFile file(cache + QLatin1Char('/') + o.name);
        if (file.open(QIODevice::ReadOnly) && file.size() < kMaxManifestBytes)
            m_manifests.insert(o.name, file.readAll());
    }
    for (const Generation &g : Generation::assemble(m_profile.name, m_objects, m_manifests)) {
        if (g.name.createdUtc() < before && g.hasData && g.hasManifest &&
            g.state != Generation::State::NewerFormat && !skip.contains(g.baseName()))
            m_candidates.append(g.baseName());
    }
    next();
}

void PreviousGeneration::next()
{
    while (!m_candidates.isEmpty()) {
        const QString base = m_candidates.first();
        const auto all = Generation::assemble(m_profile.name, m_objects, m_manifests);
        const auto it = std::find_if(all.cbegin(), all.cend(),
                                     [&base](const Generation &g) { return g.baseName() == base; });
        if (it->isComplete()) {
            m_done(*it, {});
            return;
        }
        const QString manifest = it->name.manifestObject();
        if (m_manifests.contains(manifest) || m_fetches >= kMaxFetches) {
            m_candidates.removeFirst(); // read and still not complete: damaged, look further back
            continue;
        }
        ++m_fetches;
        m_storage->read(manifest, [this, manifest](const QByteArray &bytes,
                                                   const Storage::Failure &f) {
            if (m_cancelled || !f.message.isEmpty()) {
                m_done(std::nullopt, f.message);
                return;
            }
            m_manifests.insert(manifest, bytes.size() < kMaxManifestBytes ? bytes : QByteArray());
            next();
        });
        return;
    }
    m_done(std::nullopt, {});
}

} // namespace lk

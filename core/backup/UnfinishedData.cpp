// Removes the data object a cancelled backup left without its manifest.
#include "backup/UnfinishedData.h"

#include "storage/Storage.h"

#include <algorithm>

namespace lk {

namespace {
// How long each call of the cleanup may take.
constexpr int kCleanupTimeoutMs = 20 * 1000;
} // namespace

UnfinishedData::UnfinishedData(const Profile &profile, const Credentials &credentials,
                               GenerationName name, QObject *parent)
    : QObject(parent), m_name(std::move(name)),
      m_storage(new Storage(profile, profile.parsedDestination().value(), credentials, this))
{
}

void UnfinishedData::clean(Done done)
{
    const QString object = m_name.dataObject();
    const QString manifest = m_name.manifestObject();
    m_storage->list(
        [this, object, manifest, done](const QList<Storage::ObjectInfo> &objects,
                                       const Storage::Failure &f) {
            if (!f.message.isEmpty()) {
                done(Found::LeftBehind, f.message);
                return;
            }
            auto has = [&objects](const QString &wanted) {
                return std::any_of(
                    objects.cbegin(), objects.cend(),
                    [&wanted](const Storage::ObjectInfo &o) { return o.name == wanted; });
            };
            if (!has(object)) {
                done(Found::Nothing, {});
                return;
            }
            if (has(manifest)) {
                done(Found::Complete, {});
                return;
            }
            m_storage->remove(
                object,
                [done](bool removed, const Storage::Failure &failure) {
                    done(removed ? Found::Removed : Found::LeftBehind, failure.message);
                },
                kCleanupTimeoutMs);
        },
        kCleanupTimeoutMs);
}

} // namespace lk

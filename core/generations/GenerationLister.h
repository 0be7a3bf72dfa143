// Lists a profile's generations from the destination itself (so a fresh machine with only the
// credentials sees everything): one listing, one manifest mirror, parsing off the GUI thread.
#pragma once

#include "generations/Generation.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"
#include "storage/Storage.h"

#include <QObject>

#include <functional>

namespace lk {

class GenerationLister : public QObject
{
    Q_OBJECT

public:
    using Done =
        std::function<void(const QList<Generation> &generations, const Storage::Failure &failure)>;

    GenerationLister(const Profile &profile, const Credentials &credentials,
                     QObject *parent = nullptr);

    void list(Done done);
    void cancel();
    // Every object name of the profile's folder that the last list() found, generations or
    // not (the pins object, foreign files), for callers that look for one of them.
    const QStringList &objectNames() const { return m_objectNames; }

    // Where this profile's manifests are mirrored: per destination, under the cache folder.
    static QString manifestCache(const Profile &profile);

private:
    Profile m_profile;
    Storage *m_storage = nullptr;
    QStringList m_objectNames;
};

} // namespace lk

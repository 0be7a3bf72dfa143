// Finds the generation a new backup is compared with for the anomaly alarm: the newest complete
// generation before it on the destination. Reads its manifest from the local mirror when it is
// there, otherwise fetches just that one manifest (one small rclone call).
#pragma once

#include "generations/Generation.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"
#include "storage/Storage.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <optional>

namespace lk {

class PreviousGeneration : public QObject
{
    Q_OBJECT

public:
    // `previous` is empty when there is none; `problem` says why it could not be read.
    using Done =
        std::function<void(const std::optional<Generation> &previous, const QString &problem)>;

    PreviousGeneration(const Profile &profile, const Credentials &credentials,
                       QObject *parent = nullptr);

    // `objects` is a listing of the profile's folder; only generations created before `before`
    // and not named in `skip` (e.g. ones that failed verification) are considered. Ends with
    // exactly one `done` (also when cancelled), asynchronously when a manifest has to be fetched.
    void find(const QList<Storage::ObjectInfo> &objects, const QDateTime &before,
              const QSet<QString> &skip, Done done);
    void cancel();

private:
    void next();

    Profile m_profile;
    Storage *m_storage = nullptr;
    QList<Generation::Object> m_objects;
    QHash<QString, QByteArray> m_manifests; // manifest object name -> bytes
    QStringList m_candidates;               // base names, newest first
    Done m_done;
    int m_fetches = 0;
    bool m_cancelled = false;
};

} // namespace lk

// After a backup is cancelled between its data upload and its manifest: the data object may be
// stored already (or partly, on a local disk). Its name was free when the run chose it, so it
// is the run's own: this looks at the destination and removes it, or says what is left.
#pragma once

#include "generations/GenerationName.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"

#include <QObject>

#include <functional>

namespace lk {

class Storage;

class UnfinishedData : public QObject
{
    Q_OBJECT

public:
    enum class Found
    {
        Nothing,    // the data object never arrived
        Removed,    // it was there and is gone now
        Complete,   // the manifest went up too: a whole generation, which stays
        LeftBehind, // it could not be looked for or removed (`problem` says why)
    };
    using Done = std::function<void(Found found, const QString &problem)>;

    UnfinishedData(const Profile &profile, const Credentials &credentials, GenerationName name,
                   QObject *parent = nullptr);
    // Calls `done` once, within about 40 s (a listing and a removal, each bounded).
    void clean(Done done);

private:
    GenerationName m_name;
    Storage *m_storage;
};

} // namespace lk

// Looks inside a generation: a verified copy from the local cache (downloaded once), described
// on a worker thread together with the live database, and the difference a restore would make.
#pragma once

#include "settings/Credentials.h"
#include "settings/Profile.h"
#include "sqlite/DatabaseDescription.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace lk {

class Catalog;
class GenerationCache;

class GenerationInspector : public QObject
{
    Q_OBJECT

public:
    struct Inspection
    {
        QString generation;
        QString path; // the verified local copy, opened read-only
        DatabaseDescription description;
        std::optional<DatabaseDescription> live; // empty when the live database cannot be read
        QString liveProblem;                     // why, for a person
        DatabaseDiff diff;                       // from the live database to the generation
    };

    GenerationInspector(Profile profile, Credentials credentials, Catalog *catalog,
                        QObject *parent = nullptr);
    ~GenerationInspector() override;

    // Emits inspected() or failed() once; a later call replaces an unfinished one.
    void inspect(const QString &generation);
    void cancel();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total); // bytes downloaded
    void describing();                        // downloaded and verified; reading it now
    void inspected(const lk::GenerationInspector::Inspection &inspection);
    void failed(const QString &message);

private:
    static Result<Inspection> describe(const QString &generation, const QString &copy,
                                       const QString &livePath, const std::atomic_bool *cancel);

    Profile m_profile;
    GenerationCache *m_cache;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_request = 0;
    bool m_busy = false;
};

} // namespace lk

// Generations downloaded once, fully verified, and kept in a small local cache so they can be
// looked inside (show, diff, preview) without another download.
#pragma once

#include "generations/Generation.h"
#include "jobs/Result.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <functional>

namespace lk {

class Catalog;
class GenerationLister;

class GenerationCache : public QObject
{
    Q_OBJECT

public:
    static constexpr int kKeepPerProfile = 3;

    GenerationCache(const Profile &profile, const Credentials &credentials, Catalog *catalog,
                    QObject *parent = nullptr);
    ~GenerationCache() override;

    using Done =
        std::function<void(const Result<QString> &databasePath, const Generation &generation)>;
    // The local path of a verified copy of `generation` ("" or "latest": the newest complete one).
    void fetch(const QString &generation, Done done);
    // Finds the generation (with its manifest) without downloading it; the path is empty.
    void listOnly(const QString &generation, Done done);
    void cancel();

    static QString folder(const Profile &profile);

Q_SIGNALS:
    void progress(qint64 done, qint64 total);

private:
    void find(const QString &generation, bool download, Done done);
    void download(const Generation &generation, Done done);

    Profile m_profile;
    Credentials m_credentials;
    Catalog *m_catalog;
    GenerationLister *m_lister = nullptr;
    QFutureWatcher<void> m_worker;
    std::atomic_bool m_cancel{false};
};

} // namespace lk

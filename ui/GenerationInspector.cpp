// Looking inside a generation.
#include "GenerationInspector.h"

#include "generations/GenerationCache.h"

#include <QFileInfo>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

namespace lk {

GenerationInspector::GenerationInspector(Profile profile, Credentials credentials, Catalog *catalog,
                                         QObject *parent)
    : QObject(parent), m_profile(std::move(profile)),
      m_cache(new GenerationCache(m_profile, credentials, catalog, this)),
      m_cancel(std::make_shared<std::atomic_bool>(false))
{
    connect(m_cache, &GenerationCache::progress, this, &GenerationInspector::progress);
}

GenerationInspector::~GenerationInspector()
{
    m_cancel->store(true);
}

void GenerationInspector::cancel()
{
    m_cancel->store(true);
    m_cache->cancel();
}

void GenerationInspector::inspect(const QString &generation)
{
    m_cancel->store(true); // an unfinished worker stops; its answer is ignored below
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const int request = ++m_request;
    m_busy = true;
    m_cache->fetch(generation,
                   [this, request](const Result<QString> &copy, const Generation &found) {
                       if (request != m_request)
                           return;
                       if (!copy) {
                           m_busy = false;
                           Q_EMIT failed(copy.error());
                           return;
                       }
                       Q_EMIT describing();
                       QtConcurrent::run([name = found.baseName(), path = copy.value(),
                                          live = m_profile.databasePath, cancelled = m_cancel] {
                           return describe(name, path, live, cancelled.get());
                       }).then(this, [this, request](const Result<Inspection> &result) {
                           if (request != m_request)
                               return;
                           m_busy = false;
                           if (result)
                               Q_EMIT inspected(result.value());
                           else
                               Q_EMIT failed(result.error());
                       });
                   });
}

Result<GenerationInspector::Inspection>
GenerationInspector::describe(const QString &generation, const QString &copy,
                              const QString &livePath, const std::atomic_bool *cancel)
{
    Inspection inspection;
    inspection.generation = generation;
    inspection.path = copy;
    auto description = DatabaseDescription::read(copy, cancel);
    if (!description)
        return Result<Inspection>::fail(description.error());
    inspection.description = description.value();
    if (!QFileInfo::exists(livePath)) {
        inspection.liveProblem =
            tr("The live database %1 is not there: a restore creates it.").arg(livePath);
        inspection.diff = DatabaseDiff::between(DatabaseDescription{}, inspection.description);
        return Result<Inspection>::ok(std::move(inspection));
    }
    auto live = DatabaseDescription::read(livePath, cancel);
    if (live) {
        inspection.live = live.value();
        inspection.diff = DatabaseDiff::between(live.value(), inspection.description);
    } else {
        inspection.liveProblem =
            tr("The live database cannot be read for a comparison: %1").arg(live.error());
    }
    return Result<Inspection>::ok(std::move(inspection));
}

} // namespace lk

// Applies retention to the destination.
#include "generations/PruneJob.h"

#include "history/Catalog.h"
#include "generations/GenerationLister.h"
#include "storage/Storage.h"

namespace lk {

PruneJob::PruneJob(Profile profile, Credentials credentials, Catalog *catalog, bool dryRun,
                   Locking locking, QObject *parent)
    : QObject(parent), m_profile(std::move(profile)), m_credentials(std::move(credentials)),
      m_catalog(catalog), m_dryRun(dryRun), m_locking(locking), m_lock(m_profile.name)
{
}

void PruneJob::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &PruneJob::begin, Qt::QueuedConnection);
}

void PruneJob::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (m_lister)
        m_lister->cancel();
    if (m_storage)
        m_storage->cancel();
}

void PruneJob::begin()
{
    if (m_locking == Locking::TakeLock) {
        if (Status locked = m_lock.tryLock(); !locked) {
            finish(JobResult::failed(locked.error));
            return;
        }
    }
    const auto destination = m_profile.parsedDestination();
    if (!destination) {
        finish(JobResult::failed(destination.error()));
        return;
    }
    m_storage = new Storage(m_profile, destination.value(), m_credentials, this);
    m_lister = new GenerationLister(m_profile, m_credentials, this);
    m_lister->list([this](const QList<Generation> &all, const Storage::Failure &f) {
        if (m_cancelled) {
            finish(JobResult::cancelled(tr("Pruning cancelled; nothing was deleted.")));
            return;
        }
        if (!f.message.isEmpty()) {
            finish(JobResult::failed(f.message, f.stderrTail));
            return;
        }
        const auto lastBackup = m_catalog ? m_catalog->lastRun(m_profile.name, QStringLiteral("backup"))
                                          : std::nullopt;
        const bool lastFailed = lastBackup && lastBackup->outcome != QLatin1String("succeeded") &&
                                lastBackup->outcome != QLatin1String("running");
        const auto verifications = m_catalog ? m_catalog->latestVerifications(m_profile.name)
                                             : QHash<QString, VerificationRecord>();
        // The generation before an anomalous backup stays until the warning is dismissed.
        QHash<QString, QString> pinnedBy; // pinned generation -> the anomalous one
        if (m_catalog) {
            const auto open = m_catalog->openAnomalies(m_profile.name);
            for (const AnomalyRecord &a : open)
                pinnedBy.insert(a.previousGeneration, a.generation);
        }
        QList<Retention::Item> items;
        for (const Generation &g : all) {
            Retention::Item item;
            item.name = g.name;
            item.condition = g.state == Generation::State::Complete ? Retention::Condition::Complete
                             : g.state == Generation::State::Damaged ? Retention::Condition::Damaged
                                                                     : Retention::Condition::Incomplete;
            item.problem = g.problem;
            item.newerFormat = g.state == Generation::State::NewerFormat;
            const auto v = verifications.find(g.baseName());
            if (v != verifications.end())
                item.verification = v->passed ? Retention::Verification::Passed : Retention::Verification::Failed;
            item.pinned = pinnedBy.contains(g.baseName());
            items.append(item);
        }
        const Retention::Policy policy{m_profile.keepDays, m_profile.keepMin, m_profile.keepMonthly};
        const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
        const auto decisions = Retention::plan(items, now, QTimeZone::systemTimeZone(), policy, lastFailed,
                                               m_includeDamaged ? Retention::DamagedGenerations::Prune
                                                                : Retention::DamagedGenerations::Keep);
        for (qsizetype i = 0; i < decisions.size(); ++i) {
            auto d = decisions.at(i);
            const Generation &g = all.at(i);
            if (d.keep && items.at(i).pinned && !items.at(i).newerFormat && !lastFailed)
                d.reason = tr("kept: pinned until the warning about %1 is dismissed")
                               .arg(pinnedBy.value(g.baseName()));
            QJsonObject entry{{QStringLiteral("generation"), g.baseName()},
                              {QStringLiteral("state"), Generation::stateName(g.state)},
                              {QStringLiteral("keep"), d.keep},
                              {QStringLiteral("reason"), d.reason}};
            if (!g.problem.isEmpty())
                entry.insert(QStringLiteral("problem"), g.problem);
            m_plan.append(entry);
            if (d.keptDamaged)
                m_keptDamaged.append(g.baseName());
            if (d.keep)
                continue;
            if (g.hasManifest) {
                m_objectsToDelete.append(g.name.manifestObject());
                m_reasons.insert(g.name.manifestObject(), d.reason);
            }
            if (g.hasData) {
                m_objectsToDelete.append(g.name.dataObject());
                m_reasons.insert(g.name.dataObject(), d.reason);
            }
        }
        if (lastFailed) {
            JobResult r = JobResult::succeeded(tr("Nothing was deleted: the last backup failed, and "
                                                  "LiteKeep never prunes after a failed run."));
            r.details.insert(QStringLiteral("plan"), m_plan);
            finish(r);
            return;
        }
        if (m_dryRun) {
            JobResult r = succeeded(tr("Dry run: %n object(s) would be deleted; nothing was.", nullptr,
                                       static_cast<int>(m_objectsToDelete.size())));
            r.details.insert(QStringLiteral("plan"), m_plan);
            r.details.insert(QStringLiteral("dry_run"), true);
            finish(r);
            return;
        }
        deleteNext();
    });
}

void PruneJob::deleteNext()
{
    if (m_cancelled) {
        JobResult r = JobResult::cancelled(tr("Pruning cancelled after %n deletion(s).", nullptr,
                                              static_cast<int>(m_deleted.size())));
        r.details.insert(QStringLiteral("deleted"), m_deleted);
        finish(r);
        return;
    }
    if (m_objectsToDelete.isEmpty()) {
        JobResult r = succeeded(m_deleted.isEmpty()
                                    ? tr("Nothing to prune.")
                                    : tr("Pruned %n object(s).", nullptr, static_cast<int>(m_deleted.size())));
        r.details.insert(QStringLiteral("plan"), m_plan);
        r.details.insert(QStringLiteral("deleted"), m_deleted);
        finish(r);
        return;
    }
    const QString object = m_objectsToDelete.takeFirst();
    m_storage->remove(object, [this, object](bool ok, const Storage::Failure &f) {
        if (!ok) {
            JobResult r = JobResult::failed(f.message, f.stderrTail);
            r.details.insert(QStringLiteral("deleted"), m_deleted);
            finish(r);
            return;
        }
        m_deleted.append(object);
        if (m_catalog)
            m_catalog->recordDeletion(m_profile.name, object, m_reasons.value(object));
        deleteNext();
    });
}

// A success that also says which damaged generations stayed only because they are damaged.
JobResult PruneJob::succeeded(const QString &message) const
{
    if (m_keptDamaged.isEmpty())
        return JobResult::succeeded(message);
    JobResult r = JobResult::succeeded(
        message + QLatin1Char(' ') +
        tr("Kept %n damaged generation(s) that retention would otherwise delete; "
           "\"litekeep prune --include-damaged\" deletes them.",
           nullptr, static_cast<int>(m_keptDamaged.size())));
    r.details.insert(QStringLiteral("kept_damaged"), m_keptDamaged);
    return r;
}

void PruneJob::finish(JobResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_locking == Locking::TakeLock)
        m_lock.unlock();
    result.details.insert(QStringLiteral("profile"), m_profile.name);
    result.details.insert(QStringLiteral("include_damaged"), m_includeDamaged);
    Q_EMIT finished(result);
}

} // namespace lk

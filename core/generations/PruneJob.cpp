// Applies retention to the destination.
#include "generations/PruneJob.h"

#include "generations/GenerationLister.h"
#include "generations/Pins.h"
#include "history/Catalog.h"
#include "storage/Storage.h"

namespace lk {

PruneJob::PruneJob(Profile profile, Credentials credentials, Catalog *catalog, bool dryRun,
                   Locking locking, QObject *parent)
    : Job(locking == Locking::TakeLock && !dryRun ? QStringLiteral("prune") : QString(),
          std::move(profile), std::move(credentials), catalog, locking, parent),
      m_dryRun(dryRun)
{
}

QString PruneJob::cancelledBeforeStart() const
{
    return tr("Pruning cancelled; nothing was deleted.");
}

void PruneJob::stopWork()
{
    if (m_lister)
        m_lister->cancel();
    if (m_storage)
        m_storage->cancel();
}

void PruneJob::run()
{
    const auto destination = profile().parsedDestination();
    if (!destination) {
        fail(destination.error());
        return;
    }
    Q_EMIT progress(0, 0);
    m_storage = new Storage(profile(), destination.value(), credentials(), this);
    m_pins = new DestinationPins(m_storage, profile().name, this);
    m_lister = new GenerationLister(profile(), credentials(), this);
    m_lister->list([this](const QList<Generation> &all, const Storage::Failure &f) {
        if (isStopping()) {
            finishStopped(cancelledBeforeStart());
            return;
        }
        if (!f.message.isEmpty()) {
            fail(f.message, f.stderrTail);
            return;
        }
        listed(all);
    });
}

// Deletes nothing and says why: a safety check could not be made.
void PruneJob::refuse(const QString &why)
{
    fail(tr("%1 Nothing was deleted.").arg(why));
}

Status PruneJob::readHistory()
{
    if (!catalog())
        return Status::failure(tr("The run history could not be opened."));
    const auto lastBackup = catalog()->readLastRun(profile().name, QStringLiteral("backup"));
    if (!lastBackup)
        return Status::failure(lastBackup.error());
    m_lastFailed = lastBackup.value() &&
                   lastBackup.value()->outcome != QLatin1String("succeeded") &&
                   lastBackup.value()->outcome != QLatin1String("running");
    const auto verifications = catalog()->readLatestVerifications(profile().name);
    if (!verifications)
        return Status::failure(verifications.error());
    m_verifications = verifications.value();
    // The generation before an anomalous backup stays until the warning is dismissed.
    const auto open = catalog()->readOpenAnomalies(profile().name);
    if (!open)
        return Status::failure(open.error());
    for (const AnomalyRecord &a : open.value())
        m_pinnedBy.insert(a.previousGeneration, a.generation);
    return Status::success();
}

// The history first (it is local and quick), then the pins on the destination: the pins are
// the union of both, so a fresh history never forgets what a warning keeps.
void PruneJob::listed(const QList<Generation> &all)
{
    if (const Status read = readHistory(); !read) {
        refuse(read.error);
        return;
    }
    m_pins->readListed(m_lister->objectNames(), [this, all](const Result<QList<Pin>> &pins) {
        if (isStopping()) {
            finishStopped(cancelledBeforeStart());
            return;
        }
        if (!pins) {
            refuse(pins.error());
            return;
        }
        for (const Pin &pin : pins.value()) {
            m_pinsOnDestination.append(QJsonObject{{QStringLiteral("generation"), pin.generation},
                                                   {QStringLiteral("pinned_by"), pin.pinnedBy}});
            if (!m_pinnedBy.contains(pin.generation))
                m_pinnedBy.insert(pin.generation, pin.pinnedBy);
        }
        plan(all);
    });
}

void PruneJob::plan(const QList<Generation> &all)
{
    QList<Retention::Item> items;
    for (const Generation &g : all) {
        Retention::Item item;
        item.name = g.name;
        item.condition = g.state == Generation::State::Complete  ? Retention::Condition::Complete
                         : g.state == Generation::State::Damaged ? Retention::Condition::Damaged
                                                                 : Retention::Condition::Incomplete;
        item.problem = g.problem;
        item.newerFormat = g.state == Generation::State::NewerFormat;
        const auto v = m_verifications.constFind(g.baseName());
        if (v != m_verifications.cend())
            item.verification =
                v->passed ? Retention::Verification::Passed : Retention::Verification::Failed;
        item.pinned = m_pinnedBy.contains(g.baseName());
        items.append(item);
    }
    const Retention::Policy policy{profile().keepDays, profile().keepMin, profile().keepMonthly};
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    const auto decisions =
        Retention::plan(items, now, QTimeZone::systemTimeZone(), policy, m_lastFailed,
                        m_includeDamaged ? Retention::DamagedGenerations::Prune
                                         : Retention::DamagedGenerations::Keep);
    for (qsizetype i = 0; i < decisions.size(); ++i) {
        auto d = decisions.at(i);
        const Generation &g = all.at(i);
        if (d.keep && items.at(i).pinned && !items.at(i).newerFormat && !m_lastFailed)
            d.reason = tr("kept: pinned until the warning about %1 is dismissed")
                           .arg(m_pinnedBy.value(g.baseName()));
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
    if (m_lastFailed) {
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
    m_toDelete = static_cast<int>(m_objectsToDelete.size());
    m_deleting = true;
    deleteNext();
}

void PruneJob::deleteNext()
{
    Q_EMIT progress(static_cast<int>(m_deleted.size()), m_toDelete);
    if (isStopping()) {
        // completeResult() adds what was deleted.
        finishStopped(tr("Pruning cancelled after %n deletion(s).", nullptr,
                         static_cast<int>(m_deleted.size())));
        return;
    }
    if (m_objectsToDelete.isEmpty()) {
        JobResult r = succeeded(m_deleted.isEmpty() ? tr("Nothing to prune.")
                                                    : tr("Pruned %n object(s).", nullptr,
                                                         static_cast<int>(m_deleted.size())));
        r.details.insert(QStringLiteral("plan"), m_plan);
        r.details.insert(QStringLiteral("deleted"), m_deleted);
        finish(r);
        return;
    }
    const QString object = m_objectsToDelete.takeFirst();
    m_storage->remove(object, [this, object](bool ok, const Storage::Failure &f) {
        if (!ok && isStopping()) {
            deleteNext(); // a cancel, not a failure of the destination
            return;
        }
        if (!ok) {
            fail(f.message, f.stderrTail);
            return;
        }
        m_deleted.append(object);
        if (catalog())
            catalog()->recordDeletion(profile().name, object, m_reasons.value(object));
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

void PruneJob::completeResult(JobResult &result)
{
    if (!result.details.contains(QLatin1String("deleted")) && m_deleting)
        result.details.insert(QStringLiteral("deleted"), m_deleted);
    result.details.insert(QStringLiteral("include_damaged"), m_includeDamaged);
    if (!m_pinsOnDestination.isEmpty())
        result.details.insert(QStringLiteral("pins_on_destination"), m_pinsOnDestination);
}

} // namespace lk

// Verifies generations on the destination and records every verdict.
#include "verify/VerifyJob.h"

#include "generations/GenerationLister.h"
#include "history/Catalog.h"
#include "jobs/Priority.h"
#include "storage/Storage.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>

namespace lk {

namespace {
QString kindOf(VerifyJob::Selection selection)
{
    return selection == VerifyJob::Selection::Drill ? QStringLiteral("drill")
                                                    : QStringLiteral("verify");
}
} // namespace

VerifyJob::VerifyJob(Profile profile, Credentials credentials, Catalog *catalog,
                     Selection selection, QString generation, Locking locking, QObject *parent)
    : Job(kindOf(selection), std::move(profile), std::move(credentials), catalog, locking, parent),
      m_selection(selection), m_generationName(std::move(generation)),
      m_done(std::make_shared<std::atomic<qint64>>(0))
{
}

QString VerifyJob::cancelledBeforeStart() const
{
    return tr("Verification cancelled.");
}

void VerifyJob::stopWork()
{
    if (m_lister)
        m_lister->cancel();
}

QList<Generation> VerifyJob::select(const QList<Generation> &all, Selection selection,
                                    const QString &generation, QString *error)
{
    QList<Generation> complete;
    for (const Generation &g : all) {
        if (g.isComplete())
            complete.append(g);
    }
    switch (selection) {
    case Selection::One: {
        QString wanted = generation;
        for (const QString &suffix : {QStringLiteral(".db.gz"), QStringLiteral(".manifest.json")}) {
            if (wanted.endsWith(suffix))
                wanted.chop(suffix.size());
        }
        for (const Generation &g : all) {
            if (g.baseName() == wanted)
                return {g};
        }
        *error = tr("There is no generation named \"%1\" on the destination.").arg(generation);
        return {};
    }
    case Selection::Latest:
        if (complete.isEmpty())
            *error = tr("There is no complete generation on the destination yet.");
        return complete.mid(0, 1);
    case Selection::All: {
        // Leftovers of runs that died (data without manifest) are not generations; damaged
        // ones are, and they fail.
        QList<Generation> chosen;
        for (const Generation &g : all) {
            if (g.isComplete() || g.state == Generation::State::Damaged || g.hasManifest)
                chosen.append(g);
        }
        if (chosen.isEmpty())
            *error = tr("There are no generations on the destination yet.");
        return chosen;
    }
    case Selection::Drill: {
        if (complete.isEmpty()) {
            *error = tr("There is no complete generation to drill yet.");
            return {};
        }
        QList<Generation> chosen{complete.first()};
        if (complete.size() > 1)
            chosen.append(
                complete.at(1 + QRandomGenerator::global()->bounded(complete.size() - 1)));
        return chosen;
    }
    }
    return {};
}

void VerifyJob::run()
{
    m_lister = new GenerationLister(profile(), credentials(), this);
    m_lister->list([this](const QList<Generation> &all, const Storage::Failure &f) {
        if (isStopping()) {
            finishStopped(tr("Verification cancelled."));
            return;
        }
        if (!f.message.isEmpty()) {
            fail(f.message, f.stderrTail);
            return;
        }
        QString error;
        m_queue = select(all, m_selection, m_generationName, &error);
        if (m_queue.isEmpty()) {
            fail(error);
            return;
        }
        qint64 largest = 0;
        for (const Generation &g : std::as_const(m_queue))
            largest = std::max(largest, g.manifest ? g.manifest->dbSize : 0);
        if (auto staging = createStaging(QStringLiteral("+verify"), largest); !staging) {
            fail(staging.error());
            return;
        }
        verifyNext();
    });
}

void VerifyJob::finishAll()
{
    const int total = static_cast<int>(m_queue.size());
    if (m_failed == 0 && m_notChecked == 0) {
        QString message =
            tr("%n generation(s) verified: all restorable.", nullptr, total - m_skipped);
        if (m_skipped > 0)
            message += QLatin1Char(' ') +
                       tr("%n skipped: written by a newer LiteKeep.", nullptr, m_skipped);
        finish(JobResult::succeeded(message, {{QStringLiteral("results"), m_results}}));
        return;
    }
    JobResult r =
        JobResult::failed(m_failed > 0 ? tr("%1 of %2 generations failed verification: %3")
                                             .arg(m_failed)
                                             .arg(total)
                                             .arg(m_firstProblem)
                                       : tr("%1 of %2 generations could not be checked: %3")
                                             .arg(m_notChecked)
                                             .arg(total)
                                             .arg(m_firstProblem));
    r.details.insert(QStringLiteral("results"), m_results);
    finish(r);
}

void VerifyJob::verifyNext()
{
    if (isStopping()) {
        finishStopped(tr("Verification cancelled after %n generation(s).", nullptr, m_index));
        return;
    }
    if (m_index >= m_queue.size()) {
        finishAll();
        return;
    }
    const Generation generation = m_queue.at(m_index++);
    if (generation.state == Generation::State::NewerFormat) {
        // Not ours to judge: neither passed nor failed, and nothing is recorded.
        m_results.append(QJsonObject{{QStringLiteral("generation"), generation.baseName()},
                                     {QStringLiteral("verdict"), QStringLiteral("newer-format")},
                                     {QStringLiteral("reason"), generation.problem}});
        ++m_skipped;
        verifyNext();
        return;
    }
    const int index = m_index;
    const int count = static_cast<int>(m_queue.size());
    const qint64 total = generation.manifest ? generation.manifest->gzSize : 0;
    Q_EMIT progress(index, count, generation.baseName(), 0, total);

    auto done = m_done;
    done->store(0);
    startProgressPoll([this, index, count, name = generation.baseName(), done, total] {
        Q_EMIT progress(index, count, name, done->load(), total);
    });
    runInPool([p = profile(), remote = remoteEnvironment(), generation,
               path = QString(stagingDir() + QLatin1Char('/') + generation.baseName() +
                              QStringLiteral(".db")), // a QString, not a QStringBuilder
               cancel = cancelFlag(),
               done] { return Verifier::verifyCopy(p, remote, generation, path, cancel, done); },
              [this, generation](const Verdict &verdict) {
                  stopProgressPoll();
                  verified(generation, verdict);
              });
}

void VerifyJob::verified(const Generation &generation, const Verdict &verdict)
{
    QJsonObject entry{{QStringLiteral("generation"), generation.baseName()}};
    if (verdict.kind == Verdict::Kind::NotChecked) {
        ++m_notChecked;
        entry.insert(QStringLiteral("verdict"), QStringLiteral("not-checked"));
        entry.insert(QStringLiteral("reason"), verdict.reason);
        if (m_firstProblem.isEmpty())
            m_firstProblem = verdict.reason;
        m_results.append(entry);
        // The destination went away or we were cancelled: the rest cannot be checked now;
        // what was checked keeps its result.
        for (int i = m_index; i < m_queue.size(); ++i) {
            m_results.append(QJsonObject{{QStringLiteral("generation"), m_queue.at(i).baseName()},
                                         {QStringLiteral("verdict"), QStringLiteral("not-checked")},
                                         {QStringLiteral("reason"), verdict.reason}});
            ++m_notChecked;
        }
        m_index = static_cast<int>(m_queue.size());
        if (isStopping()) {
            finishStopped(tr("Verification cancelled."), {{QStringLiteral("results"), m_results}});
            return;
        }
        verifyNext();
        return;
    }
    const bool passed = verdict.passed();
    entry.insert(QStringLiteral("verdict"),
                 passed ? QStringLiteral("passed") : QStringLiteral("failed"));
    if (passed && !verdict.reason.isEmpty())
        entry.insert(QStringLiteral("reason"), verdict.reason); // passed on a second download
    if (!passed) {
        ++m_failed;
        entry.insert(QStringLiteral("reason"), verdict.reason);
        if (m_firstProblem.isEmpty())
            m_firstProblem = generation.baseName() + QStringLiteral(": ") + verdict.reason;
    }
    m_results.append(entry);
    if (catalog())
        catalog()->recordVerification(profile().name,
                                      {generation.baseName(), QDateTime::currentDateTimeUtc(),
                                       passed, verdict.reason, kindOf(m_selection)});
    verifyNext();
}

} // namespace lk

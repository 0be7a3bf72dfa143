// litekeep restore
#include "RestoreCommand.h"

#include "SignalWatcher.h"
#include "restore/RestoreJob.h"

#include <QFileInfo>
#include <QJsonArray>

namespace lk {

void RestoreCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("The profile."),
                                           tr("NAME"), QStringLiteral("default"));
    const QCommandLineOption latest(QStringLiteral("latest"),
                                    tr("The newest generation that verifies."));
    const QCommandLineOption to(QStringLiteral("to"), tr("Restore into this new file."),
                                tr("PATH"));
    const QCommandLineOption inPlace(QStringLiteral("in-place"),
                                     tr("Replace the live database (a copy of it is kept first)."));
    const QCommandLineOption force(
        QStringLiteral("force"),
        tr("Replace an existing --to file (kept beside it), or accept a generation "
           "of another database."));
    const QCommandLineOption undo(QStringLiteral("undo"),
                                  tr("Put back the copy kept by the last in-place restore."));
    parser.addOptions({profileOption, latest, to, inPlace, force, undo});
    if (!parse(parser, arguments))
        return;

    const QString usage = tr(
        "Usage: litekeep restore [--profile NAME] (GENERATION | --latest) (--to PATH | --in-place) "
        "[--force]\n       litekeep restore --undo [--profile NAME]");
    const QStringList names = parser.positionalArguments();
    RestoreJob::Request request;
    if (parser.isSet(undo)) {
        if (!names.isEmpty() || parser.isSet(latest) || parser.isSet(to) || parser.isSet(inPlace)) {
            finish(m_ctx.usageError(usage));
            return;
        }
        request.mode = RestoreJob::Mode::Undo;
    } else {
        if (names.size() + (parser.isSet(latest) ? 1 : 0) != 1 ||
            parser.isSet(to) == parser.isSet(inPlace)) {
            finish(m_ctx.usageError(usage));
            return;
        }
        request.mode = parser.isSet(to) ? RestoreJob::Mode::ToFile : RestoreJob::Mode::InPlace;
        request.generation = names.value(0);
        request.target =
            parser.isSet(to) ? QFileInfo(parser.value(to)).absoluteFilePath() : QString();
        request.force = parser.isSet(force);
    }

    resolve(parser.value(profileOption), [this, request](const Profile &profile,
                                                         const Credentials &credentials) {
        m_catalog = std::make_unique<Catalog>();
        if (!m_catalog->open()) {
            // Undo depends on the history; the rest only records into it.
            if (request.mode == RestoreJob::Mode::Undo) {
                finish(m_ctx.failure(
                    tr("The history cannot be opened, so the last pre-restore copy is unknown; "
                       "its files are in %1.")
                        .arg(RestoreJob::preRestoreFolder())));
                return;
            }
            m_catalog.reset();
        }
        auto *job = new RestoreJob(profile, credentials, m_catalog.get(), request, this);
        auto *signals_ = new SignalWatcher(job);
        signals_->cancels(job);
        connect(job, &RestoreJob::progress, this,
                [this](RestoreJob::Phase phase, qint64 done, qint64 total) {
                    m_progress.update(RestoreJob::phaseName(phase), done, total);
                });
        connect(job, &RestoreJob::finished, this, [this](const JobResult &result) {
            m_progress.clear();
            const int code = m_ctx.report(result);
            finish(code);
        });
        job->start();
    });
}

} // namespace lk

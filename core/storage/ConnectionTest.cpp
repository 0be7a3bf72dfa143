// "Test connection": a real round trip to a destination.
#include "storage/ConnectionTest.h"

#include "storage/Storage.h"

#include <QFile>
#include <QHostInfo>
#include <QRandomGenerator>

namespace lk {

ConnectionTest::ConnectionTest(const Profile &profile, const Credentials &credentials,
                               QObject *parent)
    : QObject(parent), m_profile(profile)
{
    const auto destination = profile.parsedDestination();
    m_storage = new Storage(profile, destination.isOk() ? destination.value() : Destination(),
                            credentials, this);
    // Not a generation name: listing ignores it even if a failed test leaves it behind.
    m_probeName =
        QStringLiteral(".litekeep-probe-%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    m_probe = QByteArray("LiteKeep connection test from ") + QHostInfo::localHostName().toUtf8() +
              ' ' + QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8();
}

QString ConnectionTest::stepName(Step step)
{
    switch (step) {
    case Step::List:
        return tr("List the destination");
    case Step::Write:
        return tr("Write a test file");
    case Step::Read:
        return tr("Read it back");
    case Step::Delete:
        return tr("Delete it");
    }
    return {};
}

void ConnectionTest::start()
{
    const auto destination = m_profile.parsedDestination();
    if (!destination) {
        fail(Step::List, destination.error(), {});
        return;
    }
    if (const QString problem = m_profile.validate(); !problem.isEmpty()) {
        fail(Step::List, problem, {});
        return;
    }
    QMetaObject::invokeMethod(this, &ConnectionTest::list, Qt::QueuedConnection);
}

void ConnectionTest::cancel()
{
    m_storage->cancel();
}

void ConnectionTest::fail(Step step, const QString &message, const QString &tail)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT stepFinished(step, false, message);
    Q_EMIT finished(JobResult::failed(message, tail));
}

void ConnectionTest::list()
{
    Q_EMIT stepStarted(Step::List);
    m_storage->list([this](const QList<Storage::ObjectInfo> &objects, const Storage::Failure &f) {
        if (!f.message.isEmpty()) {
            fail(Step::List, f.message, f.stderrTail);
            return;
        }
        Q_EMIT stepFinished(Step::List, true,
                            tr("The destination answers; it holds %n object(s) for this profile.",
                               nullptr, static_cast<int>(objects.size())));
        write();
    });
}

void ConnectionTest::write()
{
    Q_EMIT stepStarted(Step::Write);
    m_dir = std::make_unique<QTemporaryDir>();
    const QString local = m_dir->filePath(m_probeName);
    QFile file(local);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_probe) != m_probe.size()) {
        fail(Step::Write, tr("Cannot create the test file in %1.").arg(m_dir->path()), {});
        return;
    }
    file.close();
    m_storage->upload(local, m_probeName, [this](bool ok, const Storage::Failure &f) {
        if (!ok) {
            fail(Step::Write, f.message, f.stderrTail);
            return;
        }
        Q_EMIT stepFinished(Step::Write, true, tr("Writing works."));
        readBack();
    });
}

void ConnectionTest::readBack()
{
    Q_EMIT stepStarted(Step::Read);
    m_storage->read(m_probeName, [this](const QByteArray &content, const Storage::Failure &f) {
        if (!f.message.isEmpty()) {
            fail(Step::Read, f.message, f.stderrTail);
            return;
        }
        if (content != m_probe) {
            fail(Step::Read, tr("The test file came back different from what was written."), {});
            return;
        }
        Q_EMIT stepFinished(Step::Read, true, tr("Reading works and the content is intact."));
        remove();
    });
}

void ConnectionTest::remove()
{
    Q_EMIT stepStarted(Step::Delete);
    m_storage->remove(m_probeName, [this](bool ok, const Storage::Failure &f) {
        if (!ok) {
            // Retention needs to delete: without it old generations pile up.
            fail(Step::Delete,
                 tr("%1 Retention needs permission to delete old generations.").arg(f.message),
                 f.stderrTail);
            return;
        }
        Q_EMIT stepFinished(Step::Delete, true, tr("Deleting works."));
        m_done = true;
        Q_EMIT finished(JobResult::succeeded(
            tr("The connection works: listing, writing, reading and deleting all succeeded.")));
    });
}

} // namespace lk

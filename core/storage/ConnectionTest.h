// "Test connection": a real round trip to a destination — list, write a probe object, read it
// back, delete it — each step reported in plain words, never blocking the GUI.
#pragma once

#include "jobs/JobResult.h"
#include "settings/Credentials.h"
#include "settings/Profile.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace lk {

class Storage;

class ConnectionTest : public QObject
{
    Q_OBJECT

public:
    enum class Step
    {
        List,
        Write,
        Read,
        Delete
    };
    Q_ENUM(Step)

    ConnectionTest(const Profile &profile, const Credentials &credentials,
                   QObject *parent = nullptr);

    void start();
    void cancel();
    static QString stepName(Step step);

Q_SIGNALS:
    void stepStarted(lk::ConnectionTest::Step step);
    void stepFinished(lk::ConnectionTest::Step step, bool ok, const QString &message);
    void finished(const lk::JobResult &result);

private:
    void list();
    void write();
    void readBack();
    void remove();
    void fail(Step step, const QString &message, const QString &tail);

    Profile m_profile;
    Storage *m_storage = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_probeName;
    QByteArray m_probe;
    bool m_done = false;
};

} // namespace lk

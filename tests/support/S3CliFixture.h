// The set-up integration tests share when they drive the real binary against s3rver with
// credentials from the environment: a private home, a fresh prefix per test, one database,
// and the verbs they run most (profile add, backup, list), plus s3rver's stored objects.
#pragma once

#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

#include <memory>

namespace lkt {

inline QString describe(const RunResult &r)
{
    return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3")
        .arg(r.exitCode)
        .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err));
}

class S3CliFixture
{
protected:
    S3Server m_server{QStringLiteral("backups")};
    std::unique_ptr<TestHome> m_home;
    QProcessEnvironment m_env;
    QString m_prefix;

    // A new home with the S3 keys in its environment, a prefix "<tag>-<test>-<random>" and a
    // 300-row WAL database; false when the database cannot be made.
    bool freshHome(const QString &tag)
    {
        m_home = std::make_unique<TestHome>();
        m_env = m_home->environment();
        m_env.insert(QStringLiteral("LITEKEEP_ACCESS_KEY_ID"), QLatin1String(S3Server::kAccessKey));
        m_env.insert(QStringLiteral("LITEKEEP_SECRET_ACCESS_KEY"),
                     QLatin1String(S3Server::kSecret));
        m_prefix = QStringLiteral("%1-%2-%3")
                       .arg(tag, QString::fromLatin1(QTest::currentTestFunction()).toLower())
                       .arg(QRandomGenerator::global()->generate());
        return makeDatabase(db(), QStringLiteral("wal"), 300);
    }

    QString db() const { return m_home->file(QStringLiteral("cogito.db")); }
    QString dest() const { return QStringLiteral("s3://backups/") + m_prefix; }
    RunResult lk(const QStringList &args, const QProcessEnvironment &env,
                 const QByteArray &input = {}) const
    {
        return runLiteKeep(args, env, input, 180000);
    }
    RunResult lk(const QStringList &args) const { return lk(args, m_env); }
    void addProfile(const QString &name, const QString &destination, const QString &endpoint,
                    const QStringList &extra = {})
    {
        const RunResult r = lk(QStringList{QStringLiteral("profile"), QStringLiteral("add"), name,
                                           QStringLiteral("--db"), db(), QStringLiteral("--dest"),
                                           destination, QStringLiteral("--endpoint"), endpoint} +
                               extra);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }
    QString backup(const QProcessEnvironment &env)
    {
        const RunResult r = lk({QStringLiteral("--json"), QStringLiteral("backup")}, env);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(describe(r)));
        return QJsonDocument::fromJson(r.out)
            .object()
            .value(QLatin1String("generation"))
            .toString();
    }
    QString backup() { return backup(m_env); }
    QStringList listedNames(const QProcessEnvironment &env) const
    {
        QStringList names;
        const QJsonArray array =
            QJsonDocument::fromJson(lk({QStringLiteral("--json"), QStringLiteral("list")}, env).out)
                .object()
                .value(QLatin1String("generations"))
                .toArray();
        for (const QJsonValue &v : array)
            names.append(v.toObject().value(QLatin1String("generation")).toString());
        return names;
    }
    QString wrapper(const QString &body) const
    {
        const QString folder = m_home->file(QStringLiteral("wrapper"));
        QDir().mkpath(folder);
        return writeRcloneWrapper(folder, body);
    }
    // The stored objects of one generation, as s3rver keeps them.
    QString storedFile(const QString &object) const
    {
        return QStringLiteral("%1/%2/%3/default/%4._S3rver_object")
            .arg(m_server.dataDir(), m_server.bucket(), m_prefix, object);
    }
};

} // namespace lkt

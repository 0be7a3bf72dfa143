// A profile backed up to a real s3rver with the real binary, for the windows and wizards that
// browse, verify and restore generations in process. Credentials come from the environment
// (the same variables the headless CLI reads), so no keychain is needed.
#pragma once

#include "history/Catalog.h"
#include "settings/Config.h"
#include "settings/Profile.h"

#include "TestSupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

namespace lkt {

class GuiFixture
{
public:
    S3Server server{QStringLiteral("backups")};
    std::unique_ptr<TestHome> home;
    QProcessEnvironment env;
    std::unique_ptr<lk::Config> config;
    std::unique_ptr<lk::Catalog> catalog;
    QString prefix;

    bool startServer() { return server.start(); }

    // A fresh home, database and profile "default" with `rows` notes.
    bool setUp(const QString &testName, int rows)
    {
        home = std::make_unique<TestHome>();
        home->applyToThisProcess();
        env = home->environment();
        env.insert(QStringLiteral("LITEKEEP_ACCESS_KEY_ID"), QLatin1String(S3Server::kAccessKey));
        env.insert(QStringLiteral("LITEKEEP_SECRET_ACCESS_KEY"), QLatin1String(S3Server::kSecret));
        qputenv("LITEKEEP_ACCESS_KEY_ID", S3Server::kAccessKey);
        qputenv("LITEKEEP_SECRET_ACCESS_KEY", S3Server::kSecret);
        prefix = QStringLiteral("%1-%2")
                     .arg(testName.toLower())
                     .arg(QDateTime::currentMSecsSinceEpoch());
        if (!makeDatabase(db(), QStringLiteral("wal"), rows))
            return false;
        const RunResult r =
            runLiteKeep({QStringLiteral("profile"), QStringLiteral("add"),
                         QStringLiteral("default"), QStringLiteral("--db"), db(),
                         QStringLiteral("--dest"), QStringLiteral("s3://backups/") + prefix,
                         QStringLiteral("--endpoint"), server.endpoint()},
                        env);
        if (r.exitCode != 0) {
            qWarning("profile add: %s", r.err.constData());
            return false;
        }
        config = std::make_unique<lk::Config>(home->configFile());
        catalog = std::make_unique<lk::Catalog>(home->historyFile());
        return config->load().ok && catalog->open().ok;
    }

    QString db() const { return home->file(QStringLiteral("cogito.db")); }
    lk::Profile profile() const { return *config->profile(QStringLiteral("default")); }

    // One backup with the real binary (no verification unless asked); its generation's name.
    QString backup(bool verify = false)
    {
        // Generation names have a one-second resolution: never two in the same second.
        const qint64 second = QDateTime::currentSecsSinceEpoch();
        while (QDateTime::currentSecsSinceEpoch() == second)
            QTest::qWait(50);
        QStringList args{QStringLiteral("--json"), QStringLiteral("backup")};
        if (!verify)
            args.append(QStringLiteral("--no-verify"));
        const RunResult r = runLiteKeep(args, env);
        if (r.exitCode != 0) {
            qWarning("backup: %s %s", r.out.constData(), r.err.constData());
            return {};
        }
        return QJsonDocument::fromJson(r.out)
            .object()
            .value(QLatin1String("generation"))
            .toString();
    }

    bool verify(const QString &generation)
    {
        const RunResult r = runLiteKeep({QStringLiteral("verify"), generation}, env);
        if (r.exitCode != 0)
            qWarning("verify: %s", r.err.constData());
        return r.exitCode == 0;
    }

    // One statement through the sqlite3 shell, as another program would write.
    bool sql(const QString &statement) const
    {
        const RunResult r = runProgram(QStringLiteral("sqlite3"), {db(), statement}, env);
        if (r.exitCode != 0)
            qWarning("sqlite3: %s", r.err.constData());
        return r.exitCode == 0;
    }

    // The file s3rver keeps an object of the profile's folder in.
    QString storedFile(const QString &object) const
    {
        return QStringLiteral("%1/%2/%3/default/%4._S3rver_object")
            .arg(server.dataDir(), server.bucket(), prefix, object);
    }
};

} // namespace lkt

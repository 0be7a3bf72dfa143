// The headless command line: global options, then one verb on the same engine as the GUI.
#pragma once

#include "CliContext.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace lk {

class Command;

class Cli : public QObject
{
    Q_OBJECT

public:
    explicit Cli(QObject *parent = nullptr);
    ~Cli() override;

    // Whether these arguments ask for the command line rather than the tray app.
    static bool wantsCli(const QStringList &arguments);

    // Runs the verb; emits done(exitCode) when it has finished.
    void run(const QStringList &arguments);
    static QString usage();

Q_SIGNALS:
    void done(int exitCode);

private:
    void finishWith(int code);

    std::unique_ptr<CliContext> m_ctx;
    Command *m_command = nullptr;
};

} // namespace lk

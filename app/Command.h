// A CLI verb: parses its own arguments, runs (possibly asynchronously), emits one exit code.
#pragma once

#include "CliContext.h"

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>

namespace lk {

class Command : public QObject
{
    Q_OBJECT

public:
    explicit Command(CliContext &context, QObject *parent = nullptr)
        : QObject(parent), m_ctx(context)
    {
    }

    // `arguments` are what follows the verb. Ends, now or later, with done().
    virtual void run(const QStringList &arguments) = 0;

Q_SIGNALS:
    void done(int exitCode);

protected:
    // Parses options; on a usage error prints it and returns false (and emits done(2)).
    bool parse(QCommandLineParser &parser, const QStringList &arguments)
    {
        parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
        if (!parser.parse(QStringList{QStringLiteral("litekeep")} + arguments)) {
            finish(m_ctx.usageError(parser.errorText()));
            return false;
        }
        return true;
    }
    void finish(int exitCode) { Q_EMIT done(exitCode); }

    CliContext &m_ctx;
};

} // namespace lk

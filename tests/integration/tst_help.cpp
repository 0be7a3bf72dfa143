// The built-in help and the man page: every command is explained, with exactly the options its
// parser accepts, and a wrong command is a usage error (exit 2) that names the right ones.
#include "TestSupport.h"
#include "settings/SettingsRegistry.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace lkt;

namespace {
QString readSource(const QString &relative)
{
    QFile file(QStringLiteral(LITEKEEP_SOURCE_DIR "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QStringList matches(const QString &text, const QString &pattern)
{
    QStringList found;
    auto it = QRegularExpression(pattern).globalMatch(text);
    while (it.hasNext())
        found.append(it.next().captured(1));
    found.removeDuplicates();
    return found;
}

// The verbs Cli.cpp registers: the truth the help is checked against.
QStringList registeredCommands()
{
    return matches(readSource(QStringLiteral("app/Cli.cpp")),
                   QStringLiteral("\\{\"([a-z-]+)\",\\s*&make<"));
}

// The options of "profile add/set": ProfileCommand builds its parser from the settings registry
// (profileParserTakesTheRegistrysOptions checks that the binary accepts each of them).
QStringList registryOptions()
{
    QStringList options;
    for (const lk::SettingsRegistry::Entry *e :
         lk::SettingsRegistry::entries(lk::SettingsRegistry::Scope::Profile)) {
        if (e->option)
            options.append(QLatin1String(e->option));
    }
    return options;
}

// The long options a verb's QCommandLineParser knows, read from app/<Verb>Command.cpp.
QStringList parserOptions(const QString &command)
{
    if (command == QLatin1String("profile"))
        return registryOptions();
    QString file = command;
    file[0] = file[0].toUpper();
    const QString source = readSource(QStringLiteral("app/%1Command.cpp").arg(file));
    return matches(
        source,
        QStringLiteral(
            "QCommandLineOption\\s+\\w+\\s*[({]\\s*QStringLiteral\\(\"([a-z][a-z-]*)\"\\)"));
}

// The options listed under "Options:" in `litekeep help COMMAND`.
QStringList helpOptions(const QString &help)
{
    const qsizetype start = help.indexOf(QLatin1String("\nOptions:\n"));
    if (start < 0)
        return {};
    const qsizetype end = help.indexOf(QLatin1String("\n\n"), start + 1);
    return matches(help.mid(start, end - start), QStringLiteral("\n  --([a-z][a-z-]*)"));
}
} // namespace

class TestHelp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHome> m_home;

    RunResult lk(const QStringList &args) const { return runLiteKeep(args, m_home->environment()); }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<TestHome>();
        QVERIFY(m_home->isValid());
    }

    void overviewListsEveryCommand()
    {
        const QStringList commands = registeredCommands();
        QVERIFY2(commands.size() >= 12, qPrintable(commands.join(QLatin1Char(' '))));
        QVERIFY(commands.contains(QStringLiteral("help")));

        const RunResult r = lk({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        const QString out = QString::fromUtf8(r.out);
        for (const QString &command : commands)
            QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\n  %1 +\\S").arg(command))),
                     qPrintable(command + QStringLiteral(" is not listed in --help:\n") + out));
        for (const char *line :
             {"\n  0  success", "\n  1  the job failed", "\n  2  usage or configuration error"})
            QVERIFY2(out.contains(QLatin1String(line)), line);
        QVERIFY(out.contains(QLatin1String("LITEKEEP_ACCESS_KEY_ID")));

        // The same overview, however it is asked for.
        for (const QStringList &args :
             {QStringList{QStringLiteral("-h")}, QStringList{QStringLiteral("help")},
              QStringList{QStringLiteral("--json"), QStringLiteral("--help")}}) {
            const RunResult again = lk(args);
            QCOMPARE(again.exitCode, 0);
            QCOMPARE(again.out, r.out);
        }
    }

    void everyCommandIsExplained()
    {
        for (const QString &command : registeredCommands()) {
            const RunResult r = lk({QStringLiteral("help"), command});
            QVERIFY2(r.exitCode == 0,
                     qPrintable(command + QLatin1Char(' ') + QString::fromUtf8(r.err)));
            const QString out = QString::fromUtf8(r.out);
            QVERIFY2(out.startsWith(QStringLiteral("litekeep %1 — ").arg(command)),
                     qPrintable(out));
            QVERIFY2(out.contains(QLatin1String("\nUsage:\n  litekeep ") + command),
                     qPrintable(out));
            QVERIFY2(out.contains(QLatin1String("\nExamples:\n")), qPrintable(out));
            QVERIFY2(out.contains(QLatin1String("\n    litekeep ") + command), qPrintable(out));
            QVERIFY2(out.contains(QLatin1String("\n  2  usage or configuration error")),
                     qPrintable(out));

            // "litekeep VERB --help" is the same text, wherever --help is on the line.
            QCOMPARE(lk({command, QStringLiteral("--help")}).out, r.out);
            QCOMPARE(lk({command, QStringLiteral("something"), QStringLiteral("-h")}).out, r.out);
        }
    }

    void helpBackupShowsItsOptions()
    {
        const RunResult r = lk({QStringLiteral("help"), QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        for (const char *expected :
             {"litekeep backup [--profile NAME] [--no-verify]", "\n  --profile NAME ",
              "\n  --no-verify ", "\n    litekeep backup\n"})
            QVERIFY2(r.out.contains(expected), expected);
    }

    // Both directions: what the parser accepts is documented, and nothing else is.
    void helpListsExactlyTheParsersOptions()
    {
        for (const QString &command : registeredCommands()) {
            if (command == QLatin1String("help"))
                continue;
            const QStringList accepted = parserOptions(command);
            const RunResult r = lk({QStringLiteral("help"), command});
            QStringList documented = helpOptions(QString::fromUtf8(r.out));
            QStringList expected = accepted;
            documented.sort();
            expected.sort();
            QCOMPARE(documented, expected);
        }
    }

    void unknownCommandIsAUsageError()
    {
        for (const QStringList &args :
             {QStringList{QStringLiteral("help"), QStringLiteral("nosuchverb")},
              QStringList{QStringLiteral("nosuchverb")}}) {
            const RunResult r = lk(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.contains("\"nosuchverb\" is not a LiteKeep command."),
                     r.err.constData());
            QVERIFY2(r.err.contains("The commands are: profile, credentials, backup,"),
                     r.err.constData());
            QVERIFY2(r.err.contains("litekeep --help"), r.err.constData());
        }
        const RunResult option = lk({QStringLiteral("--nosuchoption")});
        QCOMPARE(option.exitCode, 2);
        QVERIFY2(option.err.contains("Unknown option \"--nosuchoption\""), option.err.constData());
    }

    void manPageCoversEveryCommandAndOption()
    {
        const QString page = readSource(QStringLiteral("packaging/litekeep.1"));
        QVERIFY(!page.isEmpty());
        for (const QString &command : registeredCommands()) {
            QVERIFY2(page.contains(QStringLiteral("\n.SS \"%1").arg(command)), qPrintable(command));
            for (const QString &option : parserOptions(command)) {
                const QString escaped =
                    QStringLiteral("\\-\\-") +
                    QString(option).replace(QLatin1Char('-'), QStringLiteral("\\-"));
                QVERIFY2(page.contains(escaped),
                         qPrintable(command + QStringLiteral(": ") + escaped));
            }
        }
        const qsizetype exitStatus = page.indexOf(QLatin1String("\n.SH EXIT STATUS\n"));
        QVERIFY(exitStatus > 0);
        const QString section = page.mid(
            exitStatus, page.indexOf(QLatin1String("\n.SH "), exitStatus + 1) - exitStatus);
        for (const char *code : {"\n.B 0\n", "\n.B 1\n", "\n.B 2\n"})
            QVERIFY2(section.contains(QLatin1String(code)), code);
    }

    // The registry's options and nothing else, with their value names, in the registry's order.
    void profileHelpListsTheRegistry()
    {
        const QString out =
            QString::fromUtf8(lk({QStringLiteral("help"), QStringLiteral("profile")}).out);
        QCOMPARE(helpOptions(out), registryOptions());
        for (const lk::SettingsRegistry::Entry *e :
             lk::SettingsRegistry::entries(lk::SettingsRegistry::Scope::Profile)) {
            if (e->option) {
                const QString row = QStringLiteral("\n  --%1 %2 ")
                                        .arg(QLatin1String(e->option), QLatin1String(e->valueName));
                QVERIFY2(out.contains(row), qPrintable(row + QLatin1Char('\n') + out));
            }
        }
    }

    // The binary's parser takes every option of the registry: with all of them on one line, what
    // fails is the unknown profile, not an option.
    void profileParserTakesTheRegistrysOptions()
    {
        QStringList args{QStringLiteral("profile"), QStringLiteral("set"),
                         QStringLiteral("nosuchprofile")};
        for (const QString &option : registryOptions())
            args << QStringLiteral("--") + option << QStringLiteral("1");
        const RunResult r = lk(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("There is no profile named \"nosuchprofile\""), r.err.constData());
        const RunResult unknown =
            lk({QStringLiteral("profile"), QStringLiteral("set"), QStringLiteral("x"),
                QStringLiteral("--no-such-setting"), QStringLiteral("1")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("Unknown option"), unknown.err.constData());
    }

    // The man page lists the options of "profile add/set" and the application settings of the
    // settings file as the registry declares them: names, value names, order and defaults.
    void manPageListsTheRegistry()
    {
        const QString page = readSource(QStringLiteral("packaging/litekeep.1"))
                                 .replace(QLatin1String("\\-"), QLatin1String("-"));
        const auto section = [&page](const QString &from, const QString &to) {
            const qsizetype start = page.indexOf(from);
            return start < 0 ? QString()
                             : page.mid(start, page.indexOf(to, start) + 1 -
                                                   start); // with its last newline
        };
        // ".TP\n.BI --keep-days " N"\nDays of generations to keep (30).\n"
        const QString profile =
            section(QStringLiteral("\n.SS \"profile add"), QStringLiteral("\n.SS \"credentials"));
        auto it = QRegularExpression(QStringLiteral("(?m)^\\.TP\n\\.B[IR]? --([a-z-]+) "
                                                    "\"\\s*([^\"]*)\"([^\n]*)\n((?:[^.][^\n]*\n|\\."
                                                    "(?!TP\\b|RE\\b)[A-Z]+ [^\n]*\n)*)"))
                      .globalMatch(profile);
        QStringList documented;
        QMap<QString, QString> texts;
        while (it.hasNext()) {
            const auto m = it.next();
            const QString value = QString(m.captured(2) + m.captured(3)).remove(QLatin1Char(' '));
            documented.append(m.captured(1) + QLatin1Char(' ') + value);
            texts.insert(m.captured(1), m.captured(4));
        }
        QStringList declared;
        for (const lk::SettingsRegistry::Entry *e :
             lk::SettingsRegistry::entries(lk::SettingsRegistry::Scope::Profile)) {
            if (!e->option)
                continue;
            declared.append(QLatin1String(e->option) + QLatin1Char(' ') +
                            QLatin1String(e->valueName));
            const QString shown = lk::SettingsRegistry::defaultText(*e);
            QVERIFY2(texts.value(QLatin1String(e->option)).contains(shown),
                     qPrintable(QStringLiteral("--%1 does not say its default %2: %3")
                                    .arg(QLatin1String(e->option), shown,
                                         texts.value(QLatin1String(e->option)))));
        }
        QCOMPARE(documented, declared);

        // ".TP\n.B compression_threads\nHow many ... (default 0).\n" under FILES, litekeep.ini.
        const QString files = section(QStringLiteral("\n.I ~/.config/litekeep/litekeep.ini\n"),
                                      QStringLiteral("\n.RE\n"));
        auto key = QRegularExpression(QStringLiteral("(?m)^\\.TP\n\\.B ([a-z_]+)\n([^\n]*)\n"))
                       .globalMatch(files);
        QStringList keys;
        while (key.hasNext()) {
            const auto m = key.next();
            keys.append(m.captured(1));
            for (const lk::SettingsRegistry::Entry *e :
                 lk::SettingsRegistry::entries(lk::SettingsRegistry::Scope::Application)) {
                if (m.captured(1) != QLatin1String(e->key))
                    continue;
                // The registry's sentence, with the default: "... one per core (default 0)."
                const QString fallback = QLatin1String(e->defaultValue);
                const QString sentence = lk::SettingsRegistry::help(*e);
                QCOMPARE(m.captured(2), fallback.isEmpty()
                                            ? sentence
                                            : sentence.chopped(1) +
                                                  QStringLiteral(" (default %1).").arg(fallback));
            }
        }
        QStringList application;
        for (const lk::SettingsRegistry::Entry *e :
             lk::SettingsRegistry::entries(lk::SettingsRegistry::Scope::Application))
            application.append(QLatin1String(e->key));
        QCOMPARE(keys, application);
    }

    void readmeDocumentsExitCodes()
    {
        const QString readme = readSource(QStringLiteral("README.md"));
        QVERIFY(readme.contains(QLatin1String("\n## Exit codes\n")));
        for (const char *row : {"\n| 0 | success |", "\n| 1 | the job failed",
                                "\n| 2 | usage or configuration error"})
            QVERIFY2(readme.contains(QLatin1String(row)), row);
        QVERIFY(readme.contains(QLatin1String("scripts/package")));
    }
};

QTEST_GUILESS_MAIN(TestHelp)
#include "tst_help.moc"

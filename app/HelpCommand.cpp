// litekeep help [COMMAND]: the overview, or one command with its options and examples.
#include "HelpCommand.h"

#include "BackupCommand.h"
#include "DiffCommand.h"
#include "DismissCommand.h"
#include "PruneCommand.h"
#include "RestoreCommand.h"
#include "ScheduleCommand.h"
#include "ShowCommand.h"
#include "StatusCommand.h"
#include "VerifyCommand.h"
#include "settings/SettingsRegistry.h"

#include <algorithm>

namespace lk {

namespace {

constexpr int kWidth = 79;

struct Option
{
    QString names; // "--to PATH"
    QString text;
};

struct Example
{
    QString what;    // a sentence, translated
    QString command; // typed as is, never translated
};

struct Topic
{
    QString command;
    QString summary;
    QStringList synopsis;
    QStringList paragraphs;
    QList<Option> options;
    QList<Example> examples;
};

QString profileOptionText()
{
    return HelpCommand::tr("The profile to use (default: \"default\").");
}

QString generationText()
{
    return HelpCommand::tr("One generation, by the name \"litekeep list\" prints, e.g. "
                           "default-20261127T020000Z.");
}

// The options of "profile add/set": the settings registry's, with its help sentences.
QList<Option> profileOptions()
{
    QList<Option> options;
    for (const auto *entry : SettingsRegistry::entries(SettingsRegistry::Scope::Profile)) {
        if (entry->option)
            options.append({QStringLiteral("--%1 %2").arg(QLatin1String(entry->option),
                                                          QLatin1String(entry->valueName)),
                            SettingsRegistry::help(*entry)});
    }
    return options;
}

// Every command. Option texts are the verbs' own (XCommand::tr, or the registry's for a profile's
// settings): the help says what each verb's parser says, in the same words and the same
// translation. tst_help checks both directions.
QList<Topic> topics()
{
    const Option profile{QStringLiteral("--profile NAME"), profileOptionText()};
    const Option generation{HelpCommand::tr("GENERATION"), generationText()};
    return {
        {QStringLiteral("profile"),
         HelpCommand::tr("add, change, list, show or remove backup profiles"),
         {HelpCommand::tr("litekeep profile add NAME --db PATH [OPTIONS]"),
          HelpCommand::tr("litekeep profile set NAME [OPTIONS]"),
          QStringLiteral("litekeep profile list"), HelpCommand::tr("litekeep profile show NAME"),
          HelpCommand::tr("litekeep profile remove NAME")},
         {HelpCommand::tr(
              "A profile is one database, one destination, a daily time and a retention "
              "rule. \"add\" creates one: --db is required, and the destination defaults "
              "to a folder in ~/.local/share/litekeep/backups. \"set\" changes only the "
              "options given. \"list\" and \"show\" print profiles. \"remove\" forgets a "
              "profile but leaves its generations on the destination."),
          HelpCommand::tr("DEST is a local folder or s3://BUCKET/PREFIX. For S3, store the access "
                          "key with \"litekeep credentials set NAME\".")},
         profileOptions(),
         {{HelpCommand::tr("Back up a database to the default local folder:"),
           QStringLiteral("litekeep profile add default --db ~/cogito/cogito.db")},
          {HelpCommand::tr("Back up to Cloudflare R2:"),
           QStringLiteral("litekeep profile add cogito --db ~/cogito/cogito.db --dest "
                          "s3://my-bucket/cogito \\\n"
                          "    --endpoint https://ACCOUNT_ID.r2.cloudflarestorage.com")},
          {HelpCommand::tr("Keep 60 days and back up at 03:30:"),
           QStringLiteral("litekeep profile set cogito --keep-days 60 --at 03:30")},
          {HelpCommand::tr("Forget a profile (its backups stay where they are):"),
           QStringLiteral("litekeep profile remove old")}}},

        {QStringLiteral("credentials"),
         HelpCommand::tr("store or remove the S3 access key of a profile in the keychain"),
         {HelpCommand::tr("litekeep credentials set NAME"),
          HelpCommand::tr("litekeep credentials remove NAME")},
         {HelpCommand::tr(
              "\"set\" reads the access key id and then the secret access key from standard "
              "input, one per line (the secret is not echoed on a terminal), and stores them "
              "in the system keychain. \"remove\" deletes them. Keys never go into the "
              "settings file, command lines or logs."),
          HelpCommand::tr(
              "Without a keychain (a server, a systemd service), set LITEKEEP_ACCESS_KEY_ID "
              "and LITEKEEP_SECRET_ACCESS_KEY in the environment instead; they take "
              "precedence over the keychain.")},
         {},
         {{HelpCommand::tr("Type the keys when asked:"),
           QStringLiteral("litekeep credentials set default")},
          {HelpCommand::tr("From a script:"),
           QStringLiteral(
               "printf '%s\\n%s\\n' \"$KEY_ID\" \"$SECRET\" | litekeep credentials set cogito")}}},

        {QStringLiteral("backup"),
         HelpCommand::tr("back up a profile's database now"),
         {HelpCommand::tr("litekeep backup [--profile NAME] [--no-verify]")},
         {HelpCommand::tr(
              "Takes a hot snapshot through SQLite's online backup API, checks its "
              "integrity, compresses it with gzip, uploads it and then its manifest. Then "
              "it downloads the new generation again to verify it and, only if that passes, "
              "applies retention."),
          HelpCommand::tr("Progress goes to standard error. Ctrl+C cancels cleanly and leaves no "
                          "generation behind.")},
         {{QStringLiteral("--profile NAME"), BackupCommand::tr("The profile to back up.") +
                                                 QLatin1Char(' ') +
                                                 HelpCommand::tr("(default: \"default\")")},
          {QStringLiteral("--no-verify"),
           BackupCommand::tr(
               "Skip verifying the new generation (and so retention) for this run.")}},
         {{HelpCommand::tr("Back up the profile \"default\":"), QStringLiteral("litekeep backup")},
          {HelpCommand::tr("Back up \"cogito\" and print the outcome as JSON:"),
           QStringLiteral("litekeep --json backup --profile cogito")}}},

        {QStringLiteral("list"),
         HelpCommand::tr("list the generations on the destination"),
         {HelpCommand::tr("litekeep list [--profile NAME]")},
         {HelpCommand::tr(
             "Lists the generations on the destination with their time, age, sizes and "
             "the result of their last verification. Incomplete and damaged generations "
             "are listed too, with what is wrong with them.")},
         {profile},
         {{HelpCommand::tr("The generations of \"default\":"), QStringLiteral("litekeep list")},
          {HelpCommand::tr("As JSON, for a script:"),
           QStringLiteral("litekeep --json list --profile cogito")}}},

        {QStringLiteral("verify"),
         HelpCommand::tr("download generations and prove that they restore"),
         {HelpCommand::tr(
             "litekeep verify [--profile NAME] [GENERATION | --latest | --all | --drill]")},
         {HelpCommand::tr(
             "Downloads generations and checks the SHA-256 of both files, gunzips them, "
             "runs PRAGMA integrity_check and compares the page count, schema hash and "
             "row counts with the manifest. Without a choice it verifies the newest "
             "generation. The exit status is 1 if any generation fails.")},
         {profile,
          generation,
          {QStringLiteral("--latest"), VerifyCommand::tr("The newest generation (the default).")},
          {QStringLiteral("--all"), VerifyCommand::tr("Every generation.")},
          {QStringLiteral("--drill"),
           VerifyCommand::tr("A restore drill: the newest and one random older generation.")}},
         {{HelpCommand::tr("Verify the newest generation:"), QStringLiteral("litekeep verify")},
          {HelpCommand::tr("Verify every generation of \"cogito\":"),
           QStringLiteral("litekeep verify --all --profile cogito")},
          {HelpCommand::tr("Verify one generation:"),
           QStringLiteral("litekeep verify default-20261127T020000Z")}}},

        {QStringLiteral("show"),
         HelpCommand::tr("show what a generation holds"),
         {HelpCommand::tr("litekeep show [--profile NAME] (GENERATION | --latest) [--deep]")},
         {HelpCommand::tr(
             "Prints a generation's manifest: when and where it was made, the SQLite and "
             "LiteKeep versions, sizes, page count and the rows of each table. --deep "
             "downloads and verifies the generation once (it stays in a local cache) and "
             "describes the database itself.")},
         {profile,
          generation,
          {QStringLiteral("--latest"), ShowCommand::tr("The newest generation.")},
          {QStringLiteral("--deep"),
           ShowCommand::tr("Also look inside the database (downloads and verifies it once).")}},
         {{HelpCommand::tr("The newest generation:"), QStringLiteral("litekeep show --latest")},
          {HelpCommand::tr("Look inside it:"), QStringLiteral("litekeep show --latest --deep")}}},

        {QStringLiteral("diff"),
         HelpCommand::tr("compare two generations, or one with the live database"),
         {HelpCommand::tr("litekeep diff [--profile NAME] GENERATION (GENERATION | --live)")},
         {HelpCommand::tr("Prints the tables added and removed, the change in row counts and the "
                          "schema changes between two generations, or between a generation and the "
                          "live database (which is only read).")},
         {profile,
          generation,
          {QStringLiteral("--live"), DiffCommand::tr("Compare with the live database.")}},
         {{HelpCommand::tr("What changed between two nights:"),
           QStringLiteral("litekeep diff default-20261126T020000Z default-20261127T020000Z")},
          {HelpCommand::tr("What changed since a generation:"),
           QStringLiteral("litekeep diff default-20261127T020000Z --live")}}},

        {QStringLiteral("prune"),
         HelpCommand::tr("delete the generations that retention no longer keeps"),
         {HelpCommand::tr("litekeep prune [--profile NAME] [--dry-run] [--include-damaged]")},
         {HelpCommand::tr(
              "Applies the profile's retention to what is on the destination: it keeps "
              "--keep-days days, the newest --keep-min good generations, the newest "
              "verified one and the newest of each of the last --keep-monthly months, and "
              "deletes the rest, manifest first. It never deletes what it cannot parse. "
              "A backup applies retention by itself after it verifies."),
          HelpCommand::tr(
              "A damaged generation (its manifest does not parse or does not match its "
              "data) is never deleted by retention: it is kept, and listed as damaged with "
              "the reason, because its data may still be restorable by hand. "
              "--include-damaged also deletes the damaged generations that retention would "
              "otherwise delete: those older than --keep-days days. It never deletes the "
              "newest verified generation or anything pinned, and like every prune it "
              "deletes nothing after a failed backup. Data without a manifest, left by a "
              "run that did not finish, is incomplete, not damaged: it goes once older "
              "than --keep-days days.")},
         {profile,
          {QStringLiteral("--dry-run"), PruneCommand::tr("Print the plan; delete nothing.")},
          {QStringLiteral("--include-damaged"),
           PruneCommand::tr("Also delete damaged generations (a manifest that does not parse or "
                            "does not match its "
                            "data) that retention no longer keeps.")}},
         {{HelpCommand::tr("See what would be deleted:"),
           QStringLiteral("litekeep prune --dry-run")},
          {HelpCommand::tr("Delete it:"), QStringLiteral("litekeep prune")},
          {HelpCommand::tr("See which damaged generations would be deleted too:"),
           QStringLiteral("litekeep prune --dry-run --include-damaged")},
          {HelpCommand::tr("Delete them:"), QStringLiteral("litekeep prune --include-damaged")}}},

        {QStringLiteral("restore"),
         HelpCommand::tr("restore a generation to a new file or in place"),
         {HelpCommand::tr(
              "litekeep restore [--profile NAME] (GENERATION | --latest) (--to PATH | --in-place) "
              "[--force]"),
          HelpCommand::tr("litekeep restore --undo [--profile NAME]")},
         {HelpCommand::tr(
             "Verifies the generation fully before anything is written. --to writes a new "
             "file. --in-place replaces the live database: a copy of it is kept first in "
             "~/.local/share/litekeep/pre-restore, then the generation is written through "
             "SQLite's backup API, so programs that have the database open see the old or "
             "the new content, never a mix. --undo puts back what the last in-place "
             "restore replaced.")},
         {profile,
          generation,
          {QStringLiteral("--latest"), RestoreCommand::tr("The newest generation that verifies.")},
          {QStringLiteral("--to PATH"), RestoreCommand::tr("Restore into this new file.")},
          {QStringLiteral("--in-place"),
           RestoreCommand::tr("Replace the live database (a copy of it is kept first).")},
          {QStringLiteral("--force"),
           RestoreCommand::tr("Replace an existing --to file (kept beside it), or accept a "
                              "generation of another database.")},
          {QStringLiteral("--undo"),
           RestoreCommand::tr("Put back the copy kept by the last in-place restore.")}},
         {{HelpCommand::tr("Restore the newest good generation into a new file:"),
           QStringLiteral("litekeep restore --latest --to ~/cogito-restored.db")},
          {HelpCommand::tr("Replace the live database with a chosen generation:"),
           QStringLiteral("litekeep restore default-20261127T020000Z --in-place")},
          {HelpCommand::tr("Changed your mind:"), QStringLiteral("litekeep restore --undo")}}},

        {QStringLiteral("status"),
         HelpCommand::tr("the last run, the last good backup and the last proof of each profile"),
         {HelpCommand::tr("litekeep status [--profile NAME]")},
         {HelpCommand::tr(
             "Prints, for every profile or the one named, the last backup run and how it "
             "ended, the last successful backup, and when a generation was last proven "
             "restorable (checked after upload, verified or drilled). It reads the local "
             "history only and does not contact the destination.")},
         {{QStringLiteral("--profile NAME"),
           StatusCommand::tr("Only this profile (default: all).")}},
         {{HelpCommand::tr("Every profile:"), QStringLiteral("litekeep status")},
          {HelpCommand::tr("One profile, as JSON:"),
           QStringLiteral("litekeep --json status --profile cogito")}}},

        {QStringLiteral("schedule"),
         HelpCommand::tr("back up daily without the tray application (systemd or cron)"),
         {HelpCommand::tr(
             "litekeep schedule (install | remove) (--systemd | --cron) [--profile NAME]")},
         {HelpCommand::tr(
              "For servers and sessions without the tray application, at the profile's "
              "daily time (--at). --systemd writes litekeep-NAME.service and "
              "litekeep-NAME.timer to ~/.config/systemd/user (Persistent=true: a run "
              "missed while the machine was off happens once at the next boot) and says "
              "how to enable them. --cron prints the crontab line to add or remove."),
          HelpCommand::tr(
              "The package also ships litekeep-backup@.timer, nightly at 02:00: "
              "\"systemctl --user enable --now litekeep-backup@NAME.timer\". A service has "
              "no keychain: give it LITEKEEP_ACCESS_KEY_ID and LITEKEEP_SECRET_ACCESS_KEY "
              "with \"systemctl --user edit\".")},
         {profile,
          {QStringLiteral("--systemd"), ScheduleCommand::tr("A systemd user service and timer.")},
          {QStringLiteral("--cron"), ScheduleCommand::tr("A crontab line.")}},
         {{HelpCommand::tr("A systemd user timer for \"default\":"),
           QStringLiteral("litekeep schedule install --systemd")},
          {HelpCommand::tr("The packaged timer instead:"),
           QStringLiteral("systemctl --user enable --now litekeep-backup@default.timer")},
          {HelpCommand::tr("A crontab line for \"cogito\":"),
           QStringLiteral("litekeep schedule install --cron --profile cogito")}}},

        {QStringLiteral("dismiss"),
         HelpCommand::tr("close a warning about rows that disappeared"),
         {HelpCommand::tr("litekeep dismiss [--profile NAME] (GENERATION | --all)")},
         {HelpCommand::tr(
             "When a backup finds that a table lost many rows since the previous "
             "generation (by default more than 20 % and at least 10 rows), or vanished, LiteKeep "
             "warns and keeps that previous generation out of retention's reach. Once you "
             "know the change was intended, dismiss the warning: retention then treats "
             "the kept generation like any other.")},
         {profile,
          {HelpCommand::tr("GENERATION"), HelpCommand::tr("The generation the warning is about.")},
          {QStringLiteral("--all"), DismissCommand::tr("Dismiss every open warning.")}},
         {{HelpCommand::tr("Dismiss the warning about one backup:"),
           QStringLiteral("litekeep dismiss default-20261127T020000Z")},
          {HelpCommand::tr("Dismiss every warning of \"cogito\":"),
           QStringLiteral("litekeep dismiss --all --profile cogito")}}},

        {QStringLiteral("help"),
         HelpCommand::tr("explain a command, with examples"),
         {HelpCommand::tr("litekeep help [COMMAND]"), HelpCommand::tr("litekeep COMMAND --help")},
         {HelpCommand::tr(
             "Without a command: the list of commands, the global options, the "
             "environment and the exit status. With one: what it does, its options and "
             "examples.")},
         {},
         {{HelpCommand::tr("How to restore:"), QStringLiteral("litekeep help restore")},
          {HelpCommand::tr("The same:"), QStringLiteral("litekeep restore --help")}}},
    };
}

// Breaks `text` at spaces into lines of at most kWidth columns, each starting with `indent`
// spaces. Text without spaces (Japanese) is left to the terminal to wrap.
QString wrapped(const QString &text, int indent)
{
    const QString margin(indent, QLatin1Char(' '));
    QString out = margin;
    qsizetype column = indent;
    bool lineEmpty = true;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!lineEmpty && column + 1 + word.size() > kWidth) {
            out += QLatin1Char('\n') + margin;
            column = indent;
            lineEmpty = true;
        }
        if (!lineEmpty) {
            out += QLatin1Char(' ');
            ++column;
        }
        out += word;
        column += word.size();
        lineEmpty = false;
    }
    return out;
}

// "  --to PATH      Restore into this new file." with the texts aligned after the longest names.
QString optionTable(const QList<Option> &options)
{
    qsizetype width = 0;
    for (const Option &o : options)
        width = std::max(width, o.names.size());
    const int textColumn = static_cast<int>(std::min<qsizetype>(width, 28)) + 4;
    QString out;
    for (const Option &o : options) {
        const QString names = QStringLiteral("  ") + o.names;
        const QString text = wrapped(o.text, textColumn);
        if (names.size() + 2 > textColumn)
            out += names + QLatin1Char('\n') + text + QLatin1Char('\n');
        else
            out += names.leftJustified(textColumn) + text.mid(textColumn) + QLatin1Char('\n');
    }
    return out;
}

QString exampleList(const QList<Example> &examples)
{
    QString out;
    for (const Example &e : examples)
        out += wrapped(e.what, 2) + QLatin1Char('\n') + QStringLiteral("    ") + e.command +
               QStringLiteral("\n");
    return out;
}

QString exitStatus()
{
    return HelpCommand::tr("Exit status:") + QLatin1Char('\n') +
           optionTable({{QStringLiteral("0"), HelpCommand::tr("success")},
                        {QStringLiteral("1"),
                         HelpCommand::tr("the job failed: backup, verification, restore, "
                                         "the destination or the keychain")},
                        {QStringLiteral("2"),
                         HelpCommand::tr("usage or configuration error: unknown command or "
                                         "option, missing argument, unknown profile, "
                                         "unreadable settings")}});
}

} // namespace

QStringList HelpCommand::commands()
{
    QStringList names;
    for (const Topic &t : topics())
        names.append(t.command);
    return names;
}

QString HelpCommand::overview()
{
    const QList<Topic> all = topics();
    QString out = tr("Usage: litekeep [--config FILE] [--json] COMMAND [ARGUMENTS]") +
                  QLatin1Char('\n') + tr("       litekeep help COMMAND") + QLatin1Char('\n') +
                  tr("       litekeep            (no arguments: the tray application)") +
                  QStringLiteral("\n\n") +
                  wrapped(tr("LiteKeep backs up live SQLite databases to a local folder or to "
                             "S3-compatible storage, verifies them and restores them."),
                          0) +
                  QStringLiteral("\n\n") + tr("Commands:") + QLatin1Char('\n');
    QList<Option> commandRows;
    for (const Topic &t : all)
        commandRows.append({t.command, t.summary});
    out += optionTable(commandRows);
    out +=
        QLatin1Char('\n') + tr("Global options, before COMMAND:") + QLatin1Char('\n') +
        optionTable({{QStringLiteral("--config FILE"),
                      tr("Use this settings file instead of ~/.config/litekeep/litekeep.ini.")},
                     {QStringLiteral("--json"), tr("Print one JSON document on standard output.")},
                     {QStringLiteral("--version"), tr("Print the version and exit.")},
                     {QStringLiteral("-h, --help"), tr("Print this help and exit.")}});
    out += QLatin1Char('\n') + tr("Environment:") + QLatin1Char('\n') +
           optionTable(
               {{QStringLiteral("LITEKEEP_ACCESS_KEY_ID, LITEKEEP_SECRET_ACCESS_KEY"),
                 tr("S3 credentials for headless use; they take precedence over the keychain.")},
                {QStringLiteral("LITEKEEP_RCLONE"),
                 tr("The rclone program to run (default: rclone).")}});
    out += QLatin1Char('\n') + exitStatus();
    out += QLatin1Char('\n') + tr("Examples:") + QLatin1Char('\n') +
           exampleList({{tr("Back up a database every night from the tray application:"),
                         QStringLiteral("litekeep profile add default --db ~/cogito/cogito.db")},
                        {tr("Back up now, then see the generations:"),
                         QStringLiteral("litekeep backup && litekeep list")},
                        {tr("Restore the newest generation into a new file:"),
                         QStringLiteral("litekeep restore --latest --to ~/restored.db")}});
    out +=
        QLatin1Char('\n') +
        wrapped(tr("\"litekeep help COMMAND\" or \"litekeep COMMAND --help\" explains one command. "
                   "DEST is a local folder or s3://BUCKET/PREFIX; --profile defaults to "
                   "\"default\". See also: man litekeep."),
                0);
    return out;
}

QString HelpCommand::commandHelp(const QString &command)
{
    for (const Topic &t : topics()) {
        if (t.command != command)
            continue;
        QString out = QStringLiteral("litekeep %1 — %2\n\n").arg(t.command, t.summary) +
                      tr("Usage:") + QLatin1Char('\n');
        for (const QString &line : t.synopsis)
            out += QStringLiteral("  ") + line + QLatin1Char('\n');
        for (const QString &paragraph : t.paragraphs)
            out += QLatin1Char('\n') + wrapped(paragraph, 0) + QLatin1Char('\n');
        if (!t.options.isEmpty())
            out += QLatin1Char('\n') + tr("Options:") + QLatin1Char('\n') + optionTable(t.options);
        out += QLatin1Char('\n') + tr("Examples:") + QLatin1Char('\n') + exampleList(t.examples);
        out += QLatin1Char('\n') + exitStatus();
        out += QLatin1Char('\n') +
               wrapped(tr("Global options (--config FILE, --json) go before the command: "
                          "\"litekeep --help\" lists them."),
                       0);
        return out;
    }
    return {};
}

QString HelpCommand::unknownCommand(const QString &word)
{
    return tr("\"%1\" is not a LiteKeep command. The commands are: %2.\n"
              "\"litekeep --help\" explains them.")
        .arg(word, commands().join(QLatin1String(", ")));
}

void HelpCommand::run(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    const QString text = command.isEmpty() ? overview() : commandHelp(command);
    if (text.isEmpty()) {
        finish(m_ctx.usageError(unknownCommand(command)));
        return;
    }
    if (m_ctx.json())
        m_ctx.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("help"), text}});
    else
        m_ctx.out(text);
    finish(ExitOk);
}

} // namespace lk

// Whether a generation is a backup of the database an in-place restore would replace, and if
// not, what differs: the one rule the CLI and the restore wizard share (through RestoreJob).
#pragma once

#include "generations/Manifest.h"
#include "jobs/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

namespace lk {

class DatabaseIdentity
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseIdentity)

public:
    // What tells one database from another, read from the live file without reading a table.
    struct Live
    {
        QString path; // the profile's database
        qint64 applicationId = 0;
        qint64 userVersion = 0;
        QString schemaSha256;
        QStringList tables; // sorted, without SQLite's own
    };

    // The live database's facts; nothing when there is nothing to compare with (no file, a file
    // SQLite cannot read, which a restore is there to cure, or a database without tables);
    // an error when it stayed locked, or the read was cancelled.
    static Result<std::optional<Live>> read(const QString &path, int busyTimeoutMs,
                                            const std::atomic_bool *cancel);

    // Empty when `generation` may replace `live`; otherwise one sentence that says what
    // differs ("Generation X does not look like a backup of PATH: …").
    static QString mismatch(const QString &generation, const Manifest &manifest, const Live &live);
};

} // namespace lk

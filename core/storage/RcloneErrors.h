// Turns what rclone printed into one sentence a person can act on.
#pragma once

#include "storage/RcloneProcess.h"

#include <QCoreApplication>
#include <QString>

namespace lk {

class Destination;

class RcloneErrors
{
    Q_DECLARE_TR_FUNCTIONS(RcloneErrors)

public:
    // `action` says what we were doing ("Uploading the backup"), `endpoint` may be empty.
    static QString explain(const RcloneProcess::Outcome &outcome, const QString &action,
                           const Destination &destination, const QString &endpoint);
};

} // namespace lk

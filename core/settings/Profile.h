// One thing to back up: which database, where to, how often and how long to keep it.
#pragma once

#include "storage/Destination.h"
#include "jobs/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QDateTime>
#include <QTime>

namespace lk {

struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    static constexpr const char *kDefaultProvider = "Cloudflare";

    QString name;
    QString databasePath;
    QString destination;   // as the user gave it: a local folder or s3://BUCKET/PREFIX
    QString endpoint;      // S3 endpoint URL; empty for a local destination
    QString provider = QLatin1String(kDefaultProvider);
    QString region;        // empty: "auto" for Cloudflare, rclone's default otherwise
    // A PEM file of the certificate authority (or bundle) the endpoint's certificate is checked
    // against instead of the system's, for a private or self-signed server. Certificates are
    // always verified: nothing in LiteKeep turns verification off.
    QString caCertificate;
    int keepDays = 30;
    int keepMin = 7;        // the newest good generations kept however old
    int keepMonthly = 0;    // the newest generation of each of the last N months
    bool verifyAfterBackup = true;
    int drillDays = 7;      // a restore drill at most this many days apart; 0: never
    QString webhook;        // POSTed a JSON summary after each run
    QString pingUrl;        // healthchecks.io-style: URL/start, URL, URL/fail
    int staleHours = 26;    // warn when no verified generation is newer than this
    QDateTime createdUtc;   // when the profile was added: the schedule owes nothing before it
    QTime at = QTime(2, 0);
    int compressionLevel = 6;
    int busyTimeoutSeconds = 30;

    // The sentence that explains the first problem, or an empty string.
    QString validate() const;
    // Whether caCertificate (if set) is an absolute, readable PEM file; a sentence if not.
    QString checkCaCertificate() const;
    Result<Destination> parsedDestination() const { return Destination::parse(destination); }
    // The keychain entry name: profile and endpoint, so a changed endpoint asks again.
    QString credentialKey() const;
};

} // namespace lk

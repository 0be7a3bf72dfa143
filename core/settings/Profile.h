// One thing to back up: which database, where to, how often and how long to keep it.
#pragma once

#include "jobs/Result.h"
#include "settings/SettingsRegistry.h"
#include "storage/Destination.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTime>

namespace lk {

struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    // Every default is the settings registry's (SettingsRegistry.cpp), like each key and option.
    QString name;
    QString databasePath;
    QString destination; // as the user gave it: a local folder or s3://BUCKET/PREFIX
    QString endpoint;    // S3 endpoint URL; empty for a local destination
    QString provider = SettingsRegistry::defaultOf<QString>(Setting::Provider);
    QString region; // empty: "auto" for Cloudflare, rclone's default otherwise
    // A PEM file of the certificate authority (or bundle) the endpoint's certificate is checked
    // against instead of the system's, for a private or self-signed server. Certificates are
    // always verified: nothing in LiteKeep turns verification off.
    QString caCertificate;
    int keepDays = SettingsRegistry::defaultOf<int>(Setting::KeepDays);
    // The newest good generations kept however old.
    int keepMin = SettingsRegistry::defaultOf<int>(Setting::KeepMin);
    // The newest generation of each of the last N months.
    int keepMonthly = SettingsRegistry::defaultOf<int>(Setting::KeepMonthly);
    bool verifyAfterBackup = SettingsRegistry::defaultOf<bool>(Setting::VerifyAfterBackup);
    // A restore drill at most this many days apart; 0: never.
    int drillDays = SettingsRegistry::defaultOf<int>(Setting::DrillDays);
    QString webhook; // POSTed a JSON summary after each run
    QString pingUrl; // healthchecks.io-style: URL/start, URL, URL/fail
    // Warn when no verified generation is newer than this.
    int staleHours = SettingsRegistry::defaultOf<int>(Setting::StaleHours);
    QDateTime createdUtc; // when the profile was added: the schedule owes nothing before it
    QTime at = SettingsRegistry::defaultOf<QTime>(Setting::At);
    int compressionLevel = SettingsRegistry::defaultOf<int>(Setting::CompressionLevel);
    int busyTimeoutSeconds = SettingsRegistry::defaultOf<int>(Setting::BusyTimeout);

    // The sentence that explains the first problem, or an empty string.
    QString validate() const;
    // Whether caCertificate (if set) is an absolute, readable PEM file; a sentence if not.
    QString checkCaCertificate() const;
    Result<Destination> parsedDestination() const { return Destination::parse(destination); }
    // The keychain entry name: profile and endpoint, so a changed endpoint asks again.
    QString credentialKey() const;
};

} // namespace lk

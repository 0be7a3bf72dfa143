// Turns what rclone printed into one sentence a person can act on.
#include "storage/RcloneErrors.h"

#include "storage/Destination.h"

namespace lk {

namespace {
// Go's own words for the certificate problem ("x509: certificate signed by unknown authority").
QString certificateProblem(const RcloneProcess::Outcome &outcome)
{
    const QString all =
        outcome.errors.join(QLatin1Char('\n')) + QLatin1Char('\n') + outcome.stderrTail;
    const qsizetype at = all.indexOf(QLatin1String("x509: "));
    if (at >= 0)
        return all.mid(at).section(QLatin1Char('\n'), 0, 0).trimmed();
    return RcloneErrors::tr("the certificate was refused");
}
} // namespace

QString RcloneErrors::explain(const RcloneProcess::Outcome &outcome, const QString &action,
                              const Destination &destination, const QString &endpoint)
{
    if (!outcome.started)
        return tr("%1 failed: rclone could not be started (%2). Install rclone (\"apt install "
                  "rclone\") or set LITEKEEP_RCLONE to its path.")
            .arg(action, outcome.startError);
    if (outcome.cancelled)
        return tr("%1 was cancelled.").arg(action);
    if (outcome.timedOut)
        return tr("%1 took too long and was stopped. Check your connection to %2.")
            .arg(action, destination.isS3() ? endpoint : destination.toString());

    // Killed (the out-of-memory killer, a shutdown) or crashed: whatever it printed before is
    // not the reason.
    if (outcome.crashed)
        return tr("%1 failed: rclone was killed or crashed before it finished. Run it again; if it "
                  "happens again, look in the system log (for example for the out-of-memory "
                  "killer).")
            .arg(action);

    const QString all =
        (outcome.errors.join(QLatin1Char('\n')) + QLatin1Char('\n') + outcome.stderrTail).toLower();
    auto has = [&all](const char *needle) { return all.contains(QLatin1String(needle)); };

    if (has("invalidaccesskeyid") || has("signaturedoesnotmatch") || has("status code: 403") ||
        has("403 forbidden") || has("accessdenied"))
        return tr("%1 failed: the storage at %2 rejected the access key (403). Check the "
                  "credentials with \"litekeep credentials set\" and that the key may use this "
                  "bucket.")
            .arg(action, endpoint);
    if (has("nosuchbucket") || has("bucket does not exist"))
        return tr("%1 failed: the bucket \"%2\" does not exist at %3. Create it, or correct "
                  "the destination.")
            .arg(action, destination.bucket(), endpoint);
    if (has("requesttimetooskewed"))
        return tr("%1 failed: this computer's clock differs too much from the storage's. "
                  "Correct the system time.")
            .arg(action);
    if (has("no such host") || has("server misbehaving") || has("temporary failure in name"))
        return tr("%1 failed: the host of %2 could not be found (DNS). Check the endpoint and "
                  "your network connection.")
            .arg(action, endpoint);
    if (has("connection refused"))
        return tr("%1 failed: %2 refused the connection. Check the endpoint URL and that the "
                  "service is reachable.")
            .arg(action, endpoint);
    if (has("x509") || has("certificate") || has("tls: ")) {
        // Verification is never switched off; a private authority is trusted explicitly.
        if (has("--ca-cert"))
            return tr("%1 failed: rclone could not use the CA certificate file given with "
                      "--ca-cert. Check "
                      "the file with \"litekeep profile show\" and correct it with \"litekeep "
                      "profile set "
                      "NAME --ca-cert FILE\".")
                .arg(action);
        return tr("%1 failed: the TLS certificate of %2 could not be verified (%3). If the server "
                  "uses a "
                  "private or self-signed certificate, give its certificate authority with "
                  "\"litekeep "
                  "profile set NAME --ca-cert FILE\".")
            .arg(action, endpoint, certificateProblem(outcome));
    }
    if (has("i/o timeout") || has("timeout awaiting") || has("deadline exceeded") ||
        has("network is unreachable") || has("no route to host"))
        return tr("%1 failed: %2 did not answer in time. Check your network connection.")
            .arg(action, endpoint.isEmpty() ? destination.toString() : endpoint);
    if (has("no space left"))
        return tr("%1 failed: the destination %2 is full.").arg(action, destination.toString());
    if (has("permission denied") || has("read-only file system")) {
        const QString detail = outcome.errors.isEmpty()
                                   ? outcome.stderrTail.section(QLatin1Char('\n'), -1)
                                   : outcome.errors.last();
        return tr("%1 failed: permission denied (%2). Check who owns %3 and its permissions.")
            .arg(action, detail, destination.toString());
    }
    if (has("not a directory") || has("directory not found") || has("no such file or directory"))
        return tr("%1 failed: %2 does not exist or is not a folder.")
            .arg(action, destination.toString());

    const QString last = outcome.errors.isEmpty()
                             ? outcome.stderrTail.section(QLatin1Char('\n'), -1)
                             : outcome.errors.last();
    return tr("%1 failed: rclone exited with code %2 (%3).")
        .arg(action)
        .arg(outcome.exitCode)
        .arg(last.isEmpty() ? tr("no message") : last);
}

} // namespace lk

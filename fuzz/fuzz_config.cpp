// libFuzzer target: the settings file (Config::load through QSettings' INI reader), the profiles
// it yields (Profile::validate, Destination::parse) and saving them again (Config::save).
#include "FuzzSupport.h"

#include "generations/GenerationName.h"
#include "settings/Config.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>

namespace {

std::unique_ptr<QTemporaryDir> g_folder;
qint64 g_counter = 0;

// QSettings caches files by path and notices a change by size and modification time; a new
// time for every input makes it read each one afresh. (A new path for every input would do too,
// but its growing cache sends libFuzzer into a leak scan after every run.)
void stampAsNew(QFile &file)
{
    const QDateTime when = QDateTime::fromSecsSinceEpoch(1'000'000'000 + ++g_counter);
    LK_FUZZ_CHECK(file.setFileTime(when, QFileDevice::FileModificationTime));
}

bool sameProfile(const lk::Profile &a, const lk::Profile &b)
{
    return a.name == b.name && a.databasePath == b.databasePath && a.destination == b.destination &&
           a.endpoint == b.endpoint && a.provider == b.provider && a.region == b.region &&
           a.keepDays == b.keepDays && a.keepMin == b.keepMin && a.keepMonthly == b.keepMonthly &&
           a.verifyAfterBackup == b.verifyAfterBackup && a.drillDays == b.drillDays &&
           a.webhook == b.webhook && a.pingUrl == b.pingUrl && a.staleHours == b.staleHours &&
           a.createdUtc.toUTC().toString(Qt::ISODate) ==
               b.createdUtc.toUTC().toString(Qt::ISODate) &&
           a.at == b.at && a.compressionLevel == b.compressionLevel &&
           a.busyTimeoutSeconds == b.busyTimeoutSeconds;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // QSettings itself needs no application object, but the application name and the paths
    // it implies should be the ones LiteKeep runs with.
    lk::fuzz::useZoneWithDaylightSaving();
    static QCoreApplication app(*argc, *argv);
    QCoreApplication::setApplicationName(QStringLiteral("litekeep"));
    // Every save ends in an fsync; in memory that costs nothing (ten times the runs per second).
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    const QString base = shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath();
    g_folder =
        std::make_unique<QTemporaryDir>(base + QStringLiteral("/litekeep-fuzz-config-XXXXXX"));
    if (!g_folder->isValid()) {
        std::fprintf(stderr, "fuzz_config: cannot create a temporary folder\n");
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString path = g_folder->filePath(QStringLiteral("input.ini"));
    {
        QFile file(path);
        LK_FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        LK_FUZZ_CHECK(file.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size)) ==
                      static_cast<qint64>(size));
        LK_FUZZ_CHECK(file.flush());
        stampAsNew(file);
    }
    lk::Config config(path);
    const lk::Status loaded = config.load();
    if (!loaded) {
        LK_FUZZ_CHECK(!loaded.error.isEmpty());
        return 0;
    }

    // Keep what LiteKeep would accept (addProfile and every job validate first).
    lk::Config valid(g_folder->filePath(QStringLiteral("saved.ini")));
    valid.setNotifyOnSuccess(config.notifyOnSuccess());
    for (const QString &name : config.profileNames()) {
        const auto profile = config.profile(name);
        LK_FUZZ_CHECK(profile.has_value());
        if (!profile->validate().isEmpty())
            continue;
        LK_FUZZ_CHECK(profile->parsedDestination().isOk());
        LK_FUZZ_CHECK(!profile->credentialKey().isEmpty());
        // A valid profile's generations are recognised as its own.
        const lk::GenerationName generation(
            profile->name, QDateTime(QDate(2026, 11, 27), QTime(2, 0), QTimeZone::utc()));
        const auto back = lk::GenerationName::parse(generation.dataObject());
        LK_FUZZ_CHECK(back.has_value() && back->name.profile() == profile->name);
        if (!valid.profile(name)) // the INI reader may yield one name twice
            LK_FUZZ_CHECK(valid.addProfile(*profile));
    }

    // What was saved reads back the same.
    LK_FUZZ_CHECK(valid.save());
    lk::Config reread(valid.path());
    LK_FUZZ_CHECK(reread.load());
    LK_FUZZ_CHECK(reread.notifyOnSuccess() == valid.notifyOnSuccess());
    LK_FUZZ_CHECK(reread.profileNames() == valid.profileNames());
    for (const QString &name : valid.profileNames())
        LK_FUZZ_CHECK(sameProfile(*reread.profile(name), *valid.profile(name)));
    return 0;
}

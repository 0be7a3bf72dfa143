// libFuzzer target: rclone's `lsjson` listing of a destination (Storage::parseListing), and the
// generations LiteKeep assembles from it (Generation::assemble).
#include "FuzzSupport.h"

#include "generations/Generation.h"
#include "generations/GenerationName.h"
#include "generations/Manifest.h"
#include "storage/Storage.h"

#include <QSet>

namespace {

// A manifest as LiteKeep writes it for `name`.
QByteArray manifestFor(const lk::GenerationName &name)
{
    lk::Manifest m;
    m.createdUtc = name.createdUtc();
    m.profile = name.profile();
    m.sourceFileName = QStringLiteral("app.db");
    m.host = QStringLiteral("vm");
    m.litekeepVersion = QStringLiteral("0.1.0");
    m.sqliteVersion = QStringLiteral("3.40.1");
    m.database.pageSize = 4096;
    m.database.pageCount = 3;
    m.database.journalMode = QStringLiteral("wal");
    m.database.schemaSha256 = QString(64, QLatin1Char('a'));
    m.database.integrityCheck = QStringLiteral("ok");
    m.dbSha256 = QString(64, QLatin1Char('b'));
    m.dbSize = 12288;
    m.gzSha256 = QString(64, QLatin1Char('c'));
    m.gzSize = 250;
    return m.toJson();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    lk::fuzz::useZoneWithDaylightSaving();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto listing = lk::Storage::parseListing(lk::fuzz::bytes(data, size));
    if (!listing) {
        LK_FUZZ_CHECK(!listing.error().isEmpty());
        return 0;
    }

    // The profile is the one the first generation-like name belongs to, so names of other
    // profiles are present too. Every other listed manifest gets a matching, readable document;
    // the rest could not be read.
    QString profile = QStringLiteral("nightly");
    QList<lk::Generation::Object> objects;
    QHash<QString, QByteArray> manifests;
    for (const lk::Storage::ObjectInfo &info : listing.value()) {
        LK_FUZZ_CHECK(!info.name.isEmpty());
        objects.append({info.name, info.size, info.md5});
        const auto name = lk::GenerationName::parse(info.name);
        if (name && objects.size() == 1)
            profile = name->name.profile();
        if (name && name->part == lk::GenerationName::Part::Manifest && objects.size() % 2 == 0)
            manifests.insert(info.name, manifestFor(name->name));
    }

    const QList<lk::Generation> generations = lk::Generation::assemble(profile, objects, manifests);
    QSet<QString> seen;
    for (qsizetype i = 0; i < generations.size(); ++i) {
        const lk::Generation &g = generations.at(i);
        LK_FUZZ_CHECK(g.name.profile() == profile);
        LK_FUZZ_CHECK(g.hasData || g.hasManifest);
        LK_FUZZ_CHECK(!seen.contains(g.baseName()));
        seen.insert(g.baseName());
        if (i > 0) // newest first
            LK_FUZZ_CHECK(generations.at(i - 1).name.createdUtc() > g.name.createdUtc());
        if (!g.isComplete()) {
            LK_FUZZ_CHECK(!g.problem.isEmpty());
            continue;
        }
        // Complete: both objects, a manifest that describes exactly this generation, and no
        // size that contradicts it.
        LK_FUZZ_CHECK(g.problem.isEmpty());
        LK_FUZZ_CHECK(g.hasData && g.hasManifest && g.manifest.has_value());
        LK_FUZZ_CHECK(manifests.contains(g.name.manifestObject()));
        LK_FUZZ_CHECK(lk::GenerationName(g.manifest->profile, g.manifest->createdUtc) == g.name);
        LK_FUZZ_CHECK(g.dataSize < 0 || g.dataSize == g.manifest->gzSize);
    }
    return 0;
}

// libFuzzer target: a manifest as read from a destination (Manifest::fromJson, which also reads
// the "database" section through DatabaseInfo::fromJson).
#include "FuzzSupport.h"

#include "generations/Manifest.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    lk::fuzz::useZoneWithDaylightSaving();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const lk::Manifest::Parsed parsed = lk::Manifest::fromJson(lk::fuzz::bytes(data, size));
    if (!parsed.isOk()) {
        // Every refusal explains itself: the message reaches the user as the generation's problem.
        LK_FUZZ_CHECK(!parsed.message.isEmpty());
        return 0;
    }
    LK_FUZZ_CHECK(parsed.message.isEmpty());
    LK_FUZZ_CHECK(parsed.manifest.createdUtc.isValid());
    LK_FUZZ_CHECK(parsed.manifest.dbSize >= 0 && parsed.manifest.gzSize >= 0);

    // What LiteKeep accepts it can write, and what it writes it reads back unchanged.
    const QByteArray written = parsed.manifest.toJson();
    const lk::Manifest::Parsed again = lk::Manifest::fromJson(written);
    LK_FUZZ_CHECK(again.isOk());
    LK_FUZZ_CHECK(again.manifest.toJson() == written);
    return 0;
}

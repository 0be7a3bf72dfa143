// libFuzzer target: the pins object as read from a destination (Pins::parse).
#include "FuzzSupport.h"

#include "generations/GenerationName.h"
#include "generations/Pins.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    lk::fuzz::useZoneWithDaylightSaving();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString profile = QStringLiteral("default");
    const auto parsed = lk::Pins::parse(lk::fuzz::bytes(data, size), profile);
    if (!parsed) {
        // Every refusal explains itself: it reaches the user in "nothing was deleted".
        LK_FUZZ_CHECK(!parsed.error().isEmpty());
        return 0;
    }
    // Every accepted pin names generations of this profile, never an object or another profile.
    for (const lk::Pin &pin : parsed.value()) {
        for (const QString &name : {pin.generation, pin.pinnedBy}) {
            const auto g = lk::GenerationName::parse(name + QStringLiteral(".db.gz"));
            LK_FUZZ_CHECK(g && g->name.profile() == profile && g->name.baseName() == name);
        }
    }
    // What LiteKeep accepts it can write, and what it writes it reads back to the same bytes.
    const QByteArray written = lk::Pins::toJson(profile, parsed.value());
    const auto again = lk::Pins::parse(written, profile);
    LK_FUZZ_CHECK(again);
    LK_FUZZ_CHECK(again.value().size() == parsed.value().size());
    LK_FUZZ_CHECK(lk::Pins::toJson(profile, again.value()) == written);
    return 0;
}

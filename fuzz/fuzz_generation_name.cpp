// libFuzzer target: object names on a destination (GenerationName::parse) and profile names
// (GenerationName::isValidProfileName).
#include "FuzzSupport.h"

#include "generations/GenerationName.h"

#include <QTimeZone>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    lk::fuzz::useZoneWithDaylightSaving();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = lk::fuzz::bytes(data, size);
    const QString text = QString::fromUtf8(input);

    if (const auto parsed = lk::GenerationName::parse(text)) {
        // Only the exact pattern parses, so the name is rebuilt from its parts unchanged.
        const lk::GenerationName &name = parsed->name;
        LK_FUZZ_CHECK(name.isValid());
        LK_FUZZ_CHECK(lk::GenerationName::isValidProfileName(name.profile()));
        LK_FUZZ_CHECK(name.createdUtc().offsetFromUtc() == 0);
        LK_FUZZ_CHECK((parsed->part == lk::GenerationName::Part::Data
                           ? name.dataObject()
                           : name.manifestObject()) == text);
    }

    // Every name LiteKeep writes for a valid profile, it reads back as that profile's.
    if (lk::GenerationName::isValidProfileName(text)) {
        quint32 mix = 2166136261u; // FNV-1a: a time that varies with the input, reproducibly
        for (const char c : input)
            mix = (mix ^ static_cast<quint8>(c)) * 16777619u;
        const qint64 from =
            QDateTime(QDate(1970, 1, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
        const qint64 to =
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), QTimeZone::utc()).toSecsSinceEpoch();
        const QDateTime created = QDateTime::fromSecsSinceEpoch(
            from + static_cast<qint64>(mix) * 65537 % (to - from), QTimeZone::utc());
        const lk::GenerationName written(text, created);
        for (const QString &object : {written.dataObject(), written.manifestObject()}) {
            const auto back = lk::GenerationName::parse(object);
            LK_FUZZ_CHECK(back.has_value());
            LK_FUZZ_CHECK(back->name == written);
        }
    }
    return 0;
}

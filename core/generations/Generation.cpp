// What a destination holds for one profile.
#include "generations/Generation.h"

#include <QMap>

#include <algorithm>

namespace lk {

QString Generation::stateName(State state)
{
    switch (state) {
    case State::Complete:
        return QStringLiteral("complete");
    case State::Incomplete:
        return QStringLiteral("incomplete");
    case State::Damaged:
        return QStringLiteral("damaged");
    case State::NewerFormat:
        return QStringLiteral("newer-format");
    }
    return {};
}

QList<Generation> Generation::assemble(const QString &profile, const QList<Object> &objects,
                                       const QHash<QString, QByteArray> &manifests)
{
    QMap<QString, Generation> byBase;
    for (const Object &object : objects) {
        const auto parsed = GenerationName::parse(object.name);
        if (!parsed || parsed->name.profile() != profile)
            continue;
        Generation &g = byBase[parsed->name.baseName()];
        g.name = parsed->name;
        if (parsed->part == GenerationName::Part::Data) {
            g.hasData = true;
            g.dataSize = object.size;
            g.dataMd5 = object.md5;
        } else {
            g.hasManifest = true;
        }
    }

    QList<Generation> result;
    for (Generation &g : byBase) {
        if (!g.hasManifest) {
            g.state = State::Incomplete;
            g.problem = tr("no manifest: the run that wrote it did not finish");
        } else if (!manifests.contains(g.name.manifestObject())) {
            g.state = State::Damaged;
            g.problem = tr("the manifest could not be read");
        } else {
            const Manifest::Parsed parsed =
                Manifest::fromJson(manifests.value(g.name.manifestObject()));
            if (parsed.error == Manifest::ParseError::NewerFormat) {
                g.state = State::NewerFormat;
                g.problem = parsed.message;
            } else if (!parsed.isOk()) {
                g.state = State::Damaged;
                g.problem = parsed.message;
            } else if (parsed.manifest.profile != profile ||
                       GenerationName(profile, parsed.manifest.createdUtc).baseName() !=
                           g.baseName()) {
                g.state = State::Damaged;
                g.problem = tr("the manifest describes another generation (%1, %2)")
                                .arg(parsed.manifest.profile,
                                     GenerationName::timestamp(parsed.manifest.createdUtc));
            } else if (!g.hasData) {
                g.state = State::Incomplete;
                g.manifest = parsed.manifest;
                g.problem = tr("the data file is missing");
            } else if (g.dataSize >= 0 && g.dataSize != parsed.manifest.gzSize) {
                g.state = State::Damaged;
                g.manifest = parsed.manifest;
                g.problem = tr("the data file has %1 bytes, the manifest says %2")
                                .arg(g.dataSize)
                                .arg(parsed.manifest.gzSize);
            } else {
                g.state = State::Complete;
                g.manifest = parsed.manifest;
            }
        }
        result.append(g);
    }
    std::sort(result.begin(), result.end(), [](const Generation &a, const Generation &b) {
        return a.name.createdUtc() > b.name.createdUtc();
    });
    return result;
}

} // namespace lk

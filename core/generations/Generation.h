// What a destination holds for one profile: generations assembled from objects and manifests.
#pragma once

#include "generations/GenerationName.h"
#include "generations/Manifest.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <optional>

namespace lk {

struct Generation
{
    Q_DECLARE_TR_FUNCTIONS(Generation)

public:
    enum class State
    {
        Complete,    // data + a manifest that parses and matches: a generation
        Incomplete,  // data without manifest (a run that died), or manifest without data
        Damaged,     // a manifest that does not parse or does not match its data
        NewerFormat, // a manifest from a newer LiteKeep: not ours to judge
    };

    GenerationName name;
    State state = State::Incomplete;
    QString problem; // why it is not Complete
    bool hasData = false;
    bool hasManifest = false;
    qint64 dataSize = -1; // as the destination reports it
    QString dataMd5;
    std::optional<Manifest> manifest;

    bool isComplete() const { return state == State::Complete; }
    QString baseName() const { return name.baseName(); }
    static QString stateName(State state);

    struct Object
    {
        QString name;
        qint64 size = -1;
        QString md5;
    };
    // Groups the objects of a profile's folder into generations, newest first. Objects whose
    // names do not follow the pattern (or belong to another profile) are ignored: never
    // listed, never touched. `manifests` maps manifest object names to their bytes.
    static QList<Generation> assemble(const QString &profile, const QList<Object> &objects,
                                      const QHash<QString, QByteArray> &manifests);
};

} // namespace lk

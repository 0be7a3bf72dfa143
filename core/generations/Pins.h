// The anomaly pins kept on the destination itself, beside the generations:
// <dest>/<profile>/<profile>.pins.json. What keeps a generation safe must not live only in one
// machine's history (promise 8): a second machine, or this one after its history was lost,
// reads the pins from here and never prunes what a warning keeps.
//
//   {"format": 1, "profile": "default",
//    "pins": [{"generation": "default-20261002T020000Z",     the generation retention keeps
//              "pinned_by": "default-20261005T020000Z",      the backup whose warning keeps it
//              "since": "2026-10-05T02:00:07Z",
//              "reason": "Table notes lost 90 % of its rows (300 → 30) since the previous
//              backup."}]}
//
// The object names no data and holds no secrets. Its name never parses as a generation
// (GenerationName::parse), so listing and retention never count or delete it.
#pragma once

#include "jobs/Result.h"
#include "storage/Storage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace lk {

struct Pin
{
    QString generation; // kept by retention
    QString pinnedBy;   // the anomalous generation whose open warning keeps it
    QDateTime sinceUtc;
    QString reason;

    friend bool operator==(const Pin &, const Pin &) = default;
};

class Pins
{
    Q_DECLARE_TR_FUNCTIONS(Pins)

public:
    static constexpr int kFormat = 1;
    // Larger than any real pins object by far; anything bigger is not one of ours.
    static constexpr qsizetype kMaxBytes = 1024 * 1024;

    // "default.pins.json"
    static QString objectName(const QString &profile);

    // The pins of `profile`, or why they cannot be trusted: any part that does not parse (an
    // entry without a generation of this profile, another profile, a newer format) refuses the
    // whole object, since a pin read wrongly is a generation deleted.
    static Result<QList<Pin>> parse(const QByteArray &json, const QString &profile);
    // Sorted by generation, then pinned_by, so that the same pins are the same bytes.
    static QByteArray toJson(const QString &profile, QList<Pin> pins);
};

// Reads and writes a profile's pins object through a Storage (which must outlive this).
// Writing is one upload (a single PUT on S3, so a reader sees the old object or the new one).
// Two machines that change the pins at the same moment can lose one change; the history of
// each still keeps its own warnings, and prune reads both.
class DestinationPins : public QObject
{
    Q_OBJECT

public:
    using ReadDone = std::function<void(const Result<QList<Pin>> &pins)>;
    using WriteDone = std::function<void(const Status &status)>;

    DestinationPins(Storage *storage, QString profile, QObject *parent = nullptr);

    // Lists the profile's folder, then reads the object if it is there. No object: no pins
    // (an empty list). An object that cannot be read or parsed: a sentence naming it.
    void read(ReadDone done);
    // The same with a listing already at hand (the names of the profile's folder).
    void readListed(const QStringList &objectNames, ReadDone done);
    // Replaces the object with these pins.
    void write(const QList<Pin> &pins, WriteDone done);
    // Reads, adds `pin` (replacing one pinned by the same generation), writes.
    void add(const Pin &pin, WriteDone done);
    // Reads, removes the pins of these (dismissed) warnings, and writes if that changed anything.
    void remove(const QStringList &pinnedBy, WriteDone done);

private:
    QString failedRead(const QString &why) const;

    Storage *m_storage;
    QString m_profile;
};

} // namespace lk

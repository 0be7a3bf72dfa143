// The anomaly pins kept on the destination.
#include "generations/Pins.h"

#include "generations/GenerationName.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>

namespace lk {

namespace {
const QString kFormatKey = QStringLiteral("format");
const QString kProfileKey = QStringLiteral("profile");
const QString kPinsKey = QStringLiteral("pins");
const QString kGenerationKey = QStringLiteral("generation");
const QString kPinnedByKey = QStringLiteral("pinned_by");
const QString kSinceKey = QStringLiteral("since");
const QString kReasonKey = QStringLiteral("reason");

// Whether `name` is the base name of a generation of `profile` ("default-20261002T020000Z").
bool isGenerationOf(const QString &name, const QString &profile)
{
    const auto parsed = GenerationName::parse(name + QStringLiteral(".db.gz"));
    return parsed && parsed->name.profile() == profile && parsed->name.baseName() == name;
}
} // namespace

QString Pins::objectName(const QString &profile)
{
    return profile + QStringLiteral(".pins.json");
}

Result<QList<Pin>> Pins::parse(const QByteArray &json, const QString &profile)
{
    using R = Result<QList<Pin>>;
    if (json.size() > kMaxBytes)
        return R::fail(tr("it is larger than any pins object LiteKeep writes (%n byte(s))", nullptr,
                          int(json.size())));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return R::fail(tr("not valid JSON: %1").arg(error.errorString()));
    if (!doc.isObject())
        return R::fail(tr("not a JSON object"));
    const QJsonObject root = doc.object();
    const QJsonValue format = root.value(kFormatKey);
    if (!format.isDouble() || format.toDouble() != double(format.toInteger()))
        return R::fail(tr("it has no \"format\" number"));
    if (format.toInteger() > kFormat)
        return R::fail(
            tr("it was written by a newer LiteKeep (format %1)").arg(format.toInteger()));
    if (format.toInteger() < 1)
        return R::fail(tr("format %1 is not one LiteKeep knows").arg(format.toInteger()));
    if (root.value(kProfileKey).toString() != profile)
        return R::fail(tr("it names profile \"%1\", not \"%2\"")
                           .arg(root.value(kProfileKey).toString(), profile));
    if (!root.value(kPinsKey).isArray())
        return R::fail(tr("it has no \"pins\" list"));

    QList<Pin> pins;
    const QJsonArray entries = root.value(kPinsKey).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        Pin pin;
        pin.generation = entry.value(kGenerationKey).toString();
        pin.pinnedBy = entry.value(kPinnedByKey).toString();
        if (!isGenerationOf(pin.generation, profile))
            return R::fail(
                tr("pin %1 names no generation of profile \"%2\"").arg(i + 1).arg(profile));
        if (!isGenerationOf(pin.pinnedBy, profile))
            return R::fail(tr("pin %1 names no warning (\"pinned_by\")").arg(i + 1));
        pin.sinceUtc = QDateTime::fromString(entry.value(kSinceKey).toString(), Qt::ISODate);
        if (pin.sinceUtc.isValid()) {
            // Whole seconds in UTC, and only a time that can be written back as one.
            pin.sinceUtc = pin.sinceUtc.toUTC();
            pin.sinceUtc.setTime(QTime(pin.sinceUtc.time().hour(), pin.sinceUtc.time().minute(),
                                       pin.sinceUtc.time().second()));
            if (pin.sinceUtc.date().year() < 1 || pin.sinceUtc.date().year() > 9999)
                pin.sinceUtc = {};
        }
        pin.reason = entry.value(kReasonKey).toString();
        pins.append(pin);
    }
    return R::ok(pins);
}

QByteArray Pins::toJson(const QString &profile, QList<Pin> pins)
{
    std::sort(pins.begin(), pins.end(), [](const Pin &a, const Pin &b) {
        return a.generation != b.generation ? a.generation < b.generation : a.pinnedBy < b.pinnedBy;
    });
    QJsonArray entries;
    for (const Pin &pin : std::as_const(pins)) {
        QJsonObject entry{{kGenerationKey, pin.generation}, {kPinnedByKey, pin.pinnedBy}};
        if (pin.sinceUtc.isValid())
            entry.insert(kSinceKey, pin.sinceUtc.toUTC().toString(Qt::ISODate));
        if (!pin.reason.isEmpty())
            entry.insert(kReasonKey, pin.reason);
        entries.append(entry);
    }
    return QJsonDocument(
               QJsonObject{{kFormatKey, kFormat}, {kProfileKey, profile}, {kPinsKey, entries}})
        .toJson(QJsonDocument::Indented);
}

DestinationPins::DestinationPins(Storage *storage, QString profile, QObject *parent)
    : QObject(parent), m_storage(storage), m_profile(std::move(profile))
{
}

QString DestinationPins::failedRead(const QString &why) const
{
    QString detail = why.trimmed();
    if (detail.endsWith(QLatin1Char('.')))
        detail.chop(1);
    return tr("The pins on the destination (%1) could not be read (%2).")
        .arg(Pins::objectName(m_profile), detail);
}

void DestinationPins::read(ReadDone done)
{
    m_storage->list([this, done = std::move(done)](const QList<Storage::ObjectInfo> &objects,
                                                   const Storage::Failure &f) {
        if (!f.message.isEmpty()) {
            done(Result<QList<Pin>>::fail(failedRead(f.message)));
            return;
        }
        QStringList names;
        for (const Storage::ObjectInfo &o : objects)
            names.append(o.name);
        readListed(names, done);
    });
}

void DestinationPins::readListed(const QStringList &objectNames, ReadDone done)
{
    const QString object = Pins::objectName(m_profile);
    if (!objectNames.contains(object)) {
        done(Result<QList<Pin>>::ok({}));
        return;
    }
    m_storage->read(
        object, [this, done = std::move(done)](const QByteArray &bytes, const Storage::Failure &f) {
            if (!f.message.isEmpty()) {
                done(Result<QList<Pin>>::fail(failedRead(f.message)));
                return;
            }
            const auto parsed = Pins::parse(bytes, m_profile);
            done(parsed ? parsed : Result<QList<Pin>>::fail(failedRead(parsed.error())));
        });
}

void DestinationPins::write(const QList<Pin> &pins, WriteDone done)
{
    const QString object = Pins::objectName(m_profile);
    auto folder = std::make_shared<QTemporaryDir>();
    const QString path = folder->filePath(object);
    QFile file(path);
    const QByteArray bytes = Pins::toJson(m_profile, pins);
    if (!folder->isValid() || !file.open(QIODevice::WriteOnly) ||
        file.write(bytes) != bytes.size() || !file.flush()) {
        done(Status::failure(
            tr("The pins for the destination (%1) could not be written to a "
               "temporary file: %2.")
                .arg(object, folder->isValid() ? file.errorString() : folder->errorString())));
        return;
    }
    file.close();
    m_storage->upload(path, object,
                      [folder, done = std::move(done)](bool ok, const Storage::Failure &f) {
                          done(ok ? Status::success() : Status::failure(f.message));
                      });
}

void DestinationPins::add(const Pin &pin, WriteDone done)
{
    read([this, pin, done = std::move(done)](const Result<QList<Pin>> &current) {
        if (!current) {
            done(Status::failure(current.error()));
            return;
        }
        QList<Pin> pins = current.value();
        pins.removeIf([&pin](const Pin &p) { return p.pinnedBy == pin.pinnedBy; });
        pins.append(pin);
        write(pins, done);
    });
}

void DestinationPins::remove(const QStringList &pinnedBy, WriteDone done)
{
    read([this, pinnedBy, done = std::move(done)](const Result<QList<Pin>> &current) {
        if (!current) {
            done(Status::failure(current.error()));
            return;
        }
        QList<Pin> pins = current.value();
        if (pins.removeIf([&pinnedBy](const Pin &p) { return pinnedBy.contains(p.pinnedBy); }) ==
            0) {
            done(Status::success());
            return;
        }
        write(pins, done);
    });
}

} // namespace lk

// Names of generations on a destination: <profile>-YYYYMMDDTHHMMSSZ.db.gz and .manifest.json.
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace lk {

class GenerationName
{
public:
    enum class Part
    {
        Data,
        Manifest
    };

    GenerationName() = default;
    GenerationName(QString profile, QDateTime createdUtc);

    // Parses an object name such as "nightly-20261127T020000Z.db.gz". Anything that does
    // not follow the pattern exactly (including impossible dates) yields nothing.
    struct Parsed;
    static std::optional<Parsed> parse(const QString &objectName);

    static bool isValidProfileName(const QString &name);

    const QString &profile() const { return m_profile; }
    const QDateTime &createdUtc() const { return m_created; }
    bool isValid() const { return !m_profile.isEmpty() && m_created.isValid(); }

    QString baseName() const;       // nightly-20261127T020000Z
    QString dataObject() const;     // nightly-20261127T020000Z.db.gz
    QString manifestObject() const; // nightly-20261127T020000Z.manifest.json

    static QString timestamp(const QDateTime &utc);

    friend bool operator==(const GenerationName &a, const GenerationName &b)
    {
        return a.m_profile == b.m_profile && a.m_created == b.m_created;
    }

private:
    QString m_profile;
    QDateTime m_created;
};

struct GenerationName::Parsed
{
    GenerationName name;
    Part part;
};

} // namespace lk

// Every profile's status, for the desktop.
#include "present/StatusBoard.h"

#include "history/HistoryReader.h"

#include <algorithm>

namespace lk {

StatusBoard::StatusBoard(HistoryReader &reader, ContextSource context, QObject *parent)
    : QObject(parent), m_reader(reader), m_context(std::move(context))
{
}

void StatusBoard::setProfiles(const QList<Profile> &profiles)
{
    m_profiles = profiles;
    m_histories.removeIf([&profiles](auto it) {
        return std::none_of(profiles.cbegin(), profiles.cend(),
                            [&it](const Profile &p) { return p.name == it.key(); });
    });
    recompute();
    read();
}

void StatusBoard::read()
{
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    QStringList names;
    for (const Profile &p : std::as_const(m_profiles))
        names.append(p.name);
    m_reader.run(
        this,
        [names](const Catalog &catalog) {
            QHash<QString, Result<ProfileHistory>> histories;
            for (const QString &name : names)
                histories.insert(name, ProfileHistory::read(catalog, name));
            return histories;
        },
        [this](const QHash<QString, Result<ProfileHistory>> &histories) { onRead(histories); });
}

void StatusBoard::onRead(const QHash<QString, Result<ProfileHistory>> &histories)
{
    m_reading = false;
    for (auto it = histories.cbegin(); it != histories.cend(); ++it) {
        const bool followed = std::any_of(m_profiles.cbegin(), m_profiles.cend(),
                                          [&it](const Profile &p) { return p.name == it.key(); });
        if (followed) // a profile removed meanwhile is not shown again
            m_histories.insert(it.key(), it.value());
    }
    recompute();
    if (m_readAgain) {
        m_readAgain = false;
        read();
    } else {
        Q_EMIT historyRead();
    }
}

void StatusBoard::recompute()
{
    QList<ProfileStatus> statuses;
    for (const Profile &p : std::as_const(m_profiles)) {
        // Not read yet is not "nothing ran": no status until the first answer (milliseconds).
        if (const auto history = m_histories.constFind(p.name); history != m_histories.cend())
            statuses.append(ProfileStatus::compute(p, *history, m_context(p)));
    }
    m_statuses = statuses;
    Q_EMIT changed();
}

std::optional<ProfileStatus> StatusBoard::status(const QString &profile) const
{
    for (const ProfileStatus &s : m_statuses) {
        if (s.profile == profile)
            return s;
    }
    return std::nullopt;
}

bool StatusBoard::any(ProfileStatus::State state) const
{
    return std::any_of(m_statuses.cbegin(), m_statuses.cend(),
                       [state](const ProfileStatus &s) { return s.state == state; });
}

} // namespace lk

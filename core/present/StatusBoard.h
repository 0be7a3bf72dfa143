// Every profile's ProfileStatus, kept current for the desktop. The tray's icon, tooltip and menu
// and the window's profile list and header render it, so they cannot disagree with each other,
// nor with "litekeep status" (the same ProfileStatus::compute on the same history).
#pragma once

#include "history/ProfileHistory.h"
#include "present/ProfileStatus.h"
#include "settings/Profile.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

namespace lk {

class HistoryReader;

class StatusBoard : public QObject
{
    Q_OBJECT

public:
    // What the history does not say (the clock, the schedule, the queue), asked for each
    // profile whenever the statuses are computed.
    using ContextSource = std::function<ProfileStatus::Context(const Profile &)>;

    StatusBoard(HistoryReader &reader, ContextSource context, QObject *parent = nullptr);

    // The profiles to follow, in the order they are shown. Computes at once with what is known,
    // and reads the history of every profile.
    void setProfiles(const QList<Profile> &profiles);
    // Reads every profile's history again, on the reader's thread; a read asked for while one is
    // on its way is made once, after it.
    void read();
    // Computes again from what was read last: the context changed (a run started or moved on,
    // the schedule was paused, a minute went by).
    void recompute();

    // In the order of setProfiles; a profile whose history has not been answered yet (the
    // first milliseconds) has none.
    const QList<ProfileStatus> &statuses() const { return m_statuses; }
    std::optional<ProfileStatus> status(const QString &profile) const;
    // Whether a read is on its way (or one more is to follow it).
    bool isReading() const { return m_reading || m_readAgain; }
    // Whether any profile is in `state`.
    bool any(ProfileStatus::State state) const;

Q_SIGNALS:
    void changed();
    // A read of the history has been answered (for tests and for what waits on the first one).
    void historyRead();

private:
    void onRead(const QHash<QString, Result<ProfileHistory>> &histories);

    HistoryReader &m_reader;
    ContextSource m_context;
    QList<Profile> m_profiles;
    // The last answer for each profile: a history, or why it could not be read. A profile not
    // read yet is not in it.
    QHash<QString, Result<ProfileHistory>> m_histories;
    QList<ProfileStatus> m_statuses;
    bool m_reading = false;
    bool m_readAgain = false;
};

} // namespace lk

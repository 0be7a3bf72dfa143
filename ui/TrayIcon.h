// The tray icon: its look shows the state, its menu offers "Back up now", the last result,
// the next run, pause and quit. Notices from the core are shown as balloon messages.
#pragma once

#include "notify/Notifier.h"
#include "present/ProfileStatus.h"

#include <QIcon>
#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace lk {

class TrayIcon : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Running,
        Warning,
        Failed
    };
    Q_ENUM(State)

    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isAvailable() const;
    void setProfiles(const QStringList &profiles);
    void setState(State state, int percent = -1);
    State state() const { return m_state; }
    // One line per profile ("cogito: Backed up 3 hours ago · verified") and when the next
    // backup runs: in the tooltip, and as the menu's first entries.
    void setStatusText(const QStringList &lines, const QString &nextRun);
    void setPaused(bool paused);
    void setNotifyOnSuccess(bool on);

    void showNotice(const Notice &notice);
    // Test seam: what the last balloon said (title, message).
    const QStringList &lastMessage() const { return m_lastMessage; }
    QMenu *menu() const { return m_menu; }

    static QIcon iconFor(State state, int percent = -1);
    // How a profile in `state` looks: a pending first backup or a paused schedule is not a
    // problem, an unreadable history is one to look at.
    static State stateFor(ProfileStatus::State state);

Q_SIGNALS:
    void backUpNowRequested(const QString &profile);
    void openRequested();
    void restoreRequested(const QString &profile);
    void settingsRequested();
    void pauseToggled(bool paused);
    void notifyOnSuccessToggled(bool on);
    void quitRequested();
    void messageShown(const QString &title, const QString &message);

private:
    void rebuildMenu();
    void updateToolTip();

    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QStringList m_profiles;
    QStringList m_lines;
    QString m_nextRun;
    QList<QAction *> m_statusActions; // the menu's entries for m_lines and m_nextRun
    bool m_paused = false;
    bool m_notifyOnSuccess = false;
    State m_state = State::Idle;
    QStringList m_lastMessage;
};

} // namespace lk

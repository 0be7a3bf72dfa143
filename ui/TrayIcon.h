// The tray icon: its look shows the state, its menu offers "Back up now", the last result,
// the next run, pause and quit. Notices from the core are shown as balloon messages.
#pragma once

#include "notify/Notifier.h"

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
    void setStatusText(const QString &lastResult, const QString &nextRun);
    void setPaused(bool paused);
    void setNotifyOnSuccess(bool on);

    void showNotice(const Notice &notice);
    // Test seam: what the last balloon said (title, message).
    const QStringList &lastMessage() const { return m_lastMessage; }
    QMenu *menu() const { return m_menu; }

    static QIcon iconFor(State state, int percent = -1);

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

    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QStringList m_profiles;
    QString m_lastResult;
    QString m_nextRun;
    bool m_paused = false;
    bool m_notifyOnSuccess = false;
    State m_state = State::Idle;
    QStringList m_lastMessage;
};

} // namespace lk

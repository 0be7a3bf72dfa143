// The tray icon.
#include "TrayIcon.h"

#include <QAction>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace lk {

TrayIcon::TrayIcon(QObject *parent) : QObject(parent), m_menu(new QMenu)
{
    m_tray = new QSystemTrayIcon(iconFor(State::Idle), this);
    m_tray->setToolTip(tr("LiteKeep"));
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    Q_EMIT openRequested();
            });
    rebuildMenu();
    if (isAvailable())
        m_tray->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

bool TrayIcon::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QIcon TrayIcon::iconFor(State state, int percent)
{
    // Drawn, not shipped: a disc whose colour is the state, with a progress arc while running.
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = state == State::Failed    ? QColor(0xc6, 0x28, 0x28)
                         : state == State::Warning ? QColor(0xef, 0x8f, 0x00)
                         : state == State::Running ? QColor(0x15, 0x65, 0xc0)
                                                   : QColor(0x2e, 0x7d, 0x32);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(6, 6, 52, 52));
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(QRectF(22, 18, 20, 28), 4, 4); // a database drum, simply
    if (state == State::Running && percent >= 0) {
        painter.setPen(QPen(Qt::white, 5));
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(QRectF(4, 4, 56, 56), 90 * 16, -percent * 360 * 16 / 100);
    }
    painter.end();
    return QIcon(pixmap);
}

TrayIcon::State TrayIcon::stateFor(ProfileStatus::State state)
{
    switch (state) {
    case ProfileStatus::State::Running:
        return State::Running;
    case ProfileStatus::State::Warning:
    case ProfileStatus::State::Unknown:
        return State::Warning;
    case ProfileStatus::State::Failed:
        return State::Failed;
    case ProfileStatus::State::Healthy:
    case ProfileStatus::State::FirstBackupPending:
    case ProfileStatus::State::Paused:
        break;
    }
    return State::Idle;
}

void TrayIcon::setProfiles(const QStringList &profiles)
{
    m_profiles = profiles;
    rebuildMenu();
}

void TrayIcon::setState(State state, int percent)
{
    m_state = state;
    m_tray->setIcon(iconFor(state, percent));
}

void TrayIcon::setStatusText(const QStringList &lines, const QString &nextRun)
{
    if (lines == m_lines && nextRun == m_nextRun)
        return;
    QStringList texts = lines;
    if (!nextRun.isEmpty())
        texts.append(nextRun);
    const bool sameShape = texts.size() == m_statusActions.size();
    m_lines = lines;
    m_nextRun = nextRun;
    updateToolTip();
    if (!sameShape) {
        rebuildMenu();
        return;
    }
    // The same entries with other words (a percent, "4 minutes ago"): a menu that is open stays
    // open, and in place.
    for (qsizetype i = 0; i < texts.size(); ++i)
        m_statusActions.at(i)->setText(texts.at(i));
}

void TrayIcon::updateToolTip()
{
    QStringList tip{tr("LiteKeep")};
    tip.append(m_lines);
    if (!m_nextRun.isEmpty())
        tip.append(m_nextRun);
    m_tray->setToolTip(tip.join(QLatin1Char('\n')));
}

void TrayIcon::setPaused(bool paused)
{
    m_paused = paused;
    rebuildMenu();
}

void TrayIcon::setNotifyOnSuccess(bool on)
{
    m_notifyOnSuccess = on;
    rebuildMenu();
}

void TrayIcon::rebuildMenu()
{
    m_menu->clear();
    if (m_profiles.size() == 1) {
        const QString name = m_profiles.first();
        m_menu
            ->addAction(tr("Back up now"), this, [this, name] { Q_EMIT backUpNowRequested(name); })
            ->setObjectName(QStringLiteral("backUpNow"));
    } else if (!m_profiles.isEmpty()) {
        QMenu *sub = m_menu->addMenu(tr("Back up now"));
        for (const QString &name : std::as_const(m_profiles))
            sub->addAction(name, this, [this, name] { Q_EMIT backUpNowRequested(name); });
    }
    m_statusActions.clear();
    QStringList texts = m_lines;
    if (!m_nextRun.isEmpty())
        texts.append(m_nextRun);
    for (const QString &text : std::as_const(texts)) {
        QAction *line = m_menu->addAction(text);
        line->setEnabled(false);
        m_statusActions.append(line);
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("Open LiteKeep"), this, &TrayIcon::openRequested)
        ->setObjectName(QStringLiteral("open"));
    if (m_profiles.size() == 1) {
        const QString name = m_profiles.first();
        m_menu->addAction(tr("Restore…"), this, [this, name] { Q_EMIT restoreRequested(name); })
            ->setObjectName(QStringLiteral("restore"));
    } else if (!m_profiles.isEmpty()) {
        QMenu *sub = m_menu->addMenu(tr("Restore"));
        sub->setObjectName(QStringLiteral("restoreMenu"));
        for (const QString &name : std::as_const(m_profiles))
            sub->addAction(name, this, [this, name] { Q_EMIT restoreRequested(name); });
    }
    m_menu->addAction(tr("Settings…"), this, &TrayIcon::settingsRequested)
        ->setObjectName(QStringLiteral("settings"));
    QAction *pause = m_menu->addAction(tr("Pause schedules"));
    pause->setObjectName(QStringLiteral("pause"));
    pause->setCheckable(true);
    pause->setChecked(m_paused);
    connect(pause, &QAction::toggled, this, &TrayIcon::pauseToggled);
    QAction *success = m_menu->addAction(tr("Notify after successful backups too"));
    success->setObjectName(QStringLiteral("notifyOnSuccess"));
    success->setCheckable(true);
    success->setChecked(m_notifyOnSuccess);
    connect(success, &QAction::toggled, this, &TrayIcon::notifyOnSuccessToggled);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested)
        ->setObjectName(QStringLiteral("quit"));
}

void TrayIcon::showNotice(const Notice &notice)
{
    m_lastMessage = {notice.title, notice.message};
    const auto icon = notice.kind == Notice::Kind::Failure ? QSystemTrayIcon::Critical
                      : notice.isWarning()                 ? QSystemTrayIcon::Warning
                                                           : QSystemTrayIcon::Information;
    if (isAvailable())
        m_tray->showMessage(notice.title, notice.message, icon, 15000);
    Q_EMIT messageShown(notice.title, notice.message);
}

} // namespace lk

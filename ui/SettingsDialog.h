// Application settings: start at login, which events notify, the compression level new
// profiles start with, low CPU and disk priority for backups, and the interface language.
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace lk {

class Autostart;
class Config;

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // `autostart` decides where "start at login" is written (tests give it private folders).
    SettingsDialog(Config &config, Autostart &autostart, QWidget *parent = nullptr);

    void accept() override;

Q_SIGNALS:
    void saved();

private:
    Config &m_config;
    Autostart &m_autostart;
    QCheckBox *m_startAtLogin;
    QCheckBox *m_failure;
    QCheckBox *m_recovery;
    QCheckBox *m_success;
    QCheckBox *m_stale;
    QCheckBox *m_anomaly;
    QSpinBox *m_level;
    QSpinBox *m_threads;
    QCheckBox *m_lowPriority;
    QComboBox *m_language;
    QLabel *m_error;
};

} // namespace lk

// Editing a profile in the GUI, with the same validation as "litekeep profile set"; its S3
// credentials go to the keychain.
#pragma once

#include "settings/Profile.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QTimeEdit;

namespace lk {

class Config;
class CredentialStore;
class CredentialsWidget;

class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileDialog(Config &config, const Profile &profile, QWidget *parent = nullptr);

    Profile edited() const;
    // Validates, saves the settings and (for S3) the keychain entry; closes when all went well.
    void save();

Q_SIGNALS:
    void saved(const QString &name);

private:
    Config &m_config;
    Profile m_original;
    CredentialStore *m_store;
    QLineEdit *m_database = nullptr;
    QRadioButton *m_local = nullptr;
    QRadioButton *m_cloud = nullptr;
    QLineEdit *m_folder = nullptr;
    CredentialsWidget *m_credentials = nullptr;
    QTimeEdit *m_at = nullptr;
    QSpinBox *m_keepDays = nullptr;
    QSpinBox *m_keepMin = nullptr;
    QCheckBox *m_verify = nullptr;
    QLineEdit *m_webhook = nullptr;
    QLineEdit *m_pingUrl = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace lk

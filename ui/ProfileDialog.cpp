// Editing a profile in the GUI.
#include "ProfileDialog.h"

#include "CredentialsWidget.h"
#include "settings/Config.h"
#include "settings/CredentialStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace lk {

ProfileDialog::ProfileDialog(Config &config, const Profile &profile, QWidget *parent)
    : QDialog(parent), m_config(config), m_original(profile), m_store(new CredentialStore(this))
{
    setWindowTitle(tr("Profile \"%1\"").arg(profile.name));
    setObjectName(QStringLiteral("profileDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_database = new QLineEdit(profile.databasePath, this);
    m_database->setObjectName(QStringLiteral("databasePath"));
    form->addRow(tr("Database file:"), m_database);
    const bool s3 =
        profile.parsedDestination().isOk() && profile.parsedDestination().value().isS3();
    m_local = new QRadioButton(tr("Local folder:"), this);
    m_local->setObjectName(QStringLiteral("localFolder"));
    m_folder = new QLineEdit(s3 ? Config::defaultLocalDestination() : profile.destination, this);
    m_folder->setObjectName(QStringLiteral("folder"));
    form->addRow(m_local, m_folder);
    m_cloud = new QRadioButton(tr("Cloudflare R2 / S3-compatible"), this);
    m_cloud->setObjectName(QStringLiteral("cloud"));
    form->addRow(m_cloud);
    (s3 ? m_cloud : m_local)->setChecked(true);
    m_credentials = new CredentialsWidget(this);
    m_credentials->load(profile, {});
    m_credentials->setBaseProfile(profile);
    m_credentials->setEnabled(s3);
    if (s3) {
        // The stored key fills the fields, so a changed endpoint keeps working after saving.
        m_store->read(profile, [this, profile](const Result<Credentials> &c) {
            if (c)
                m_credentials->load(profile, c.value());
        });
    }
    form->addRow(m_credentials);
    m_at = new QTimeEdit(profile.at, this);
    m_at->setObjectName(QStringLiteral("at"));
    m_at->setDisplayFormat(QStringLiteral("HH:mm"));
    form->addRow(tr("Back up every day at:"), m_at);
    m_keepDays = new QSpinBox(this);
    m_keepDays->setObjectName(QStringLiteral("keepDays"));
    m_keepDays->setRange(1, 3650);
    m_keepDays->setValue(profile.keepDays);
    form->addRow(tr("Keep days:"), m_keepDays);
    m_keepMin = new QSpinBox(this);
    m_keepMin->setObjectName(QStringLiteral("keepMin"));
    m_keepMin->setRange(1, 10000);
    m_keepMin->setValue(profile.keepMin);
    form->addRow(tr("Always keep the newest:"), m_keepMin);
    m_verify = new QCheckBox(tr("Verify each backup from the destination"), this);
    m_verify->setObjectName(QStringLiteral("verify"));
    m_verify->setChecked(profile.verifyAfterBackup);
    form->addRow(m_verify);
    m_webhook = new QLineEdit(profile.webhook, this);
    m_webhook->setObjectName(QStringLiteral("webhook"));
    form->addRow(tr("Webhook URL:"), m_webhook);
    m_pingUrl = new QLineEdit(profile.pingUrl, this);
    m_pingUrl->setObjectName(QStringLiteral("pingUrl"));
    form->addRow(tr("Healthcheck ping URL:"), m_pingUrl);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_cloud, &QRadioButton::toggled, m_credentials, &QWidget::setEnabled);
    connect(m_local, &QRadioButton::toggled, m_folder, &QWidget::setEnabled);
    m_folder->setEnabled(!s3);
}

Profile ProfileDialog::edited() const
{
    Profile p = m_original;
    p.databasePath = QFileInfo(m_database->text().trimmed()).absoluteFilePath();
    if (m_cloud->isChecked()) {
        m_credentials->applyTo(p);
    } else {
        p.destination = QFileInfo(m_folder->text().trimmed()).absoluteFilePath();
        p.endpoint.clear();
    }
    p.at = m_at->time();
    p.keepDays = m_keepDays->value();
    p.keepMin = m_keepMin->value();
    p.verifyAfterBackup = m_verify->isChecked();
    p.webhook = m_webhook->text().trimmed();
    p.pingUrl = m_pingUrl->text().trimmed();
    return p;
}

void ProfileDialog::save()
{
    const Profile p = edited();
    m_config.refresh(); // the CLI may have changed the settings while this dialog was open
    if (Status s = m_config.updateProfile(p); !s) {
        m_error->setText(s.error);
        return;
    }
    if (Status s = m_config.save(); !s) {
        // Not on disk, so not in memory either: Cancel must leave the profile as it was.
        m_config.updateProfile(m_original);
        m_error->setText(s.error);
        return;
    }
    const Credentials credentials = m_credentials->credentials();
    if (!m_cloud->isChecked() || !credentials.isComplete()) {
        Q_EMIT saved(p.name);
        accept();
        return;
    }
    m_error->setText(tr("Storing the access key in the keychain…"));
    m_store->write(p, credentials, [this, p](Status s) {
        if (!s) {
            m_error->setText(
                tr("The settings are saved, but the access key could not be stored: %1")
                    .arg(s.error));
            return;
        }
        Q_EMIT saved(p.name);
        accept();
    });
}

} // namespace lk

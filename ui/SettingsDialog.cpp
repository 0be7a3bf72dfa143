// The settings dialog.
#include "SettingsDialog.h"

#include "Autostart.h"
#include "settings/Config.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QThread>

#include <QVBoxLayout>
#include <algorithm>

namespace lk {

namespace {
QCheckBox *option(const QString &text, const char *name, bool checked, QWidget *parent)
{
    auto *box = new QCheckBox(text, parent);
    box->setObjectName(QLatin1String(name));
    box->setChecked(checked);
    return box;
}
} // namespace

SettingsDialog::SettingsDialog(Config &config, Autostart &autostart, QWidget *parent)
    : QDialog(parent), m_config(config), m_autostart(autostart)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("LiteKeep settings"));
    m_config.refresh(); // start from the file: the CLI may have changed it
    const Config::Notifications &n = m_config.notifications();

    m_startAtLogin = option(tr("Start LiteKeep when I log in (the tray runs the nightly backups)"),
                            "startAtLogin", m_autostart.isEnabled(), this);

    auto *notices = new QGroupBox(tr("Notify me when"), this);
    auto *noticeLayout = new QVBoxLayout(notices);
    m_failure = option(tr("a backup fails"), "notifyFailure", n.failure, notices);
    m_recovery =
        option(tr("backups work again after a failure"), "notifyRecovery", n.recovery, notices);
    m_success = option(tr("a backup succeeds (every night)"), "notifySuccess",
                       m_config.notifyOnSuccess(), notices);
    m_stale =
        option(tr("no backup has been verified for too long"), "notifyStale", n.stale, notices);
    m_anomaly = option(tr("tables lost many rows since the previous backup"), "notifyAnomaly",
                       n.anomaly, notices);
    for (QCheckBox *box : {m_failure, m_recovery, m_success, m_stale, m_anomaly})
        noticeLayout->addWidget(box);
    auto *always =
        new QLabel(tr("Whatever you choose, the tray icon turns red after a failure."), notices);
    always->setWordWrap(true);
    noticeLayout->addWidget(always);

    auto *backups = new QGroupBox(tr("Backups"), this);
    auto *form = new QFormLayout(backups);
    m_level = new QSpinBox(backups);
    m_level->setObjectName(QStringLiteral("compressionLevel"));
    m_level->setRange(1, 9);
    m_level->setValue(m_config.defaultCompressionLevel());
    m_level->setToolTip(
        tr("gzip level for new profiles: 1 is fastest, 9 smallest; 6 is gzip's own default. "
           "Each profile keeps its own level."));
    form->addRow(tr("Compression level for new profiles:"), m_level);
    m_threads = new QSpinBox(backups);
    m_threads->setObjectName(QStringLiteral("compressionThreads"));
    m_threads->setRange(0, std::max(Config::kMaxThreads, m_config.compressionThreads()));
    m_threads->setSpecialValueText(tr("One per core (%n)", nullptr, QThread::idealThreadCount()));
    m_threads->setValue(m_config.compressionThreads());
    m_threads->setToolTip(
        tr("How many threads compress a backup. Fewer leave more of the computer free "
           "while a backup runs; the backup takes longer."));
    form->addRow(tr("Compression threads:"), m_threads);
    m_lowPriority = option(tr("Run backups at low CPU and disk priority"), "lowPriority",
                           m_config.lowPriority(), backups);
    m_lowPriority->setToolTip(
        tr("Keeps the desktop responsive while a backup runs; a backup may take a little longer."));
    form->addRow(m_lowPriority);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_config.language())));
    auto *languageRow = new QFormLayout;
    languageRow->addRow(tr("Language (after a restart):"), m_language);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_startAtLogin);
    layout->addWidget(notices);
    layout->addWidget(backups);
    layout->addLayout(languageRow);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    m_config.refresh();
    const Config before = m_config;
    m_config.setNotifications({m_failure->isChecked(), m_recovery->isChecked(),
                               m_stale->isChecked(), m_anomaly->isChecked()});
    m_config.setNotifyOnSuccess(m_success->isChecked());
    m_config.setDefaultCompressionLevel(m_level->value());
    m_config.setLowPriority(m_lowPriority->isChecked());
    m_config.setCompressionThreads(m_threads->value());
    m_config.setLanguage(m_language->currentData().toString());
    if (Status s = m_config.save(); !s) {
        m_config = before; // not on disk, so not in memory either
        m_config.setLowPriority(before.lowPriority());
        m_config.setCompressionThreads(before.compressionThreads());
        m_error->setText(s.error);
        m_error->setVisible(true);
        return;
    }
    if (m_startAtLogin->isChecked() != m_autostart.isEnabled()) {
        if (Status s = m_autostart.setEnabled(m_startAtLogin->isChecked()); !s) {
            m_error->setText(
                tr("The other settings are saved, but start at login could not be changed: %1")
                    .arg(s.error));
            m_error->setVisible(true);
            Q_EMIT saved();
            return;
        }
    }
    Q_EMIT saved();
    QDialog::accept();
}

} // namespace lk

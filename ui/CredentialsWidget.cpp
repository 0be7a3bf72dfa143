// Where an S3 destination is and how to sign in, with "Test connection".
#include "CredentialsWidget.h"

#include "storage/ConnectionTest.h"

#include <QCryptographicHash>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lk {

namespace {
QLineEdit *field(QWidget *parent, const char *name, const QString &placeholder = {})
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setPlaceholderText(placeholder);
    return edit;
}
} // namespace

CredentialsWidget::CredentialsWidget(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_r2 = new QRadioButton(tr("Cloudflare R2"), this);
    m_r2->setObjectName(QStringLiteral("r2"));
    m_r2->setChecked(true);
    m_custom = new QRadioButton(tr("Another S3-compatible service"), this);
    m_custom->setObjectName(QStringLiteral("customEndpoint"));
    auto *kinds = new QHBoxLayout;
    kinds->addWidget(m_r2);
    kinds->addWidget(m_custom);
    form->addRow(tr("Storage:"), kinds);
    m_account = field(this, "accountId", tr("the 32-character account ID from the R2 dashboard"));
    form->addRow(tr("R2 account ID:"), m_account);
    m_endpoint = field(this, "endpoint", QStringLiteral("https://s3.example.com"));
    m_endpoint->setEnabled(false);
    form->addRow(tr("Endpoint URL:"), m_endpoint);
    m_bucket = field(this, "bucket", tr("my-backups"));
    form->addRow(tr("Bucket:"), m_bucket);
    m_prefix = field(this, "prefix", tr("optional folder, e.g. cogito"));
    form->addRow(tr("Prefix:"), m_prefix);
    m_keyId = field(this, "accessKeyId");
    form->addRow(tr("Access key ID:"), m_keyId);
    m_secret = field(this, "secret");
    m_secret->setEchoMode(QLineEdit::Password);
    m_show = new QToolButton(this);
    m_show->setObjectName(QStringLiteral("showSecret"));
    m_show->setText(tr("Show"));
    m_show->setCheckable(true);
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_show);
    form->addRow(tr("Secret access key:"), secretRow);
    // A server with a certificate from a private authority (a NAS, MinIO at home): its CA's PEM
    // file. Cloudflare R2 needs none.
    m_caCert = field(this, "caCertificate",
                     tr("optional: a PEM file, for a server with a private certificate authority"));
    m_caCert->setEnabled(false);
    m_browseCa = new QPushButton(tr("Choose…"), this);
    m_browseCa->setObjectName(QStringLiteral("chooseCaCertificate"));
    m_browseCa->setEnabled(false);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caCert, 1);
    caRow->addWidget(m_browseCa);
    form->addRow(tr("CA certificate:"), caRow);
    layout->addLayout(form);

    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch();
    layout->addLayout(testRow);
    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("testSteps"));
    m_steps->setHeaderLabels({tr("Step"), tr("Result")});
    m_steps->setRootIsDecorated(false);
    m_steps->setMaximumHeight(130);
    layout->addWidget(m_steps);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);

    connect(m_show, &QToolButton::toggled, this, [this](bool shown) {
        m_secret->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_show->setText(shown ? tr("Hide") : tr("Show"));
    });
    connect(m_r2, &QRadioButton::toggled, this, [this](bool r2) {
        m_account->setEnabled(r2);
        m_endpoint->setEnabled(!r2);
        m_caCert->setEnabled(!r2);
        m_browseCa->setEnabled(!r2);
        Q_EMIT changed();
    });
    connect(m_browseCa, &QPushButton::clicked, this, [this] {
        // Not modal through exec(): the event loop (and any running backup) goes on.
        auto *dialog =
            new QFileDialog(this, tr("CA certificate"), QFileInfo(m_caCert->text()).absolutePath(),
                            tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
        dialog->setObjectName(QStringLiteral("caCertificateDialog"));
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, m_caCert, &QLineEdit::setText);
        dialog->open();
    });
    for (QLineEdit *edit : {m_account, m_endpoint, m_bucket, m_prefix, m_keyId, m_secret, m_caCert})
        connect(edit, &QLineEdit::textChanged, this, &CredentialsWidget::changed);
    connect(m_test, &QPushButton::clicked, this, [this] { startTest(m_base); });
}

QString CredentialsWidget::r2Endpoint(const QString &accountId)
{
    return QStringLiteral("https://%1.r2.cloudflarestorage.com").arg(accountId.trimmed());
}

QString CredentialsWidget::endpoint() const
{
    return m_r2->isChecked() ? r2Endpoint(m_account->text()) : m_endpoint->text().trimmed();
}

void CredentialsWidget::load(const Profile &profile, const Credentials &credentials)
{
    const auto destination = profile.parsedDestination();
    if (destination && destination.value().isS3()) {
        m_bucket->setText(destination.value().bucket());
        const QString prefix = destination.value().prefix();
        m_prefix->setText(prefix);
    }
    static const QString r2Suffix = QStringLiteral(".r2.cloudflarestorage.com");
    const QUrl url(profile.endpoint);
    if (url.host().endsWith(r2Suffix)) {
        m_r2->setChecked(true);
        m_account->setText(url.host().chopped(r2Suffix.size()));
    } else if (!profile.endpoint.isEmpty()) {
        m_custom->setChecked(true);
        m_endpoint->setText(profile.endpoint);
    }
    m_caCert->setText(profile.caCertificate);
    m_keyId->setText(credentials.accessKeyId);
    m_secret->setText(credentials.secretAccessKey);
}

void CredentialsWidget::applyTo(Profile &profile) const
{
    QString destination = QStringLiteral("s3://") + m_bucket->text().trimmed();
    const QString prefix = m_prefix->text().trimmed();
    if (!prefix.isEmpty())
        destination += QLatin1Char('/') + prefix;
    profile.destination = destination;
    profile.endpoint = endpoint();
    profile.provider = m_r2->isChecked() ? QStringLiteral("Cloudflare") : QStringLiteral("Other");
    const QString ca = m_caCert->text().trimmed();
    profile.caCertificate =
        m_r2->isChecked() || ca.isEmpty() ? QString() : QFileInfo(ca).absoluteFilePath();
}

Credentials CredentialsWidget::credentials() const
{
    return {m_keyId->text().trimmed(), m_secret->text().trimmed()};
}

bool CredentialsWidget::isFilled() const
{
    const bool where = m_r2->isChecked() ? !m_account->text().trimmed().isEmpty()
                                         : !m_endpoint->text().trimmed().isEmpty();
    return where && !m_bucket->text().trimmed().isEmpty() && credentials().isComplete();
}

QString CredentialsWidget::fingerprint() const
{
    // Compared, never stored: includes the secret only as a hash in memory.
    const QByteArray all =
        (endpoint() + QLatin1Char('\n') + m_bucket->text() + QLatin1Char('\n') + m_prefix->text() +
         QLatin1Char('\n') + m_keyId->text() + QLatin1Char('\n') + m_secret->text() +
         QLatin1Char('\n') + m_caCert->text())
            .toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(all, QCryptographicHash::Sha256).toHex());
}

bool CredentialsWidget::isTested() const
{
    return !m_testedFingerprint.isEmpty() && m_testedFingerprint == fingerprint();
}

void CredentialsWidget::startTest(const Profile &base)
{
    if (m_running)
        m_running->cancel();
    Profile profile = base;
    if (profile.name.isEmpty())
        profile.name = QStringLiteral("default");
    if (profile.databasePath.isEmpty())
        profile.databasePath = QStringLiteral("/connection-test.db");
    applyTo(profile);
    m_steps->clear();
    m_result->clear();
    m_testedFingerprint.clear();
    m_test->setEnabled(false);
    const QString fingerprintAtStart = fingerprint();
    auto *test = new ConnectionTest(profile, credentials(), this);
    m_running = test;
    connect(test, &ConnectionTest::stepStarted, this, [this](ConnectionTest::Step step) {
        auto *item = new QTreeWidgetItem(m_steps, {ConnectionTest::stepName(step), tr("…")});
        item->setData(0, Qt::UserRole, static_cast<int>(step));
    });
    connect(test, &ConnectionTest::stepFinished, this,
            [this](ConnectionTest::Step step, bool ok, const QString &message) {
                QTreeWidgetItem *item = nullptr;
                for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
                    if (m_steps->topLevelItem(i)->data(0, Qt::UserRole).toInt() ==
                        static_cast<int>(step))
                        item = m_steps->topLevelItem(i);
                }
                if (!item)
                    item = new QTreeWidgetItem(m_steps, {ConnectionTest::stepName(step)});
                item->setText(1, (ok ? tr("OK: ") : tr("Failed: ")) + message);
                item->setForeground(1, ok ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
                m_steps->header()->resizeSections(QHeaderView::ResizeToContents);
            });
    connect(test, &ConnectionTest::finished, this,
            [this, test, fingerprintAtStart](const JobResult &result) {
                test->deleteLater();
                m_test->setEnabled(true);
                m_result->setText(result.message);
                if (result.isSuccess())
                    m_testedFingerprint = fingerprintAtStart;
                Q_EMIT testFinished(result.isSuccess());
                Q_EMIT changed();
            });
    test->start();
}

} // namespace lk

// Where an S3 destination is and how to sign in: R2 account ID or a custom endpoint, bucket and
// prefix, access key and secret (masked), and "Test connection" with each step in plain words.
#pragma once

#include "settings/Credentials.h"
#include "settings/Profile.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QToolButton;
class QTreeWidget;

namespace lk {

class ConnectionTest;

class CredentialsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit CredentialsWidget(QWidget *parent = nullptr);

    void load(const Profile &profile, const Credentials &credentials);
    // Sets destination, endpoint, provider and CA certificate of `profile` from the fields.
    void applyTo(Profile &profile) const;
    Credentials credentials() const;
    QString endpoint() const;

    bool isFilled() const;
    // The last "Test connection" passed with exactly the values now in the fields.
    bool isTested() const;
    // The profile the test runs for (name, database); the fields supply the rest.
    void setBaseProfile(const Profile &base) { m_base = base; }
    void startTest(const Profile &base);

    static QString r2Endpoint(const QString &accountId);

Q_SIGNALS:
    void changed();
    void testFinished(bool ok);

private:
    QString fingerprint() const;

    QRadioButton *m_r2 = nullptr;
    QRadioButton *m_custom = nullptr;
    QLineEdit *m_account = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLineEdit *m_bucket = nullptr;
    QLineEdit *m_prefix = nullptr;
    QLineEdit *m_keyId = nullptr;
    QLineEdit *m_secret = nullptr;
    QToolButton *m_show = nullptr;
    QLineEdit *m_caCert = nullptr;
    QPushButton *m_browseCa = nullptr;
    QPushButton *m_test = nullptr;
    QTreeWidget *m_steps = nullptr;
    QLabel *m_result = nullptr;
    QPointer<ConnectionTest> m_running;
    QString m_testedFingerprint;
    Profile m_base;
};

} // namespace lk

// The first-run wizard.
#include "FirstRunWizard.h"

#include "CredentialsWidget.h"
#include "backup/BackupQueue.h"
#include "settings/Config.h"
#include "settings/CredentialStore.h"
#include "sqlite/Snapshot.h"
#include "sqlite/SqliteDatabase.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lk {

namespace {
// A page whose completeness the wizard decides (fields live in the wizard).
class Page : public QWizardPage
{
public:
    Page(const QString &title, const QString &subtitle, std::function<bool()> complete)
        : m_complete(std::move(complete))
    {
        setTitle(title);
        setSubTitle(subtitle);
    }
    bool isComplete() const override { return m_complete(); }
    void changed() { Q_EMIT completeChanged(); }

private:
    std::function<bool()> m_complete;
};

struct DatabaseFacts
{
    QString problem;
    qint64 size = 0;
    QString journalMode;
};
} // namespace

FirstRunWizard::FirstRunWizard(Config &config, BackupQueue &queue, QWidget *parent)
    : QWizard(parent), m_config(config), m_queue(queue), m_store(new CredentialStore(this))
{
    setWindowTitle(tr("Set up LiteKeep"));
    setObjectName(QStringLiteral("firstRunWizard"));
    setOption(QWizard::NoBackButtonOnLastPage);

    // 1. The database.
    auto *database =
        new Page(tr("Which database?"),
                 tr("Choose the SQLite file to protect. LiteKeep copies it safely "
                    "while your application keeps using it."),
                 [this] { return m_databaseOk && !m_name->text().trimmed().isEmpty(); });
    auto *form = new QFormLayout(database);
    m_database = new QLineEdit(database);
    m_database->setObjectName(QStringLiteral("databasePath"));
    auto *browse = new QPushButton(tr("Browse…"), database);
    auto *row = new QHBoxLayout;
    row->addWidget(m_database, 1);
    row->addWidget(browse);
    form->addRow(tr("Database file:"), row);
    m_databaseInfo = new QLabel(database);
    m_databaseInfo->setObjectName(QStringLiteral("databaseInfo"));
    m_databaseInfo->setWordWrap(true);
    form->addRow(QString(), m_databaseInfo);
    m_name = new QLineEdit(
        m_config.profileNames().isEmpty() ? QStringLiteral("default") : QString(), database);
    m_name->setObjectName(QStringLiteral("profileName"));
    form->addRow(tr("Profile name:"), m_name);
    setPage(DatabasePage, database);
    connect(m_database, &QLineEdit::textChanged, this, &FirstRunWizard::inspectDatabase);
    connect(m_name, &QLineEdit::textChanged, database, [database] { database->changed(); });
    connect(browse, &QPushButton::clicked, this, [this] {
        // Asynchronous: no nested event loop.
        auto *dialog = new QFileDialog(this, tr("Choose the SQLite database"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, m_database, &QLineEdit::setText);
        dialog->open();
    });

    // 2. Where to.
    auto *destination = new Page(
        tr("Where should backups go?"),
        tr("A local folder works at once. Cloudflare R2 or another S3-compatible storage keeps "
           "them off this machine."),
        [this] { return m_cloud->isChecked() || !m_folder->text().trimmed().isEmpty(); });
    auto *destinationLayout = new QVBoxLayout(destination);
    m_local = new QRadioButton(tr("A local folder (no account needed)"), destination);
    m_local->setObjectName(QStringLiteral("localFolder"));
    m_local->setChecked(true);
    m_folder = new QLineEdit(Config::defaultLocalDestination(), destination);
    m_folder->setObjectName(QStringLiteral("folder"));
    m_cloud = new QRadioButton(tr("Cloudflare R2 or S3-compatible storage"), destination);
    m_cloud->setObjectName(QStringLiteral("cloud"));
    destinationLayout->addWidget(m_local);
    destinationLayout->addWidget(m_folder);
    destinationLayout->addWidget(m_cloud);
    destinationLayout->addStretch();
    setPage(DestinationPage, destination);
    connect(m_local, &QRadioButton::toggled, m_folder, &QLineEdit::setEnabled);
    connect(m_folder, &QLineEdit::textChanged, destination,
            [destination] { destination->changed(); });
    connect(m_cloud, &QRadioButton::toggled, destination,
            [destination] { destination->changed(); });

    // 3. R2 / S3 (only when chosen).
    auto *cloud =
        new Page(tr("Connect to your storage"),
                 tr("The secret is stored in your system keychain, never in a file. Test the "
                    "connection to go on."),
                 [this] { return m_credentials->isFilled() && m_credentials->isTested(); });
    auto *cloudLayout = new QVBoxLayout(cloud);
    m_credentials = new CredentialsWidget(cloud);
    cloudLayout->addWidget(m_credentials);
    setPage(CloudPage, cloud);
    connect(m_credentials, &CredentialsWidget::changed, cloud, [cloud] { cloud->changed(); });

    // 4. When and how long.
    auto *schedule = new Page(
        tr("When and how long?"),
        tr("LiteKeep backs up once a day while it runs, and catches up once if the computer was "
           "off at that time."),
        [] { return true; });
    auto *scheduleForm = new QFormLayout(schedule);
    m_at = new QTimeEdit(QTime(2, 0), schedule);
    m_at->setObjectName(QStringLiteral("at"));
    m_at->setDisplayFormat(QStringLiteral("HH:mm"));
    scheduleForm->addRow(tr("Back up every day at:"), m_at);
    m_keepDays = new QSpinBox(schedule);
    m_keepDays->setObjectName(QStringLiteral("keepDays"));
    m_keepDays->setRange(1, 3650);
    m_keepDays->setValue(30);
    m_keepDays->setSuffix(tr(" days"));
    scheduleForm->addRow(tr("Keep generations for:"), m_keepDays);
    setPage(SchedulePage, schedule);

    // 5. Create, and the first backup.
    auto *finish = new Page(tr("Ready"), QString(), [this] { return m_finished; });
    auto *finishLayout = new QVBoxLayout(finish);
    m_summary = new QLabel(finish);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_backUpNow = new QCheckBox(tr("Make the first backup now"), finish);
    m_backUpNow->setObjectName(QStringLiteral("backUpNow"));
    m_backUpNow->setChecked(true);
    m_progress = new QProgressBar(finish);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setVisible(false);
    m_result = new QLabel(finish);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    auto *create = new QPushButton(tr("Create the profile"), finish);
    create->setObjectName(QStringLiteral("create"));
    finishLayout->addWidget(m_summary);
    finishLayout->addWidget(m_backUpNow);
    finishLayout->addWidget(create);
    finishLayout->addWidget(m_progress);
    finishLayout->addWidget(m_result);
    finishLayout->addStretch();
    setPage(FinishPage, finish);
    connect(this, &QWizard::currentIdChanged, this, [this, finish](int id) {
        if (id == CloudPage)
            m_credentials->setBaseProfile(profile());
        if (id != FinishPage)
            return;
        const Profile p = profile();
        m_summary->setText(
            tr("Profile \"%1\": %2 → %3, every day at %4, keeping %n day(s).", nullptr, p.keepDays)
                .arg(p.name, p.databasePath, p.destination,
                     p.at.toString(QStringLiteral("HH:mm"))));
        finish->changed();
    });
    connect(create, &QPushButton::clicked, this, [this, create, finish] {
        create->setEnabled(false);
        m_backUpNow->setEnabled(false);
        createAndBackUp();
        if (!m_created) {
            // Nothing was saved: the person fixes the problem and tries again (there is no Back
            // here).
            create->setEnabled(true);
            m_backUpNow->setEnabled(true);
            return;
        }
        connect(&m_queue, &BackupQueue::finished, finish, [finish] { finish->changed(); });
    });
}

Profile FirstRunWizard::profile() const
{
    Profile p;
    p.name = m_name->text().trimmed();
    p.databasePath = QFileInfo(m_database->text().trimmed()).absoluteFilePath();
    if (m_cloud->isChecked())
        m_credentials->applyTo(p);
    else
        p.destination = QFileInfo(m_folder->text().trimmed()).absoluteFilePath();
    p.at = m_at->time();
    p.keepDays = m_keepDays->value();
    p.compressionLevel = m_config.defaultCompressionLevel();
    return p;
}

int FirstRunWizard::nextId() const
{
    switch (currentId()) {
    case DatabasePage:
        return DestinationPage;
    case DestinationPage:
        return m_cloud->isChecked() ? CloudPage : SchedulePage;
    case CloudPage:
        return SchedulePage;
    case SchedulePage:
        return FinishPage;
    default:
        return -1;
    }
}

bool FirstRunWizard::validateCurrentPage()
{
    if (currentId() == DatabasePage) {
        Profile p = profile();
        p.destination = Config::defaultLocalDestination();
        const QString problem = m_config.profile(p.name)
                                    ? tr("A profile named \"%1\" already exists.").arg(p.name)
                                    : p.validate();
        if (!problem.isEmpty()) {
            m_databaseInfo->setText(problem);
            return false;
        }
    }
    return QWizard::validateCurrentPage();
}

void FirstRunWizard::inspectDatabase()
{
    m_databaseOk = false;
    const QString path = QFileInfo(m_database->text().trimmed()).absoluteFilePath();
    m_databaseInfo->setText(tr("Checking…"));
    static_cast<Page *>(page(DatabasePage))->changed();
    // Off the GUI thread: the file may be on a slow disk.
    auto *watcher = new QFutureWatcher<DatabaseFacts>(this);
    connect(watcher, &QFutureWatcher<DatabaseFacts>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        if (QFileInfo(m_database->text().trimmed()).absoluteFilePath() != path)
            return; // the user typed on
        const DatabaseFacts facts = watcher->result();
        m_databaseOk = facts.problem.isEmpty();
        m_databaseInfo->setText(m_databaseOk ? tr("SQLite database, %1, journal mode %2.")
                                                   .arg(QLocale().formattedDataSize(facts.size),
                                                        facts.journalMode.toUpper())
                                             : facts.problem);
        static_cast<Page *>(page(DatabasePage))->changed();
    });
    watcher->setFuture(QtConcurrent::run([path] {
        DatabaseFacts facts;
        facts.problem = Snapshot::precheckSource(path);
        if (!facts.problem.isEmpty())
            return facts;
        facts.size = QFileInfo(path).size();
        SqliteDatabase db;
        if (Status s = db.open(path, SqliteDatabase::Mode::ReadOnly, 2000); !s) {
            facts.problem = s.error;
            return facts;
        }
        auto mode = db.queryValue(QStringLiteral("PRAGMA journal_mode"));
        if (!mode)
            facts.problem =
                tr("%1 cannot be read as an SQLite database: %2").arg(path, mode.error());
        else
            facts.journalMode = mode.value().toString();
        return facts;
    }));
}

void FirstRunWizard::createAndBackUp()
{
    const Profile p = profile();
    m_config.refresh(); // the CLI may have changed the settings meanwhile: lose nothing
    if (Status s = m_config.addProfile(p); !s) {
        m_result->setText(s.error);
        return;
    }
    if (Status s = m_config.save(); !s) {
        // Not on disk, so not in memory either: a second try must not find a duplicate.
        m_config.removeProfile(p.name);
        m_result->setText(s.error);
        return;
    }
    m_created = true;
    Q_EMIT profileCreated(p.name);

    auto backUp = [this, p] {
        if (!m_backUpNow->isChecked()) {
            m_finished = true;
            m_result->setText(tr("Profile \"%1\" is ready. The first backup runs at %2.")
                                  .arg(p.name, p.at.toString(QStringLiteral("HH:mm"))));
            static_cast<Page *>(page(FinishPage))->changed();
            return;
        }
        m_progress->setVisible(true);
        m_progress->setRange(0, 0);
        m_result->setText(tr("Backing up…"));
        connect(&m_queue, &BackupQueue::progress, this,
                [this, p](const QString &name, BackupJob::Phase phase, qint64 done, qint64 total) {
                    if (name != p.name)
                        return;
                    m_progress->setFormat(BackupJob::phaseName(phase));
                    m_progress->setRange(0, total > 0 ? 1000 : 0);
                    if (total > 0)
                        m_progress->setValue(static_cast<int>(done * 1000 / total));
                });
        connect(
            &m_queue, &BackupQueue::finished, this,
            [this, p](const QString &name, const JobResult &result) {
                if (name != p.name)
                    return;
                m_progress->setVisible(false);
                m_finished = true;
                m_result->setText(
                    result.isSuccess()
                        ? tr("Done. %1").arg(result.message)
                        : tr("The first backup failed: %1 The profile is saved; fix the problem "
                             "and use \"Back up now\".")
                              .arg(result.message));
                static_cast<Page *>(page(FinishPage))->changed();
            });
        m_queue.enqueue(p, BackupQueue::Trigger::Manual);
    };

    if (!p.parsedDestination().value().isS3()) {
        backUp();
        return;
    }
    m_result->setText(tr("Storing the access key in the keychain…"));
    m_store->write(p, m_credentials->credentials(), [this, backUp](Status s) {
        if (!s) {
            m_finished = true;
            m_result->setText(tr("The profile is saved, but the access key could not be stored: %1")
                                  .arg(s.error));
            static_cast<Page *>(page(FinishPage))->changed();
            return;
        }
        backUp();
    });
}

} // namespace lk

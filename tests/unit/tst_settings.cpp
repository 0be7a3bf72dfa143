// The settings registry and migrate(): every setting declared once and read, written, defaulted
// and checked through it; the files LiteKeep 0.1.0 wrote load with every value intact.
#include "settings/Config.h"
#include "settings/Profile.h"
#include "settings/SettingsRegistry.h"

#include <QFile>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QVersionNumber>
#include <QtTest>

using namespace lk;
using Entry = SettingsRegistry::Entry;
using Scope = SettingsRegistry::Scope;
using Type = SettingsRegistry::Type;

namespace {
using Values = QMap<Setting, QVariant>;

QString fixture(const QString &name)
{
    return QStringLiteral(LITEKEEP_SOURCE_DIR "/tests/unit/data/") + name;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every key of an INI file with its value, as QSettings reads them ("profile.x/keep_days").
QMap<QString, QVariant> rawKeys(const QString &path)
{
    QMap<QString, QVariant> keys;
    const QSettings settings(path, QSettings::IniFormat);
    for (const QString &key : settings.allKeys())
        keys.insert(key, settings.value(key));
    return keys;
}

Profile validProfile()
{
    Profile p;
    p.name = QStringLiteral("p");
    p.databasePath = QStringLiteral("/data/p.db");
    p.destination = QStringLiteral("/backups");
    return p;
}

// Each setting of `config` is what `app` and `profiles` say, or the registry's default.
void compareAll(const Config &config, const Values &app, const QMap<QString, Values> &profiles)
{
    for (const Entry *e : SettingsRegistry::entries(Scope::Application)) {
        const QVariant expected = app.value(e->setting, SettingsRegistry::defaultValue(*e));
        QVERIFY2(config.value(e->setting) == expected,
                 qPrintable(QStringLiteral("%1: %2, not %3")
                                .arg(QLatin1String(e->key), config.value(e->setting).toString(),
                                     expected.toString())));
    }
    QCOMPARE(config.profileNames(), QStringList(profiles.keys()));
    for (auto it = profiles.begin(); it != profiles.end(); ++it) {
        const Profile p = *config.profile(it.key());
        for (const Entry *e : SettingsRegistry::entries(Scope::Profile)) {
            const QVariant expected =
                it.value().value(e->setting, SettingsRegistry::defaultValue(*e));
            const QVariant actual = SettingsRegistry::value(p, e->setting);
            QVERIFY2(actual == expected,
                     qPrintable(QStringLiteral("%1 %2: %3, not %4")
                                    .arg(it.key(), QLatin1String(e->key), actual.toString(),
                                         expected.toString())));
        }
    }
}
} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryDeclaresEverySettingOnce();
    void helpSentencesNameTheDefault();
    void defaultsAreTheRegistrys();
    void validateAgreesWithTheRanges();
    void everySettingRoundTrips();
    void registryKnowsEveryKeyOf010();
    void fileFrom010_data();
    void fileFrom010();
    void migrateLeavesCurrentAndNewerFilesAlone();
};

void TestSettings::registryDeclaresEverySettingOnce()
{
    QSet<QString> keys[2];
    QSet<QString> options;
    const QVersionNumber current = QVersionNumber::fromString(QStringLiteral(LITEKEEP_VERSION));
    for (const Entry &e : SettingsRegistry::entries()) {
        const QString key = QLatin1String(e.key);
        QVERIFY2(!key.isEmpty() && !keys[int(e.scope)].contains(key), e.key);
        keys[int(e.scope)].insert(key);
        QVERIFY2(key != QLatin1String("config_version"), e.key);
        QVERIFY2(!SettingsRegistry::help(e).isEmpty(), e.key);
        QVERIFY2(SettingsRegistry::help(e).endsWith(QLatin1Char('.')), e.key);
        const QVersionNumber since = QVersionNumber::fromString(QLatin1String(e.since));
        QVERIFY2(!since.isNull() && since >= QVersionNumber(0, 1, 0) && since <= current, e.key);
        QCOMPARE(e.scope == Scope::Profile, e.field.index() != 0);
        if (e.option) {
            QVERIFY2(e.scope == Scope::Profile, e.key); // only "profile add/set" takes settings
            QVERIFY2(!options.contains(QLatin1String(e.option)), e.option);
            options.insert(QLatin1String(e.option));
            QVERIFY2(e.valueName && *e.valueName, e.key);
            QCOMPARE(SettingsRegistry::byOption(QLatin1String(e.option)), &e);
        }
        if (e.type == Type::Int) {
            const int fallback = SettingsRegistry::defaultValue(e).toInt();
            QVERIFY2(e.minimum <= fallback && fallback <= e.maximum, e.key);
        }
        if (e.type == Type::Choice)
            QVERIFY2(QString::fromLatin1(e.choices)
                         .split(QLatin1Char('|'))
                         .contains(QLatin1String(e.defaultValue)),
                     e.key);
        // Read from the file as it would be written, the default is itself.
        const QVariant stored = SettingsRegistry::toFile(e, SettingsRegistry::defaultValue(e));
        if (stored.isValid())
            QCOMPARE(SettingsRegistry::fromFile(e, stored.toString()),
                     SettingsRegistry::defaultValue(e));
    }
    QVERIFY(SettingsRegistry::byOption(QStringLiteral("no-such-option")) == nullptr);
}

// "Days of generations to keep (30)": a changed default cannot leave the help behind.
void TestSettings::helpSentencesNameTheDefault()
{
    for (const Entry &e : SettingsRegistry::entries()) {
        const QString shown = SettingsRegistry::defaultText(e);
        if (!e.option || shown.isEmpty())
            continue;
        const QString help = SettingsRegistry::help(e);
        QVERIFY2(help.contains(QStringLiteral("(%1)").arg(shown)) ||
                     help.contains(QStringLiteral("(default %1)").arg(shown)),
                 qPrintable(help + QStringLiteral(" does not name ") + shown));
    }
}

void TestSettings::defaultsAreTheRegistrys()
{
    const Profile p;
    for (const Entry *e : SettingsRegistry::entries(Scope::Profile))
        QVERIFY2(SettingsRegistry::value(p, e->setting) == SettingsRegistry::defaultValue(*e),
                 e->key);
    const Config config(QStringLiteral("/nonexistent/litekeep.ini"));
    for (const Entry *e : SettingsRegistry::entries(Scope::Application))
        QVERIFY2(config.value(e->setting) == SettingsRegistry::defaultValue(*e), e->key);
    QCOMPARE(config.notifications(), Config::Notifications{});
    QVERIFY(config.lowPriority());
    QCOMPARE(p.at, QTime(2, 0));
    QCOMPARE(p.provider, QStringLiteral("Cloudflare"));
}

// Profile::validate says its ranges in sentences of their own; they are the registry's.
void TestSettings::validateAgreesWithTheRanges()
{
    QVERIFY(validProfile().validate().isEmpty());
    for (const Entry *e : SettingsRegistry::entries(Scope::Profile)) {
        if (e->type != Type::Int)
            continue;
        for (const int n : {e->minimum, e->maximum, e->minimum - 1, e->maximum + 1}) {
            Profile p = validProfile();
            SettingsRegistry::setValue(p, e->setting, n);
            QCOMPARE(SettingsRegistry::value(p, e->setting).toInt(), n);
            const bool inRange = n >= e->minimum && n <= e->maximum;
            QVERIFY2(p.validate().isEmpty() == inRange, qPrintable(QStringLiteral("%1=%2: %3")
                                                                       .arg(QLatin1String(e->key))
                                                                       .arg(n)
                                                                       .arg(p.validate())));
        }
    }
}

void TestSettings::everySettingRoundTrips()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("litekeep.ini"));
    Config config(path);
    const Values app{
        {Setting::NotifyOnSuccess, true},         {Setting::NotifyOnFailure, false},
        {Setting::NotifyOnRecovery, false},       {Setting::NotifyOnStale, false},
        {Setting::NotifyOnAnomaly, false},        {Setting::CpuPriority, QStringLiteral("normal")},
        {Setting::CompressionThreads, 5},         {Setting::DefaultCompressionLevel, 2},
        {Setting::Language, QStringLiteral("ja")}};
    QCOMPARE(app.size(), SettingsRegistry::entries(Scope::Application).size());
    for (auto it = app.begin(); it != app.end(); ++it)
        config.setValue(it.key(), it.value());
    const Values profile{
        {Setting::Database, QStringLiteral("/data/a b.db")},
        {Setting::Destination, QStringLiteral("s3://bucket/prefix")},
        {Setting::Endpoint, QStringLiteral("https://s3.example.com")},
        {Setting::Provider, QStringLiteral("Minio")},
        {Setting::Region, QStringLiteral("eu-1")},
        {Setting::CaCertificate, QString()}, // checked for a readable file: left at its default
        {Setting::KeepDays, 9},
        {Setting::KeepMin, 2},
        {Setting::KeepMonthly, 3},
        {Setting::At, QTime(23, 59)},
        {Setting::CompressionLevel, 1},
        {Setting::BusyTimeout, 99},
        {Setting::VerifyAfterBackup, false},
        {Setting::DrillDays, 0},
        {Setting::Webhook, QStringLiteral("https://hooks.example.com/x?a=1,b=2")},
        {Setting::PingUrl, QStringLiteral("https://hc-ping.com/abc")},
        {Setting::StaleHours, 48},
        {Setting::Created, QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC)},
    };
    QCOMPARE(profile.size(), SettingsRegistry::entries(Scope::Profile).size());
    Profile p;
    p.name = QStringLiteral("every");
    for (auto it = profile.begin(); it != profile.end(); ++it)
        SettingsRegistry::setValue(p, it.key(), it.value());
    QVERIFY2(config.addProfile(p), qPrintable(p.validate()));
    QVERIFY(config.save());

    Config again(path);
    QVERIFY(again.load());
    compareAll(again, app, {{QStringLiteral("every"), profile}});
    if (QTest::currentTestFailed())
        return;
    // Written under the registry's keys, nothing else besides the version.
    QStringList expected{QStringLiteral("config_version")};
    for (const Entry *e : SettingsRegistry::entries(Scope::Application))
        expected.append(QLatin1String(e->key));
    for (const Entry *e : SettingsRegistry::entries(Scope::Profile)) {
        if (e->setting != Setting::CaCertificate)
            expected.append(QStringLiteral("profile.every/") + QLatin1String(e->key));
    }
    QStringList written = rawKeys(path).keys();
    expected.sort();
    written.sort();
    QCOMPARE(written, expected);
}

// What 0.1.0 wrote is what the registry reads: a key missing from it would be dropped by the
// first save, and a key of the registry said to be from 0.1.0 must be in a 0.1.0 file.
void TestSettings::registryKnowsEveryKeyOf010()
{
    QSet<QString> known{QStringLiteral("config_version")};
    for (const Entry *e : SettingsRegistry::entries(Scope::Application))
        known.insert(QLatin1String(e->key));
    for (const Entry *e : SettingsRegistry::entries(Scope::Profile))
        known.insert(QStringLiteral("profile.cogito/") + QLatin1String(e->key));
    QSet<QString> written;
    for (const QString &key : rawKeys(fixture(QStringLiteral("litekeep-0.1.0.ini"))).keys())
        written.insert(key);
    QVERIFY(!written.isEmpty());
    QSet<QString> from010{QStringLiteral("config_version")};
    for (const Entry &e : SettingsRegistry::entries()) {
        if (QLatin1String(e.since) == QLatin1String("0.1.0"))
            from010.insert(e.scope == Scope::Profile
                               ? QString(QStringLiteral("profile.cogito/") + QLatin1String(e.key))
                               : QString::fromLatin1(e.key));
    }
    QCOMPARE(written - known, QSet<QString>());
    QCOMPARE(from010 - written, QSet<QString>());
}

void TestSettings::fileFrom010_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Values>("app");
    QTest::addColumn<QMap<QString, Values>>("profiles");
    QTest::addColumn<bool>("upgraded"); // whether loading it writes the file back

    const Values cogito010{
        {Setting::Database, QStringLiteral("/home/op/cogito/cogito.db")},
        {Setting::Destination, QStringLiteral("s3://cogito-backups/nightly")},
        {Setting::Endpoint, QStringLiteral("https://0123456789abcdef.r2.cloudflarestorage.com")},
        {Setting::Provider, QStringLiteral("Cloudflare")},
        {Setting::Region, QStringLiteral("auto")},
        {Setting::KeepDays, 45},
        {Setting::At, QTime(3, 30)},
        {Setting::CompressionLevel, 9},
        {Setting::BusyTimeout, 120},
    };
    // Written by the first Config::save() (commit 506430e): the version in [%General], and a
    // profile's first keys only.
    QTest::newRow("0.1.0, first builds")
        << fixture(QStringLiteral("litekeep-0.1.0-first.ini")) << Values{}
        << QMap<QString, Values>{{QStringLiteral("cogito"), cogito010},
                                 {QStringLiteral("default"),
                                  {{Setting::Database, QStringLiteral("/home/op/notes.db")},
                                   {Setting::Destination,
                                    QStringLiteral("/home/op/.local/share/litekeep/backups")}}}}
        << true;

    // Written by Config::save() as 0.1.0 shipped (commit b418ba3): every key.
    Values cogito = cogito010;
    cogito.insert({{Setting::CaCertificate, QStringLiteral("/etc/ssl/private-ca.pem")},
                   {Setting::KeepMin, 10},
                   {Setting::KeepMonthly, 12},
                   {Setting::VerifyAfterBackup, false},
                   {Setting::DrillDays, 14},
                   {Setting::Webhook, QStringLiteral("https://hooks.example.com/litekeep?a=1,b=2")},
                   {Setting::PingUrl, QStringLiteral("https://hc-ping.com/5f0c6f2e")},
                   {Setting::StaleHours, 30},
                   {Setting::Created, QDateTime(QDate(2026, 11, 27), QTime(3, 45, 12), Qt::UTC)}});
    QTest::newRow("0.1.0") << fixture(QStringLiteral("litekeep-0.1.0.ini"))
                           << Values{{Setting::NotifyOnSuccess, true},
                                     {Setting::CpuPriority, QStringLiteral("normal")},
                                     {Setting::CompressionThreads, 3},
                                     {Setting::NotifyOnRecovery, false},
                                     {Setting::NotifyOnAnomaly, false},
                                     {Setting::DefaultCompressionLevel, 4},
                                     {Setting::Language, QStringLiteral("ja")}}
                           << QMap<QString, Values>{{QStringLiteral("cogito"), cogito}} << false;

    // Written by hand, with no version at all.
    QTest::newRow("by hand, no version")
        << QStringLiteral("notify_on_success=true\n\n[profile.home]\ndatabase=/home/op/home.db\n"
                          "destination=/mnt/backup\nkeep_days=10\n")
        << Values{{Setting::NotifyOnSuccess, true}}
        << QMap<QString, Values>{{QStringLiteral("home"),
                                  {{Setting::Database, QStringLiteral("/home/op/home.db")},
                                   {Setting::Destination, QStringLiteral("/mnt/backup")},
                                   {Setting::KeepDays, 10}}}}
        << true;
}

void TestSettings::fileFrom010()
{
    QFETCH(QString, file);
    QFETCH(Values, app);
    using Profiles = QMap<QString, Values>;
    QFETCH(Profiles, profiles);
    QFETCH(bool, upgraded);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("litekeep.ini"));
    const QByteArray original = file.startsWith(QLatin1Char('/')) ? readAll(file) : file.toUtf8();
    QVERIFY(!original.isEmpty());
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(original);
    }
    const QMap<QString, QVariant> before = rawKeys(path);

    Config config(path);
    const Status loaded = config.load();
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    compareAll(config, app, profiles);
    if (QTest::currentTestFailed())
        return;

    // migrate() has written the version to the top level, and changed nothing else.
    const QByteArray afterLoad = readAll(path);
    if (upgraded) {
        QVERIFY2(afterLoad.startsWith("[General]\n"), afterLoad.constData());
        QVERIFY2(afterLoad.contains("\nconfig_version=1\n"), afterLoad.constData());
        QVERIFY2(!afterLoad.contains("%General"), afterLoad.constData());
    } else {
        QCOMPARE(afterLoad, original); // a current file is only read
    }
    QMap<QString, QVariant> after = rawKeys(path);
    QCOMPARE(after.take(QStringLiteral("config_version")).toInt(), 1);
    QMap<QString, QVariant> expected = before;
    expected.remove(QStringLiteral("config_version"));
    expected.remove(QStringLiteral("General/config_version"));
    QCOMPARE(after, expected);

    // Saved again, it reads back the same and keeps the version.
    QVERIFY(config.save());
    QVERIFY(readAll(path).contains("\nconfig_version=1\n"));
    Config again(path);
    QVERIFY(again.load());
    compareAll(again, app, profiles);
}

void TestSettings::migrateLeavesCurrentAndNewerFilesAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("m.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        QCOMPARE(Config::fileVersion(settings), 0);
        QVERIFY(Config::migrate(settings));
        QCOMPARE(Config::fileVersion(settings), Config::kVersion);
        QVERIFY(!Config::migrate(settings)); // once is enough
        settings.setValue(QStringLiteral("config_version"), Config::kVersion + 1);
        QVERIFY(!Config::migrate(settings));
        QCOMPARE(Config::fileVersion(settings), Config::kVersion + 1);
        // A newer version in the first builds' place counts as newer too.
        settings.remove(QStringLiteral("config_version"));
        settings.setValue(QStringLiteral("General/config_version"), Config::kVersion + 1);
        QVERIFY(!Config::migrate(settings));
        QVERIFY(!settings.contains(QStringLiteral("config_version")));
    }
    Config config(path);
    QVERIFY(!config.load()); // newer: refused, as before
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"

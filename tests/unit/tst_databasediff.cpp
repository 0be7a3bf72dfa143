// DatabaseDescription and DatabaseDiff on real SQLite files: WITHOUT ROWID and FTS5 tables,
// views, triggers, indexes and Japanese names.
#include "TestSupport.h"
#include "sqlite/DatabaseDescription.h"

#include <QtTest>

using namespace lk;

class TestDatabaseDiff : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString make(const QString &name, const char *sql)
    {
        const QString path = m_dir.filePath(name);
        return lkt::runSql(path, sql) ? path : QString();
    }

    static const char *base()
    {
        return "CREATE TABLE notes(id INTEGER PRIMARY KEY, title TEXT);"
               "CREATE TABLE tags(name TEXT PRIMARY KEY, note INTEGER) WITHOUT ROWID;"
               "CREATE VIRTUAL TABLE notes_fts USING fts5(title);"
               "CREATE VIEW recent AS SELECT * FROM notes ORDER BY id DESC LIMIT 10;"
               "CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN INSERT INTO notes_fts(title) "
               "VALUES (new.title); END;"
               "CREATE TABLE \"日本語の表\"(本文 TEXT);"
               "INSERT INTO notes(title) VALUES ('一つ目'), ('二つ目'), ('三つ目');"
               "INSERT INTO tags VALUES ('a', 1), ('b', 2);"
               "INSERT INTO \"日本語の表\" VALUES ('こんにちは');";
    }

private Q_SLOTS:
    void describesEveryKindOfObject()
    {
        const QString path = make(QStringLiteral("a.db"), base());
        QVERIFY(!path.isEmpty());
        auto d = DatabaseDescription::read(path);
        QVERIFY2(d.isOk(), qPrintable(d.error()));
        QStringList kinds;
        for (const SchemaObject &o : d.value().objects)
            kinds.append(o.type + QLatin1Char(':') + o.name);
        for (const char *expected :
             {"table:notes", "table:tags", "table:notes_fts", "view:recent", "trigger:notes_ai"})
            QVERIFY2(kinds.contains(QLatin1String(expected)),
                     qPrintable(kinds.join(QLatin1Char(' '))));
        QVERIFY(kinds.contains(QStringLiteral("table:日本語の表")));
        QCOMPARE(d.value().rowCounts.value(QStringLiteral("notes")), 3);
        QCOMPARE(d.value().rowCounts.value(QStringLiteral("tags")), 2);
        QCOMPARE(d.value().rowCounts.value(QStringLiteral("notes_fts")),
                 3); // filled by the trigger
        QCOMPARE(d.value().rowCounts.value(QStringLiteral("日本語の表")), 1);
        const QJsonObject json = d.value().toJson();
        QVERIFY(json.value(QLatin1String("page_count")).toInt() > 0);

        auto rows = DatabaseDescription::previewRows(path, QStringLiteral("日本語の表"));
        QVERIFY(rows.isOk());
        QCOMPARE(rows.value().size(), 2); // header + one row
        QCOMPARE(rows.value().at(0).value(0).toString(), QStringLiteral("本文"));
        QCOMPARE(rows.value().at(1).value(0).toString(), QStringLiteral("こんにちは"));
    }

    void diffNamesWhatChanged()
    {
        const QString before = make(QStringLiteral("before.db"), base());
        const QString after = make(QStringLiteral("after.db"), base());
        QVERIFY(!before.isEmpty() && !after.isEmpty());
        // After: two notes deleted, a table dropped, an index added, the view redefined.
        QVERIFY(!make(QStringLiteral("after.db"),
                      "DELETE FROM notes WHERE id > 1; DROP TABLE tags; CREATE INDEX notes_title "
                      "ON notes(title);"
                      "DROP VIEW recent; CREATE VIEW recent AS SELECT title FROM notes;")
                     .isEmpty());
        const auto a = DatabaseDescription::read(before);
        const auto b = DatabaseDescription::read(after);
        QVERIFY(a.isOk() && b.isOk());
        const DatabaseDiff diff = DatabaseDiff::between(a.value(), b.value());
        QVERIFY(!diff.isEmpty());
        const QJsonObject json = diff.toJson();
        QJsonObject notes, tags;
        for (const QJsonValue &t : json.value(QLatin1String("tables")).toArray()) {
            if (t[QLatin1String("name")] == QLatin1String("notes"))
                notes = t.toObject();
            if (t[QLatin1String("name")] == QLatin1String("tags"))
                tags = t.toObject();
        }
        QCOMPARE(notes.value(QLatin1String("before")).toInt(), 3);
        QCOMPARE(notes.value(QLatin1String("after")).toInt(), 1);
        QCOMPARE(notes.value(QLatin1String("change")).toInt(), -2);
        QCOMPARE(tags.value(QLatin1String("before")).toInt(), 2);
        QVERIFY(tags.value(QLatin1String("after")).isNull());
        QCOMPARE(
            json.value(QLatin1String("added")).toArray().first()[QLatin1String("name")].toString(),
            QStringLiteral("notes_title"));
        QCOMPARE(json.value(QLatin1String("removed"))
                     .toArray()
                     .first()[QLatin1String("name")]
                     .toString(),
                 QStringLiteral("tags"));
        QCOMPARE(json.value(QLatin1String("changed"))
                     .toArray()
                     .first()[QLatin1String("name")]
                     .toString(),
                 QStringLiteral("recent"));
        const QStringList lines = diff.describe();
        QVERIFY2(lines.contains(QStringLiteral("notes: 3 → 1 rows (-2)")),
                 qPrintable(lines.join(QLatin1Char('\n'))));

        const DatabaseDiff none = DatabaseDiff::between(a.value(), a.value());
        QVERIFY(none.isEmpty());
        QVERIFY(none.describe().isEmpty());
    }

    void unreadableFileIsAnError()
    {
        const QString path = m_dir.filePath(QStringLiteral("junk.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'j'));
        f.close();
        const auto d = DatabaseDescription::read(path);
        QVERIFY(!d.isOk());
        QVERIFY2(d.error().contains(path), qPrintable(d.error()));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseDiff)
#include "tst_databasediff.moc"

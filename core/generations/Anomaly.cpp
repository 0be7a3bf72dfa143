// The anomaly alarm's rule.
#include "generations/Anomaly.h"

#include <QJsonObject>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace lk {

namespace {
const QString kShrank = QStringLiteral("shrank");
const QString kVanished = QStringLiteral("vanished");
} // namespace

int Anomaly::Finding::lostPercent() const
{
    if (before <= 0)
        return 0;
    const int percent = int(std::lround(100.0 * double(lost()) / double(before)));
    return after > 0 ? std::min(percent, 99) : percent;
}

QList<Anomaly::Finding> Anomaly::compare(const QMap<QString, qint64> &before,
                                         const QMap<QString, qint64> &after, const Rule &rule)
{
    QList<Finding> findings;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const qint64 was = it.value();
        if (was <= 0)
            continue;
        const auto now = after.constFind(it.key());
        if (now == after.cend()) {
            findings.append({Finding::Kind::Vanished, it.key(), was, 0});
            continue;
        }
        const qint64 lost = was - now.value();
        // Integer-exact "more than threshold × before" for the usual thresholds.
        if (lost >= rule.minimumLostRows && double(lost) > rule.threshold * double(was))
            findings.append({Finding::Kind::Shrank, it.key(), was, now.value()});
    }
    std::sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        return a.lost() != b.lost() ? a.lost() > b.lost() : a.table < b.table;
    });
    return findings;
}

QString Anomaly::describe(const Finding &finding)
{
    const QLocale locale;
    if (finding.kind == Finding::Kind::Vanished)
        return tr("Table %1 (%2 rows) is gone since the previous backup.")
            .arg(finding.table, locale.toString(finding.before));
    return tr("Table %1 lost %2 % of its rows (%3 → %4) since the previous backup.")
        .arg(finding.table, locale.toString(finding.lostPercent()), locale.toString(finding.before),
             locale.toString(finding.after));
}

QString Anomaly::summary(const QList<Finding> &findings, const QString &previousGeneration)
{
    if (findings.isEmpty())
        return {};
    QString text = describe(findings.first());
    if (findings.size() > 1) {
        QStringList others;
        for (qsizetype i = 1; i < findings.size(); ++i)
            others.append(findings.at(i).table);
        text += QLatin1Char(' ') +
                tr("%n more table(s) lost rows too: %1.", nullptr, int(others.size()))
                    .arg(others.join(QLatin1String(", ")));
    }
    if (!previousGeneration.isEmpty())
        text += QLatin1Char(' ') +
                tr("The previous backup, %1, is kept until you dismiss this warning.")
                    .arg(previousGeneration);
    return text;
}

QJsonArray Anomaly::toJson(const QList<Finding> &findings)
{
    QJsonArray array;
    for (const Finding &f : findings)
        array.append(QJsonObject{
            {QStringLiteral("table"), f.table},
            {QStringLiteral("kind"), f.kind == Finding::Kind::Vanished ? kVanished : kShrank},
            {QStringLiteral("before"), f.before},
            {QStringLiteral("after"), f.after},
            {QStringLiteral("lost_percent"), f.lostPercent()},
        });
    return array;
}

QList<Anomaly::Finding> Anomaly::fromJson(const QJsonArray &json)
{
    QList<Finding> findings;
    for (const QJsonValue &value : json) {
        const QJsonObject o = value.toObject();
        Finding f;
        f.kind = o.value(QLatin1String("kind")).toString() == kVanished ? Finding::Kind::Vanished
                                                                        : Finding::Kind::Shrank;
        f.table = o.value(QLatin1String("table")).toString();
        f.before = o.value(QLatin1String("before")).toInteger();
        f.after = o.value(QLatin1String("after")).toInteger();
        if (!f.table.isEmpty())
            findings.append(f);
    }
    return findings;
}

} // namespace lk

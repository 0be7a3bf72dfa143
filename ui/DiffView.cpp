// The restore comparison.
#include "DiffView.h"

#include "sqlite/DatabaseDescription.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lk {

DiffView::DiffView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_tables(new QTreeWidget(this))
{
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tables->setObjectName(QStringLiteral("diffTables"));
    m_tables->setHeaderLabels(
        {tr("Table"), tr("Live database"), tr("This generation"), tr("Change")});
    m_tables->setRootIsDecorated(false);
    m_tables->header()->setStretchLastSection(false);
    m_tables->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tables, 1);
}

void DiffView::clear()
{
    m_summary->clear();
    m_tables->clear();
}

QString DiffView::summary() const
{
    return m_summary->text();
}

void DiffView::showDiff(const DatabaseDiff &diff, const QString &generationCreated,
                        const QString &liveProblem)
{
    clear();
    const QLocale locale;
    if (!liveProblem.isEmpty()) {
        m_summary->setText(liveProblem);
    } else if (diff.isEmpty()) {
        m_summary->setText(
            tr("The live database holds the same tables, row counts and schema as the generation "
               "of %1: "
               "restoring it changes no row counts (rows may still differ in content).")
                .arg(generationCreated));
    } else {
        QStringList lines{tr("Compared with the live database, restoring the generation of %1:")
                              .arg(generationCreated)};
        for (const QString &line : diff.restoreImpact())
            lines.append(QStringLiteral("• ") + line);
        m_summary->setText(lines.join(QLatin1Char('\n')));
    }
    auto count = [&locale](qint64 n) { return n < 0 ? tr("—") : locale.toString(n); };
    for (const DatabaseDiff::Table &t : diff.tables) {
        auto *item = new QTreeWidgetItem(m_tables);
        item->setText(0, t.name);
        item->setText(1, liveProblem.isEmpty() ? count(t.before) : QString());
        item->setText(2, count(t.after));
        const qint64 change = t.change();
        if (liveProblem.isEmpty() && change != 0) {
            item->setText(3, change > 0 ? QStringLiteral("+") + locale.toString(change)
                                        : locale.toString(change));
            if (change < 0)
                item->setForeground(3, QColor(0xc6, 0x28, 0x28));
        }
        for (int column : {1, 2, 3})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int column : {1, 2, 3})
        m_tables->resizeColumnToContents(column);
}

} // namespace lk

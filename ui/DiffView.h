// What restoring a generation would change in the live database: a plain-language summary
// ("Removes 12 rows from “notes”") above a table of row counts, live against generation.
#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace lk {

struct DatabaseDiff;

class DiffView : public QWidget
{
    Q_OBJECT

public:
    explicit DiffView(QWidget *parent = nullptr);

    // `generationCreated` names the generation in the summary; `liveProblem` replaces the
    // comparison when the live database could not be read.
    void showDiff(const DatabaseDiff &diff, const QString &generationCreated,
                  const QString &liveProblem = {});
    void clear();
    QString summary() const;

private:
    QLabel *m_summary;
    QTreeWidget *m_tables;
};

} // namespace lk

// The banner over a profile whose last backup failed: why, Retry, and Show details.
#pragma once

#include "history/Catalog.h"

#include <QFrame>

#include <optional>

class QLabel;
class QPushButton;

namespace lk {

class FailureBanner : public QFrame
{
    Q_OBJECT

public:
    explicit FailureBanner(QWidget *parent = nullptr);

    // The profile's newest finished backup (none: no backup yet). Shown when it failed or was
    // interrupted, hidden otherwise.
    void setLastBackup(const std::optional<RunRecord> &run);
    // The newest finished backup of `runs` (newest first, as the history reads them).
    static std::optional<RunRecord> lastBackup(const QList<RunRecord> &runs);
    void setRetryEnabled(bool enabled);
    qint64 runId() const { return m_runId; }

Q_SIGNALS:
    void retryRequested();
    void detailsRequested(qint64 runId);

private:
    QLabel *m_text = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_details = nullptr;
    qint64 m_runId = -1;
};

} // namespace lk

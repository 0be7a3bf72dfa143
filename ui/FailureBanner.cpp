// The failure banner of the main window.
#include "FailureBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace lk {

FailureBanner::FailureBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("failureBanner"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(
        QStringLiteral("#failureBanner { background: #fdecea; border: 1px solid #c62828; "
                       "border-radius: 4px; } #failureBanner QLabel { color: #8e1c1c; }"));
    auto *layout = new QHBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("failureReason"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("Retry"), this);
    m_retry->setObjectName(QStringLiteral("retry"));
    m_retry->setToolTip(tr("Back up this profile again now."));
    m_details = new QPushButton(tr("Show details"), this);
    m_details->setObjectName(QStringLiteral("showDetails"));
    m_details->setToolTip(tr("Show the failed run in the history, with its full message."));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_details);
    connect(m_retry, &QPushButton::clicked, this, &FailureBanner::retryRequested);
    connect(m_details, &QPushButton::clicked, this, [this] { Q_EMIT detailsRequested(m_runId); });
    setVisible(false);
}

std::optional<RunRecord> FailureBanner::lastBackup(const QList<RunRecord> &runs)
{
    for (const RunRecord &run : runs) {
        if (run.kind == QLatin1String("backup") && run.finishedUtc.isValid())
            return run;
    }
    return std::nullopt;
}

void FailureBanner::setLastBackup(const std::optional<RunRecord> &run)
{
    const bool failed = run && (run->outcome == QLatin1String("failed") ||
                                run->outcome == QLatin1String("interrupted"));
    if (!failed) {
        m_runId = -1;
        m_text->clear();
        setVisible(false);
        return;
    }
    m_runId = run->id;
    // The run's message is one sentence; a child's output after it waits for "Show details".
    const QString reason = run->message.section(QLatin1Char('\n'), 0, 0).trimmed();
    m_text->setText(reason.isEmpty() ? tr("The last backup failed.")
                                     : tr("The last backup failed: %1").arg(reason));
    m_text->setToolTip(run->message);
    setVisible(true);
}

void FailureBanner::setRetryEnabled(bool enabled)
{
    m_retry->setEnabled(enabled);
}

} // namespace lk

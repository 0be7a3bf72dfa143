// The window's profile list: each profile with its state icon, its name and, below it, its
// status line ("Backed up 3 hours ago · verified"). The item's text stays the profile's name.
#pragma once

#include <QStyledItemDelegate>

namespace lk {

class ProfileListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // The status line of an item; its colour (a QColor, or none for the normal text's).
    static constexpr int kLineRole = Qt::UserRole + 1;
    static constexpr int kLineColorRole = Qt::UserRole + 2;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace lk

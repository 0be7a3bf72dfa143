// Two lines per profile.
#include "ProfileListDelegate.h"

#include <QApplication>
#include <QPainter>

namespace lk {

namespace {
constexpr int kIconSize = 28;
constexpr int kMargin = 6;

QFont smaller(const QFont &font)
{
    QFont f = font;
    f.setPointSizeF(font.pointSizeF() * 0.9);
    return f;
}
} // namespace

void ProfileListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    const QString line = index.data(kLineRole).toString();
    const QIcon icon = opt.icon;
    // The background, the selection and the focus as the style draws them; the rest here.
    opt.text.clear();
    opt.icon = QIcon();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    painter->save();
    const QRect r = opt.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    const QRect iconRect(r.left(), r.top() + (r.height() - kIconSize) / 2, kIconSize, kIconSize);
    if (!icon.isNull())
        icon.paint(painter, iconRect);
    const QRect text = r.adjusted(kIconSize + kMargin, 0, 0, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole role = selected ? QPalette::HighlightedText : QPalette::Text;
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics nameMetrics(bold);
    painter->setFont(bold);
    painter->setPen(opt.palette.color(role));
    painter->drawText(QRect(text.left(), text.top(), text.width(), nameMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(name, Qt::ElideRight, text.width()));
    if (!line.isEmpty()) {
        const QFont small = smaller(opt.font);
        const QFontMetrics lineMetrics(small);
        const QVariant color = index.data(kLineColorRole);
        painter->setFont(small);
        painter->setPen(!selected && color.isValid() ? color.value<QColor>()
                                                     : opt.palette.color(role));
        painter->drawText(QRect(text.left(), text.top() + nameMetrics.height(), text.width(),
                                lineMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          lineMetrics.elidedText(line, Qt::ElideRight, text.width()));
    }
    painter->restore();
}

QSize ProfileListDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int height = QFontMetrics(bold).height() + QFontMetrics(smaller(option.font)).height();
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {base.width() + kIconSize + kMargin, std::max(height, kIconSize) + kMargin};
}

} // namespace lk

#include "ui/booking/TileGrid.h"

#include "ui/Theme.h"
#include "ui/booking/BookingUi.h"

#include <QEvent>
#include <QGridLayout>
#include <QPushButton>
#include <QResizeEvent>

namespace mk::ui {

namespace {
constexpr int kLandscapeFromWidth_px = 1300;  // a 1920-px window's content vs a 1080-px one
}

TileGrid::TileGrid(int columns_portrait, int columns_landscape, QWidget* parent)
    : QWidget(parent), columns_portrait_(columns_portrait), columns_landscape_(columns_landscape)
{
    grid_ = new QGridLayout(this);
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setSpacing(16);
    columns_ = columns_portrait_;
}

TileGrid::~TileGrid() = default;

void TileGrid::setTiles(const QStringList& texts, const QStringList& object_names)
{
    while (tiles_.size() < texts.size()) {
        const int index = int(tiles_.size());
        auto* tile = bookingui::makeButton("tile", QString(), this);
        connect(tile, &QPushButton::clicked, this, [this, index] { Q_EMIT tileChosen(index); });
        tiles_.append(tile);
    }
    shown_ = int(texts.size());
    for (int i = 0; i < tiles_.size(); ++i) {
        QPushButton* tile = tiles_[i];
        if (i < shown_) {
            tile->setText(texts[i]);
            tile->setAccessibleName(texts[i]);
            tile->setObjectName(object_names.value(i));
        } else {
            tile->setText(QString());
            tile->setAccessibleName(QString());
        }
    }
    place();
}

void TileGrid::setTileText(int index, const QString& text)
{
    if (index < 0 || index >= shown_) return;
    tiles_[index]->setText(text);
    tiles_[index]->setAccessibleName(text);
}

QPushButton* TileGrid::tile(int index) const
{
    return index >= 0 && index < shown_ ? tiles_[index] : nullptr;
}

int TileGrid::wantedColumns() const
{
    const QWidget* top = window();
    const bool landscape =
        top && top->width() > top->height() && top->width() >= kLandscapeFromWidth_px;
    // Elder mode: fewer, larger tiles per row (Theme::choiceColumns); the rest scroll.
    return Theme::choiceColumns(landscape ? columns_landscape_ : columns_portrait_);
}

void TileGrid::place()
{
    columns_ = wantedColumns();
    for (int i = 0; i < tiles_.size(); ++i) {
        QPushButton* tile = tiles_[i];
        grid_->removeWidget(tile);
        if (i < shown_) {
            grid_->addWidget(tile, i / columns_, i % columns_);
            tile->show();
        } else {
            tile->hide();
        }
    }
}

void TileGrid::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (wantedColumns() != columns_) place();
}

void TileGrid::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange && wantedColumns() != columns_) place();
}

}  // namespace mk::ui

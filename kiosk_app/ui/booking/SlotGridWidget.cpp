#include "ui/booking/SlotGridWidget.h"

#include "ui/Theme.h"
#include "ui/booking/BookingUi.h"

#include <QBoxLayout>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace mk::ui {

namespace {
constexpr int kMinColumns = 3;  // Normal; elder mode: Theme::choiceColumns of it
constexpr int kMaxColumns = 12;
constexpr int kMinCellWidth_px = 165;  // the theme's smallest slot button and a gap
constexpr int kSectionGap_px = 32;
constexpr int kSideBySideFromWidth_px = 1400;
const QTime kNoon(12, 0);
}  // namespace

SlotGridWidget::SlotGridWidget(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("slotGrid"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    // Morning above afternoon; side by side when the grid is wide (landscape), so a whole day
    // fits on a 1920x1080 screen without scrolling.
    sections_ = new QBoxLayout(QBoxLayout::TopToBottom);
    sections_->setSpacing(kSectionGap_px);
    layout->addLayout(sections_);

    for (Section* section : {&morning_, &afternoon_}) {
        const bool is_morning = section == &morning_;
        section->title = bookingui::makeLabel(
            "subtitle",
            is_morning ? QStringLiteral("morningLabel") : QStringLiteral("afternoonLabel"), this);
        section->body = new QWidget(this);
        section->grid = new QGridLayout(section->body);
        section->grid->setContentsMargins(0, 0, 0, 0);
        section->grid->setHorizontalSpacing(12);
        section->grid->setVerticalSpacing(8);
        auto* column = new QVBoxLayout;
        column->setSpacing(8);
        column->addWidget(section->title);
        column->addWidget(section->body);
        column->addStretch(1);
        sections_->addLayout(column, 1);
        section->title->hide();
        section->body->hide();
    }
    empty_label_ = bookingui::makeLabel("body", QStringLiteral("noTimesLabel"), this);
    empty_label_->hide();
    layout->addWidget(empty_label_);
    layout->addStretch(1);
    retranslate();
}

SlotGridWidget::~SlotGridWidget() = default;

void SlotGridWidget::retranslate()
{
    morning_.title->setText(tr("Morning"));
    afternoon_.title->setText(tr("Afternoon"));
    empty_label_->setText(tr("No times are left on this day. Please choose another day."));
    const QList<Cell> cells = cells_;
    if (!cells.isEmpty()) {
        // Re-read "Full" in the new language.
        int index = 0;
        for (const Section* section : {&morning_, &afternoon_}) {
            for (int i = 0; i < section->shown; ++i, ++index)
                section->buttons[i]->setText(cellText(cells[index]));
        }
    }
}

QString SlotGridWidget::cellText(const Cell& cell) const
{
    QString time = cell.time.toString(QStringLiteral("HH:mm"));
    if (cell.free) return time;
    return time + QLatin1Char('\n') + tr("Full");
}

QPushButton* SlotGridWidget::makeSlotButton(QWidget* parent)
{
    auto* button = bookingui::makeButton("slot-free", QString(), parent);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(button, &QPushButton::clicked, this, [this, button] {
        const QTime time = button->property("slot_time").toTime();
        if (time.isValid()) Q_EMIT timeChosen(time);
    });
    return button;
}

void SlotGridWidget::setCells(const QList<Cell>& cells)
{
    cells_ = cells;
    QList<Cell> morning;
    QList<Cell> afternoon;
    for (const Cell& cell : cells) (cell.time < kNoon ? morning : afternoon).append(cell);
    fillSection(morning_, morning);
    fillSection(afternoon_, afternoon);
    empty_label_->setVisible(cells.isEmpty());
    Q_EMIT gridRendered();
}

void SlotGridWidget::clear()
{
    setCells({});
}

void SlotGridWidget::fillSection(Section& section, const QList<Cell>& cells)
{
    const int wanted = int(cells.size());
    while (section.buttons.size() < wanted) section.buttons.append(makeSlotButton(section.body));

    for (int i = 0; i < wanted; ++i) {
        QPushButton* button = section.buttons[i];
        const Cell& cell = cells[i];
        const QString text = cellText(cell);
        if (button->text() != text) button->setText(text);
        if (button->isEnabled() != cell.free) button->setEnabled(cell.free);
        bookingui::setRole(button, cell.free ? "slot-free" : "slot-taken");
        button->setProperty("slot_time", cell.time);
        const QString name = QStringLiteral("slot_") + cell.time.toString(QStringLiteral("HHmm"));
        if (button->objectName() != name) button->setObjectName(name);
        button->setAccessibleName(text);
    }
    section.shown = wanted;
    placeButtons(section, wanted);
    for (int i = 0; i < wanted; ++i)
        if (section.buttons[i]->isHidden()) section.buttons[i]->show();
    for (int i = wanted; i < section.buttons.size(); ++i)
        if (!section.buttons[i]->isHidden()) section.buttons[i]->hide();

    section.title->setVisible(wanted > 0);
    section.body->setVisible(wanted > 0);
}

void SlotGridWidget::placeButtons(Section& section, int count)
{
    for (int i = section.placed; i < count; ++i) {
        QPushButton* button = section.buttons[i];
        section.grid->removeWidget(button);
        section.grid->addWidget(button, i / columns_, i % columns_);
    }
    section.placed = qMax(section.placed, count);
}

void SlotGridWidget::updateColumns()
{
    const bool side_by_side = width() >= kSideBySideFromWidth_px;
    const QBoxLayout::Direction direction =
        side_by_side ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (sections_->direction() != direction) sections_->setDirection(direction);
    const int section_width = side_by_side ? (width() - kSectionGap_px) / 2 : width();
    // Elder mode: each cell as much wider as its button (Theme::targetPx), fewer per row.
    const int cell_px = kMinCellWidth_px * Theme::targetPx(100) / 100;
    const int columns = qBound(Theme::choiceColumns(kMinColumns), section_width / cell_px,
                               Theme::choiceColumns(kMaxColumns));
    if (columns == columns_) return;
    columns_ = columns;
    for (Section* section : {&morning_, &afternoon_}) {
        section->placed = 0;
        placeButtons(*section, section->shown);
    }
}

void SlotGridWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateColumns();
}

void SlotGridWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange) updateColumns();
}

QPushButton* SlotGridWidget::buttonFor(const QTime& time) const
{
    for (const Section* section : {&morning_, &afternoon_}) {
        for (int i = 0; i < section->shown; ++i)
            if (section->buttons[i]->property("slot_time").toTime() == time)
                return section->buttons[i];
    }
    return nullptr;
}

QList<QPushButton*> SlotGridWidget::visibleButtons() const
{
    QList<QPushButton*> result;
    for (const Section* section : {&morning_, &afternoon_})
        for (int i = 0; i < section->shown; ++i) result.append(section->buttons[i]);
    return result;
}

}  // namespace mk::ui

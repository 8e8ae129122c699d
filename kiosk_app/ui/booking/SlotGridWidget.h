// The grid of 10-minute times of one day, in a morning and an afternoon section. One instance
// lives for the whole run: setCells() re-uses its buttons (only changed texts, states and roles are
// touched), so a refresh or another day costs little. Free times are enabled "slot-free" buttons;
// taken ones are disabled "slot-taken" buttons that also say "Full" (never colour only).
#pragma once

#include <QList>
#include <QTime>
#include <QWidget>

class QBoxLayout;
class QGridLayout;
class QLabel;
class QPushButton;

namespace mk::ui {

class SlotGridWidget : public QWidget
{
    Q_OBJECT
public:
    struct Cell {
        QTime time;
        bool free = false;
    };

    explicit SlotGridWidget(QWidget* parent = nullptr);
    ~SlotGridWidget() override;

    // Cells sorted by time. Emits gridRendered() once the buttons show them.
    void setCells(const QList<Cell>& cells);
    void clear();
    void retranslate();

    int cellCount() const { return int(cells_.size()); }
    int columns() const { return columns_; }
    // The visible button of a time, or null (tests, benchmark).
    QPushButton* buttonFor(const QTime& time) const;
    QList<QPushButton*> visibleButtons() const;

Q_SIGNALS:
    void timeChosen(const QTime& time);
    void gridRendered();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;  // elder mode on/off: columns

private:
    struct Section {
        QLabel* title = nullptr;
        QWidget* body = nullptr;
        QGridLayout* grid = nullptr;
        QList<QPushButton*> buttons;  // the pool; the first `shown` are visible
        int shown = 0;
        int placed = 0;  // buttons [0, placed) sit in the grid at their place for columns_
    };

    void fillSection(Section& section, const QList<Cell>& cells);
    void placeButtons(Section& section, int count);
    QPushButton* makeSlotButton(QWidget* parent);
    void updateColumns();
    QString cellText(const Cell& cell) const;

    Section morning_;
    Section afternoon_;
    QBoxLayout* sections_ = nullptr;
    QLabel* empty_label_ = nullptr;
    QList<Cell> cells_;
    int columns_ = 4;
};

}  // namespace mk::ui

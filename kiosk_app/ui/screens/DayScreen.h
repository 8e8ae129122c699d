// Choose a day: today and the rules' max_days_ahead days after it, each tile with its date and
// weekday in the UI language ("Today" / "Tomorrow" on the first two).
#pragma once

#include "ui/Screen.h"

#include <QDate>
#include <QList>

class QLabel;

namespace mk::ui {

class TileGrid;

class DayScreen : public Screen
{
    Q_OBJECT
public:
    explicit DayScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~DayScreen() override;

    ScreenId id() const override { return ScreenId::Day; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud

    const QList<QDate>& days() const { return days_; }

private:
    void choose(int index);
    QString tileText(int index) const;

    QLabel* title_ = nullptr;
    QLabel* subtitle_ = nullptr;
    TileGrid* tiles_ = nullptr;
    QList<QDate> days_;
};

}  // namespace mk::ui

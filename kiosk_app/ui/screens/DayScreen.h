#pragma once

#include "Screen.h"

namespace mk::ui {

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
};

}  // namespace mk::ui

#pragma once

#include "Screen.h"

namespace mk::ui {

class ConfirmScreen : public Screen
{
    Q_OBJECT
public:
    explicit ConfirmScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~ConfirmScreen() override;

    ScreenId id() const override { return ScreenId::Confirm; }
    void enter() override;
    void reset() override;
    void retranslate() override;
};

}  // namespace mk::ui

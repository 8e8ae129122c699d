#pragma once

#include "Screen.h"

namespace mk::ui {

class ResultScreen : public Screen
{
    Q_OBJECT
public:
    explicit ResultScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~ResultScreen() override;

    ScreenId id() const override { return ScreenId::Result; }
    void enter() override;
    void reset() override;
    void retranslate() override;
};

}  // namespace mk::ui

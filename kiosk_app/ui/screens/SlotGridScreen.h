#pragma once

#include "Screen.h"

namespace mk::ui {

class SlotGridScreen : public Screen
{
    Q_OBJECT
public:
    explicit SlotGridScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~SlotGridScreen() override;

    ScreenId id() const override { return ScreenId::SlotGrid; }
    void enter() override;
    void reset() override;
    void retranslate() override;
};

}  // namespace mk::ui

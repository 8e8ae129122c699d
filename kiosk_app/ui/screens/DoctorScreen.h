#pragma once

#include "Screen.h"

namespace mk::ui {

class DoctorScreen : public Screen
{
    Q_OBJECT
public:
    explicit DoctorScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~DoctorScreen() override;

    ScreenId id() const override { return ScreenId::Doctor; }
    void enter() override;
    void reset() override;
    void retranslate() override;
};

}  // namespace mk::ui

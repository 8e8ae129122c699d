#pragma once

#include "Screen.h"

namespace mk::ui {

class DepartmentScreen : public Screen
{
    Q_OBJECT
public:
    explicit DepartmentScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~DepartmentScreen() override;

    ScreenId id() const override { return ScreenId::Department; }
    void enter() override;
    void reset() override;
    void retranslate() override;
};

}  // namespace mk::ui

#include "screens/DepartmentScreen.h"

namespace mk::ui {

DepartmentScreen::DepartmentScreen(ScreenContext& context, QWidget* parent)
    : Screen(context, parent)
{
    setObjectName(QStringLiteral("departmentScreen"));
}

DepartmentScreen::~DepartmentScreen() = default;

void DepartmentScreen::enter() {}

void DepartmentScreen::reset() {}

void DepartmentScreen::retranslate() {}

}  // namespace mk::ui

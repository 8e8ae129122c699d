#include "screens/DayScreen.h"

namespace mk::ui {

DayScreen::DayScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("dayScreen"));
}

DayScreen::~DayScreen() = default;

void DayScreen::enter() {}

void DayScreen::reset() {}

void DayScreen::retranslate() {}

}  // namespace mk::ui

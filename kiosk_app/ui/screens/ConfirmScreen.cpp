#include "screens/ConfirmScreen.h"

namespace mk::ui {

ConfirmScreen::ConfirmScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("confirmScreen"));
}

ConfirmScreen::~ConfirmScreen() = default;

void ConfirmScreen::enter() {}

void ConfirmScreen::reset() {}

void ConfirmScreen::retranslate() {}

}  // namespace mk::ui

#include "screens/ResultScreen.h"

namespace mk::ui {

ResultScreen::ResultScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("resultScreen"));
}

ResultScreen::~ResultScreen() = default;

void ResultScreen::enter() {}

void ResultScreen::reset() {}

void ResultScreen::retranslate() {}

}  // namespace mk::ui

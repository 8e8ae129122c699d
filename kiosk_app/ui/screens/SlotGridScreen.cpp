#include "screens/SlotGridScreen.h"

namespace mk::ui {

SlotGridScreen::SlotGridScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("slotGridScreen"));
}

SlotGridScreen::~SlotGridScreen() = default;

void SlotGridScreen::enter() {}

void SlotGridScreen::reset() {}

void SlotGridScreen::retranslate() {}

}  // namespace mk::ui

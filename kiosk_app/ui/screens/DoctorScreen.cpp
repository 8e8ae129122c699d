#include "screens/DoctorScreen.h"

namespace mk::ui {

DoctorScreen::DoctorScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("doctorScreen"));
}

DoctorScreen::~DoctorScreen() = default;

void DoctorScreen::enter() {}

void DoctorScreen::reset() {}

void DoctorScreen::retranslate() {}

}  // namespace mk::ui

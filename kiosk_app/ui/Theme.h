// The kiosk's one application stylesheet and font. Screens never set colours or fonts: they tag
// widgets with the dynamic property "role" (see setRole) and the stylesheet does the rest.
//
// QPushButton roles: primary, secondary, tile, slot-free, slot-taken, key, nav, field, choice-lang.
// QLabel roles: title, subtitle, body, hint, banner-warning, error, big-number.
#pragma once

#include <QString>

class QApplication;
class QWidget;

namespace mk::ui {

class Theme
{
public:
    static constexpr int kBaseFontPx = 28;         // body text; never below 26 px
    static constexpr int kButtonMinHeightPx = 88;  // every button (>= 60 px required)

    // Sets the Fusion style, the application font (a CJK family when one is installed) and the
    // stylesheet. Call once, after the QApplication exists.
    static void apply(QApplication& app);

    static QString styleSheet();
    // The first installed family of Noto Sans CJK SC, WenQuanYi Zen Hei, Noto Sans SC, ...;
    // empty when none is (Chinese text then falls back to whatever fontconfig finds).
    static QString fontFamily();

    // Sets the role property and re-polishes, so a role may change after the widget was shown.
    static void setRole(QWidget* widget, const char* role);
};

}  // namespace mk::ui

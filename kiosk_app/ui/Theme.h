// The kiosk's one application stylesheet and font, in two modes: Normal and Elder (长辈模式,
// issue 12; docs/accessibility.md). Screens never set colours or fonts: they tag widgets with
// the dynamic property "role" (see setRole) and the stylesheet does the rest. The sizes and
// colours of both modes are data (ThemeMetrics, ThemePalette in Theme.cpp), in this one place.
//
// QPushButton roles: primary, secondary, tile, slot-free, slot-taken, key, nav, field, choice-lang,
// header-tool (the header's Elder mode / Read aloud buttons).
// QLabel roles: title, subtitle, body, hint, banner-warning, error, big-number.
#pragma once

#include <QString>

class QApplication;
class QWidget;

namespace mk::ui {

enum class UiMode { Normal = 0, Elder };

// What a mode promises on every screen (the audit test of issue 12 checks these).
struct ThemeMinima {
    int text_px = 0;      // no visible text smaller (pixel size of the font)
    int target_px = 0;    // no touch target (button) smaller in height or width
    double contrast = 0;  // text against its background, WCAG 2 contrast ratio
};

// The sizes of one mode. Every font size and minimum button size of the stylesheet is written
// for Normal; a mode scales them (percent) and never goes below its minima.
struct ThemeMetrics {
    ThemeMinima minima;
    int body_px = 0;           // the application font
    int text_scale_pct = 100;  // font sizes of the stylesheet
    int target_scale_pct = 100;
    // Choice tiles per row: a grid that shows N columns in Normal shows
    // max(1, N * choice_columns_pct / 100, rounded) (fewer, larger tiles; the rest scroll).
    int choice_columns_pct = 100;
    bool read_aloud_on_open = false;  // prompts read when a screen opens
};

class Theme
{
public:
    static constexpr int kBaseFontPx = 28;         // Normal body text; never below 26 px
    static constexpr int kButtonMinHeightPx = 88;  // Normal: every button (>= 60 px required)

    // Sets the Fusion style, the application font (a CJK family when one is installed) and the
    // stylesheet of `mode`. Call once, after the QApplication exists.
    static void apply(QApplication& app, UiMode mode = UiMode::Normal);
    // Switches the running application to `mode`: stylesheet and font; every widget is
    // re-polished (and receives QEvent::StyleChange). No-op when already in that mode.
    static void setMode(UiMode mode);
    static UiMode mode();

    static const ThemeMetrics& metrics(UiMode mode);
    static const ThemeMetrics& metrics() { return metrics(mode()); }
    static ThemeMinima minima(UiMode mode) { return metrics(mode).minima; }
    // A Normal size (font px or target px) in `mode`.
    static int textPx(int normal_px, UiMode mode);
    static int textPx(int normal_px) { return textPx(normal_px, mode()); }
    static int targetPx(int normal_px, UiMode mode);
    static int targetPx(int normal_px) { return targetPx(normal_px, mode()); }
    // Columns of a choice grid that has `normal_columns` in Normal.
    static int choiceColumns(int normal_columns, UiMode mode);
    static int choiceColumns(int normal_columns) { return choiceColumns(normal_columns, mode()); }

    static QString styleSheet(UiMode mode = UiMode::Normal);
    // The first installed family of Noto Sans CJK SC, WenQuanYi Zen Hei, Noto Sans SC, ...;
    // empty when none is (Chinese text then falls back to whatever fontconfig finds).
    static QString fontFamily();

    // Sets the role property and re-polishes, so a role may change after the widget was shown.
    static void setRole(QWidget* widget, const char* role);
};

}  // namespace mk::ui

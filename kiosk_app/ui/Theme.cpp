#include "Theme.h"

#include "core/common/Log.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

#include <algorithm>
#include <array>
#include <cmath>

namespace mk::ui {

namespace {

// The two modes' sizes (docs/accessibility.md says why these figures). MIIT's ageing-friendly
// rules for apps (elder text >= 18 dp, main targets >= 60x60 dp, contrast >= 4.5:1) scaled to a
// 21.5-32" 1080p kiosk seen at arm's length (~65 cm, twice a phone's distance).
const ThemeMetrics kNormal{
    .minima = {.text_px = 26, .target_px = 60, .contrast = 4.5},
    .body_px = 28,
    .text_scale_pct = 100,
    .target_scale_pct = 100,
    .choice_columns_pct = 100,
    .read_aloud_on_open = false,
};
const ThemeMetrics kElder{
    .minima = {.text_px = 34, .target_px = 88, .contrast = 7.0},
    .body_px = 36,
    .text_scale_pct = 130,
    .target_scale_pct = 125,
    .choice_columns_pct = 50,
    .read_aloud_on_open = true,
};
// Large text (titles, the visit number) grows by at most this much, so a title still fits a
// 1080-px portrait line.
constexpr int kMaxTextGrowthPx = 16;
constexpr int kLargeTextPx = 100;  // and text from this size on stays as it is

// One colour per name, Normal and Elder. Every text/background pair the stylesheet uses meets
// the mode's contrast minimum (Normal >= 4.5:1, Elder >= 7:1; docs/accessibility.md lists them).
struct PaletteEntry {
    const char* name;
    const char* normal;
    const char* elder;
};
constexpr auto kPalette = std::to_array<PaletteEntry>({
    {"ink", "#1b2430", "#0d1117"},
    {"surface", "#f3f6fa", "#ffffff"},
    {"header", "#0b4f9c", "#08386f"},
    {"on-dark", "#ffffff", "#ffffff"},
    {"online", "#1f7a3a", "#145426"},
    {"offline", "#b3261e", "#8f1a14"},
    {"footer", "#e3e9f1", "#e3e9f1"},
    {"footer-line", "#c9d3df", "#5b6b80"},
    {"button-line", "#9fb1c6", "#3d5a7a"},
    {"card", "#ffffff", "#ffffff"},
    {"pressed", "#dbe6f3", "#c9dbf2"},
    {"disabled-ink", "#5f6875", "#3d444d"},
    {"disabled-bg", "#e6e9ee", "#e6e9ee"},
    {"disabled-line", "#c6ccd4", "#7d8794"},
    {"primary", "#0b63c5", "#08489a"},
    {"primary-pressed", "#084a94", "#063770"},
    {"primary-disabled-ink", "#ffffff", "#ffffff"},
    {"primary-disabled", "#5b7390", "#3c4757"},
    {"accent-ink", "#0b4f9c", "#08386f"},
    {"tile-line", "#b7c6d8", "#3d5a7a"},
    {"chosen-bg", "#e5f0fc", "#dcebfb"},
    {"free-ink", "#0d5b2a", "#083a1c"},
    {"free-bg", "#e6f5ea", "#e6f5ea"},
    {"free-line", "#4caf6e", "#1f7a3a"},
    {"free-chosen", "#1f7a3a", "#145426"},
    {"taken-ink", "#59616c", "#363c44"},
    {"taken-bg", "#e3e6ea", "#e3e6ea"},
    {"taken-line", "#b7bec7", "#6b7480"},
    {"field-active-bg", "#f5f9ff", "#f5f9ff"},
    {"title", "#0b3d78", "#062a55"},
    {"subtitle", "#243447", "#111a24"},
    {"hint", "#4a5563", "#262c33"},
    {"warn-ink", "#5c3d00", "#3d2800"},
    {"warn-bg", "#fff1c2", "#fff1c2"},
    {"warn-line", "#e0b000", "#a67f00"},
    {"error-ink", "#8c1d18", "#6e1410"},
    {"error-bg", "#fdeceb", "#fdeceb"},
    {"error-line", "#e2a29d", "#b3261e"},
});

// Written for Normal: ${colour} from kPalette, {f:N} a font size, {h:N} a minimum button height
// (both scaled by the mode, see Theme::textPx / Theme::targetPx), {w:N} a minimum button width
// (kept, at least the mode's target minimum).
constexpr const char* kStyleSheet = R"QSS(
* { color: ${ink}; }
QWidget#kioskWindow, QStackedWidget#screenStack, mk--ui--Screen { background: ${surface}; }
QStackedWidget#screenStack { border: none; padding: 20px 32px 12px 32px; }

/* Header and footer of the window */
QFrame#kioskHeader { background: ${header}; border: none; }
QFrame#kioskHeader QLabel { color: ${on-dark}; font-size: {f:30}px; }
QLabel#locationLabel { font-size: {f:32}px; font-weight: bold; }
QLabel#clockLabel { font-size: {f:40}px; font-weight: bold; }
QLabel#dateLabel { font-size: {f:26}px; }
QLabel#onlineIndicator { font-size: {f:26}px; padding: 6px 16px; border-radius: 18px; }
QLabel#onlineIndicator[online="true"] { background: ${online}; }
QLabel#onlineIndicator[online="false"] { background: ${offline}; }
QFrame#kioskFooter { background: ${footer}; border-top: 2px solid ${footer-line}; }

/* Buttons: every button is a large touch target */
QPushButton {
  font-size: {f:30}px; min-height: {h:88}px; min-width: {w:120}px; padding: 8px 24px;
  border-radius: 16px; border: 2px solid ${button-line}; background: ${card};
}
QPushButton:pressed { background: ${pressed}; }
QPushButton:disabled { color: ${disabled-ink}; background: ${disabled-bg}; border-color: ${disabled-line}; }
QPushButton[role="primary"] {
  font-size: {f:40}px; font-weight: bold; min-height: {h:110}px; color: ${on-dark};
  background: ${primary}; border: none;
}
QPushButton[role="primary"]:pressed { background: ${primary-pressed}; }
QPushButton[role="primary"]:disabled { color: ${primary-disabled-ink}; background: ${primary-disabled}; }
QPushButton#bookButton { font-size: {f:48}px; min-height: {h:170}px; border-radius: 24px; }
QPushButton[role="secondary"] { color: ${accent-ink}; border: 3px solid ${primary}; background: ${card}; }
QPushButton[role="tile"] {
  font-size: {f:34}px; min-height: {h:110}px; text-align: center; padding: 12px 20px;
  border: 2px solid ${tile-line}; background: ${card};
}
QPushButton[role="tile"]:checked { border: 4px solid ${primary}; background: ${chosen-bg}; }
mk--ui--ChildChoiceScreen QPushButton[role="tile"] { font-size: {f:40}px; min-height: {h:170}px; }
mk--ui--IdentifyScreen QPushButton[role="tile"] { font-size: {f:40}px; min-height: {h:150}px; }
QPushButton[role="slot-free"] {
  font-size: {f:30}px; min-height: {h:88}px; min-width: {w:100}px; color: ${free-ink};
  background: ${free-bg}; border: 2px solid ${free-line};
}
QPushButton[role="slot-free"]:checked { color: ${on-dark}; background: ${free-chosen}; }
QPushButton[role="slot-taken"] {
  font-size: {f:30}px; min-height: {h:88}px; min-width: {w:100}px; color: ${taken-ink};
  background: ${taken-bg}; border: 2px dashed ${taken-line};
}
QPushButton[role="key"] {
  font-size: {f:48}px; font-weight: bold; min-height: {h:100}px; min-width: {w:100}px;
  background: ${card}; border: 2px solid ${button-line}; border-radius: 18px;
}
QPushButton[role="key"]:pressed { background: ${pressed}; }
QPushButton#key_backspace, QPushButton#key_clear { font-size: {f:34}px; min-width: {w:170}px; }
QPushButton[role="nav"] {
  font-size: {f:32}px; min-height: {h:90}px; min-width: {w:200}px; color: ${accent-ink};
  background: ${card}; border: 3px solid ${primary};
}
QPushButton[role="field"] {
  font-size: {f:44}px; min-height: {h:100}px; text-align: left; padding: 8px 24px;
  background: ${card}; border: 3px solid ${button-line}; border-radius: 12px;
}
QPushButton[role="field"][active="true"] { border: 4px solid ${primary}; background: ${field-active-bg}; }
QPushButton[role="field"][empty="true"] { color: ${taken-ink}; }
QPushButton[role="header-tool"] {
  font-size: {f:28}px; min-height: {h:72}px; min-width: {w:72}px; padding: 4px 18px; color: ${on-dark};
  background: transparent; border: 3px solid ${on-dark}; border-radius: 36px;
}
QPushButton[role="header-tool"]:checked { color: ${header}; background: ${on-dark}; }
QPushButton[role="key"][compact="true"] { min-height: {h:80}px; }
QPushButton[role="choice-lang"] {
  font-size: {f:28}px; min-height: {h:72}px; min-width: {w:180}px; color: ${on-dark};
  background: transparent; border: 3px solid ${on-dark}; border-radius: 36px;
}

/* Labels */
QLabel { font-size: {f:28}px; }
QLabel[role="title"] { font-size: {f:52}px; font-weight: bold; color: ${title}; }
QLabel[role="subtitle"] { font-size: {f:36}px; color: ${subtitle}; }
QLabel[role="body"] { font-size: {f:30}px; }
QLabel[role="hint"] { font-size: {f:28}px; color: ${hint}; }
QLabel[role="banner-warning"] {
  font-size: {f:30}px; color: ${warn-ink}; background: ${warn-bg}; border: 2px solid ${warn-line};
  border-radius: 12px; padding: 12px 20px;
}
QLabel[role="error"] {
  font-size: {f:32}px; color: ${error-ink}; background: ${error-bg}; border: 2px solid ${error-line};
  border-radius: 12px; padding: 12px 20px;
}
QLabel[role="big-number"] { font-size: {f:110}px; font-weight: bold; color: ${title}; }

/* "Need more time?" over the screen before the idle reset */
QWidget#idleWarning { background: rgba(0, 0, 0, 150); }
QFrame#idleWarningCard {
  background: ${card}; border: 4px solid ${primary}; border-radius: 24px; padding: 24px;
}

QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; border: none; }
QScrollBar:vertical { width: 28px; background: ${footer}; border: none; margin: 0; }
QScrollBar::handle:vertical {
  background: ${button-line}; min-height: 80px; border-radius: 10px; margin: 3px;
}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; border: none; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }
)QSS";

UiMode g_mode = UiMode::Normal;

QString colour(const QString& name, UiMode mode)
{
    for (const PaletteEntry& entry : kPalette) {
        if (name == QLatin1String(entry.name))
            return QString::fromLatin1(mode == UiMode::Elder ? entry.elder : entry.normal);
    }
    qCWarning(lcUi) << "theme: no colour" << name;
    return QStringLiteral("#ff00ff");
}

QString expand(UiMode mode)
{
    static const QRegularExpression token(QStringLiteral(R"(\$\{([a-z-]+)\}|\{([fhw]):(\d+)\})"));
    const QString source = QString::fromUtf8(kStyleSheet);
    QString out;
    out.reserve(source.size() + 256);
    qsizetype last = 0;
    for (auto it = token.globalMatch(source); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(source).mid(last, m.capturedStart() - last);
        if (m.hasCaptured(1)) {
            out += colour(m.captured(1), mode);
        } else {
            const int px = m.captured(3).toInt();
            const QString kind = m.captured(2);
            // Widths stay (a row of buttons must still fit the screen; their text grows with
            // the font), never under the mode's target minimum.
            const int value = kind == QLatin1String("f") ? Theme::textPx(px, mode)
                              : kind == QLatin1String("h")
                                  ? Theme::targetPx(px, mode)
                                  : std::max(px, Theme::metrics(mode).minima.target_px);
            out += QString::number(value);
        }
        last = m.capturedEnd();
    }
    out += QStringView(source).mid(last);
    return out;
}

}  // namespace

const ThemeMetrics& Theme::metrics(UiMode mode)
{
    return mode == UiMode::Elder ? kElder : kNormal;
}

UiMode Theme::mode()
{
    return g_mode;
}

int Theme::textPx(int normal_px, UiMode mode)
{
    const ThemeMetrics& m = metrics(mode);
    // Text this large (the visit number) is already read from afar; growing it would push a
    // long appointment number past a portrait screen's edge.
    if (normal_px >= kLargeTextPx) return normal_px;
    const int scaled = int(std::lround(normal_px * m.text_scale_pct / 100.0));
    const int capped =
        std::min(scaled, normal_px + (mode == UiMode::Normal ? 0 : kMaxTextGrowthPx));
    return std::max(capped, m.minima.text_px);
}

int Theme::targetPx(int normal_px, UiMode mode)
{
    const ThemeMetrics& m = metrics(mode);
    return std::max(int(std::lround(normal_px * m.target_scale_pct / 100.0)), m.minima.target_px);
}

int Theme::choiceColumns(int normal_columns, UiMode mode)
{
    // Rounded: 2 -> 1, 3 -> 2, 4 -> 2 columns at 50 %.
    return std::max(1, (normal_columns * metrics(mode).choice_columns_pct + 50) / 100);
}

QString Theme::styleSheet(UiMode mode)
{
    static const QString normal = expand(UiMode::Normal);
    static const QString elder = expand(UiMode::Elder);
    return mode == UiMode::Elder ? elder : normal;
}

QString Theme::fontFamily()
{
    static const QStringList preferred{
        QStringLiteral("Noto Sans CJK SC"),    QStringLiteral("WenQuanYi Zen Hei"),
        QStringLiteral("Noto Sans SC"),        QStringLiteral("Source Han Sans SC"),
        QStringLiteral("Droid Sans Fallback"),
    };
    const QStringList installed = QFontDatabase::families();
    for (const QString& family : preferred) {
        if (installed.contains(family, Qt::CaseInsensitive)) return family;
    }
    return QString();
}

void Theme::apply(QApplication& app, UiMode mode)
{
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"))) app.setStyle(fusion);
    QFont font = app.font();
    const QString family = fontFamily();
    if (family.isEmpty()) {
        qCWarning(lcUi) << "no CJK font installed (fonts-noto-cjk): Chinese text may not render";
    } else {
        font.setFamilies({family});
    }
    font.setPixelSize(metrics(mode).body_px);
    font.setHintingPreference(QFont::PreferNoHinting);
    app.setFont(font);
    g_mode = mode;
    app.setStyleSheet(styleSheet(mode));
}

void Theme::setMode(UiMode mode)
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    if (app == nullptr || (mode == g_mode && app->styleSheet() == styleSheet(mode))) return;
    g_mode = mode;
    QFont font = QApplication::font();
    font.setPixelSize(metrics(mode).body_px);
    QApplication::setFont(font);
    app->setStyleSheet(styleSheet(mode));
}

void Theme::setRole(QWidget* widget, const char* role)
{
    if (widget == nullptr) return;
    widget->setProperty("role", QString::fromLatin1(role));
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

}  // namespace mk::ui

#include "Theme.h"

#include "core/common/Log.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

namespace mk::ui {

namespace {

// Calm, high-contrast colours (WCAG AA or better on their backgrounds).
constexpr const char* kStyleSheet = R"QSS(
* { color: #1b2430; }
QWidget#kioskWindow, QStackedWidget#screenStack, mk--ui--Screen { background: #f3f6fa; }
QStackedWidget#screenStack { border: none; padding: 20px 32px 12px 32px; }

/* Header and footer of the window */
QFrame#kioskHeader { background: #0b4f9c; border: none; }
QFrame#kioskHeader QLabel { color: #ffffff; font-size: 30px; }
QLabel#locationLabel { font-size: 32px; font-weight: bold; }
QLabel#clockLabel { font-size: 40px; font-weight: bold; }
QLabel#dateLabel { font-size: 26px; }
QLabel#onlineIndicator { font-size: 26px; padding: 6px 16px; border-radius: 18px; }
QLabel#onlineIndicator[online="true"] { background: #1f7a3a; }
QLabel#onlineIndicator[online="false"] { background: #b3261e; }
QFrame#kioskFooter { background: #e3e9f1; border-top: 2px solid #c9d3df; }

/* Buttons: every button is a large touch target */
QPushButton {
  font-size: 30px; min-height: 88px; min-width: 120px; padding: 8px 24px;
  border-radius: 16px; border: 2px solid #9fb1c6; background: #ffffff;
}
QPushButton:pressed { background: #dbe6f3; }
QPushButton:disabled { color: #7d8794; background: #e6e9ee; border-color: #c6ccd4; }
QPushButton[role="primary"] {
  font-size: 40px; font-weight: bold; min-height: 110px; color: #ffffff;
  background: #0b63c5; border: none;
}
QPushButton[role="primary"]:pressed { background: #084a94; }
QPushButton[role="primary"]:disabled { color: #eef1f5; background: #8fa7c2; }
QPushButton#bookButton { font-size: 48px; min-height: 170px; border-radius: 24px; }
QPushButton[role="secondary"] { color: #0b4f9c; border: 3px solid #0b63c5; background: #ffffff; }
QPushButton[role="tile"] {
  font-size: 34px; min-height: 110px; text-align: center; padding: 12px 20px;
  border: 2px solid #b7c6d8; background: #ffffff;
}
QPushButton[role="tile"]:checked { border: 4px solid #0b63c5; background: #e5f0fc; }
mk--ui--ChildChoiceScreen QPushButton[role="tile"] { font-size: 40px; min-height: 170px; }
mk--ui--IdentifyScreen QPushButton[role="tile"] { font-size: 40px; min-height: 150px; }
QPushButton[role="slot-free"] {
  font-size: 30px; min-height: 88px; min-width: 100px; color: #0d5b2a;
  background: #e6f5ea; border: 2px solid #4caf6e;
}
QPushButton[role="slot-free"]:checked { color: #ffffff; background: #1f7a3a; }
QPushButton[role="slot-taken"] {
  font-size: 30px; min-height: 88px; min-width: 100px; color: #6b7480;
  background: #e3e6ea; border: 2px dashed #b7bec7;
}
QPushButton[role="key"] {
  font-size: 48px; font-weight: bold; min-height: 100px; min-width: 100px;
  background: #ffffff; border: 2px solid #9fb1c6; border-radius: 18px;
}
QPushButton[role="key"]:pressed { background: #cfe0f5; }
QPushButton#key_backspace, QPushButton#key_clear { font-size: 34px; min-width: 170px; }
QPushButton[role="nav"] {
  font-size: 32px; min-height: 90px; min-width: 200px; color: #0b4f9c;
  background: #ffffff; border: 3px solid #0b63c5;
}
QPushButton[role="field"] {
  font-size: 44px; min-height: 100px; text-align: left; padding: 8px 24px;
  background: #ffffff; border: 3px solid #9fb1c6; border-radius: 12px;
}
QPushButton[role="field"][active="true"] { border: 4px solid #0b63c5; background: #f5f9ff; }
QPushButton[role="field"][empty="true"] { color: #6b7480; }
QPushButton[role="choice-lang"] {
  font-size: 28px; min-height: 72px; min-width: 180px; color: #ffffff;
  background: transparent; border: 3px solid #ffffff; border-radius: 36px;
}

/* Labels */
QLabel { font-size: 28px; }
QLabel[role="title"] { font-size: 52px; font-weight: bold; color: #0b3d78; }
QLabel[role="subtitle"] { font-size: 36px; color: #243447; }
QLabel[role="body"] { font-size: 30px; }
QLabel[role="hint"] { font-size: 28px; color: #4a5563; }
QLabel[role="banner-warning"] {
  font-size: 30px; color: #5c3d00; background: #fff1c2; border: 2px solid #e0b000;
  border-radius: 12px; padding: 12px 20px;
}
QLabel[role="error"] {
  font-size: 32px; color: #8c1d18; background: #fdeceb; border: 2px solid #e2a29d;
  border-radius: 12px; padding: 12px 20px;
}
QLabel[role="big-number"] { font-size: 110px; font-weight: bold; color: #0b3d78; }

QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; border: none; }
QScrollBar:vertical { width: 28px; }
)QSS";

}  // namespace

QString Theme::styleSheet()
{
    return QString::fromUtf8(kStyleSheet);
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

void Theme::apply(QApplication& app)
{
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"))) app.setStyle(fusion);
    QFont font = app.font();
    const QString family = fontFamily();
    if (family.isEmpty()) {
        qCWarning(lcUi) << "no CJK font installed (fonts-noto-cjk): Chinese text may not render";
    } else {
        font.setFamilies({family});
    }
    font.setPixelSize(kBaseFontPx);
    font.setHintingPreference(QFont::PreferNoHinting);
    app.setFont(font);
    app.setStyleSheet(styleSheet());
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

// Small helpers shared by the booking screens: widgets tagged with a theme role, and dates and
// times shown in the hospital's time zone and the UI language. Screens never set colours or fonts;
// the theme styles widgets by their `role` property (docs in notes/ui-shared.md).
#pragma once

#include "core/common/HospitalClock.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

class QBoxLayout;
class QLabel;
class QPushButton;
class QWidget;

namespace mk::booking {
class BookingService;
}
namespace mk::config {
struct KioskConfig;
}
namespace mk::fhir {
struct Doctor;
}

namespace mk::ui::bookingui {

// Dynamic property of the BookingSession set by the Doctor screen: true when the patient chose
// "any doctor" (session.doctor then holds the doctor the slot grid picked for the chosen time).
inline constexpr char kAnyDoctorProperty[] = "mk_any_doctor";

// Space between the window's edges and a screen's content.
inline constexpr int kScreenMargin_px = 24;

// A floor for touch targets, whatever the theme says (the theme makes them 88-110 px).
inline constexpr int kMinTouchHeight_px = 88;

QPushButton* makeButton(const char* role, const QString& object_name, QWidget* parent);
QLabel* makeLabel(const char* role, const QString& object_name, QWidget* parent);
// Adds to layout (stretch 1) a touch-scrollable area whose content is a top-to-bottom box layout
// with 32 px spacing, and returns that box: a screen's content then never forces the window
// taller than the display.
QBoxLayout* addScrollingBody(QBoxLayout* layout, const QString& object_name, QWidget* parent);
// Sets the theme role and re-polishes the widget when the role changed.
void setRole(QWidget* widget, const char* role);

QLocale localeFor(const QString& ui_language);
// The hospital's zone: config pool/timezone (HospitalClock::zoneFor).
QTimeZone hospitalZone(const config::KioskConfig* config);
// The hospital's clock: the service's (its source injectable in tests), else the system clock
// in the zone of config. Every "now" and "today" a screen shows or counts with comes from it.
HospitalClock hospitalClock(const booking::BookingService* service,
                            const config::KioskConfig* config);
QDateTime inHospitalZone(const QDateTime& moment, const config::KioskConfig* config);
// "HH:mm" in the hospital's zone.
QString clockText(const QDateTime& moment, const config::KioskConfig* config);
// "11月23日 星期一" / "Monday 23 November".
QString dayText(const QDate& day, const QString& ui_language);
// "11月23日 星期一 08:10" / "Monday 23 November, 08:10".
QString dateTimeText(const QDateTime& moment, const config::KioskConfig* config,
                     const QString& ui_language);
// "张*明 主任医师"-like line: name and title in the UI language (doctor names are staff data,
// shown unmasked).
QString doctorText(const fhir::Doctor& doctor, const QString& ui_language);

// "You can cancel until <deadline>." or, when that moment has passed, that it no longer can be.
QString cancellationText(const QDateTime& deadline, const QDateTime& now,
                         const config::KioskConfig* config, const QString& ui_language);

}  // namespace mk::ui::bookingui

// The kiosk's one window: a header (location, clock, online state, language toggle), a stack with
// every screen (all created up front), a footer with Back and Home, and the idle timer that clears
// everything and returns Home when nobody touched the screen for config.idle_timeout_s.
#pragma once

#include "Language.h"
#include "Screen.h"
#include "core/identity/AuthStatus.h"
#include "ui/widgets/MonotonicClock.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QTimer>
#include <QWidget>

#include <memory>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace mk::booking {
class BookingService;
class BookingSession;
}  // namespace mk::booking
namespace mk::config {
struct KioskConfig;
}
namespace mk::outbox {
struct QueueStatus;
}

namespace mk::ui {

struct StaffServices;
struct CheckinDevices;
struct FaceServices;
struct PayServices;
class PayFlow;
class SpeechOutput;
class SpeakerOutput;
class IdleWarning;

class KioskWindow : public QWidget
{
    Q_OBJECT
public:
    // service may be null only in tests of the shell; config must outlive the window.
    KioskWindow(booking::BookingService* service, const config::KioskConfig& config,
                QWidget* parent = nullptr);
    ~KioskWindow() override;

    booking::BookingSession& session();
    Screen* screen(ScreenId id) const;  // every screen is created up front
    Screen* currentScreen() const;
    void showScreen(ScreenId id);  // pushes history, calls enter()
    void goHome();                 // session.clear(), every screen reset(), Home
    // "zh_CN" | "en": swaps the QTranslator (:/i18n/medkiosk_<lang>.qm), retranslates all.
    void setLanguage(const QString& lang);
    QString language() const;
    void setIdleTimeoutMs(int ms);  // default from config.idle_timeout_s
    int idleTimeoutMs() const { return idle_timeout_ms_; }
    // "Need more time?" (issue 12): shown this long before the idle reset (default 20 s, at
    // most half the idle time) with a countdown, spoken in elder mode; a tap extends. Only
    // when the reset has something to clear (not on an untouched Home).
    void setIdleWarningMs(int ms);
    int idleWarningMs() const;
    // The idle time's clock (milliseconds, monotonic); empty: the real one. Tests move it and
    // call checkIdle() instead of waiting.
    void setIdleClock(MonotonicClock::Source source);
    // Compares the idle time with the deadlines now: shows or updates the warning, or resets.
    // The idle timer calls it at each deadline and each second of the countdown.
    void checkIdle();
    bool idleWarningShown() const;
    IdleWarning* idleWarning() const { return idle_warning_; }
    // Elder mode (长辈模式, issue 12; docs/accessibility.md): larger text and targets, fewer
    // choices per row, stronger contrast (Theme, UiMode::Elder) and each screen's prompt read
    // aloud when it opens. The header's button toggles it; it lasts until the idle reset.
    // Theme::minima(UiMode) says what each mode promises.
    void setElderMode(bool on);
    bool elderMode() const { return elder_; }
    // The read-aloud voice (null: none). Hidden button while it is null or not available().
    // installCheckin()/installPayment() give the window their hw::Speaker when it has none.
    void setSpeechOutput(SpeechOutput* voice);
    SpeechOutput* speechOutput() const { return voice_; }
    // What the header's read-aloud button does: says currentScreen()->spokenSummary() (or the
    // screen's title) in the UI language. Returns the text said (empty: nothing said).
    QString readAloud();
    void goBack();  // previous screen of the flow (Home when there is none)
    // Staff maintenance mode (ui/staff, docs/maintenance.md): adds StaffPinScreen and
    // MaintenanceScreen and shows the "Staff" button in the header. services must outlive it.
    void installStaffMode(const StaffServices& services);
    // Check-in (issue 4): adds the CheckinScreen with its service and devices (scanner, printer,
    // speaker; each may be null) and shows the Check-in button on Home. They must outlive it.
    void installCheckin(const CheckinDevices& devices);
    // Face identification (issue 5, KioskWindowFace.cpp): adds FaceConsentScreen,
    // FaceEnrollScreen and FaceIdentifyScreen (ui/face), the "Sign in with your face" button on
    // Home and "Sign in with your face next time" on Result. A face identified (patient id) is
    // read from the pool with the person's children, then the flow goes on as after Identify
    // (ChildChoice or Department); when the pool cannot be asked, Identify says why.
    // services must outlive the window.
    void installFace(const FaceServices& services);
    // Payment (issue 9, KioskWindowPay.cpp): adds the payment screens (ui/payment), "Pay" on
    // Home, and - when staff mode is installed (staff not null) - "Payments" on the maintenance
    // screen. Identify, ChildChoice and face sign-in lead to the bills while the session is in
    // the payment flow. services (and staff) must outlive the window.
    void installPayment(const PayServices& services, const StaffServices* staff = nullptr);
    PayFlow* payFlow() const { return pay_flow_; }  // null before installPayment()
    // The connectivity indicator from the outbox relay (Relay::statusChanged): online,
    // "Offline since HH:mm", "N waiting".
    void setQueueStatus(const mk::outbox::QueueStatus& status);
    // The kiosk's standing with the pool (issue 15, KioskWindowAuth.cpp). While the pool refuses
    // the kiosk, staff read one sentence in a banner under the header (and on the maintenance
    // screen), and patients see only "This kiosk is out of service, please go to the window"
    // instead of any patient screen; the staff screens stay reachable. Back to Home once the
    // pool accepts the kiosk again.
    void setAuthStatus(const mk::identity::AuthStatus& status);
    bool outOfService() const { return auth_.outOfService(); }

Q_SIGNALS:
    void screenShown(mk::ui::ScreenId id);
    void wentHome();  // after an idle timeout or goHome()
    void elderModeChanged(bool on);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildHeader(QWidget* header);
    void buildFooter(QWidget* footer);
    void addScreen(Screen* screen);
    void activate(ScreenId id);
    void retranslate();
    void updateClock();
    void updateOnline(bool online);
    void onIdleTimeout();
    void restartIdle();  // a touch: the idle time starts again, the warning goes
    bool idleHasWorkToDo() const;
    void placeHeaderTools();
    // Sizes the stack to the scroll area's viewport; in elder mode at least the current
    // screen's minimum height for that width, so a screen that does not fit scrolls instead
    // of overlapping (landscape). Normal mode: the screens are laid out to fit.
    void fitPage();
    void scheduleFitPage();
    void updateReadAloudButton();
    void readAloudIfElder();
    void onFaceIdentified(const QString& patient_id);  // KioskWindowFace.cpp
    // KioskWindowAuth.cpp: true when `id` is a patient screen and the kiosk is out of service
    // (the out-of-service page is shown instead).
    bool showOutOfService(ScreenId id);
    void retranslateAuth();
    // KioskWindowPay.cpp: where a flow step leads in the payment flow (Department -> PayBills).
    ScreenId payRoute(ScreenId id) const;

    const config::KioskConfig& config_;
    std::unique_ptr<booking::BookingSession> session_;
    ScreenContext context_;
    Language language_;
    QMap<ScreenId, Screen*> screens_;
    QList<ScreenId> history_;
    ScreenId current_ = ScreenId::Unset;
    QTimer idle_timer_;  // single shot, to the next idle deadline (checkIdle)
    MonotonicClock idle_clock_;
    qint64 last_input_ms_ = 0;
    int idle_timeout_ms_ = 60000;
    int idle_warning_ms_ = 20000;
    bool elder_ = false;
    bool auto_read_pending_ = false;  // elder mode: read the screen once it has loaded
    SpeechOutput* voice_ = nullptr;
    std::unique_ptr<SpeakerOutput> own_voice_;  // over an installed hw::Speaker
    IdleWarning* idle_warning_ = nullptr;
    QTimer clock_timer_;
    bool online_ = true;
    QDateTime offline_since_;      // invalid while online
    int waiting_ = 0;              // outbox commands not yet sent
    quint64 face_generation_ = 0;  // a face sign-in answer after goHome() is dropped
    PayFlow* pay_flow_ = nullptr;  // installPayment(): the payment screens' shared state

    QStackedWidget* stack_ = nullptr;
    QScrollArea* scroll_ = nullptr;  // holds stack_
    bool fit_pending_ = false;
    QLabel* location_ = nullptr;
    QLabel* clock_ = nullptr;
    QLabel* date_ = nullptr;
    QLabel* online_label_ = nullptr;
    QPushButton* language_button_ = nullptr;
    QPushButton* staff_button_ = nullptr;
    QPushButton* elder_button_ = nullptr;
    QPushButton* read_button_ = nullptr;
    QHBoxLayout* header_row_ = nullptr;
    QHBoxLayout* header_tools_ = nullptr;  // second header row (portrait)
    QWidget* header_tools_row_ = nullptr;
    QWidget* footer_ = nullptr;
    QPushButton* back_ = nullptr;
    QPushButton* home_ = nullptr;
    identity::AuthStatus auth_;
    QLabel* auth_banner_ = nullptr;      // staff sentence under the header
    QWidget* out_of_service_ = nullptr;  // the patients' page while out of service
    QLabel* oos_title_ = nullptr;
    QLabel* oos_body_ = nullptr;
};

}  // namespace mk::ui

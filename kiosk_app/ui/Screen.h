// The contract between the kiosk window and its screens. A screen is thin: it reads the booking
// session and calls the booking service (never curl, never SQL), shows results, and asks the
// window to move on through signals. Every text goes through tr(); retranslate() re-reads them.
#pragma once

#include <QString>
#include <QWidget>

namespace mk::booking {
class BookingService;
class BookingSession;
}  // namespace mk::booking
namespace mk::config {
struct KioskConfig;
}

namespace mk::ui {

enum class ScreenId {
    Unset = 0,
    Home,
    Identify,
    ChildChoice,
    Department,
    Doctor,
    Day,
    SlotGrid,
    Confirm,
    Result,
    StaffPin,  // staff maintenance mode (ui/staff, docs/maintenance.md)
    Maintenance,
    Checkin,      // scan the appointment code, show/print/speak the visit number (issue 4)
    FaceConsent,  // face identification (issue 5, ui/face)
    FaceEnroll,
    FaceIdentify,
    PayIdentify,  // payment (issue 9, ui/payment): how to identify, the bills, paying, receipt
    PayBills,
    Pay,
    PayReceipt,
    CreditOpen,     // open credit care: agreement, consent, identity check, result
    StaffPayments,  // staff: today's payments, daily close, failed payments
};

// What every screen may use. Owned by the window; outlives the screens.
struct ScreenContext {
    booking::BookingService* service = nullptr;
    booking::BookingSession* session = nullptr;
    const config::KioskConfig* config = nullptr;
    QString language = QStringLiteral("zh_CN");  // current UI language: zh_CN | en
};

class Screen : public QWidget
{
    Q_OBJECT
public:
    Screen(ScreenContext& context, QWidget* parent) : QWidget(parent), context_(context) {}

    virtual ScreenId id() const = 0;
    // Shown (again): read the session, start loading what the screen needs.
    virtual void enter() = 0;
    // Forget everything shown (idle timeout, back home): no personal data may remain on screen.
    virtual void reset() = 0;
    // Re-read every text after a language switch (context().language is already updated).
    virtual void retranslate() = 0;
    // True while a request of this screen is running (tests and screenshots wait for false).
    virtual bool loading() const { return false; }
    // What the read-aloud button says on this screen (issue 12), in the UI language: the
    // prompt, then the key data shown (the slot, the visit number, an amount, an error and what
    // to do). Only what is on screen now; never more personal data than is shown. Empty: the
    // window reads the screen's title.
    virtual QString spokenSummary() const { return QString(); }

    ScreenContext& context() const { return context_; }

Q_SIGNALS:
    void goTo(mk::ui::ScreenId next);  // the window shows that screen and calls enter()
    void goBack();                     // previous screen of the flow
    void goHome();                     // clears the session and shows Home
    void loadingChanged(bool loading);

private:
    ScreenContext& context_;
};

}  // namespace mk::ui

// Payment, step 3 (issue 9): two equal choices, 信用支付 (pay on credit) and 扫码支付 (pay by
// phone); phone is always offered, so face and credit are never the only way.
// Credit: a fresh identity check (VerifyPanel: liveness + 1:1 face against the identified person,
// or the last 4 phone digits for a person without face sign-in), then PaymentService::payOnCredit
// once (the button is disabled while the payment is in flight: a double tap pays once). Over the
// available amount (or over the limit without face): said, and phone offered.
// Phone: a QR code of the order's pay URL per bill, a visible countdown, Cancel; the pool reports
// it paid. Every refusal is a sentence saying what happened and what to do, with the matching
// action (show the new bill, pay by phone, check again, back to the bills).
#pragma once

#include "core/payment/PaymentTypes.h"
#include "ui/Screen.h"
#include "ui/payment/PayServices.h"

#include <QTimer>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace mk::ui {

class BusyIndicator;
class PayFlow;
class VerifyPanel;

class PayScreen final : public Screen
{
    Q_OBJECT
public:
    enum class Page { Choose = 0, Verify, Paying, Phone, Problem };
    Q_ENUM(Page)
    // The action offered with a refusal.
    enum class Action { Unset = 0, ShowNewBill, PayByPhone, CheckAgain, BackToBills, NewCode };
    Q_ENUM(Action)

    PayScreen(ScreenContext& context, const PayServices& services, PayFlow& flow,
              QWidget* parent = nullptr);
    ~PayScreen() override;

    ScreenId id() const override { return ScreenId::Pay; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return in_flight_; }

    Page page() const;
    Action action() const { return action_; }
    VerifyPanel* verifyPanel() const { return verify_; }
    // The phone order shown (tests mark it paid through the simulator).
    std::optional<payment::PhoneOrder> phoneOrder() const { return order_; }
    // Seconds left on the phone order's countdown (0 when none).
    int secondsLeft() const;

Q_SIGNALS:
    void outcomeShown(const mk::payment::PayOutcome& outcome);

private:
    void showPage(Page page);
    void chooseCredit();
    // The last-4-phone-digits check instead of the face (face checks locked out, or no face):
    // within the credit service's lower limit for a charge without face, else says so.
    void checkPhoneDigits();
    void choosePhone();
    void payOnCredit(const payment::Evidence& evidence);
    void onPayOutcome(const payment::PayOutcome& outcome);
    void problem(std::function<QString()> text, Action action);
    void runAction();
    void nextPhoneOrder();
    void pollPhone();
    void cancelPhone();
    void tick();
    void finishWithReceipts();
    void setInFlight(bool on);
    void updateChoose();
    QString patientId() const;

    const PayServices& services_;
    PayFlow& flow_;
    bool in_flight_ = false;
    quint64 generation_ = 0;
    Action action_ = Action::Unset;
    std::function<QString()> problem_text_;
    QList<payment::Receipt> paid_;  // receipts of the bills paid in this visit
    int phone_index_ = 0;
    std::optional<payment::PhoneOrder> order_;
    bool polling_ = false;
    QTimer tick_;
    QTimer poll_;

    QStackedWidget* pages_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* amount_ = nullptr;
    QLabel* credit_ = nullptr;
    QLabel* over_ = nullptr;
    QPushButton* credit_button_ = nullptr;
    QPushButton* phone_button_ = nullptr;
    VerifyPanel* verify_ = nullptr;
    QPushButton* verify_retry_ = nullptr;
    QPushButton* verify_digits_ = nullptr;  // offered when face checks are locked out
    QPushButton* verify_phone_ = nullptr;
    BusyIndicator* busy_ = nullptr;
    QLabel* paying_ = nullptr;
    QLabel* phone_title_ = nullptr;
    QLabel* phone_qr_ = nullptr;
    QLabel* phone_amount_ = nullptr;
    QLabel* countdown_ = nullptr;
    QPushButton* phone_cancel_ = nullptr;
    QLabel* problem_ = nullptr;
    QPushButton* problem_action_ = nullptr;
    QPushButton* problem_back_ = nullptr;
};

}  // namespace mk::ui

// Open credit care (开通信用就医, issue 9): the agreement text from the pool (large, scrollable),
// then a separate, explicit consent (Agree and Decline equal, like the face consent), then the
// identity check of the person at the kiosk (a fresh face check when they use face sign-in, and
// the last 4 phone digits), then the credit service's answer shown plainly: the line granted, or
// the refusal with its reason. Needs the pool: offline it says so.
#pragma once

#include "core/payment/PaymentTypes.h"
#include "ui/Screen.h"
#include "ui/payment/PayServices.h"

#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace mk::ui {

class BusyIndicator;
class PayFlow;
class VerifyPanel;

class CreditOpenScreen final : public Screen
{
    Q_OBJECT
public:
    enum class Page { Agreement = 0, Consent, Verify, Working, Result };
    Q_ENUM(Page)

    CreditOpenScreen(ScreenContext& context, const PayServices& services, PayFlow& flow,
                     QWidget* parent = nullptr);

    ScreenId id() const override { return ScreenId::CreditOpen; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return busy_count_ > 0; }

    Page page() const;
    VerifyPanel* verifyPanel() const { return verify_; }
    const std::optional<payment::OpenCreditOutcome>& outcome() const { return outcome_; }

private:
    void loadAgreement();
    void showPage(Page page);
    void startVerify();
    void onVerified(const payment::Evidence& evidence);
    void submit(const payment::Evidence& evidence);
    void setBusy(int delta);
    QString patientId() const;

    const PayServices& services_;
    PayFlow& flow_;
    int busy_count_ = 0;
    quint64 generation_ = 0;
    std::optional<payment::Agreement> agreement_;
    QString agreement_error_;
    std::optional<payment::Evidence> face_evidence_;  // step 1 done, digits next
    std::optional<payment::OpenCreditOutcome> outcome_;

    QStackedWidget* pages_ = nullptr;
    QLabel* title_ = nullptr;
    BusyIndicator* busy_ = nullptr;
    QLabel* agreement_title_ = nullptr;
    QLabel* agreement_text_ = nullptr;
    QPushButton* read_ = nullptr;
    QPushButton* not_now_ = nullptr;
    QLabel* consent_text_ = nullptr;
    QPushButton* agree_ = nullptr;
    QPushButton* decline_ = nullptr;
    QLabel* verify_step_ = nullptr;
    VerifyPanel* verify_ = nullptr;
    QPushButton* verify_retry_ = nullptr;
    QPushButton* verify_cancel_ = nullptr;
    QLabel* working_ = nullptr;
    QLabel* result_ = nullptr;
    QPushButton* result_done_ = nullptr;
};

}  // namespace mk::ui

// Payment, step 2 (issue 9): the unpaid bills of the patient (the identified person, or the child
// a guardian chose), itemised — category, item, insurance share, self-pay share — each bill's
// self-pay total and the total to pay; the credit line (limit, used, available), the outstanding
// credit with the QR code to repay it in the hospital's app, or "Open credit care"; and "nothing
// unpaid" said plainly. "Pay" goes on to the payment choices; "Print a copy of today's receipts"
// shows (and prints) the receipts of today. Thin: PaymentService reads everything.
#pragma once

#include "ui/Screen.h"
#include "ui/payment/PayServices.h"

#include <QList>

class QFrame;
class QLabel;
class QPushButton;
class QBoxLayout;

namespace mk::ui {

class BusyIndicator;
class PayFlow;

class PayBillsScreen final : public Screen
{
    Q_OBJECT
public:
    PayBillsScreen(ScreenContext& context, const PayServices& services, PayFlow& flow,
                   QWidget* parent = nullptr);

    ScreenId id() const override { return ScreenId::PayBills; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return pending_ > 0; }

private:
    void load();
    void show();
    void rebuildBills();
    void clearBills();
    void pay();
    void printCopies();
    void setPending(int delta);
    QString patientId() const;

    const PayServices& services_;
    PayFlow& flow_;
    int pending_ = 0;
    quint64 generation_ = 0;
    QString error_text_;  // technical cause already turned into the patient's words
    bool credit_failed_ = false;

    QLabel* title_ = nullptr;
    QLabel* patient_ = nullptr;
    BusyIndicator* busy_ = nullptr;
    QLabel* message_ = nullptr;
    QFrame* credit_box_ = nullptr;
    QLabel* credit_ = nullptr;
    QLabel* outstanding_ = nullptr;
    QLabel* repay_qr_ = nullptr;
    QPushButton* open_credit_ = nullptr;
    QLabel* empty_ = nullptr;
    QBoxLayout* bills_layout_ = nullptr;
    QList<QWidget*> bill_widgets_;
    QLabel* total_ = nullptr;
    QPushButton* copies_ = nullptr;
    QPushButton* pay_ = nullptr;
};

}  // namespace mk::ui

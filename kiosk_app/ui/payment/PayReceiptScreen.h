// Payment, step 4 (issue 9): the e-receipt (医疗收费电子票据) of each bill paid — invoice code,
// number, check code, date, amount, the masked payer and a QR code to view it — printed on the
// receipt printer and the total spoken. Offline: "PROVISIONAL, the e-receipt follows" with the
// kiosk's receipt number, replaced on screen when the pool's e-receipt arrives
// (PaymentService::receiptConfirmed). The printer out of paper after payment: the payment stands,
// the receipt stays on screen with a plain note, and "Print again" retries. Also shows today's
// receipts for "Print a copy" (printed marked COPY, not spoken).
#pragma once

#include "core/payment/PaymentTypes.h"
#include "ui/Screen.h"
#include "ui/payment/PayServices.h"

#include <QList>

class QBoxLayout;
class QLabel;
class QPushButton;

namespace mk::ui {

class PayFlow;

class PayReceiptScreen final : public Screen
{
    Q_OBJECT
public:
    PayReceiptScreen(ScreenContext& context, const PayServices& services, PayFlow& flow,
                     QWidget* parent = nullptr);

    ScreenId id() const override { return ScreenId::PayReceipt; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return printing_ > 0; }

    bool printFailed() const { return print_failed_; }
    // What was said (tests; empty when nothing was spoken).
    QString spokenText() const { return spoken_; }
    // The sentence the speaker says for a total, in the UI language.
    static QString totalSentence(qint64 fen, const QString& ui_language);

Q_SIGNALS:
    void printed(bool ok);

private:
    void rebuild();
    void clearCards();
    void print();
    void speak();
    void onConfirmed(const payment::Receipt& receipt);
    bool printerReady() const;

    const PayServices& services_;
    PayFlow& flow_;
    int printing_ = 0;
    bool print_failed_ = false;
    QString spoken_;

    QLabel* title_ = nullptr;
    QLabel* total_ = nullptr;
    QBoxLayout* cards_layout_ = nullptr;
    QList<QWidget*> cards_;
    QLabel* device_note_ = nullptr;
    QPushButton* reprint_ = nullptr;
    QPushButton* done_ = nullptr;
};

}  // namespace mk::ui

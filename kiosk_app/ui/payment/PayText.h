// The words of the payment screens (issue 9) that more than one screen needs: money in the UI
// language, charge categories, and for every refusal a sentence saying what happened and what to
// do next. Money is integer fen; it is never turned into a double on its way to the screen.
#pragma once

#include "core/payment/PaymentTypes.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace mk::ui {

class PayText
{
    Q_DECLARE_TR_FUNCTIONS(mk::ui::PayText)

public:
    // "¥1,234.50" (en) / "1,234.50元" (zh_CN); negative amounts keep their sign.
    static QString money(qint64 fen, const QString& ui_language);
    // registration | examination | laboratory | medicine | treatment | other, in the UI language.
    static QString category(const QString& code);
    // The item's name in the UI language (the Chinese one when there is no English).
    static QString lineName(const payment::BillLine& line, const QString& ui_language);
    // What happened and what to do, for a bill that was not paid (status other than Paid /
    // PaidOffline). cap: which offline cap was reached (NeedsPool).
    static QString refusal(const payment::BillPayment& payment, const QString& ui_language);
    // "Credit care: limit …, used …, available …" / the line's state in one sentence.
    static QString creditSummary(const payment::CreditLine& line, const QString& ui_language);
    // The method as the receipt says it: credit | phone.
    static QString method(const QString& method);
    // A QR code picture of text (empty image when it cannot be made).
    static QImage qr(const QString& text, int size_px);
};

}  // namespace mk::ui

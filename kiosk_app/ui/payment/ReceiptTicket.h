// The e-receipt as printed on the 80 mm receipt printer (issue 9): ESC/POS bytes (hw::EscPos:
// GB18030 in the printer's Chinese mode) for one receipt — title, provisional note when offline,
// invoice code (票据代码), number (票据号码), check code (校验码), date, amount, the masked payer,
// the QR code to view it — and the daily close (日结) report for staff. Pure: tests compare the
// bytes through hw::EscPosParser. Texts in the UI language (tr()); only masked names.
#pragma once

#include "core/payment/PaymentTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mk::config {
struct KioskConfig;
}

namespace mk::ui {

class ReceiptTicket
{
    Q_DECLARE_TR_FUNCTIONS(mk::ui::ReceiptTicket)

public:
    static QByteArray receipt(const payment::Receipt& receipt, const QString& ui_language,
                              const config::KioskConfig* config, bool copy);
    static QByteArray dailyClose(const payment::DailyClose& close, const QString& kiosk_id,
                                 const QString& ui_language);
    // The same report as plain text (export).
    static QString dailyCloseText(const payment::DailyClose& close, const QString& kiosk_id,
                                  const QString& ui_language);
};

}  // namespace mk::ui

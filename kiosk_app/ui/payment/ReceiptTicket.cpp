#include "ui/payment/ReceiptTicket.h"

#include "hw/printer/EscPos.h"
#include "ui/booking/BookingUi.h"
#include "ui/payment/PayText.h"

namespace mk::ui {

QByteArray ReceiptTicket::receipt(const payment::Receipt& r, const QString& lang,
                                  const config::KioskConfig* config, bool copy)
{
    hw::EscPos p;
    p.init().align(hw::EscPos::Align::Center);
    p.size(2, 2).bold(true).line(tr("Medical e-receipt")).bold(false).size(1, 1);
    if (copy) p.line(tr("COPY"));
    if (r.provisional) {
        p.bold(true).line(tr("PROVISIONAL: the e-receipt follows")).bold(false);
        if (!r.local_number.isEmpty()) p.line(tr("Kiosk receipt number %1").arg(r.local_number));
    }
    p.feed(1).size(2, 2).bold(true).line(PayText::money(r.amount_fen, lang)).bold(false).size(1, 1);
    p.feed(1).align(hw::EscPos::Align::Left);
    if (!r.invoice_code.isEmpty()) p.line(tr("Invoice code: %1").arg(r.invoice_code));
    if (!r.invoice_number.isEmpty()) p.line(tr("Invoice number: %1").arg(r.invoice_number));
    if (!r.check_code.isEmpty()) p.line(tr("Check code: %1").arg(r.check_code));
    if (r.issued.isValid())
        p.line(tr("Date: %1").arg(bookingui::dateTimeText(r.issued, config, lang)));
    if (!r.payer_masked.isEmpty()) p.line(tr("Payer: %1").arg(r.payer_masked));
    p.line(PayText::method(r.method));
    if (!r.view_url.isEmpty()) {
        p.feed(1).align(hw::EscPos::Align::Center).qr(r.view_url.toUtf8(), 6).line(QString());
        p.line(tr("Scan to view the e-receipt"));
    }
    p.feed(4).cut(hw::EscPos::Cut::Partial);
    return p.bytes();
}

QString ReceiptTicket::dailyCloseText(const payment::DailyClose& c, const QString& kiosk_id,
                                      const QString& lang)
{
    QStringList lines;
    lines << tr("Daily close %1").arg(c.day.toString(Qt::ISODate));
    lines << tr("Kiosk %1").arg(kiosk_id);
    for (const payment::MethodTotal& m : c.by_method) {
        lines << tr("%1: %n payment(s), %2", nullptr, m.count)
                     .arg(m.method == QLatin1String("phone") ? tr("Phone") : tr("Credit"),
                          PayText::money(m.amount_fen, lang));
    }
    lines
        << tr("Total: %n payment(s), %1", nullptr, c.count).arg(PayText::money(c.total_fen, lang));
    lines << tr("Taken offline, not yet confirmed: %n, %1", nullptr, c.provisional_count)
                 .arg(PayText::money(c.provisional_fen, lang));
    lines << tr("Refused after being taken offline (review): %n, %1", nullptr, c.refused_count)
                 .arg(PayText::money(c.refused_fen, lang));
    return lines.join(QLatin1Char('\n'));
}

QByteArray ReceiptTicket::dailyClose(const payment::DailyClose& c, const QString& kiosk_id,
                                     const QString& lang)
{
    hw::EscPos p;
    p.init().align(hw::EscPos::Align::Center);
    p.size(2, 2).bold(true).line(tr("Daily close")).bold(false).size(1, 1).feed(1);
    p.align(hw::EscPos::Align::Left);
    const QStringList lines = dailyCloseText(c, kiosk_id, lang).split(QLatin1Char('\n'));
    for (const QString& line : lines) p.line(line);
    p.feed(4).cut(hw::EscPos::Cut::Partial);
    return p.bytes();
}

}  // namespace mk::ui

// The check-in ticket (就诊凭条) as printed by the kiosk: the check-in screen fills it, toEscPos()
// makes the bytes for ReceiptPrinter::print(). Texts arrive already in the patient's language
// (or both); the ticket never prints a full name or ID number: pass masked values only.
//
//   mk::hw::VisitTicket t;
//   t.title = QStringLiteral("就诊凭条 Visit ticket"); t.visit_number = QStringLiteral("A012");
//   t.lines = {...}; t.qr_payload = "MKAPPT:A20261123-0042";
//   printer->print(t.toEscPos());
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mk::hw {

struct VisitTicket {
    QString title;          // centred, double size, bold (e.g. hospital name or "就诊凭条")
    QString number_label;   // centred above the number, e.g. "就诊序号 Visit number"
    QString visit_number;   // centred, 4x size, bold: the number called in the waiting room
    QStringList lines;      // left-aligned details: department, doctor, time, masked name
    QByteArray qr_payload;  // printed as a QR code (empty: none)
    QString footer;  // centred, normal size (e.g. "请留意叫号 Please wait to be called")
    QString
        provisional_note;  // offline check-in: a bold line such as "临时 PROVISIONAL" (empty: none)

    QByteArray toEscPos() const;
};

}  // namespace mk::hw

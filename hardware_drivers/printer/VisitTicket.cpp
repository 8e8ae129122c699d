#include "hw/printer/VisitTicket.h"

#include "hw/printer/EscPos.h"

namespace mk::hw {

QByteArray VisitTicket::toEscPos() const
{
    EscPos p;
    p.init().align(EscPos::Align::Center);
    if (!title.isEmpty()) p.size(2, 2).bold(true).line(title).bold(false).size(1, 1);
    p.feed(1);
    if (!number_label.isEmpty()) p.line(number_label);
    if (!visit_number.isEmpty()) p.size(4, 4).bold(true).line(visit_number).bold(false).size(1, 1);
    if (!provisional_note.isEmpty()) p.bold(true).line(provisional_note).bold(false);
    p.feed(1).align(EscPos::Align::Left);
    for (const QString& line : lines) p.line(line);
    if (!qr_payload.isEmpty())
        p.feed(1)
            .align(EscPos::Align::Center)
            .qr(qr_payload, 6, EscPos::QrLevel::M)
            .line(QString());
    if (!footer.isEmpty()) p.align(EscPos::Align::Center).line(footer);
    p.feed(4).cut(EscPos::Cut::Partial);
    return p.bytes();
}

}  // namespace mk::hw

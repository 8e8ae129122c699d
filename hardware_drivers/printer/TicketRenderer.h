// Renders a ParsedTicket the way an 80 mm thermal head prints it: 576 dots wide, black on white,
// 12x24-dot Latin / 24x24-dot Han characters scaled by the GS ! multipliers, bold, alignment,
// QR codes drawn module by module (ZXing encoder) at the ticket's module size. Needs a
// QGuiApplication (fonts); use QT_QPA_PLATFORM=offscreen without a display.
#pragma once

#include "hw/printer/ParsedTicket.h"

#include <QImage>

namespace mk::hw {

class TicketRenderer
{
public:
    static constexpr int kWidth_px = 576;
    static constexpr int kBaseHeight_px = 24;
    static constexpr int kLineSpacing_px = 6;

    static QImage render(const ParsedTicket& ticket);
    // The QR modules for data at the given level ('L','M','Q','H'): a square image, one pixel a
    // module, no quiet zone; null when the data cannot be encoded.
    static QImage qrModules(const QByteArray& data, char level);
};

}  // namespace mk::hw

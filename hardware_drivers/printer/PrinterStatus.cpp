#include "hw/printer/PrinterStatus.h"

namespace mk::hw {

bool PrinterStatus::apply(int n, quint8 byte)
{
    if (n < 1 || n > 4 || !isStatusByte(byte)) return false;
    switch (n) {
        case 1:
            offline = (byte & 0x08) != 0;
            break;
        case 2:
            cover_open = (byte & 0x04) != 0;
            paper_fed_by_button = (byte & 0x08) != 0;
            paper_end_stop = (byte & 0x20) != 0;
            error = (byte & 0x40) != 0;
            break;
        case 3:
            cutter_error = (byte & 0x08) != 0;
            unrecoverable_error = (byte & 0x20) != 0;
            auto_recoverable_error = (byte & 0x40) != 0;
            break;
        default:
            paper_near_end = (byte & 0x0c) != 0;
            paper_out = (byte & 0x60) != 0;
            break;
    }
    answered_mask |= 1 << (n - 1);
    return true;
}

quint8 PrinterStatus::responseByte(int n) const
{
    quint8 byte = 0x12;
    switch (n) {
        case 1:
            if (offline) byte |= 0x08;
            break;
        case 2:
            if (cover_open) byte |= 0x04;
            if (paper_fed_by_button) byte |= 0x08;
            if (paper_end_stop) byte |= 0x20;
            if (error) byte |= 0x40;
            break;
        case 3:
            if (cutter_error) byte |= 0x08;
            if (unrecoverable_error) byte |= 0x20;
            if (auto_recoverable_error) byte |= 0x40;
            break;
        default:
            if (paper_near_end) byte |= 0x0c;
            if (paper_out) byte |= 0x60;
            break;
    }
    return byte;
}

}  // namespace mk::hw

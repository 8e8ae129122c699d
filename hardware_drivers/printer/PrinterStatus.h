// The printer's state as read with DLE EOT 1-4 (real-time status transmission), one byte each.
// Every valid status byte has bits 1 and 4 set and bits 0 and 7 clear ((byte & 0x93) == 0x12).
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace mk::hw {

struct PrinterStatus {
    bool offline = false;                 // n=1 bit 3
    bool cover_open = false;              // n=2 bit 2
    bool paper_fed_by_button = false;     // n=2 bit 3
    bool paper_end_stop = false;          // n=2 bit 5: printing stopped, paper end
    bool error = false;                   // n=2 bit 6
    bool cutter_error = false;            // n=3 bit 3
    bool unrecoverable_error = false;     // n=3 bit 5
    bool auto_recoverable_error = false;  // n=3 bit 6
    bool paper_near_end = false;          // n=4 bits 2-3
    bool paper_out = false;               // n=4 bits 5-6
    int answered_mask = 0;                // bit (n-1) set once query n was answered

    static bool isStatusByte(quint8 byte) { return (byte & 0x93) == 0x12; }
    // Applies the answer to DLE EOT n. False (and nothing changed) for a byte that is no status
    // byte or an n outside 1-4.
    bool apply(int n, quint8 byte);
    bool complete() const { return answered_mask == 0x0f; }
    bool paperMissing() const { return paper_out || paper_end_stop; }
    // The status bytes a printer in this state answers to DLE EOT n (what the simulator sends).
    quint8 responseByte(int n) const;

    bool operator==(const PrinterStatus& other) const = default;
};

}  // namespace mk::hw

Q_DECLARE_METATYPE(mk::hw::PrinterStatus)

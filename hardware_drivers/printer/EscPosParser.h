// Streaming ESC/POS parser of the printer simulator: feed it bytes as they arrive (any split),
// take finished tickets (ended by GS V) and the status queries (DLE EOT n) to answer. Understands
// what EscPos builds plus common commands it skips safely; text in Chinese mode (FS &) is GB18030,
// otherwise Latin-1. Bounded: a ticket keeps at most kMaxItems items, an incomplete command at
// most 70 kB of input; beyond that bytes are dropped. Never throws on any input.
#pragma once

#include "hw/printer/ParsedTicket.h"

#include <QByteArray>
#include <QList>

namespace mk::hw {

class EscPosParser
{
public:
    static constexpr int kMaxItems = 4096;

    void feed(const QByteArray& bytes);
    // Ends the current ticket as if cut (connection closed); nothing when it is empty.
    void finish();

    QList<ParsedTicket> takeTickets();
    QList<int> takeStatusQueries();
    int unknownCommands() const { return unknown_commands_; }

private:
    // Handles the command at pending_[pos]; returns bytes consumed, 0 when it needs more input.
    qsizetype command(qsizetype pos);
    qsizetype qrCommand(qsizetype pos);
    void flushRun();
    void endLine();
    void addItem(TicketItem item);
    void endTicket(EscPos::Cut cut);

    QByteArray pending_;
    QByteArray run_bytes_;
    TicketItem line_;
    ParsedTicket ticket_;
    QList<ParsedTicket> tickets_;
    QList<int> status_queries_;

    // Current print mode.
    EscPos::Align align_ = EscPos::Align::Left;
    int width_mul_ = 1;
    int height_mul_ = 1;
    bool bold_ = false;
    bool chinese_ = false;
    // QR settings (GS ( k).
    int qr_module_size_ = 3;
    char qr_level_ = 'L';
    QByteArray qr_data_;
    int unknown_commands_ = 0;
};

}  // namespace mk::hw

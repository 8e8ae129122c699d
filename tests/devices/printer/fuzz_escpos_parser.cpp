// Fuzz target of the printer simulator's ESC/POS parser (bytes from any host). libFuzzer entry
// point; without libFuzzer it is linked with tests/booking/fuzz_driver.cpp (seeded mutations).
// The input is fed in two pieces split at the first byte's position, as a socket may deliver it.
#include "hw/printer/EscPosParser.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    mk::hw::EscPosParser parser;
    const qsizetype split = size > 0 ? data[0] % (bytes.size() + 1) : 0;
    parser.feed(bytes.left(split));
    parser.feed(bytes.mid(split));
    parser.finish();
    const QList<mk::hw::ParsedTicket> tickets = parser.takeTickets();
    for (const mk::hw::ParsedTicket& ticket : tickets) {
        if (ticket.items.size() > mk::hw::EscPosParser::kMaxItems) __builtin_trap();
        for (const mk::hw::TicketItem& item : ticket.items) {
            for (const mk::hw::TicketRun& run : item.runs) {
                if (run.width_mul < 1 || run.width_mul > 8 || run.height_mul < 1 ||
                    run.height_mul > 8)
                    __builtin_trap();
            }
        }
    }
    for (const int n : parser.takeStatusQueries()) {
        if (n < 1 || n > 4) __builtin_trap();
    }
    return 0;
}

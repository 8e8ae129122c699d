#include "hw/printer/EscPosParser.h"

#include <QStringDecoder>

namespace mk::hw {

namespace {
constexpr qsizetype kMaxPending = 70 * 1024;
constexpr int kMaxTickets = 256;

int u8(const QByteArray& bytes, qsizetype i)
{
    return static_cast<unsigned char>(bytes.at(i));
}
}  // namespace

void EscPosParser::feed(const QByteArray& bytes)
{
    pending_.append(bytes);
    qsizetype pos = 0;
    while (pos < pending_.size()) {
        const int b = u8(pending_, pos);
        if (b >= 0x20 || b == 0x09) {
            run_bytes_.append(b == 0x09 ? ' ' : static_cast<char>(b));
            if (run_bytes_.size() > 4096) endLine();  // no printer keeps an endless line
            ++pos;
            continue;
        }
        if (b == 0x0a) {
            endLine();
            ++pos;
            continue;
        }
        if (b != 0x1b && b != 0x1d && b != 0x1c && b != 0x10) {
            ++pos;  // CR and other control bytes: nothing to print
            continue;
        }
        const qsizetype used = command(pos);
        if (used == 0) break;  // incomplete: wait for more bytes
        pos += used;
    }
    pending_.remove(0, pos);
    if (pending_.size() > kMaxPending) {
        ++unknown_commands_;
        pending_.clear();
    }
}

qsizetype EscPosParser::command(qsizetype pos)
{
    const qsizetype left = pending_.size() - pos;
    if (left < 2) return 0;
    const int prefix = u8(pending_, pos);
    const int c = u8(pending_, pos + 1);
    auto arg = [&](int i) { return u8(pending_, pos + i); };
    auto needs = [&](qsizetype n) { return left >= n; };

    if (prefix == 0x10) {  // DLE
        if (c == 0x04) {   // EOT n
            if (!needs(3)) return 0;
            if (arg(2) >= 1 && arg(2) <= 4) status_queries_.append(arg(2));
            return 3;
        }
        if (c == 0x05) return needs(3) ? 3 : 0;  // ENQ n
        if (c == 0x14) return needs(5) ? 5 : 0;  // DC4 fn m t
        ++unknown_commands_;
        return 2;
    }
    if (prefix == 0x1c) {  // FS
        if (c == '&' || c == '.') {
            flushRun();
            chinese_ = c == '&';
            return 2;
        }
        if (c == '!' || c == '-' || c == 'W' || c == 'C') return needs(3) ? 3 : 0;
        ++unknown_commands_;
        return 2;
    }
    if (prefix == 0x1b) {  // ESC
        switch (c) {
            case '@':
                flushRun();
                align_ = EscPos::Align::Left;
                width_mul_ = height_mul_ = 1;
                bold_ = false;
                chinese_ = false;
                return 2;
            case 'E':
            case 'G':
                if (!needs(3)) return 0;
                flushRun();
                bold_ = (arg(2) & 1) != 0;
                return 3;
            case '!':
                if (!needs(3)) return 0;
                flushRun();
                bold_ = (arg(2) & 0x08) != 0;
                height_mul_ = (arg(2) & 0x10) != 0 ? 2 : 1;
                width_mul_ = (arg(2) & 0x20) != 0 ? 2 : 1;
                return 3;
            case 'a': {
                if (!needs(3)) return 0;
                const int n = arg(2) & 0x0f;
                align_ = n == 1   ? EscPos::Align::Center
                         : n == 2 ? EscPos::Align::Right
                                  : EscPos::Align::Left;
                return 3;
            }
            case 'd':
                if (!needs(3)) return 0;
                if (!line_.runs.isEmpty() || !run_bytes_.isEmpty()) endLine();
                if (arg(2) > 0) {
                    TicketItem feed;
                    feed.kind = TicketItem::Kind::Feed;
                    feed.feed_lines = arg(2);
                    addItem(feed);
                }
                return 3;
            case '2':
            case '<':
                return 2;
            case '3':
            case 'J':
            case 'M':
            case '-':
            case 't':
            case 'R':
            case 'V':
            case '{':
            case 'c':
            case 'U':
            case ' ':
            case 'r':
                return needs(3) ? 3 : 0;
            default:
                ++unknown_commands_;
                return 2;
        }
    }
    // GS
    switch (c) {
        case '!':
            if (!needs(3)) return 0;
            flushRun();
            width_mul_ = ((arg(2) >> 4) & 0x07) + 1;
            height_mul_ = (arg(2) & 0x07) + 1;
            return 3;
        case 'V': {
            if (!needs(3)) return 0;
            const int m = arg(2);
            const bool partial = m == 1 || m == 49 || m == 66;
            const qsizetype used = (m == 65 || m == 66) ? 4 : 3;
            if (!needs(used)) return 0;
            endTicket(partial ? EscPos::Cut::Partial : EscPos::Cut::Full);
            return used;
        }
        case '(':
            return qrCommand(pos);
        case 'v': {  // GS v 0 m xL xH yL yH data: raster image, skipped
            if (!needs(8)) return 0;
            const qsizetype size =
                qsizetype(arg(4) + arg(5) * 256) * qsizetype(arg(6) + arg(7) * 256);
            if (size > kMaxPending) {
                ++unknown_commands_;
                return 8;
            }
            return needs(8 + size) ? 8 + size : 0;
        }
        case 'k': {  // barcode, skipped
            if (!needs(3)) return 0;
            const int m = arg(2);
            if (m <= 6) {
                const qsizetype end = pending_.indexOf('\0', pos + 3);
                return end < 0 ? 0 : end - pos + 1;
            }
            if (!needs(4)) return 0;
            return needs(4 + arg(3)) ? 4 + arg(3) : 0;
        }
        case 'B':
        case 'H':
        case 'h':
        case 'w':
        case 'f':
        case 'L':
        case 'W':
        case 'a':
        case 'r':
        case 'I':
            return needs(c == 'L' || c == 'W' ? 4 : 3) ? (c == 'L' || c == 'W' ? 4 : 3) : 0;
        default:
            ++unknown_commands_;
            return 2;
    }
}

qsizetype EscPosParser::qrCommand(qsizetype pos)
{
    // GS ( X pL pH data...
    if (pending_.size() - pos < 5) return 0;
    const qsizetype length = u8(pending_, pos + 3) + u8(pending_, pos + 4) * 256;
    if (pending_.size() - pos < 5 + length) return 0;
    const QByteArray params = pending_.mid(pos + 5, length);
    const qsizetype used = 5 + length;
    if (u8(pending_, pos + 2) != 'k' || params.size() < 2 || params.at(0) != '1') return used;
    const int fn = static_cast<unsigned char>(params.at(1));
    if (fn == 'C' && params.size() >= 3) {
        qr_module_size_ = qBound(1, static_cast<int>(static_cast<unsigned char>(params.at(2))), 16);
    } else if (fn == 'E' && params.size() >= 3) {
        const int level = static_cast<unsigned char>(params.at(2)) - '0';
        if (level >= 0 && level <= 3) qr_level_ = "LMQH"[level];
    } else if (fn == 'P' && params.size() >= 3) {
        qr_data_ = params.mid(3);
    } else if (fn == 'Q') {
        if (!line_.runs.isEmpty() || !run_bytes_.isEmpty()) endLine();
        TicketItem item;
        item.kind = TicketItem::Kind::Qr;
        item.align = align_;
        item.qr_data = qr_data_;
        item.qr_module_size = qr_module_size_;
        item.qr_level = qr_level_;
        addItem(item);
    }
    return used;
}

void EscPosParser::flushRun()
{
    if (run_bytes_.isEmpty()) return;
    TicketRun run;
    if (chinese_) {
        QStringDecoder decoder("GB18030");
        run.text = decoder.isValid() ? decoder.decode(run_bytes_) : QString::fromLatin1(run_bytes_);
    } else {
        run.text = QString::fromLatin1(run_bytes_);
    }
    run.width_mul = width_mul_;
    run.height_mul = height_mul_;
    run.bold = bold_;
    if (line_.runs.isEmpty()) line_.align = align_;
    if (line_.runs.size() < kMaxItems) line_.runs.append(run);
    run_bytes_.clear();
}

void EscPosParser::endLine()
{
    flushRun();
    if (line_.runs.isEmpty()) line_.align = align_;
    line_.kind = TicketItem::Kind::Text;
    addItem(line_);
    line_ = TicketItem();
}

void EscPosParser::addItem(TicketItem item)
{
    if (ticket_.items.size() < kMaxItems) ticket_.items.append(std::move(item));
}

void EscPosParser::endTicket(EscPos::Cut cut)
{
    if (!line_.runs.isEmpty() || !run_bytes_.isEmpty()) endLine();
    ticket_.cut = cut;
    if (tickets_.size() < kMaxTickets) tickets_.append(ticket_);
    ticket_ = ParsedTicket();
}

void EscPosParser::finish()
{
    if (!line_.runs.isEmpty() || !run_bytes_.isEmpty()) endLine();
    if (!ticket_.items.isEmpty()) endTicket(EscPos::Cut::Unset);
}

QList<ParsedTicket> EscPosParser::takeTickets()
{
    return std::exchange(tickets_, {});
}

QList<int> EscPosParser::takeStatusQueries()
{
    return std::exchange(status_queries_, {});
}

}  // namespace mk::hw

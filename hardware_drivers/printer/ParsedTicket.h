// What the printer simulator understood of one ticket (the bytes between two cuts): lines of
// styled text, QR codes and feeds, in print order.
#pragma once

#include "hw/printer/EscPos.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace mk::hw {

struct TicketRun {
    QString text;
    int width_mul = 1;   // 1-8 (GS !)
    int height_mul = 1;  // 1-8
    bool bold = false;
};

struct TicketItem {
    enum class Kind { Unset = 0, Text, Qr, Feed };
    Kind kind = Kind::Unset;
    EscPos::Align align = EscPos::Align::Left;
    QList<TicketRun> runs;  // Text: the line's runs (empty: a blank line)
    QByteArray qr_data;     // Qr
    int qr_module_size = 3;
    char qr_level = 'L';  // L M Q H
    int feed_lines = 0;   // Feed

    QString text() const
    {
        QString all;
        for (const TicketRun& run : runs) all += run.text;
        return all;
    }
};

struct ParsedTicket {
    QList<TicketItem> items;
    EscPos::Cut cut = EscPos::Cut::Unset;  // Unset: ended without a cut (connection closed)

    QStringList textLines() const
    {
        QStringList lines;
        for (const TicketItem& item : items) {
            if (item.kind == TicketItem::Kind::Text) lines << item.text();
        }
        return lines;
    }
    const TicketItem* findLine(const QString& text) const
    {
        for (const TicketItem& item : items) {
            if (item.kind == TicketItem::Kind::Text && item.text() == text) return &item;
        }
        return nullptr;
    }
};

}  // namespace mk::hw

Q_DECLARE_METATYPE(mk::hw::ParsedTicket)

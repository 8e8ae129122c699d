// The outcome of one ReceiptPrinter::print() job.
#pragma once

#include <QMetaType>
#include <QString>

namespace mk::hw {

struct PrintResult {
    bool ok = false;
    QString detail;  // why it failed, for staff (English, no personal data); empty when ok
};

}  // namespace mk::hw

Q_DECLARE_METATYPE(mk::hw::PrintResult)

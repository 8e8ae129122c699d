// Fuzz target of the bill parser: bytes -> exact JSON reader -> parseInvoice (and the other payment
// parsers on the same document). A bill that parses must add up, be non-negative, and survive the
// writer round trip unchanged. libFuzzer entry point; without libFuzzer it is linked with
// fuzz_pay_driver.cpp (ctest label "fuzz").
#include "payment/BillParser.h"
#include "payment/CreditLine.h"
#include "payment/EReceipt.h"
#include "payment/ExactJson.h"
#include "payment/FhirWriters.h"
#include "payment/PaymentOutcome.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace mk::pay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    auto doc = parseExactJson(
        QByteArrayView(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (!doc.ok() || !doc.value().isObject()) return 0;
    const QJsonObject object = doc.value().object();
    auto bill = parseInvoice(object);
    if (bill.ok()) {
        const Bill& b = bill.value();
        Money gross;
        Money net;
        for (const BillLine& line : b.lines) {
            if (line.gross.isNegative() || line.insurance.isNegative() ||
                line.selfPay.isNegative() || line.insurance > line.gross)
                __builtin_trap();
            gross = gross.plus(line.gross).value();
            net = net.plus(line.selfPay).value();
        }
        if (gross != b.totalGross || net != b.totalNet || b.lines.isEmpty()) __builtin_trap();
        auto again = parseInvoice(parseExactJson(writeExactJson(invoiceJson(b))).value().object());
        if (!again.ok() || again.value().totalNet != b.totalNet ||
            again.value().lines.size() != b.lines.size())
            __builtin_trap();
    }
    (void)parseInvoiceBundle(object);
    (void)parseCreditLineAccount(object);
    (void)parseEReceipt(object);
    (void)parsePaymentReconciliation(object);
    PaymentIntent intent;
    (void)parsePayReply(object, intent);
    (void)writeExactJson(object, JsonFormat::Indented);
    return 0;
}

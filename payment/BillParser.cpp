#include "payment/BillParser.h"

#include "payment/ExactJson.h"
#include "payment/FhirMoney.h"
#include "payment/FhirNames.h"
#include "payment/FhirRead.h"

#include <QSet>

namespace mk::pay {

namespace {

PayResult<BillLine> parseLine(const QJsonObject& item, qsizetype lineCount)
{
    BillLine line;
    const std::optional<qint64> sequence = exactIntegerValue(item.value(u"sequence"));
    if (!sequence)
        return payError(item.contains(u"sequence") ? PayErrorCode::Invalid : PayErrorCode::Missing,
                        QStringLiteral("sequence"),
                        QStringLiteral("a positive integer is required"));
    if (*sequence < 1 || *sequence > lineCount)
        return payError(PayErrorCode::Invalid, QStringLiteral("sequence"),
                        QStringLiteral("%1 is not within 1..%2").arg(*sequence).arg(lineCount));
    line.sequence = static_cast<int>(*sequence);

    const QJsonValue chargeConcept = item.value(u"chargeItemCodeableConcept");
    if (!chargeConcept.isObject())
        return payError(PayErrorCode::Missing, QStringLiteral("chargeItemCodeableConcept"),
                        QStringLiteral("required"));
    const QString code = fhir::codingCode(chargeConcept, fhir::kChargeCategorySystem);
    const std::optional<ChargeCategory> category = chargeCategoryFromCode(code);
    if (!category)
        return payError(code.isEmpty() ? PayErrorCode::Missing : PayErrorCode::Invalid,
                        QStringLiteral("chargeItemCodeableConcept.coding"),
                        code.isEmpty()
                            ? QStringLiteral("no charge-category code")
                            : QStringLiteral("unknown charge category \"%1\"").arg(code.left(32)));
    line.category = *category;
    const QJsonObject conceptObject = chargeConcept.toObject();
    line.nameZh = conceptObject.value(u"text").toString();
    if (line.nameZh.isEmpty())
        return payError(PayErrorCode::Missing, QStringLiteral("chargeItemCodeableConcept.text"),
                        QStringLiteral("the item has no name"));
    line.nameEn = fhir::englishTranslation(conceptObject, u"text");

    const QJsonValue componentsValue = item.value(u"priceComponent");
    if (!componentsValue.isArray())
        return payError(PayErrorCode::Missing, QStringLiteral("priceComponent"),
                        QStringLiteral("required"));
    const QJsonArray components = componentsValue.toArray();
    bool haveBase = false;
    bool haveInsurance = false;
    for (qsizetype i = 0; i < components.size(); ++i) {
        const QJsonObject component = components.at(i).toObject();
        const QString field = QStringLiteral("priceComponent[%1]").arg(i);
        const QString type = component.value(u"type").toString();
        if (type == u"base") {
            if (haveBase)
                return payError(PayErrorCode::Invalid, field,
                                QStringLiteral("more than one base component"));
            auto amount =
                readFhirMoney(component.value(u"amount"), field + QStringLiteral(".amount"));
            if (!amount) return amount.error();
            line.gross = amount.value();
            haveBase = true;
        } else if (type == u"deduction") {
            const QString what = component.value(u"code").toObject().value(u"text").toString();
            if (what != u"insurance")
                return payError(PayErrorCode::Invalid, field + QStringLiteral(".code.text"),
                                QStringLiteral("only the \"insurance\" deduction is known"));
            if (haveInsurance)
                return payError(PayErrorCode::Invalid, field,
                                QStringLiteral("more than one insurance deduction"));
            auto amount =
                readFhirMoney(component.value(u"amount"), field + QStringLiteral(".amount"));
            if (!amount) return amount.error();
            line.insurance = amount.value();
            haveInsurance = true;
        } else {
            return payError(
                PayErrorCode::Invalid, field + QStringLiteral(".type"),
                QStringLiteral("expected base or deduction, not \"%1\"").arg(type.left(24)));
        }
    }
    if (!haveBase)
        return payError(PayErrorCode::Missing, QStringLiteral("priceComponent"),
                        QStringLiteral("the line has no base component"));
    if (line.insurance > line.gross)
        return payError(PayErrorCode::Mismatch, QStringLiteral("priceComponent"),
                        QStringLiteral("insurance %1 exceeds the gross price %2")
                            .arg(line.insurance.toDecimalText(), line.gross.toDecimalText()));
    auto selfPay = line.gross.minus(line.insurance);
    if (!selfPay) return selfPay.error();
    line.selfPay = selfPay.value();
    return line;
}

}  // namespace

PayResult<Bill> parseInvoice(const QJsonObject& invoice)
{
    if (PayStatus type = fhir::expectResourceType(invoice, u"Invoice"); !type) return type.error();
    Bill bill;
    auto id = fhir::requiredString(invoice, u"id", QStringLiteral("id"));
    if (!id) return id.error();
    bill.id = id.value();
    bill.versionId = invoice.value(u"meta").toObject().value(u"versionId").toString();
    auto statusText = fhir::requiredString(invoice, u"status", QStringLiteral("status"));
    if (!statusText) return statusText.error();
    const std::optional<BillStatus> status = billStatusFromCode(statusText.value());
    if (!status)
        return payError(PayErrorCode::Invalid, QStringLiteral("status"),
                        QStringLiteral("expected issued, balanced or cancelled, not \"%1\"")
                            .arg(statusText.value().left(24)));
    bill.status = *status;
    bill.billNumber = fhir::identifierValue(invoice, fhir::kBillNumberSystem);
    auto patient =
        fhir::referenceId(invoice.value(u"subject"), u"Patient", QStringLiteral("subject"));
    if (!patient) return patient.error();
    bill.patientId = patient.value();
    bill.dateText = fhir::optionalString(invoice, u"date");
    if (!bill.dateText.isEmpty()) {
        bill.date = QDateTime::fromString(bill.dateText, Qt::ISODateWithMs);
        if (!bill.date.isValid())
            return payError(PayErrorCode::Invalid, QStringLiteral("date"),
                            QStringLiteral("not an ISO 8601 instant"));
    }

    const QJsonValue itemsValue = invoice.value(u"lineItem");
    if (!itemsValue.isArray() || itemsValue.toArray().isEmpty())
        return payError(PayErrorCode::Missing, QStringLiteral("lineItem"),
                        QStringLiteral("the bill has no lines"));
    const QJsonArray items = itemsValue.toArray();
    QSet<int> sequences;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString field = QStringLiteral("lineItem[%1]").arg(i);
        if (!items.at(i).isObject())
            return payError(PayErrorCode::Invalid, field, QStringLiteral("must be an object"));
        auto line = parseLine(items.at(i).toObject(), items.size());
        if (!line) return line.error().under(field);
        if (sequences.contains(line.value().sequence))
            return payError(PayErrorCode::Invalid, field + QStringLiteral(".sequence"),
                            QStringLiteral("sequence %1 repeated").arg(line.value().sequence));
        sequences.insert(line.value().sequence);
        bill.lines.append(line.value());
    }

    auto totalGross = readFhirMoney(invoice.value(u"totalGross"), QStringLiteral("totalGross"));
    if (!totalGross) return totalGross.error();
    auto totalNet = readFhirMoney(invoice.value(u"totalNet"), QStringLiteral("totalNet"));
    if (!totalNet) return totalNet.error();
    bill.totalGross = totalGross.value();
    bill.totalNet = totalNet.value();

    Money sumGross;
    Money sumNet;
    for (const BillLine& line : bill.lines) {
        auto g = sumGross.plus(line.gross);
        auto n = sumNet.plus(line.selfPay);
        if (!g) return g.error().under(QStringLiteral("totalGross"));
        if (!n) return n.error().under(QStringLiteral("totalNet"));
        sumGross = g.value();
        sumNet = n.value();
    }
    if (sumGross != bill.totalGross)
        return payError(PayErrorCode::Mismatch, QStringLiteral("totalGross"),
                        QStringLiteral("%1 is not the sum of the base prices (%2)")
                            .arg(bill.totalGross.toDecimalText(), sumGross.toDecimalText()));
    if (sumNet != bill.totalNet)
        return payError(PayErrorCode::Mismatch, QStringLiteral("totalNet"),
                        QStringLiteral("%1 is not totalGross minus the insurance shares (%2)")
                            .arg(bill.totalNet.toDecimalText(), sumNet.toDecimalText()));
    return bill;
}

PayResult<QList<Bill>> parseInvoiceBundle(const QJsonObject& bundle)
{
    auto resources = fhir::bundleResources(bundle);
    if (!resources) return resources.error();
    QList<Bill> bills;
    for (qsizetype i = 0; i < resources.value().size(); ++i) {
        auto bill = parseInvoice(resources.value().at(i));
        if (!bill) return bill.error().under(QStringLiteral("entry[%1].resource").arg(i));
        bills.append(bill.value());
    }
    return bills;
}

}  // namespace mk::pay

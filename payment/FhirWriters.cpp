#include "payment/FhirWriters.h"

#include "payment/ExactJson.h"
#include "payment/FhirMoney.h"
#include "payment/FhirNames.h"

#include <QJsonArray>

namespace mk::pay {

namespace {

QJsonObject reference(const QString& type, const QString& id)
{
    return QJsonObject{{QStringLiteral("reference"), type + QLatin1Char('/') + id}};
}

QJsonObject coding(QStringView system, const QString& code)
{
    return QJsonObject{{QStringLiteral("system"), system.toString()},
                       {QStringLiteral("code"), code}};
}

QJsonObject codeableConcept(QStringView system, const QString& code)
{
    return QJsonObject{{QStringLiteral("coding"), QJsonArray{coding(system, code)}}};
}

QJsonObject subExtension(const QString& url, const QString& valueKey, const QJsonValue& value)
{
    return QJsonObject{{QStringLiteral("url"), url}, {valueKey, value}};
}

QJsonObject englishTranslationElement(const QString& english)
{
    const QJsonArray subs{
        subExtension(QStringLiteral("lang"), QStringLiteral("valueCode"), QStringLiteral("en")),
        subExtension(QStringLiteral("content"), QStringLiteral("valueString"), english)};
    const QJsonObject ext{{QStringLiteral("url"), fhir::kTranslationExtension.toString()},
                          {QStringLiteral("extension"), subs}};
    return QJsonObject{{QStringLiteral("extension"), QJsonArray{ext}}};
}

QJsonObject lineJson(const BillLine& line)
{
    QJsonObject item;
    item.insert(QStringLiteral("sequence"), exactInteger(line.sequence));
    QJsonObject charge =
        codeableConcept(fhir::kChargeCategorySystem, chargeCategoryCode(line.category));
    charge.insert(QStringLiteral("text"), line.nameZh);
    if (!line.nameEn.isEmpty())
        charge.insert(QStringLiteral("_text"), englishTranslationElement(line.nameEn));
    item.insert(QStringLiteral("chargeItemCodeableConcept"), charge);
    QJsonArray components;
    components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("base")},
                                  {QStringLiteral("amount"), fhirMoney(line.gross)}});
    if (!line.insurance.isZero())
        components.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("deduction")},
                        {QStringLiteral("code"),
                         QJsonObject{{QStringLiteral("text"), QStringLiteral("insurance")}}},
                        {QStringLiteral("amount"), fhirMoney(line.insurance)}});
    item.insert(QStringLiteral("priceComponent"), components);
    return item;
}

}  // namespace

QJsonObject invoiceJson(const Bill& bill)
{
    QJsonObject invoice;
    invoice.insert(QStringLiteral("resourceType"), QStringLiteral("Invoice"));
    invoice.insert(QStringLiteral("id"), bill.id);
    if (!bill.versionId.isEmpty())
        invoice.insert(QStringLiteral("meta"),
                       QJsonObject{{QStringLiteral("versionId"), bill.versionId}});
    if (!bill.billNumber.isEmpty())
        invoice.insert(
            QStringLiteral("identifier"),
            QJsonArray{QJsonObject{{QStringLiteral("system"), fhir::kBillNumberSystem.toString()},
                                   {QStringLiteral("value"), bill.billNumber}}});
    invoice.insert(QStringLiteral("status"), billStatusCode(bill.status));
    invoice.insert(QStringLiteral("subject"), reference(QStringLiteral("Patient"), bill.patientId));
    if (!bill.dateText.isEmpty()) invoice.insert(QStringLiteral("date"), bill.dateText);
    QJsonArray items;
    for (const BillLine& line : bill.lines) items.append(lineJson(line));
    invoice.insert(QStringLiteral("lineItem"), items);
    invoice.insert(QStringLiteral("totalGross"), fhirMoney(bill.totalGross));
    invoice.insert(QStringLiteral("totalNet"), fhirMoney(bill.totalNet));
    return invoice;
}

QJsonObject creditLineAccountJson(const CreditLine& line)
{
    QString status;
    switch (line.status) {
        case CreditStatus::Active:
            status = QStringLiteral("active");
            break;
        case CreditStatus::OnHold:
            status = QStringLiteral("on-hold");
            break;
        case CreditStatus::Inactive:
            status = QStringLiteral("inactive");
            break;
        case CreditStatus::Unset:
            break;
    }
    QJsonArray subs{
        subExtension(QStringLiteral("limit"), QStringLiteral("valueMoney"), fhirMoney(line.limit)),
        subExtension(QStringLiteral("used"), QStringLiteral("valueMoney"), fhirMoney(line.used)),
        subExtension(QStringLiteral("limitWithoutFace"), QStringLiteral("valueMoney"),
                     fhirMoney(line.limitWithoutFace))};
    if (!line.repayUrl.isEmpty())
        subs.append(
            subExtension(QStringLiteral("repayUrl"), QStringLiteral("valueUrl"), line.repayUrl));
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Account")},
        {QStringLiteral("id"), line.accountId},
        {QStringLiteral("status"), status},
        {QStringLiteral("type"),
         codeableConcept(fhir::kAccountTypeSystem, fhir::kAccountTypeCreditLine.toString())},
        {QStringLiteral("subject"),
         QJsonArray{reference(QStringLiteral("Patient"), line.patientId)}},
        {QStringLiteral("extension"),
         QJsonArray{QJsonObject{{QStringLiteral("url"), fhir::kCreditLineExtension.toString()},
                                {QStringLiteral("extension"), subs}}}}};
}

QJsonObject eReceiptJson(const EReceipt& receipt)
{
    const QJsonArray subs{
        subExtension(QStringLiteral("invoiceCode"), QStringLiteral("valueString"),
                     receipt.invoiceCode),
        subExtension(QStringLiteral("invoiceNumber"), QStringLiteral("valueString"),
                     receipt.invoiceNumber),
        subExtension(QStringLiteral("checkCode"), QStringLiteral("valueString"), receipt.checkCode),
        subExtension(QStringLiteral("amount"), QStringLiteral("valueMoney"),
                     fhirMoney(receipt.amount)),
        subExtension(QStringLiteral("payer"), QStringLiteral("valueString"), receipt.payer),
        subExtension(QStringLiteral("issued"), QStringLiteral("valueDateTime"),
                     receipt.issuedText)};
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
        {QStringLiteral("id"), receipt.id},
        {QStringLiteral("status"), QStringLiteral("current")},
        {QStringLiteral("type"),
         codeableConcept(fhir::kDocumentTypeSystem, fhir::kDocumentTypeEReceipt.toString())},
        {QStringLiteral("subject"), reference(QStringLiteral("Patient"), receipt.patientId)},
        {QStringLiteral("date"), receipt.issuedText},
        {QStringLiteral("extension"),
         QJsonArray{QJsonObject{{QStringLiteral("url"), fhir::kEReceiptExtension.toString()},
                                {QStringLiteral("extension"), subs}}}},
        {QStringLiteral("content"),
         QJsonArray{
             QJsonObject{{QStringLiteral("attachment"),
                          QJsonObject{{QStringLiteral("contentType"), QStringLiteral("text/html")},
                                      {QStringLiteral("url"), receipt.url}}}}}}};
}

QJsonObject paymentReconciliationJson(const PaymentOutcome& payment)
{
    QJsonObject resource{
        {QStringLiteral("resourceType"), QStringLiteral("PaymentReconciliation")},
        {QStringLiteral("id"), payment.id},
        {QStringLiteral("status"),
         payment.status.isEmpty() ? QStringLiteral("active") : payment.status},
        {QStringLiteral("created"), payment.createdText},
        {QStringLiteral("paymentDate"), payment.createdText.left(10)},
        {QStringLiteral("paymentAmount"), fhirMoney(payment.amount)},
        {QStringLiteral("outcome"),
         payment.outcome.isEmpty() ? QStringLiteral("complete") : payment.outcome},
        {QStringLiteral("request"), reference(QStringLiteral("Invoice"), payment.invoiceId)},
        {QStringLiteral("requestor"), reference(QStringLiteral("Device"), payment.deviceId)},
        {QStringLiteral("detail"),
         QJsonArray{QJsonObject{
             {QStringLiteral("type"),
              codeableConcept(fhir::kPaymentMethodSystem, payMethodCode(payment.method))},
             {QStringLiteral("amount"), fhirMoney(payment.amount)}}}}};
    if (!payment.idempotencyKey.isEmpty())
        resource.insert(QStringLiteral("identifier"),
                        QJsonArray{QJsonObject{
                            {QStringLiteral("system"), fhir::kIdempotencyKeySystem.toString()},
                            {QStringLiteral("value"), payment.idempotencyKey}}});
    return resource;
}

QJsonObject payReplyJson(const PayReply& reply)
{
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Parameters")},
        {QStringLiteral("parameter"),
         QJsonArray{
             QJsonObject{{QStringLiteral("name"), QStringLiteral("payment")},
                         {QStringLiteral("resource"), paymentReconciliationJson(reply.payment)}},
             QJsonObject{{QStringLiteral("name"), QStringLiteral("receipt")},
                         {QStringLiteral("resource"), eReceiptJson(reply.receipt)}}}}};
}

}  // namespace mk::pay

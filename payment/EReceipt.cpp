#include "payment/EReceipt.h"

#include "payment/FhirMoney.h"
#include "payment/FhirNames.h"
#include "payment/FhirRead.h"

namespace mk::pay {

namespace {

bool allDigits(const QString& s)
{
    for (QChar c : s) {
        if (c < u'0' || c > u'9') return false;
    }
    return true;
}

bool alnumAscii(const QString& s)
{
    for (QChar c : s) {
        const bool ok =
            (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
        if (!ok) return false;
    }
    return true;
}

}  // namespace

PayResult<EReceipt> parseEReceipt(const QJsonObject& document)
{
    if (PayStatus type = fhir::expectResourceType(document, u"DocumentReference"); !type)
        return type.error();
    EReceipt receipt;
    auto id = fhir::requiredString(document, u"id", QStringLiteral("id"));
    if (!id) return id.error();
    receipt.id = id.value();
    if (fhir::codingCode(document.value(u"type"), {}) != fhir::kDocumentTypeEReceipt)
        return payError(PayErrorCode::Invalid, QStringLiteral("type"),
                        QStringLiteral("not an e-receipt"));
    auto patient =
        fhir::referenceId(document.value(u"subject"), u"Patient", QStringLiteral("subject"));
    if (!patient) return patient.error();
    receipt.patientId = patient.value();

    const std::optional<QJsonObject> ext = fhir::extensionByUrl(document, fhir::kEReceiptExtension);
    if (!ext)
        return payError(PayErrorCode::Missing, QStringLiteral("extension"),
                        QStringLiteral("no e-receipt extension"));
    bool haveAmount = false;
    const QJsonArray subs = ext->value(u"extension").toArray();
    for (qsizetype i = 0; i < subs.size(); ++i) {
        const QJsonObject sub = subs.at(i).toObject();
        const QString url = sub.value(u"url").toString();
        if (url == u"invoiceCode")
            receipt.invoiceCode = sub.value(u"valueString").toString();
        else if (url == u"invoiceNumber")
            receipt.invoiceNumber = sub.value(u"valueString").toString();
        else if (url == u"checkCode")
            receipt.checkCode = sub.value(u"valueString").toString();
        else if (url == u"payer")
            receipt.payer = sub.value(u"valueString").toString();
        else if (url == u"issued")
            receipt.issuedText = sub.value(u"valueDateTime").toString();
        else if (url == u"amount") {
            auto amount = readFhirMoney(sub.value(u"valueMoney"),
                                        QStringLiteral("extension[e-receipt].amount.valueMoney"));
            if (!amount) return amount.error();
            receipt.amount = amount.value();
            haveAmount = true;
        }
    }
    const QString base = QStringLiteral("extension[e-receipt].");
    if (receipt.invoiceCode.size() < 8 || receipt.invoiceCode.size() > 12 ||
        !allDigits(receipt.invoiceCode))
        return payError(
            receipt.invoiceCode.isEmpty() ? PayErrorCode::Missing : PayErrorCode::Invalid,
            base + QStringLiteral("invoiceCode"), QStringLiteral("8-12 digits required"));
    if (receipt.invoiceNumber.size() != 10 || !allDigits(receipt.invoiceNumber))
        return payError(
            receipt.invoiceNumber.isEmpty() ? PayErrorCode::Missing : PayErrorCode::Invalid,
            base + QStringLiteral("invoiceNumber"), QStringLiteral("10 digits required"));
    if (receipt.checkCode.size() != 6 || !alnumAscii(receipt.checkCode))
        return payError(receipt.checkCode.isEmpty() ? PayErrorCode::Missing : PayErrorCode::Invalid,
                        base + QStringLiteral("checkCode"),
                        QStringLiteral("6 letters or digits required"));
    if (!haveAmount)
        return payError(PayErrorCode::Missing, base + QStringLiteral("amount"),
                        QStringLiteral("required"));
    if (receipt.issuedText.isEmpty())
        return payError(PayErrorCode::Missing, base + QStringLiteral("issued"),
                        QStringLiteral("required"));
    receipt.issued = QDateTime::fromString(receipt.issuedText, Qt::ISODateWithMs);
    if (!receipt.issued.isValid())
        return payError(PayErrorCode::Invalid, base + QStringLiteral("issued"),
                        QStringLiteral("not an ISO 8601 dateTime"));
    const QJsonArray content = document.value(u"content").toArray();
    receipt.url = content.at(0).toObject().value(u"attachment").toObject().value(u"url").toString();
    if (receipt.url.isEmpty())
        return payError(PayErrorCode::Missing, QStringLiteral("content[0].attachment.url"),
                        QStringLiteral("required (the QR code's URL)"));
    return receipt;
}

PayResult<QList<EReceipt>> parseEReceiptBundle(const QJsonObject& bundle)
{
    auto resources = fhir::bundleResources(bundle);
    if (!resources) return resources.error();
    QList<EReceipt> receipts;
    for (qsizetype i = 0; i < resources.value().size(); ++i) {
        auto receipt = parseEReceipt(resources.value().at(i));
        if (!receipt) return receipt.error().under(QStringLiteral("entry[%1].resource").arg(i));
        receipts.append(receipt.value());
    }
    return receipts;
}

}  // namespace mk::pay

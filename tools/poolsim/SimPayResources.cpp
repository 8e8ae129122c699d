// The payment resources as the simulator sends them (docs/pool-protocol.md "Payments").
#include "SimPayResources.h"

#include "SeedData.h"
#include "payment/FhirMoney.h"
#include "payment/Money.h"

#include <QJsonArray>

namespace mk::sim::payres {
namespace {

QJsonObject money(qint64 fen)
{
    return pay::fhirMoney(pay::Money::fen(fen));
}

QJsonObject meta(int version)
{
    return QJsonObject{{QStringLiteral("versionId"), QString::number(version)}};
}

QJsonObject reference(const QString& text)
{
    return QJsonObject{{QStringLiteral("reference"), text}};
}

QJsonObject coded(const char* system_tail, const QString& code, const QString& text = {})
{
    QJsonObject c{{QStringLiteral("coding"),
                   QJsonArray{QJsonObject{{QStringLiteral("system"), url(system_tail)},
                                          {QStringLiteral("code"), code}}}}};
    if (!text.isEmpty()) c.insert(QStringLiteral("text"), text);
    return c;
}

QJsonObject sub(const QString& name, const QString& type, const QJsonValue& value)
{
    return QJsonObject{{QStringLiteral("url"), name}, {type, value}};
}

}  // namespace

QString url(const char* tail)
{
    return QLatin1String(kBase) + QLatin1String(tail);
}

QJsonObject invoice(const SimInvoice& inv)
{
    QJsonArray items;
    int sequence = 0;
    for (const SimChargeLine& l : inv.lines) {
        QJsonObject charge = coded("CodeSystem/charge-category", l.category, l.name_zh);
        charge.insert(QStringLiteral("_text"), translated(QStringLiteral("text"), l.name_en));
        QJsonArray components{QJsonObject{{QStringLiteral("type"), QStringLiteral("base")},
                                          {QStringLiteral("amount"), money(l.base_fen)}}};
        if (l.deduction_fen != 0) {
            components.append(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("deduction")},
                            {QStringLiteral("code"),
                             QJsonObject{{QStringLiteral("text"), QStringLiteral("insurance")}}},
                            {QStringLiteral("amount"), money(l.deduction_fen)}});
        }
        items.append(QJsonObject{{QStringLiteral("sequence"), ++sequence},
                                 {QStringLiteral("chargeItemCodeableConcept"), charge},
                                 {QStringLiteral("priceComponent"), components}});
    }
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Invoice")},
        {QStringLiteral("id"), inv.id},
        {QStringLiteral("meta"), meta(inv.version)},
        {QStringLiteral("status"), inv.status},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), url("sid/bill-number")},
                                {QStringLiteral("value"), inv.number}}}},
        {QStringLiteral("subject"), reference(QStringLiteral("Patient/") + inv.patient)},
        {QStringLiteral("date"), inv.date},
        {QStringLiteral("lineItem"), items},
        {QStringLiteral("totalGross"), money(inv.grossFen())},
        {QStringLiteral("totalNet"), money(inv.netFen())}};
}

QJsonObject account(const SimAccount& acct, qint64 limit_without_face_fen)
{
    const QJsonArray parts{
        sub(QStringLiteral("limit"), QStringLiteral("valueMoney"), money(acct.limit_fen)),
        sub(QStringLiteral("used"), QStringLiteral("valueMoney"), money(acct.used_fen)),
        sub(QStringLiteral("limitWithoutFace"), QStringLiteral("valueMoney"),
            money(limit_without_face_fen)),
        sub(QStringLiteral("repayUrl"), QStringLiteral("valueUrl"),
            QStringLiteral("https://app.medkiosk.example/credit/repay?account=") + acct.id)};
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Account")},
        {QStringLiteral("id"), acct.id},
        {QStringLiteral("meta"), meta(acct.version)},
        {QStringLiteral("status"), acct.status},
        {QStringLiteral("type"), coded("CodeSystem/account-type", QStringLiteral("credit-line"),
                                       QStringLiteral("信用就医"))},
        {QStringLiteral("subject"),
         QJsonArray{reference(QStringLiteral("Patient/") + acct.patient)}},
        {QStringLiteral("extension"),
         QJsonArray{QJsonObject{{QStringLiteral("url"), url("StructureDefinition/credit-line")},
                                {QStringLiteral("extension"), parts}}}}};
}

QJsonObject payment(const QJsonObject& r)
{
    const auto s = [&r](const char* key) { return r.value(QLatin1String(key)).toString(); };
    const qint64 amount = r.value(QStringLiteral("amount_fen")).toInteger();
    QJsonObject p{
        {QStringLiteral("resourceType"), QStringLiteral("PaymentReconciliation")},
        {QStringLiteral("id"), s("id")},
        {QStringLiteral("meta"), meta(1)},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), url("sid/idempotency-key")},
                                {QStringLiteral("value"), s("key")}}}},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("created"), s("created")},
        {QStringLiteral("paymentDate"), s("created").left(10)},
        {QStringLiteral("paymentAmount"), money(amount)},
        {QStringLiteral("outcome"), QStringLiteral("complete")},
        {QStringLiteral("request"), reference(QStringLiteral("Invoice/") + s("invoice"))},
        {QStringLiteral("requestor"), reference(QStringLiteral("Device/") + s("requestor"))},
        {QStringLiteral("detail"),
         QJsonArray{
             QJsonObject{{QStringLiteral("type"), coded("CodeSystem/payment-method", s("method"))},
                         {QStringLiteral("amount"), money(amount)}}}}};
    if (r.value(QStringLiteral("offline")).toBool()) {
        p.insert(
            QStringLiteral("extension"),
            QJsonArray{QJsonObject{{QStringLiteral("url"), url("StructureDefinition/taken-at")},
                                   {QStringLiteral("valueDateTime"), s("taken_at")}}});
    }
    return p;
}

QJsonObject receipt(const QJsonObject& r)
{
    const auto s = [&r](const char* key) { return r.value(QLatin1String(key)).toString(); };
    const QJsonArray parts{
        sub(QStringLiteral("invoiceCode"), QStringLiteral("valueString"), s("code")),
        sub(QStringLiteral("invoiceNumber"), QStringLiteral("valueString"), s("number")),
        sub(QStringLiteral("checkCode"), QStringLiteral("valueString"), s("check")),
        sub(QStringLiteral("amount"), QStringLiteral("valueMoney"),
            money(r.value(QStringLiteral("amount_fen")).toInteger())),
        sub(QStringLiteral("payer"), QStringLiteral("valueString"), s("payer")),
        sub(QStringLiteral("issued"), QStringLiteral("valueDateTime"), s("issued"))};
    const QString view = QStringLiteral(
                             "https://einvoice.medkiosk.example/view?code=%1&number=%2"
                             "&check=%3")
                             .arg(s("code"), s("number"), s("check"));
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
        {QStringLiteral("id"), s("id")},
        {QStringLiteral("meta"), meta(1)},
        {QStringLiteral("extension"),
         QJsonArray{QJsonObject{{QStringLiteral("url"), url("StructureDefinition/e-receipt")},
                                {QStringLiteral("extension"), parts}}}},
        {QStringLiteral("status"), QStringLiteral("current")},
        {QStringLiteral("type"), coded("CodeSystem/document-type", QStringLiteral("e-receipt"),
                                       QStringLiteral("医疗收费电子票据"))},
        {QStringLiteral("subject"), reference(QStringLiteral("Patient/") + s("patient"))},
        {QStringLiteral("date"), s("issued")},
        {QStringLiteral("context"),
         QJsonObject{
             {QStringLiteral("related"),
              QJsonArray{reference(QStringLiteral("Invoice/") + s("invoice")),
                         reference(QStringLiteral("PaymentReconciliation/") + s("payment"))}}}},
        {QStringLiteral("content"),
         QJsonArray{QJsonObject{
             {QStringLiteral("attachment"),
              QJsonObject{{QStringLiteral("contentType"), QStringLiteral("text/html")},
                          {QStringLiteral("url"), view},
                          {QStringLiteral("title"), QStringLiteral("医疗收费电子票据")}}}}}}};
}

QJsonObject creditAgreement()
{
    const auto content = [](const QString& language, const QString& title) {
        return QJsonObject{
            {QStringLiteral("attachment"),
             QJsonObject{
                 {QStringLiteral("contentType"), QStringLiteral("text/plain;charset=utf-8")},
                 {QStringLiteral("language"), language},
                 {QStringLiteral("data"),
                  QString::fromLatin1(creditAgreementText(language).toUtf8().toBase64())},
                 {QStringLiteral("title"), title}}}};
    };
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
        {QStringLiteral("id"), QStringLiteral("doc-credit-agreement")},
        {QStringLiteral("meta"),
         QJsonObject{{QStringLiteral("versionId"), creditAgreementVersion()}}},
        {QStringLiteral("status"), QStringLiteral("current")},
        {QStringLiteral("type"),
         coded("CodeSystem/document-type", QStringLiteral("credit-agreement"),
               QStringLiteral("信用就医服务协议"))},
        {QStringLiteral("content"),
         QJsonArray{content(QStringLiteral("zh-CN"), QStringLiteral("信用就医服务协议")),
                    content(QStringLiteral("en"), QStringLiteral("Credit care agreement"))}}};
}

QJsonObject parameters(const QList<QPair<QString, QJsonObject>>& parts)
{
    QJsonArray list;
    for (const auto& [name, rest] : parts) {
        QJsonObject p = rest;
        p.insert(QStringLiteral("name"), name);
        list.append(p);
    }
    return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Parameters")},
                       {QStringLiteral("parameter"), list}};
}

QJsonObject resourceParam(const QJsonObject& resource)
{
    return QJsonObject{{QStringLiteral("resource"), resource}};
}

}  // namespace mk::sim::payres

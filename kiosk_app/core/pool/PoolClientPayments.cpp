// PoolClient's payment requests (issue 9, docs/pool-protocol.md "Payments"). Every payment
// resource is read with payment/'s exact JSON reader, every body written with its exact writer.
#include "core/common/HospitalClock.h"
#include "core/common/Log.h"
#include "core/pool/PoolClient.h"
#include "payment/BillParser.h"
#include "payment/ExactJson.h"
#include "payment/FhirNames.h"
#include "payment/FhirRead.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace mk::pool {
namespace {

using Params = QList<QPair<QString, QString>>;

const QByteArray kFhirJson = QByteArrayLiteral("application/fhir+json; charset=utf-8");
const QByteArray kAccept = QByteArrayLiteral("application/fhir+json");
constexpr int kMaxPages = 50;

bool isFhirId(const QString& id)
{
    static const QRegularExpression fhir_id(QStringLiteral("^[A-Za-z0-9.\\-]{1,64}$"));
    return fhir_id.match(id).hasMatch();
}

Error badRequest(const QString& detail)
{
    return makeError(ErrorCode::BadRequest, detail);
}

Error badReply(const QString& what, const QString& detail)
{
    return makeError(ErrorCode::BadReply, what + QStringLiteral(": ") + detail);
}

Error fromPay(const QString& what, const pay::PayError& e)
{
    return badReply(what, e.message());
}

HttpRequest post(const QUrl& url, const QByteArray& body, const QString& key)
{
    HttpRequest req;
    req.method = QByteArrayLiteral("POST");
    req.url = url;
    req.body = body;
    req.headers = {{QByteArrayLiteral("Content-Type"), kFhirJson},
                   {QByteArrayLiteral("Accept"), kAccept}};
    if (!key.isEmpty()) req.headers.append({QByteArrayLiteral("Idempotency-Key"), key.toUtf8()});
    return req;
}

QString dayText(const QDate& day)
{
    return day.toString(Qt::ISODate);
}

}  // namespace

Result<QJsonObject> PoolClient::exact(const HttpRequest& request, bool idempotent,
                                      const QString& what, qint64* elapsed_us)
{
    Result<HttpResponse> resp = send(request, idempotent, elapsed_us);
    if (!resp.ok()) return resp.error();
    if (resp.value().body.isEmpty()) return QJsonObject();
    const pay::PayResult<QJsonDocument> doc = pay::parseExactJson(resp.value().body);
    if (!doc.ok()) return fromPay(what, doc.error());
    if (!doc.value().isObject()) return badReply(what, QStringLiteral("not a JSON object"));
    return doc.value().object();
}

Result<QList<QJsonObject>> PoolClient::searchExact(const QString& type, const Params& params,
                                                   QByteArray* first_body)
{
    QUrl next = url(type, params);
    QList<QJsonObject> out;
    QSet<QString> seen;
    const QString what = QStringLiteral("GET ") + type;
    for (int page = 0; next.isValid() && !next.isEmpty(); ++page) {
        if (page >= kMaxPages || seen.contains(next.toString()))
            return badReply(what, QStringLiteral("paging does not end"));
        seen.insert(next.toString());
        HttpRequest req;
        req.url = next;
        req.headers = {{QByteArrayLiteral("Accept"), kAccept}};
        Result<HttpResponse> resp = send(req, true);
        if (!resp.ok()) return resp.error();
        if (page == 0 && first_body) *first_body = resp.value().body;
        const pay::PayResult<QJsonDocument> doc = pay::parseExactJson(resp.value().body);
        if (!doc.ok()) return fromPay(what, doc.error());
        const QJsonObject bundle = doc.value().object();
        if (bundle.value(u"resourceType").toString() != QLatin1String("Bundle") ||
            bundle.value(u"type").toString() != QLatin1String("searchset")) {
            return badReply(what, QStringLiteral("a searchset Bundle expected"));
        }
        for (const QJsonValue& e : bundle.value(u"entry").toArray()) {
            const QJsonObject entry = e.toObject();
            const QString mode = entry.value(u"search").toObject().value(u"mode").toString();
            const QJsonObject resource = entry.value(u"resource").toObject();
            if (mode == QLatin1String("outcome") || mode == QLatin1String("include")) continue;
            if (resource.value(u"resourceType").toString() == QLatin1String("OperationOutcome"))
                continue;
            if (resource.value(u"resourceType").toString() != type) {
                return badReply(what, QStringLiteral("the search returned a %1")
                                          .arg(resource.value(u"resourceType").toString()));
            }
            out.append(resource);
        }
        next = QUrl();
        for (const QJsonValue& l : bundle.value(u"link").toArray()) {
            if (l.toObject().value(u"relation").toString() == QLatin1String("next")) {
                const QUrl link(l.toObject().value(u"url").toString());
                // Only links to the pool itself are followed.
                if (link.scheme() == options_.base_url.scheme() &&
                    link.host() == options_.base_url.host() &&
                    link.port() == options_.base_url.port())
                    next = link;
                else
                    return badReply(what, QStringLiteral("a next link to another server"));
            }
        }
    }
    return out;
}

Result<BillsReply> PoolClient::billsFromBody(const QByteArray& body, const QString& patient_id)
{
    const QString what = QStringLiteral("GET Invoice");
    const pay::PayResult<QJsonDocument> doc = pay::parseExactJson(body);
    if (!doc.ok()) return fromPay(what, doc.error());
    const pay::PayResult<QList<QJsonObject>> resources =
        pay::fhir::bundleResources(doc.value().object());
    if (!resources.ok()) return fromPay(what, resources.error());
    BillsReply out;
    out.body = body;
    for (const QJsonObject& r : resources.value()) {
        const QString type = r.value(u"resourceType").toString();
        if (type == QLatin1String("OperationOutcome")) continue;
        const QString id = r.value(u"id").toString();
        pay::PayResult<pay::Bill> bill = pay::parseInvoice(r);
        if (!bill.ok()) {
            out.refused_ids.append(id);
            if (out.refused_reason.isEmpty())
                out.refused_reason =
                    QStringLiteral("Invoice/%1: %2").arg(id, bill.error().message());
            continue;
        }
        if (bill.value().patientId != patient_id) {
            return badReply(what, QStringLiteral("Invoice/%1 is another patient's bill").arg(id));
        }
        if (!bill.value().payable()) {
            out.refused_ids.append(id);
            if (out.refused_reason.isEmpty())
                out.refused_reason = QStringLiteral("Invoice/%1 is not issued").arg(id);
            continue;
        }
        out.bills.append(std::move(bill).value());
    }
    std::stable_sort(out.bills.begin(), out.bills.end(),
                     [](const pay::Bill& a, const pay::Bill& b) { return a.date < b.date; });
    if (!out.refused_ids.isEmpty())
        qCWarning(lcPool).noquote() << "bills refused:" << out.refused_reason;
    return out;
}

Result<BillsReply> PoolClient::unpaidBills(const QString& patient_id)
{
    if (!isFhirId(patient_id)) return badRequest(QStringLiteral("not a patient id"));
    HttpRequest req;
    req.url = url(QStringLiteral("Invoice"),
                  {{QStringLiteral("subject"), QStringLiteral("Patient/") + patient_id},
                   {QStringLiteral("status"), QStringLiteral("issued")},
                   {QStringLiteral("_count"), QStringLiteral("50")}});
    req.headers = {{QByteArrayLiteral("Accept"), kAccept}};
    Result<HttpResponse> resp = send(req, true);
    if (!resp.ok()) return resp.error();
    return billsFromBody(resp.value().body, patient_id);
}

Result<pay::Bill> PoolClient::invoice(const QString& invoice_id)
{
    if (!isFhirId(invoice_id)) return badRequest(QStringLiteral("not an invoice id"));
    const QString what = QStringLiteral("GET Invoice/{id}");
    HttpRequest req;
    req.url = url(QStringLiteral("Invoice/") + invoice_id, {});
    req.headers = {{QByteArrayLiteral("Accept"), kAccept}};
    Result<QJsonObject> o = exact(req, true, what);
    if (!o.ok()) return o.error();
    pay::PayResult<pay::Bill> bill = pay::parseInvoice(o.value());
    if (!bill.ok()) return fromPay(what, bill.error());
    if (bill.value().id != invoice_id) return badReply(what, QStringLiteral("another invoice"));
    return std::move(bill).value();
}

Result<std::optional<pay::CreditLine>> PoolClient::creditLine(const QString& patient_id)
{
    if (!isFhirId(patient_id)) return badRequest(QStringLiteral("not a patient id"));
    const QString what = QStringLiteral("GET Account");
    Result<QList<QJsonObject>> found =
        searchExact(QStringLiteral("Account"),
                    {{QStringLiteral("patient"), QStringLiteral("Patient/") + patient_id},
                     {QStringLiteral("type"), QStringLiteral("credit-line")}});
    if (!found.ok()) return found.error();
    if (found.value().isEmpty()) return std::optional<pay::CreditLine>();
    if (found.value().size() > 1)
        return badReply(what, QStringLiteral("more than one credit line"));
    pay::PayResult<pay::CreditLine> line = pay::parseCreditLineAccount(found.value().first());
    if (!line.ok()) return fromPay(what, line.error());
    if (line.value().patientId != patient_id)
        return badReply(what, QStringLiteral("another patient's credit line"));
    return std::optional<pay::CreditLine>(std::move(line).value());
}

Result<QList<AgreementText>> PoolClient::creditAgreement()
{
    const QString what = QStringLiteral("GET DocumentReference (agreement)");
    Result<QList<QJsonObject>> found =
        searchExact(QStringLiteral("DocumentReference"),
                    {{QStringLiteral("type"), QStringLiteral("credit-agreement")}});
    if (!found.ok()) return found.error();
    if (found.value().size() != 1) return badReply(what, QStringLiteral("one agreement expected"));
    const QJsonObject doc = found.value().first();
    const QString version = doc.value(u"meta").toObject().value(u"versionId").toString();
    if (version.isEmpty()) return badReply(what, QStringLiteral("no meta.versionId"));
    QList<AgreementText> out;
    for (const QJsonValue& c : doc.value(u"content").toArray()) {
        const QJsonObject a = c.toObject().value(u"attachment").toObject();
        AgreementText t;
        t.version = version;
        t.language = a.value(u"language").toString();
        t.title = a.value(u"title").toString();
        const QByteArray data = QByteArray::fromBase64(a.value(u"data").toString().toLatin1(),
                                                       QByteArray::AbortOnBase64DecodingErrors);
        t.text = QString::fromUtf8(data);
        if (t.text.isEmpty()) return badReply(what, QStringLiteral("an attachment without text"));
        out.append(t);
    }
    if (out.isEmpty()) return badReply(what, QStringLiteral("no content"));
    return out;
}

Result<pay::CreditLine> PoolClient::openCredit(const pay::OpenCreditRequest& request,
                                               const QString& idempotency_key)
{
    if (!isFhirId(request.patientId)) return badRequest(QStringLiteral("not a patient id"));
    const QString what = QStringLiteral("POST Account/$open-credit");
    const HttpRequest req =
        post(url(QStringLiteral("Account/$open-credit"), {}),
             pay::writeExactJson(pay::openCreditParameters(request)), idempotency_key);
    Result<QJsonObject> o = exact(req, true, what);
    if (!o.ok()) return o.error();
    pay::PayResult<pay::CreditLine> line = pay::parseCreditLineAccount(o.value());
    if (!line.ok()) return fromPay(what, line.error());
    if (line.value().patientId != request.patientId)
        return badReply(what, QStringLiteral("another patient's credit line"));
    return std::move(line).value();
}

Result<pay::PayReply> PoolClient::pay(const pay::PaymentIntent& intent, const QString& patient_id,
                                      qint64* pool_us)
{
    if (!isFhirId(intent.invoiceId)) return badRequest(QStringLiteral("not an invoice id"));
    if (intent.idempotencyKey.isEmpty()) return badRequest(QStringLiteral("no idempotency key"));
    const QString what = QStringLiteral("POST Invoice/{id}/$pay");
    const HttpRequest req =
        post(url(QStringLiteral("Invoice/%1/$pay").arg(intent.invoiceId), {}),
             pay::writeExactJson(pay::payParameters(intent)), intent.idempotencyKey);
    // The same key on every attempt: a repeat is answered with the first result, never charged
    // again, so a timeout after the charge is retried like a GET.
    Result<QJsonObject> o = exact(req, true, what, pool_us);
    if (!o.ok()) return o.error();
    pay::PayResult<pay::PayReply> reply = pay::parsePayReply(o.value(), intent);
    if (!reply.ok()) return fromPay(what, reply.error());
    if (reply.value().receipt.patientId != patient_id)
        return badReply(what, QStringLiteral("the receipt is another patient's"));
    qCInfo(lcPool).noquote() << "paid" << intent.invoiceId << "payment" << reply.value().payment.id;
    return std::move(reply).value();
}

Result<pay::PhoneOrder> PoolClient::phoneOrder(const QString& invoice_id, pay::Money amount,
                                               const QString& idempotency_key)
{
    if (!isFhirId(invoice_id)) return badRequest(QStringLiteral("not an invoice id"));
    const QString what = QStringLiteral("POST Invoice/{id}/$phone-order");
    const HttpRequest req =
        post(url(QStringLiteral("Invoice/%1/$phone-order").arg(invoice_id), {}),
             pay::writeExactJson(pay::phoneOrderParameters(amount)), idempotency_key);
    Result<QJsonObject> o = exact(req, true, what);
    if (!o.ok()) return o.error();
    pay::PayResult<pay::PhoneOrder> order = pay::parsePhoneOrderReply(o.value());
    if (!order.ok()) return fromPay(what, order.error());
    return std::move(order).value();
}

Result<pay::PhoneOrderState> PoolClient::phoneOrderStatus(const QString& invoice_id,
                                                          const QString& order_id,
                                                          pay::Money amount)
{
    if (!isFhirId(invoice_id) || order_id.isEmpty())
        return badRequest(QStringLiteral("not an invoice id or order"));
    const QString what = QStringLiteral("GET Invoice/{id}/$phone-order");
    HttpRequest req;
    req.url = url(QStringLiteral("Invoice/%1/$phone-order").arg(invoice_id),
                  {{QStringLiteral("order"), order_id}});
    req.headers = {{QByteArrayLiteral("Accept"), kAccept}};
    Result<QJsonObject> o = exact(req, true, what);
    if (!o.ok()) return o.error();
    pay::PayResult<pay::PhoneOrderState> state =
        pay::parsePhoneOrderStatus(o.value(), invoice_id, amount);
    if (!state.ok()) return fromPay(what, state.error());
    return std::move(state).value();
}

Status PoolClient::cancelPhoneOrder(const QString& invoice_id, const QString& order_id)
{
    if (!isFhirId(invoice_id) || order_id.isEmpty())
        return badRequest(QStringLiteral("not an invoice id or order"));
    const HttpRequest req =
        post(url(QStringLiteral("Invoice/%1/$phone-order-cancel").arg(invoice_id), {}),
             pay::writeExactJson(pay::phoneOrderCancelParameters(order_id)), QString());
    Result<HttpResponse> resp = send(req, true);
    if (!resp.ok()) return resp.error();
    return Ok{};
}

Result<QList<pay::EReceipt>> PoolClient::receiptsSince(const QString& patient_id, const QDate& day)
{
    if (!isFhirId(patient_id) || !day.isValid())
        return badRequest(QStringLiteral("not a patient id or day"));
    const QString what = QStringLiteral("GET DocumentReference (e-receipts)");
    Result<QList<QJsonObject>> found =
        searchExact(QStringLiteral("DocumentReference"),
                    {{QStringLiteral("subject"), QStringLiteral("Patient/") + patient_id},
                     {QStringLiteral("type"), QStringLiteral("e-receipt")},
                     {QStringLiteral("date"), QStringLiteral("ge") + dayText(day)}});
    if (!found.ok()) return found.error();
    QList<pay::EReceipt> out;
    for (const QJsonObject& r : found.value()) {
        pay::PayResult<pay::EReceipt> receipt = pay::parseEReceipt(r);
        if (!receipt.ok()) return fromPay(what, receipt.error());
        if (receipt.value().patientId != patient_id)
            return badReply(what, QStringLiteral("another patient's receipt"));
        out.append(std::move(receipt).value());
    }
    return out;
}

Result<QList<pay::PaymentOutcome>> PoolClient::reconciliations(const QString& device_id,
                                                               const QDate& day)
{
    if (device_id.isEmpty() || !day.isValid())
        return badRequest(QStringLiteral("no device id or day"));
    const QString what = QStringLiteral("GET PaymentReconciliation");
    Result<QList<QJsonObject>> found =
        searchExact(QStringLiteral("PaymentReconciliation"),
                    {{QStringLiteral("requestor"), QStringLiteral("Device/") + device_id},
                     {QStringLiteral("created"), QStringLiteral("ge") + dayText(day)},
                     {QStringLiteral("created"), QStringLiteral("lt") + dayText(day.addDays(1))},
                     {QStringLiteral("_count"), QStringLiteral("200")}});
    if (!found.ok()) return found.error();
    QList<pay::PaymentOutcome> out;
    for (const QJsonObject& r : found.value()) {
        pay::PayResult<pay::PaymentOutcome> p = pay::parsePaymentReconciliation(r);
        if (!p.ok()) return fromPay(what, p.error());
        if (p.value().deviceId != device_id)
            return badReply(what, QStringLiteral("another kiosk's payment"));
        out.append(std::move(p).value());
    }
    return out;
}

}  // namespace mk::pool

#include "core/payment/PaymentCore.h"

#include "core/common/Masking.h"
#include "core/outbox/Outbox.h"
#include "core/payment/PaymentCommand.h"
#include "core/pool/PoolClient.h"
#include "core/store/Store.h"
#include "payment/Caps.h"
#include "payment/EReceipt.h"
#include "payment/ExactJson.h"
#include "payment/FhirWriters.h"
#include "payment/OperationBodies.h"
#include "payment/PayLog.h"

#include <QElapsedTimer>

namespace mk::payment {

namespace {

QString billsCacheKey(const QString& patient_id)
{
    return QStringLiteral("bills:") + patient_id;
}

pay::Verification verificationOf(const Evidence& e)
{
    return e.method == Evidence::Method::Face ? pay::Verification::face(e.face_score)
                                              : pay::Verification::phoneDigits();
}

PayStatus statusOfRule(const QString& rule)
{
    switch (pay::payRuleFromCode(rule)) {
        case pay::PayRule::AmountChanged:
            return PayStatus::AmountChanged;
        case pay::PayRule::CreditLimit:
            return PayStatus::CreditLimit;
        case pay::PayRule::CreditSuspended:
            return PayStatus::CreditSuspended;
        case pay::PayRule::NoCredit:
            return PayStatus::NoCredit;
        case pay::PayRule::VerificationRequired:
            return PayStatus::VerificationRequired;
        case pay::PayRule::AlreadyPaid:
            return PayStatus::AlreadyPaid;
        default:
            return PayStatus::Failed;
    }
}

BillPayment outcome(const QString& bill_id, PayStatus status, Error error = {})
{
    BillPayment b;
    b.bill_id = bill_id;
    b.status = status;
    b.error = std::move(error);
    return b;
}

qint64 nowMs(const HospitalClock& clock)
{
    return clock.now().toMSecsSinceEpoch();
}

}  // namespace

Bill toBill(const pay::Bill& bill, const HospitalClock& clock)
{
    Bill b;
    b.id = bill.id;
    b.version_id = bill.versionId;
    b.number = bill.billNumber;
    b.patient_id = bill.patientId;
    b.date = clock.inZone(bill.date);
    for (const pay::BillLine& l : bill.lines) {
        BillLine line;
        line.sequence = l.sequence;
        line.category = pay::chargeCategoryCode(l.category);
        line.name_zh = l.nameZh;
        line.name_en = l.nameEn;
        line.gross_fen = l.gross.toFen();
        line.insurance_fen = l.insurance.toFen();
        line.self_pay_fen = l.selfPay.toFen();
        b.lines.append(line);
    }
    b.total_gross_fen = bill.totalGross.toFen();
    b.total_net_fen = bill.totalNet.toFen();
    b.insurance_fen = b.total_gross_fen - b.total_net_fen;
    return b;
}

Receipt toReceipt(const pay::EReceipt& r, const HospitalClock& clock)
{
    Receipt out;
    out.patient_id = r.patientId;
    out.invoice_code = r.invoiceCode;
    out.invoice_number = r.invoiceNumber;
    out.check_code = r.checkCode;
    out.amount_fen = r.amount.toFen();
    out.payer_masked = maskName(r.payer);
    out.issued = clock.inZone(r.issued);
    out.view_url = r.url;
    return out;
}

CreditLine toCreditLine(const std::optional<pay::CreditLine>& line)
{
    CreditLine c;
    if (!line) {
        c.status = CreditStatus::None;
        return c;
    }
    switch (line->status) {
        case pay::CreditStatus::Active:
            c.status = CreditStatus::Active;
            break;
        case pay::CreditStatus::OnHold:
            c.status = CreditStatus::Suspended;
            break;
        default:
            c.status = CreditStatus::Closed;
            break;
    }
    c.account_id = line->accountId;
    c.limit_fen = line->limit.toFen();
    c.used_fen = line->used.toFen();
    c.available_fen = line->available().toFen();
    c.limit_without_face_fen = line->limitWithoutFace.toFen();
    c.repay_url = line->repayUrl;
    return c;
}

PaymentCore::PaymentCore(std::shared_ptr<pool::PoolClient> client, store::Store& store,
                         outbox::Outbox& outbox, PaymentOptions options)
    : client_(std::move(client)),
      store_(store),
      outbox_(outbox),
      options_(std::move(options)),
      clock_(options_.timezone.toUtf8()),
      records_(store, outbox, options_.kiosk_id)
{}

PaymentCore::~PaymentCore() = default;

void PaymentCore::setClockSource(HospitalClock::Source source)
{
    clock_.setSource(std::move(source));
}

bool PaymentCore::isUnreachable(const Error& e)
{
    return e.code == ErrorCode::Network || e.code == ErrorCode::Timeout;
}

std::shared_ptr<std::mutex> PaymentCore::invoiceLock(const QString& invoice_id)
{
    QMutexLocker lock(&locks_mutex_);
    auto& m = locks_[invoice_id];
    if (!m) m = std::make_shared<std::mutex>();
    return m;
}

// --- bills, credit, agreement ------------------------------------------------------------------

Result<PatientBills> PaymentCore::bills(const QString& patient_id)
{
    PatientBills out;
    out.patient_id = patient_id;
    Result<pool::BillsReply> reply = makeError(ErrorCode::Offline, QStringLiteral("offline"));
    if (online()) {
        reply = client_->unpaidBills(patient_id);
        if (reply.ok()) {
            out.fetched_at = now();
            if (Status s = store_.putCache(billsCacheKey(patient_id), reply.value().body,
                                           out.fetched_at.toUTC());
                !s)
                qCWarning(lcPay) << "bills cache:" << s.error().detail;
        } else if (isUnreachable(reply.error())) {
            setOnline(false);
        } else {
            return reply.error();
        }
    }
    if (!reply.ok()) {
        const std::optional<store::CacheEntry> cached = store_.getCache(billsCacheKey(patient_id));
        if (!cached)
            return makeError(ErrorCode::Offline, QStringLiteral("bills: pool unreachable"));
        reply = pool::PoolClient::billsFromBody(cached->payload, patient_id);
        if (!reply.ok()) return reply.error();
        out.stale = true;
        out.fetched_at = clock_.inZone(cached->fetched_at);
    }
    for (const pay::Bill& b : reply.value().bills) {
        out.bills.append(toBill(b, clock_));
        out.total_net_fen += b.totalNet.toFen();
    }
    out.refused_bill_ids = reply.value().refused_ids;
    out.refused_reason = reply.value().refused_reason;
    return out;
}

Result<QList<PatientBills>> PaymentCore::familyBills(const QString& guardian_patient_id)
{
    QList<PatientBills> out;
    Result<PatientBills> own = bills(guardian_patient_id);
    if (!own.ok()) return own.error();
    out.append(own.value());
    if (!online()) return out;  // children need the pool (dependents)
    Result<QList<fhir::Patient>> children = client_->dependents(guardian_patient_id);
    if (!children.ok()) return children.error();
    for (const fhir::Patient& child : children.value()) {
        Result<PatientBills> b = bills(child.id);
        if (!b.ok()) return b.error();
        out.append(b.value());
    }
    return out;
}

Result<CreditLine> PaymentCore::creditLine(const QString& patient_id)
{
    if (!online()) return makeError(ErrorCode::Offline, QStringLiteral("credit line: offline"));
    Result<std::optional<pay::CreditLine>> line = client_->creditLine(patient_id);
    if (!line.ok()) {
        if (isUnreachable(line.error())) setOnline(false);
        return line.error();
    }
    return toCreditLine(line.value());
}

Result<Agreement> PaymentCore::agreement(const QString& language)
{
    if (!online()) return makeError(ErrorCode::Offline, QStringLiteral("agreement: offline"));
    Result<QList<pool::AgreementText>> texts = client_->creditAgreement();
    if (!texts.ok()) {
        if (isUnreachable(texts.error())) setOnline(false);
        return texts.error();
    }
    const pool::AgreementText* chosen = nullptr;
    for (const pool::AgreementText& t : texts.value()) {
        if (t.language.compare(language, Qt::CaseInsensitive) == 0) chosen = &t;
    }
    for (const pool::AgreementText& t : texts.value()) {
        if (!chosen && t.language.startsWith(QLatin1String("zh"), Qt::CaseInsensitive)) chosen = &t;
    }
    if (!chosen) chosen = &texts.value().first();
    return Agreement{chosen->version, chosen->language, chosen->title, chosen->text};
}

OpenCreditOutcome PaymentCore::openCredit(const OpenCreditRequest& request)
{
    OpenCreditOutcome out;
    if (!request.consent) {
        out.error = makeError(ErrorCode::BadRequest, QStringLiteral("open credit: no consent"));
        return out;
    }
    if (request.evidence.method == Evidence::Method::Unset) {
        out.error = makeError(ErrorCode::Rule, QStringLiteral("open credit: no verification"));
        out.error.rule = QStringLiteral("verification-required");
        return out;
    }
    if (!online()) {
        out.error = makeError(ErrorCode::Offline, QStringLiteral("open credit needs the pool"));
        return out;
    }
    pay::OpenCreditRequest r;
    r.patientId = request.patient_id;
    r.agreementVersion = request.agreement_version;
    r.consent = true;
    r.verification = verificationOf(request.evidence);
    Result<pay::CreditLine> line = client_->openCredit(r, pay::newIdempotencyKey());
    if (line.ok()) {
        out.opened = true;
        out.line = toCreditLine(line.value());
        return out;
    }
    out.error = line.error();
    if (isUnreachable(out.error)) setOnline(false);
    if (out.error.rule == QLatin1String("credit-refused")) {
        // The detail ends with the OperationOutcome's diagnostics: the reason in Chinese.
        const qsizetype at = out.error.detail.indexOf(QLatin1String("HTTP 422: "));
        out.refusal_zh = at >= 0 ? out.error.detail.mid(at + 10) : out.error.detail;
        out.refusal_en = out.error.details_text;  // details.text: the same in English
    }
    return out;
}

// --- paying ------------------------------------------------------------------------------------

PayOutcome PaymentCore::payOnCredit(const PayRequest& request)
{
    QElapsedTimer timer;
    timer.start();
    PayOutcome out;
    qint64 pool_us = 0;
    bool stopped = false;
    for (const BillToPay& bill : request.bills) {
        if (stopped) {
            out.bills.append(outcome(bill.bill_id, PayStatus::Unset));
            continue;
        }
        BillPayment p = payBill(request.patient_id, bill, request.evidence, &pool_us);
        if (p.status == PayStatus::Paid || p.status == PayStatus::PaidOffline)
            out.paid_fen += p.receipt.amount_fen;
        else
            stopped = true;
        out.bills.append(std::move(p));
    }
    out.all_paid = !stopped && !request.bills.isEmpty();
    out.pool_ms = pool_us / 1000;
    out.elapsed_ms = timer.elapsed();
    return out;
}

BillPayment PaymentCore::payBill(const QString& patient_id, const BillToPay& bill,
                                 const Evidence& evidence, qint64* pool_us)
{
    const auto lock_ptr = invoiceLock(bill.bill_id);
    std::lock_guard lock(*lock_ptr);  // a double tap waits here and finds the first payment

    auto existing = records_.activeForInvoice(bill.bill_id);
    if (!existing.ok()) return outcome(bill.bill_id, PayStatus::Failed, existing.error());
    if (existing.value()) return fromExisting(*existing.value(), pool_us);

    if (evidence.method == Evidence::Method::Unset ||
        (evidence.method == Evidence::Method::Face &&
         evidence.face_score < options_.face_min_score)) {
        Error e = makeError(ErrorCode::Rule, QStringLiteral("no usable verification"));
        e.rule = QStringLiteral("verification-required");
        return outcome(bill.bill_id, PayStatus::VerificationRequired, e);
    }
    auto amount = pay::Money::fromFen(bill.shown_net_fen);
    if (!amount || amount.value().isNegative()) {
        return outcome(bill.bill_id, PayStatus::Failed,
                       makeError(ErrorCode::BadRequest, QStringLiteral("bad amount")));
    }
    if (!online()) return takeOffline(patient_id, bill, evidence);

    const std::optional<pay::Bill> cached = cachedBillToday(patient_id, bill.bill_id);
    pay::PaymentIntent intent;
    intent.invoiceId = bill.bill_id;
    intent.versionId = cached ? cached->versionId : QString();
    intent.amountShown = amount.value();
    intent.method = pay::PayMethod::Credit;
    intent.verification = verificationOf(evidence);
    intent.idempotencyKey = pay::newIdempotencyKey();
    intent.offline = false;

    PaymentRow row;
    row.key = intent.idempotencyKey;
    row.invoice_id = bill.bill_id;
    row.patient_id = patient_id;
    row.bill_number = cached ? cached->billNumber : QString();
    row.amount_fen = bill.shown_net_fen;
    row.method = pay::payMethodCode(pay::PayMethod::Credit);
    row.verification = pay::verificationMethodCode(intent.verification.method);
    row.day = today().toString(Qt::ISODate);
    row.request = pay::writeExactJson(pay::payParameters(intent));
    // The key and the body are durable before the first send.
    if (Status s = records_.beginAttempt(row, nowMs(clock_)); !s)
        return outcome(bill.bill_id, PayStatus::Failed, s.error());
    row.state = state::kSending;
    const bool may_go_offline =
        offlineRefusal(patient_id, bill, evidence, nullptr, nullptr).isEmpty();
    return sendOnline(row, intent, may_go_offline, pool_us);
}

BillPayment PaymentCore::sendOnline(const PaymentRow& row, const pay::PaymentIntent& intent,
                                    bool may_go_offline, qint64* pool_us)
{
    BillPayment out = outcome(row.invoice_id, PayStatus::Unset);
    out.idempotency_key = row.key;
    Result<pay::PayReply> reply = client_->pay(intent, row.patient_id, pool_us);
    const qint64 t = nowMs(clock_);
    if (reply.ok()) {
        const QByteArray receipt = pay::writeExactJson(pay::eReceiptJson(reply.value().receipt));
        if (Status s =
                records_.finish(row.invoice_id, row.key, state::kPaid, QString(),
                                reply.value().payment.id, receipt, QStringLiteral("paid"), t);
            !s) {
            // Charged, but not recorded: never say paid without the durable record.
            qCCritical(lcPay) << "paid at the pool but not recorded:" << row.invoice_id
                              << s.error().detail;
            out.status = PayStatus::Failed;
            out.error = s.error();
            return out;
        }
        out.status = PayStatus::Paid;
        out.receipt = toReceipt(reply.value().receipt, clock_);
        out.receipt.bill_id = row.invoice_id;
        out.receipt.payment_id = reply.value().payment.id;
        out.receipt.method = row.method;
        return out;
    }
    const Error e = reply.error();
    out.error = e;
    if (!e.rule.isEmpty() && (e.code == ErrorCode::Rule || e.code == ErrorCode::Conflict)) {
        out.status = statusOfRule(e.rule);
        if (Status s = records_.finish(row.invoice_id, row.key, state::kRefused, e.rule, QString(),
                                       QByteArray(), QStringLiteral("refused:") + e.rule, t);
            !s)
            qCWarning(lcPay) << "ledger:" << s.error().detail;
        if (out.status == PayStatus::AmountChanged) {
            Result<pay::Bill> fresh = client_->invoice(row.invoice_id);
            if (fresh.ok()) out.new_bill = toBill(fresh.value(), clock_);
        }
        return out;
    }
    if (e.code == ErrorCode::NotFound) {
        out.status = PayStatus::NotFound;
        if (Status s = records_.finish(row.invoice_id, row.key, state::kRefused,
                                       QStringLiteral("not-found"), QString(), QByteArray(),
                                       QStringLiteral("refused:not-found"), t);
            !s)
            qCWarning(lcPay) << "ledger:" << s.error().detail;
        return out;
    }
    if (e.isTransient()) {
        if (isUnreachable(e)) setOnline(false);
        if (may_go_offline) {
            // The charge is unknown: the outbox replays the SAME body with the SAME key until the
            // pool answers (its first result, or the charge now). Reported as taken offline.
            PaymentPayload payload{row.invoice_id, row.patient_id, row.request};
            Result<PaymentRow> taken =
                records_.takeOffline(row, paymentCommand(payload, row.key), t);
            if (taken.ok()) {
                out.status = PayStatus::PaidOffline;
                out.receipt = receiptOf(taken.value());
                out.error = Error{};
                return out;
            }
            out.error = taken.error();
        }
    }
    // No answer we can act on (mismatched reply, not allowed offline): nothing is reported paid;
    // staff see it as unknown (pay reconcile shows whether the pool charged it).
    out.status = PayStatus::Failed;
    if (Status s = records_.finish(row.invoice_id, row.key, state::kUnknown, QString(), QString(),
                                   QByteArray(), QStringLiteral("unknown"), t);
        !s)
        qCWarning(lcPay) << "ledger:" << s.error().detail;
    return out;
}

BillPayment PaymentCore::fromExisting(const PaymentRow& row, qint64* pool_us)
{
    if (row.state == state::kSending && online() && !row.request.isEmpty()) {
        // Left by a crash: the same body with the same key settles it.
        const pay::PayResult<QJsonDocument> doc = pay::parseExactJson(row.request);
        const pay::PayResult<pay::PayRequest> req =
            doc.ok() ? pay::parsePayParameters(doc.value().object())
                     : pay::PayResult<pay::PayRequest>(doc.error());
        if (req.ok()) {
            pay::PaymentIntent intent;
            intent.invoiceId = row.invoice_id;
            intent.amountShown = req.value().amount;
            intent.method = req.value().method;
            intent.verification = req.value().verification;
            intent.idempotencyKey = row.key;
            intent.offline = req.value().offline;
            intent.takenAt = req.value().takenAt;
            return sendOnline(row, intent, false, pool_us);
        }
    }
    BillPayment out = outcome(row.invoice_id, PayStatus::Unset);
    out.idempotency_key = row.key;
    out.receipt = receiptOf(row);
    if (row.state == state::kPaid) {
        out.status = PayStatus::Paid;
    } else if (row.state == state::kOffline) {
        out.status = PayStatus::PaidOffline;
    } else {
        out.status = PayStatus::Failed;
        out.error = makeError(ErrorCode::Conflict,
                              QStringLiteral("a payment of this bill is still being settled"));
    }
    return out;
}

std::optional<pay::Bill> PaymentCore::cachedBillToday(const QString& patient_id,
                                                      const QString& invoice_id)
{
    const std::optional<store::CacheEntry> cached = store_.getCache(billsCacheKey(patient_id));
    if (!cached || clock_.dayOf(cached->fetched_at) != today()) return std::nullopt;
    Result<pool::BillsReply> reply = pool::PoolClient::billsFromBody(cached->payload, patient_id);
    if (!reply.ok()) return std::nullopt;
    for (const pay::Bill& b : reply.value().bills) {
        if (b.id == invoice_id) return b;
    }
    return std::nullopt;
}

QString PaymentCore::offlineRefusal(const QString& patient_id, const BillToPay& bill,
                                    const Evidence& evidence, QString* cap, pay::Bill* cached)
{
    if (evidence.method != Evidence::Method::Face)
        return QStringLiteral("offline payments need face verification");
    const std::optional<pay::Bill> b = cachedBillToday(patient_id, bill.bill_id);
    if (!b) return QStringLiteral("the bill is not in today's cache");
    if (b->totalNet.toFen() != bill.shown_net_fen)
        return QStringLiteral("the amount differs from the cached bill");
    if (cached) *cached = *b;
    Result<OfflineExposure> exposure =
        records_.exposure(patient_id, today().toString(Qt::ISODate), nowMs(clock_));
    if (!exposure.ok()) return exposure.error().detail;
    pay::Exposure x;
    x.amount = b->totalNet;
    x.patientToday = exposure.value().patient_today;
    x.kioskOutstanding = exposure.value().kiosk_outstanding;
    x.oldestQueuedAge_s = exposure.value().oldest_queued_age_s;
    const pay::CapsDecision d = pay::checkOfflineCaps(options_.caps, x);
    if (!d.allowed) {
        if (cap) *cap = pay::capRuleName(d.refusedBy);
        return d.detail;
    }
    return {};
}

BillPayment PaymentCore::takeOffline(const QString& patient_id, const BillToPay& bill,
                                     const Evidence& evidence)
{
    BillPayment out = outcome(bill.bill_id, PayStatus::NeedsPool);
    QString cap;
    pay::Bill cached;
    const QString refusal = offlineRefusal(patient_id, bill, evidence, &cap, &cached);
    if (!refusal.isEmpty()) {
        out.cap = cap;
        out.error = makeError(ErrorCode::Offline, refusal);
        return out;
    }
    pay::PaymentIntent intent;
    intent.invoiceId = bill.bill_id;
    intent.versionId = cached.versionId;
    intent.amountShown = cached.totalNet;
    intent.method = pay::PayMethod::Credit;
    intent.verification = verificationOf(evidence);
    intent.idempotencyKey = pay::newIdempotencyKey();
    intent.offline = true;
    intent.takenAt = now().toOffsetFromUtc(now().offsetFromUtc()).toString(Qt::ISODateWithMs);

    PaymentRow row;
    row.key = intent.idempotencyKey;
    row.invoice_id = bill.bill_id;
    row.patient_id = patient_id;
    row.bill_number = cached.billNumber;
    row.amount_fen = bill.shown_net_fen;
    row.method = pay::payMethodCode(pay::PayMethod::Credit);
    row.verification = pay::verificationMethodCode(intent.verification.method);
    row.day = today().toString(Qt::ISODate);
    row.request = pay::writeExactJson(pay::payParameters(intent));
    PaymentPayload payload{row.invoice_id, row.patient_id, row.request};
    Result<PaymentRow> taken =
        records_.takeOffline(row, paymentCommand(payload, row.key), nowMs(clock_));
    if (!taken.ok()) {
        out.status = PayStatus::Failed;
        out.error = taken.error();
        return out;
    }
    out.status = PayStatus::PaidOffline;
    out.idempotency_key = row.key;
    out.receipt = receiptOf(taken.value());
    return out;
}

Receipt PaymentCore::receiptOf(const PaymentRow& row) const
{
    Receipt r;
    if (!row.receipt.isEmpty()) {
        const pay::PayResult<QJsonDocument> doc = pay::parseExactJson(row.receipt);
        if (doc.ok()) {
            const pay::PayResult<pay::EReceipt> e = pay::parseEReceipt(doc.value().object());
            if (e.ok()) r = toReceipt(e.value(), clock_);
        }
    }
    r.bill_id = row.invoice_id;
    r.patient_id = row.patient_id;
    r.payment_id = row.payment_id;
    r.method = row.method;
    if (r.amount_fen == 0) r.amount_fen = row.amount_fen;
    if (!r.issued.isValid())
        r.issued = clock_.inZone(QDateTime::fromMSecsSinceEpoch(row.taken_at_ms, Qt::UTC));
    r.provisional = row.state == state::kOffline;
    r.local_number = row.local_number;
    return r;
}

}  // namespace mk::payment

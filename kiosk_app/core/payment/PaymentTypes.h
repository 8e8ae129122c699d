// Values of the kiosk's payment flow (issue 9, docs/pool-protocol.md "Payments"): what the payment
// screens show and send. Money is integer fen (qint64) everywhere; display it with payment/'s
// Money (mk::pay::Money::fromFen(x).display(locale)). The pool's replies are parsed and checked by
// payment/ (paylib) and the pool client; these are the kiosk's view of them.
#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace mk::payment {

// One line of a bill (Invoice.lineItem).
struct BillLine {
    int sequence = 0;
    QString category;      // registration | examination | laboratory | medicine | treatment | other
    QString name_zh;       // chargeItemCodeableConcept.text
    QString name_en;       // its English translation when the pool gives one, else empty
    qint64 gross_fen = 0;  // base price
    qint64 insurance_fen = 0;  // insurance share (deduction), 0 when none
    qint64 self_pay_fen = 0;   // gross - insurance
};

// An unpaid bill (Invoice, status issued), checked: totals add up, CNY, <= 2 decimals.
struct Bill {
    QString id;          // Invoice id
    QString version_id;  // meta.versionId
    QString number;      // bill number B20261204-0001 (identifier)
    QString patient_id;
    QDateTime date;  // in the hospital's zone
    QList<BillLine> lines;
    qint64 total_gross_fen = 0;
    qint64 insurance_fen = 0;  // total_gross - total_net
    qint64 total_net_fen = 0;  // self-pay total: what the patient pays, what the kiosk sends
};

// The unpaid bills of one patient.
struct PatientBills {
    QString patient_id;
    QList<Bill> bills;         // oldest first; empty: nothing unpaid ("say so")
    qint64 total_net_fen = 0;  // sum of the bills' self-pay totals
    // Bills the pool sent that the kiosk refused to show as payable (totals do not add up, bad
    // amounts...): their ids and the technical reason, for staff; never shown as payable.
    QStringList refused_bill_ids;
    QString refused_reason;
    bool stale = false;  // true: from the encrypted cache (pool unreachable)
    QDateTime fetched_at;
};

enum class CreditStatus {
    Unset = 0,
    None,       // no credit care: offer to open it
    Active,     // usable
    Suspended,  // on-hold (credit-suspended)
    Closed,     // inactive
};

// The patient's credit line (Account type credit-line).
struct CreditLine {
    CreditStatus status = CreditStatus::Unset;
    QString account_id;
    qint64 limit_fen = 0;
    qint64 used_fen = 0;
    qint64 available_fen = 0;               // max(0, limit - used)
    qint64 limit_without_face_fen = 20000;  // per charge authorised by phone digits only
    QString repay_url;                      // QR to repay in the hospital's app
    bool stale = false;                     // from the cache
};

// The credit agreement in one language (DocumentReference type credit-agreement).
struct Agreement {
    QString version;   // meta.versionId: what the consent names
    QString language;  // zh-CN | en (the one asked for, else zh-CN)
    QString title;
    QString text;
};

// How the patient authorised the charge at the moment of payment. Never the face itself.
struct Evidence {
    enum class Method { Unset = 0, Face, PhoneDigits };
    Method method = Method::Unset;
    // Face: the 1:1 similarity score of the fresh check against the identified patient's
    // template (the liveness challenge passed); 0 for phone digits.
    double face_score = 0.0;
};

// One bill of a payment as the screen showed it.
struct BillToPay {
    QString bill_id;
    qint64 shown_net_fen = 0;  // the total the screen showed (sent as `amount`)
};

struct PayRequest {
    QString patient_id;  // whose bills (a guardian pays a child's: the child's id)
    QList<BillToPay> bills;
    Evidence evidence;
};

// The e-receipt (医疗收费电子票据) of one paid bill, or the provisional local receipt of an offline
// payment until the pool's arrives.
struct Receipt {
    QString bill_id;
    QString patient_id;
    QString payment_id;      // PaymentReconciliation id (empty while provisional)
    QString invoice_code;    // 票据代码
    QString invoice_number;  // 票据号码
    QString check_code;      // 校验码
    qint64 amount_fen = 0;
    QString payer_masked;      // 张*明 (the kiosk masks the pool's full name)
    QDateTime issued;          // hospital zone
    QString view_url;          // what the QR code encodes; empty while provisional
    QString method;            // credit | phone
    bool provisional = false;  // offline: "the e-receipt follows"
    QString local_number;      // the kiosk's provisional receipt number (offline), else empty
};

enum class PayStatus {
    Unset = 0,
    Paid,                  // charged; receipt holds the e-receipt
    PaidOffline,           // taken offline within the caps: provisional receipt, delivered later
    AmountChanged,         // the bill changed: new_bill holds it, show it and ask again
    CreditLimit,           // over the available amount (or the limit without face): offer phone
    CreditSuspended,       // the line is on hold
    NoCredit,              // no credit care
    VerificationRequired,  // the evidence was refused: verify again
    AlreadyPaid,           // another kiosk or the cashier paid it: nothing charged here
    NeedsPool,  // offline and not allowed offline (not cached today, not face, over caps)
    NotFound,   // the pool does not know the bill
    Failed,     // store or pool failure: error says what; nothing reported paid
};

struct BillPayment {
    QString bill_id;
    PayStatus status = PayStatus::Unset;
    Receipt receipt;  // Paid / PaidOffline
    Bill new_bill;    // AmountChanged: the bill as it is now (id empty if it could not be read)
    QString cap;      // NeedsPool over a cap: which (per-transaction, per-patient-day,
                      // kiosk-outstanding, oldest-age)
    Error error;
    QString idempotency_key;  // the key of this bill's $pay (ledger, reconcile)
};

struct PayOutcome {
    QList<BillPayment> bills;  // one per BillToPay, in order; the first refusal stops the rest
                               // (status Unset for the bills not tried)
    qint64 paid_fen = 0;       // Paid + PaidOffline
    bool all_paid = false;
    qint64 elapsed_ms = 0;  // request to outcome (benchmarks)
    qint64 pool_ms = 0;     // of which waiting for the pool's replies
};

struct OpenCreditRequest {
    QString patient_id;
    QString agreement_version;  // Agreement::version the patient read
    bool consent = false;       // the separate explicit consent; must be true
    Evidence evidence;
};

struct OpenCreditOutcome {
    bool opened = false;
    CreditLine line;     // when opened
    QString refusal_zh;  // credit-refused: the credit service's reason (Chinese)
    QString refusal_en;  // its English text when given
    Error error;         // rule credit-refused / verification-required, or transport
};

// Pay by phone (扫码支付): an order the pool created; the QR shows pay_url.
struct PhoneOrder {
    QString order_id;
    QString bill_id;
    QString pay_url;
    QDateTime expires;  // countdown to this (hospital zone)
    qint64 amount_fen = 0;
};

struct PhoneOrderState {
    enum class Status { Unset = 0, Pending, Paid, Expired, Cancelled };
    Status status = Status::Unset;
    Receipt receipt;  // Paid
};

// Staff figures (maintenance mode), from this kiosk's ledger.
struct MethodTotal {
    QString method;  // credit | phone
    int count = 0;
    qint64 amount_fen = 0;
};

struct DailyClose {  // 日结
    QDate day;
    QList<MethodTotal> by_method;
    int count = 0;
    qint64 total_fen = 0;
    int provisional_count = 0;  // taken offline, not yet confirmed by the pool
    qint64 provisional_fen = 0;
    int refused_count = 0;  // failed payments awaiting review (dead letters)
    qint64 refused_fen = 0;
};

// A payment the pool refused after the kiosk had taken it offline (dead letter), for review.
struct FailedPayment {
    qint64 outbox_id = 0;
    QString bill_id;
    QString patient_id;
    qint64 amount_fen = 0;
    QDateTime taken_at;
    QString rule;   // credit-limit, already-paid, ... (empty: other failure)
    QString error;  // technical cause
    QString local_number;
};

QString payStatusName(PayStatus status);  // logs and tests

}  // namespace mk::payment

Q_DECLARE_METATYPE(mk::payment::PayOutcome)
Q_DECLARE_METATYPE(mk::payment::Receipt)
Q_DECLARE_METATYPE(mk::payment::FailedPayment)

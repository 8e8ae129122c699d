#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace mk::sim {

// One line of a bill: the item's gross price and the insurance share (amounts in fen).
struct SimChargeLine {
    QString category;  // registration | examination | laboratory | medicine | treatment | other
    QString name_zh;
    QString name_en;
    qint64 base_fen = 0;
    qint64 deduction_fen = 0;  // 0 = no insurance deduction on this line
};

// A bill (FHIR Invoice) as the simulator keeps it; rendered by SimPayResources.
struct SimInvoice {
    QString id;                                 // inv-...
    QString number;                             // B20261123-0001
    QString patient;                            // pat-1001
    QString date;                               // ISO 8601 with the hospital's offset
    QString status = QStringLiteral("issued");  // issued | balanced | cancelled
    int version = 1;
    QList<SimChargeLine> lines;
    QString payment;  // the PaymentReconciliation that balanced it (empty: none, or the window)

    qint64 grossFen() const;
    qint64 deductionFen() const;
    qint64 netFen() const { return grossFen() - deductionFen(); }
    QJsonObject toState() const;
    static SimInvoice fromState(const QJsonObject& o);
};

// A credit line (FHIR Account, type credit-line).
struct SimAccount {
    QString id;                                 // acct-...
    QString patient;                            // the holder
    QString status = QStringLiteral("active");  // active | on-hold | inactive
    qint64 limit_fen = 0;
    qint64 used_fen = 0;
    int version = 1;

    qint64 availableFen() const { return limit_fen > used_fen ? limit_fen - used_fen : 0; }
    QJsonObject toState() const;
    static SimAccount fromState(const QJsonObject& o);
};

// The seeded payment data of the demo patients (docs/demo-data.md "Bills and credit"):
// deterministic from the seed and the first day; the fixed demo patients have hand-made bills
// (the amounts the tests and the demo script rely on), the generated adults seeded ones.
struct SeedPayments {
    QList<SimInvoice> invoices;      // oldest first per patient
    QList<SimAccount> accounts;      // the seeded credit lines
    QSet<QString> refused_patients;  // opening credit care is refused ("信用评分不足")

    SeedPayments(quint32 seed, QDate first_day, int offset_s);
};

// The credit agreement (DocumentReference type credit-agreement): its version and text.
QString creditAgreementVersion();
QString creditAgreementText(const QString& language);  // "zh-CN" | "en"

// What opening credit care grants (500.00).
constexpr qint64 kGrantedCreditLimitFen = 50000;

}  // namespace mk::sim

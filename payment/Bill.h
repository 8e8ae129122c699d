// A patient's bill (FHIR Invoice) as the kiosk shows it: lines with gross price, insurance share
// and self-pay share. Built only by parseInvoice (BillParser.h), so a Bill always adds up:
// for every line selfPay = gross - insurance >= 0, totalGross = sum(gross), totalNet =
// sum(selfPay).
#pragma once

#include "payment/Money.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace mk::pay {

// Code system http://medkiosk.example/fhir/CodeSystem/charge-category. Zero is not a category.
enum class ChargeCategory {
    Unset = 0,
    Registration,
    Examination,
    Laboratory,
    Medicine,
    Treatment,
    Other
};

// "registration", ... (the wire code); empty for Unset.
QString chargeCategoryCode(ChargeCategory category);
std::optional<ChargeCategory> chargeCategoryFromCode(QStringView code);

enum class BillStatus { Unset = 0, Issued, Balanced, Cancelled };  // FHIR Invoice.status subset
QString billStatusCode(BillStatus status);
std::optional<BillStatus> billStatusFromCode(QStringView code);

struct BillLine {
    int sequence = 0;  // lineItem.sequence, 1..n
    ChargeCategory category = ChargeCategory::Unset;
    QString nameZh;   // chargeItemCodeableConcept.text
    QString nameEn;   // its translation (_text), empty when the pool gave none
    Money gross;      // priceComponent type "base"
    Money insurance;  // priceComponent type "deduction" code.text "insurance"; 0.00 when absent
    Money selfPay;    // gross - insurance

    // English when `language` starts with "en" and nameEn is set, else nameZh.
    QString name(QStringView language) const;
};

struct Bill {
    QString id;          // Invoice.id
    QString versionId;   // Invoice.meta.versionId (may be empty when the pool gives none)
    QString billNumber;  // identifier with system kBillNumberSystem, e.g. "B20261204-0001"
    QString dateText;    // Invoice.date as sent (hospital time with offset)
    QDateTime date;      // the same instant (invalid when dateText is empty)
    QString patientId;   // from subject.reference "Patient/{id}"
    BillStatus status = BillStatus::Unset;
    QList<BillLine> lines;
    Money totalGross;
    Money totalNet;  // what the patient pays (self-pay total)

    Money insuranceTotal() const;  // totalGross - totalNet (never negative in a parsed Bill)
    bool payable() const { return status == BillStatus::Issued && !totalNet.isNegative(); }
};

}  // namespace mk::pay

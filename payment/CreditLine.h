// The patient's credit line (FHIR Account type credit-line, extension credit-line with limit,
// used, limitWithoutFace, repayUrl). Input objects come from parseExactJson.
#pragma once

#include "payment/Money.h"
#include "payment/PayError.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mk::pay {

enum class CreditStatus { Unset = 0, Active, OnHold, Inactive };  // active | on-hold | inactive

struct CreditLine {
    QString accountId;
    QString patientId;  // subject[0] "Patient/{id}"
    CreditStatus status = CreditStatus::Unset;
    Money limit;
    Money used;
    Money limitWithoutFace = Money::yuan(200);  // per charge authorised without face (default)
    QString repayUrl;                           // QR to repay in the hospital's app; may be empty

    // limit - used, never negative (0.00 when used exceeds the limit).
    Money available() const;
    bool usable() const { return status == CreditStatus::Active; }
    // What one charge may be at most with this verification (face: available; phone digits:
    // min(available, limitWithoutFace)).
    Money maxCharge(bool faceVerified) const;
};

// Refused: resourceType not Account, type not credit-line, status unknown, no credit-line
// extension, limit or used missing/negative/not CNY, a bad limitWithoutFace.
PayResult<CreditLine> parseCreditLineAccount(const QJsonObject& account);

// Account?patient=...&type=credit-line: 0 entries -> nullopt (no credit care), 1 -> the line,
// more -> Invalid.
PayResult<std::optional<CreditLine>> parseCreditLineBundle(const QJsonObject& bundle);

}  // namespace mk::pay

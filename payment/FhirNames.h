// The URLs and code systems of the payment contract (/tmp/mk/payment-contract.md, written up in
// docs/pool-protocol.md "Payments"): one place for the kiosk, the simulator and the parsers.
#pragma once

#include <QStringView>

namespace mk::pay::fhir {

inline constexpr QStringView kBillNumberSystem = u"http://medkiosk.example/fhir/sid/bill-number";
inline constexpr QStringView kIdempotencyKeySystem =
    u"http://medkiosk.example/fhir/sid/idempotency-key";
inline constexpr QStringView kChargeCategorySystem =
    u"http://medkiosk.example/fhir/CodeSystem/charge-category";
inline constexpr QStringView kAccountTypeSystem =
    u"http://medkiosk.example/fhir/CodeSystem/account-type";
// The rule codes' system: the existing one of the pool protocol (contract "Changes", paysim 23:22).
inline constexpr QStringView kRuleSystem = u"urn:medkiosk:rule";
// The contract's first draft; still accepted when reading.
inline constexpr QStringView kRuleSystemDraft = u"http://medkiosk.example/fhir/CodeSystem/rule";
inline constexpr QStringView kCreditLineExtension =
    u"http://medkiosk.example/fhir/StructureDefinition/credit-line";
inline constexpr QStringView kEReceiptExtension =
    u"http://medkiosk.example/fhir/StructureDefinition/e-receipt";
inline constexpr QStringView kDocumentTypeSystem =
    u"http://medkiosk.example/fhir/CodeSystem/document-type";
inline constexpr QStringView kPaymentMethodSystem =
    u"http://medkiosk.example/fhir/CodeSystem/payment-method";
inline constexpr QStringView kTranslationExtension =
    u"http://hl7.org/fhir/StructureDefinition/translation";

inline constexpr QStringView kAccountTypeCreditLine = u"credit-line";
inline constexpr QStringView kDocumentTypeEReceipt = u"e-receipt";
inline constexpr QStringView kDocumentTypeCreditAgreement = u"credit-agreement";

}  // namespace mk::pay::fhir

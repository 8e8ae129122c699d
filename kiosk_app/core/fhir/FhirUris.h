// Identifier systems and extension URLs of the pool contract (docs/pool-protocol.md).
#pragma once

#include <QLatin1String>

namespace mk::fhir::uri {

inline constexpr QLatin1String kPatientNumber("urn:medkiosk:patient-number");
inline constexpr QLatin1String kBooking("urn:medkiosk:booking");
inline constexpr QLatin1String kAppointmentNumber("urn:medkiosk:appointment");
inline constexpr QLatin1String kRule("urn:medkiosk:rule");  // OperationOutcome details coding
inline constexpr QLatin1String kTranslation("http://hl7.org/fhir/StructureDefinition/translation");
inline constexpr QLatin1String kGuardian(
    "http://medkiosk.example/fhir/StructureDefinition/guardian");
inline constexpr QLatin1String kVisitSequence(
    "http://medkiosk.example/fhir/StructureDefinition/visit-sequence");
inline constexpr QLatin1String kCheckinToken(
    "http://medkiosk.example/fhir/StructureDefinition/checkin-token");

}  // namespace mk::fhir::uri

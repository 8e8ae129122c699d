// The subset of HL7 FHIR R4 the kiosk reads and writes, as plain values (docs/pool-protocol.md).
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace mk::fhir {

// A name or label in both kiosk languages. FHIR carries the English form in the
// http://hl7.org/fhir/StructureDefinition/translation extension of the Chinese primary string.
struct LocalizedText {
    QString zh;
    QString en;
    // The text for a UI language ("zh_CN" / "en"), falling back to the other one.
    QString forLanguage(const QString& ui_language) const
    {
        const bool english = ui_language.startsWith(QLatin1String("en"));
        const QString& first = english ? en : zh;
        return first.isEmpty() ? (english ? zh : en) : first;
    }
    bool operator==(const LocalizedText&) const = default;
};

struct Department {  // HealthcareService
    QString id;
    LocalizedText name;
    bool operator==(const Department&) const = default;
};

struct Doctor {           // Practitioner, with the Schedule that holds its slots in one department
    QString id;           // Practitioner id
    QString schedule_id;  // Schedule id of this doctor in the department searched
    LocalizedText name;
    LocalizedText title;  // e.g. 主任医师 / Chief physician (Practitioner.qualification)
    bool operator==(const Doctor&) const = default;
};

enum class SlotStatus { Unknown = 0, Free, Busy, BusyTentative, BusyUnavailable, EnteredInError };

struct Slot {
    QString id;
    QString schedule_id;
    QDateTime start;  // with offset, as sent
    QDateTime end;
    SlotStatus status = SlotStatus::Unknown;
    bool isFree() const { return status == SlotStatus::Free; }
    bool operator==(const Slot&) const = default;
};

enum class AppointmentStatus {
    Unknown = 0,
    Proposed,
    Pending,
    Booked,
    Arrived,
    Fulfilled,
    Cancelled,
    NoShow,
    EnteredInError,
    CheckedIn,
    Waitlist
};

struct Appointment {
    QString id;
    QString version_id;          // meta.versionId, for If-Match
    QString client_identifier;   // identifier the kiosk made (system urn:medkiosk:booking)
    QString appointment_number;  // identifier the pool assigned (system urn:medkiosk:appointment)
    AppointmentStatus status = AppointmentStatus::Unknown;
    QString slot_id;
    QString patient_id;
    QString practitioner_id;
    QString department_id;
    QDateTime start;
    QDateTime end;
    int visit_sequence = 0;  // 就诊序号, set once arrived; 0 = none yet
    QString checkin_token;   // signed check-in token (extension checkin-token), may be empty
    bool operator==(const Appointment&) const = default;
};

struct Patient {
    QString id;
    QString patient_number;  // identifier system urn:medkiosk:patient-number
    LocalizedText name;      // HumanName.text (zh) with translation (en)
    QDate birth_date;
    QString phone;        // telecom system=phone
    QString gender;       // male | female | other | unknown
    QString guardian_id;  // Patient id of the guardian, for children (extension, see docs)
    bool operator==(const Patient&) const = default;
};

struct OutcomeIssue {
    QString severity;     // fatal | error | warning | information
    QString code;         // IssueType: conflict, not-found, business-rule, throttled, ...
    QString diagnostics;  // technical text
    QString details;      // details.text, human text
    // details.coding[0]: for a refused booking (422 business-rule) the pool names the rule with
    // system urn:medkiosk:rule and a code such as per-day (docs/pool-protocol.md).
    QString details_system;
    QString details_code;
    bool operator==(const OutcomeIssue&) const = default;
};

struct OperationOutcome {
    QList<OutcomeIssue> issues;
    bool operator==(const OperationOutcome&) const = default;
};

}  // namespace mk::fhir

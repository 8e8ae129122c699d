#include "core/fhir/FhirParser.h"

#include "core/fhir/FhirJson.h"
#include "core/fhir/FhirPlainAppointment.h"
#include "core/fhir/FhirUris.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>

namespace mk::fhir {
namespace {

using Need = FhirJson::Need;

Error badReply(const QString& detail)
{
    return makeError(ErrorCode::BadReply, detail);
}

template<typename T>
Result<T> finish(const FhirJson& j, T value)
{
    if (!j.ok()) return badReply(j.error());
    return value;
}

bool checkType(FhirJson& j, const QJsonObject& o, const QString& type)
{
    const QJsonValue plain = o.value(QLatin1String("resourceType"));
    if (plain.isString() && plain.toString() == type) return j.ok();
    const QString actual = j.string(o, QStringLiteral("resourceType"),
                                    type + QStringLiteral(".resourceType"), Need::Required);
    if (j.ok() && actual != type) {
        j.fail(type, QStringLiteral("resourceType is %1").arg(actual.left(40)));
    }
    return j.ok();
}

// name[0] of a Patient or Practitioner: text (zh) with its translation (en); without text, the
// given and family parts joined, as the official examples have it.
LocalizedText humanName(FhirJson& j, const QJsonObject& o, const QString& type)
{
    LocalizedText out;
    const QList<QJsonObject> names =
        j.objects(o, QStringLiteral("name"), type + QStringLiteral(".name"), Need::Optional);
    if (names.isEmpty()) return out;
    const QJsonObject& n = names.first();
    const QString path = type + QStringLiteral(".name[0]");
    out.zh = j.string(n, QStringLiteral("text"), path + QStringLiteral(".text"), Need::Optional);
    out.en = j.translation(n, QStringLiteral("text"), path);
    if (out.zh.isEmpty()) {
        QStringList parts;
        for (const QJsonValue& g :
             j.array(n, QStringLiteral("given"), path + QStringLiteral(".given"), Need::Optional)) {
            parts.append(g.toString());
        }
        parts.append(j.string(n, QStringLiteral("family"), path + QStringLiteral(".family"),
                              Need::Optional));
        parts.removeAll(QString());
        out.zh = parts.join(QLatin1Char(' '));
    }
    return out;
}

QString identifierValue(FhirJson& j, const QJsonObject& o, const QString& type,
                        QLatin1String system)
{
    const QString path = type + QStringLiteral(".identifier");
    for (const QJsonObject& id : j.objects(o, QStringLiteral("identifier"), path, Need::Optional)) {
        if (j.string(id, QStringLiteral("system"), path + QStringLiteral(".system"),
                     Need::Optional) == system) {
            return j.string(id, QStringLiteral("value"), path + QStringLiteral(".value"),
                            Need::Required);
        }
    }
    return {};
}

QString referenceOf(FhirJson& j, const QJsonObject& holder, const QString& key, const QString& path)
{
    const QJsonObject r = j.object(holder, key, path, Need::Optional);
    return j.string(r, QStringLiteral("reference"), path + QStringLiteral(".reference"),
                    Need::Optional);
}

const QHash<QString, SlotStatus>& slotCodes()
{
    static const QHash<QString, SlotStatus> codes{
        {QStringLiteral("free"), SlotStatus::Free},
        {QStringLiteral("busy"), SlotStatus::Busy},
        {QStringLiteral("busy-tentative"), SlotStatus::BusyTentative},
        {QStringLiteral("busy-unavailable"), SlotStatus::BusyUnavailable},
        {QStringLiteral("entered-in-error"), SlotStatus::EnteredInError}};
    return codes;
}

const QHash<QString, AppointmentStatus>& appointmentCodes()
{
    static const QHash<QString, AppointmentStatus> codes{
        {QStringLiteral("proposed"), AppointmentStatus::Proposed},
        {QStringLiteral("pending"), AppointmentStatus::Pending},
        {QStringLiteral("booked"), AppointmentStatus::Booked},
        {QStringLiteral("arrived"), AppointmentStatus::Arrived},
        {QStringLiteral("fulfilled"), AppointmentStatus::Fulfilled},
        {QStringLiteral("cancelled"), AppointmentStatus::Cancelled},
        {QStringLiteral("noshow"), AppointmentStatus::NoShow},
        {QStringLiteral("entered-in-error"), AppointmentStatus::EnteredInError},
        {QStringLiteral("checked-in"), AppointmentStatus::CheckedIn},
        {QStringLiteral("waitlist"), AppointmentStatus::Waitlist}};
    return codes;
}

template<typename T>
Result<T> fromBytes(const QByteArray& json, const QString& type,
                    Result<T> (*convert)(const QJsonObject&))
{
    Result<QJsonObject> o = parser::resourceObject(json, type);
    if (!o.ok()) return o.error();
    return convert(o.value());
}

}  // namespace

namespace parser {

Result<QJsonObject> resourceObject(const QByteArray& json, const QString& expected_type)
{
    const QString what = expected_type.isEmpty() ? QStringLiteral("resource") : expected_type;
    if (json.trimmed().isEmpty()) return badReply(what + QStringLiteral(": empty body"));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError) {
        return badReply(QStringLiteral("%1: not JSON (%2 at offset %3)")
                            .arg(what, err.errorString())
                            .arg(err.offset));
    }
    if (!doc.isObject()) return badReply(what + QStringLiteral(": JSON object expected"));
    const QJsonObject o = doc.object();
    FhirJson j;
    const QString type = j.string(o, QStringLiteral("resourceType"),
                                  what + QStringLiteral(".resourceType"), Need::Required);
    if (j.ok() && !expected_type.isEmpty() && type != expected_type) {
        j.fail(what, QStringLiteral("resourceType is %1").arg(type.left(40)));
    }
    return finish(j, o);
}

Result<Slot> slotFromJson(const QJsonObject& o)
{
    FhirJson j;
    Slot s;
    if (!checkType(j, o, QStringLiteral("Slot"))) return badReply(j.error());
    s.id = j.string(o, QStringLiteral("id"), QStringLiteral("Slot.id"), Need::Required);
    const QJsonObject sch =
        j.object(o, QStringLiteral("schedule"), QStringLiteral("Slot.schedule"), Need::Required);
    const QString ref = j.string(sch, QStringLiteral("reference"),
                                 QStringLiteral("Slot.schedule.reference"), Need::Required);
    s.schedule_id = FhirJson::referenceId(ref, QStringLiteral("Schedule"));
    if (j.ok() && s.schedule_id.isEmpty()) {
        j.fail(QStringLiteral("Slot.schedule.reference"), QStringLiteral("not a Schedule"));
    }
    const QString status =
        j.string(o, QStringLiteral("status"), QStringLiteral("Slot.status"), Need::Required);
    s.status = slotStatusFromCode(status);
    if (j.ok() && s.status == SlotStatus::Unknown) {
        j.fail(QStringLiteral("Slot.status"), QStringLiteral("unknown code"));
    }
    s.start = j.instant(o, QStringLiteral("start"), QStringLiteral("Slot.start"), Need::Required);
    s.end = j.instant(o, QStringLiteral("end"), QStringLiteral("Slot.end"), Need::Required);
    if (j.ok() && s.end < s.start) {
        j.fail(QStringLiteral("Slot.end"), QStringLiteral("before start"));
    }
    return finish(j, s);
}

Result<ScheduleInfo> scheduleFromJson(const QJsonObject& o)
{
    FhirJson j;
    ScheduleInfo s;
    if (!checkType(j, o, QStringLiteral("Schedule"))) return badReply(j.error());
    s.id = j.string(o, QStringLiteral("id"), QStringLiteral("Schedule.id"), Need::Required);
    s.active = j.boolean(o, QStringLiteral("active"), QStringLiteral("Schedule.active"), true);
    const QList<QJsonObject> actors =
        j.objects(o, QStringLiteral("actor"), QStringLiteral("Schedule.actor"), Need::Required);
    for (const QJsonObject& a : actors) {
        const QString ref = j.string(a, QStringLiteral("reference"),
                                     QStringLiteral("Schedule.actor.reference"), Need::Optional);
        const QString pr = FhirJson::referenceId(ref, QStringLiteral("Practitioner"));
        const QString hs = FhirJson::referenceId(ref, QStringLiteral("HealthcareService"));
        if (!pr.isEmpty() && s.practitioner_id.isEmpty()) s.practitioner_id = pr;
        if (!hs.isEmpty() && s.department_id.isEmpty()) s.department_id = hs;
    }
    return finish(j, s);
}

Result<Doctor> practitionerFromJson(const QJsonObject& o)
{
    FhirJson j;
    Doctor d;
    if (!checkType(j, o, QStringLiteral("Practitioner"))) return badReply(j.error());
    d.id = j.string(o, QStringLiteral("id"), QStringLiteral("Practitioner.id"), Need::Required);
    d.name = humanName(j, o, QStringLiteral("Practitioner"));
    const QList<QJsonObject> quals =
        j.objects(o, QStringLiteral("qualification"), QStringLiteral("Practitioner.qualification"),
                  Need::Optional);
    if (!quals.isEmpty()) {
        const QString path = QStringLiteral("Practitioner.qualification[0].code");
        const QJsonObject code =
            j.object(quals.first(), QStringLiteral("code"), path, Need::Required);
        d.title.zh =
            j.string(code, QStringLiteral("text"), path + QStringLiteral(".text"), Need::Optional);
        d.title.en = j.translation(code, QStringLiteral("text"), path);
    }
    return finish(j, d);
}

Result<Department> departmentFromJson(const QJsonObject& o)
{
    FhirJson j;
    Department d;
    if (!checkType(j, o, QStringLiteral("HealthcareService"))) return badReply(j.error());
    d.id =
        j.string(o, QStringLiteral("id"), QStringLiteral("HealthcareService.id"), Need::Required);
    d.name.zh = j.string(o, QStringLiteral("name"), QStringLiteral("HealthcareService.name"),
                         Need::Optional);
    d.name.en = j.translation(o, QStringLiteral("name"), QStringLiteral("HealthcareService"));
    return finish(j, d);
}

Result<Patient> patientFromJson(const QJsonObject& o)
{
    FhirJson j;
    Patient p;
    if (!checkType(j, o, QStringLiteral("Patient"))) return badReply(j.error());
    p.id = j.string(o, QStringLiteral("id"), QStringLiteral("Patient.id"), Need::Required);
    p.patient_number = identifierValue(j, o, QStringLiteral("Patient"), uri::kPatientNumber);
    p.name = humanName(j, o, QStringLiteral("Patient"));
    p.birth_date =
        j.date(o, QStringLiteral("birthDate"), QStringLiteral("Patient.birthDate"), Need::Optional);
    p.gender =
        j.string(o, QStringLiteral("gender"), QStringLiteral("Patient.gender"), Need::Optional);
    for (const QJsonObject& t : j.objects(o, QStringLiteral("telecom"),
                                          QStringLiteral("Patient.telecom"), Need::Optional)) {
        if (p.phone.isEmpty() &&
            j.string(t, QStringLiteral("system"), QStringLiteral("Patient.telecom.system"),
                     Need::Optional) == QLatin1String("phone")) {
            p.phone = j.string(t, QStringLiteral("value"), QStringLiteral("Patient.telecom.value"),
                               Need::Optional);
        }
    }
    for (const QJsonObject& e : j.objects(o, QStringLiteral("extension"),
                                          QStringLiteral("Patient.extension"), Need::Optional)) {
        if (e.value(QStringLiteral("url")).toString() == uri::kGuardian) {
            const QString path = QStringLiteral("Patient.extension(guardian)");
            const QJsonObject r =
                j.object(e, QStringLiteral("valueReference"), path, Need::Required);
            p.guardian_id = FhirJson::referenceId(
                j.string(r, QStringLiteral("reference"), path, Need::Required),
                QStringLiteral("Patient"));
            if (j.ok() && p.guardian_id.isEmpty()) {
                j.fail(path, QStringLiteral("not a Patient reference"));
            }
        }
    }
    return finish(j, p);
}

Result<Appointment> appointmentFromJson(const QJsonObject& o)
{
    FhirJson j;
    Appointment a;
    if (!checkType(j, o, QStringLiteral("Appointment"))) return badReply(j.error());
    a.id = j.string(o, QStringLiteral("id"), QStringLiteral("Appointment.id"), Need::Required);
    const QJsonObject meta =
        j.object(o, QStringLiteral("meta"), QStringLiteral("Appointment.meta"), Need::Optional);
    a.version_id = j.string(meta, QStringLiteral("versionId"),
                            QStringLiteral("Appointment.meta.versionId"), Need::Optional);
    a.client_identifier = identifierValue(j, o, QStringLiteral("Appointment"), uri::kBooking);
    a.appointment_number =
        identifierValue(j, o, QStringLiteral("Appointment"), uri::kAppointmentNumber);
    const QString status =
        j.string(o, QStringLiteral("status"), QStringLiteral("Appointment.status"), Need::Required);
    a.status = appointmentStatusFromCode(status);
    if (j.ok() && a.status == AppointmentStatus::Unknown) {
        j.fail(QStringLiteral("Appointment.status"), QStringLiteral("unknown code"));
    }
    const Need need = appointmentNeedsTimes(a.status) ? Need::Required : Need::Optional;
    a.start = j.instant(o, QStringLiteral("start"), QStringLiteral("Appointment.start"), need);
    a.end = j.instant(o, QStringLiteral("end"), QStringLiteral("Appointment.end"), need);
    const QList<QJsonObject> slots =
        j.objects(o, QStringLiteral("slot"), QStringLiteral("Appointment.slot"), Need::Optional);
    if (!slots.isEmpty()) {
        a.slot_id = FhirJson::referenceId(
            j.string(slots.first(), QStringLiteral("reference"),
                     QStringLiteral("Appointment.slot[0].reference"), Need::Required),
            QStringLiteral("Slot"));
    }
    for (const QJsonObject& p :
         j.objects(o, QStringLiteral("participant"), QStringLiteral("Appointment.participant"),
                   Need::Optional)) {
        const QString ref =
            referenceOf(j, p, QStringLiteral("actor"), QStringLiteral("Appointment.participant"));
        const QString patient = FhirJson::referenceId(ref, QStringLiteral("Patient"));
        const QString doctor = FhirJson::referenceId(ref, QStringLiteral("Practitioner"));
        const QString dept = FhirJson::referenceId(ref, QStringLiteral("HealthcareService"));
        if (a.patient_id.isEmpty()) a.patient_id = patient;
        if (a.practitioner_id.isEmpty()) a.practitioner_id = doctor;
        if (a.department_id.isEmpty()) a.department_id = dept;
    }
    for (const QJsonObject& e :
         j.objects(o, QStringLiteral("extension"), QStringLiteral("Appointment.extension"),
                   Need::Optional)) {
        if (e.value(QStringLiteral("url")).toString() == uri::kVisitSequence) {
            a.visit_sequence = j.integer(e, QStringLiteral("valuePositiveInt"),
                                         QStringLiteral("Appointment.extension(visit-sequence)"),
                                         Need::Required, 0, 1);
        }
        if (e.value(QStringLiteral("url")).toString() == uri::kCheckinToken) {
            // Verified where it is used (core/checkin); kept only when it is a short string.
            const QJsonValue t = e.value(QStringLiteral("valueString"));
            if (t.isString() && t.toString().size() <= 1024) a.checkin_token = t.toString();
        }
    }
    return finish(j, a);
}

Result<OperationOutcome> outcomeFromJson(const QJsonObject& o)
{
    FhirJson j;
    OperationOutcome out;
    if (!checkType(j, o, QStringLiteral("OperationOutcome"))) return badReply(j.error());
    const QList<QJsonObject> issues = j.objects(
        o, QStringLiteral("issue"), QStringLiteral("OperationOutcome.issue"), Need::Required);
    for (const QJsonObject& i : issues) {
        const QString path = QStringLiteral("OperationOutcome.issue");
        OutcomeIssue issue;
        issue.severity = j.string(i, QStringLiteral("severity"), path + QStringLiteral(".severity"),
                                  Need::Required);
        issue.code =
            j.string(i, QStringLiteral("code"), path + QStringLiteral(".code"), Need::Required);
        issue.diagnostics = j.string(i, QStringLiteral("diagnostics"),
                                     path + QStringLiteral(".diagnostics"), Need::Optional);
        const QJsonObject details = j.object(i, QStringLiteral("details"),
                                             path + QStringLiteral(".details"), Need::Optional);
        issue.details = j.string(details, QStringLiteral("text"),
                                 path + QStringLiteral(".details.text"), Need::Optional);
        const QList<QJsonObject> codings =
            j.objects(details, QStringLiteral("coding"), path + QStringLiteral(".details.coding"),
                      Need::Optional);
        if (!codings.isEmpty()) {
            issue.details_system =
                j.string(codings.first(), QStringLiteral("system"),
                         path + QStringLiteral(".details.coding.system"), Need::Optional);
            issue.details_code =
                j.string(codings.first(), QStringLiteral("code"),
                         path + QStringLiteral(".details.coding.code"), Need::Optional);
        }
        out.issues.append(issue);
    }
    return finish(j, out);
}

Result<Slot> slot(const QByteArray& json)
{
    return fromBytes<Slot>(json, QStringLiteral("Slot"), &slotFromJson);
}
Result<ScheduleInfo> schedule(const QByteArray& json)
{
    return fromBytes<ScheduleInfo>(json, QStringLiteral("Schedule"), &scheduleFromJson);
}
Result<Doctor> practitioner(const QByteArray& json)
{
    return fromBytes<Doctor>(json, QStringLiteral("Practitioner"), &practitionerFromJson);
}
Result<Department> department(const QByteArray& json)
{
    return fromBytes<Department>(json, QStringLiteral("HealthcareService"), &departmentFromJson);
}
Result<Patient> patient(const QByteArray& json)
{
    return fromBytes<Patient>(json, QStringLiteral("Patient"), &patientFromJson);
}
Result<Appointment> appointment(const QByteArray& json)
{
    // The well-formed resource in one pass (issue 13); anything else is decided and named below.
    if (std::optional<Appointment> plain = plainAppointment(json)) return std::move(*plain);
    return fromBytes<Appointment>(json, QStringLiteral("Appointment"), &appointmentFromJson);
}
Result<OperationOutcome> outcome(const QByteArray& json)
{
    return fromBytes<OperationOutcome>(json, QStringLiteral("OperationOutcome"), &outcomeFromJson);
}

SlotStatus slotStatusFromCode(const QString& code)
{
    return slotCodes().value(code, SlotStatus::Unknown);
}

QString slotStatusCode(SlotStatus status)
{
    return slotCodes().key(status);
}

AppointmentStatus appointmentStatusFromCode(const QString& code)
{
    return appointmentCodes().value(code, AppointmentStatus::Unknown);
}

QString appointmentStatusCode(AppointmentStatus status)
{
    return appointmentCodes().key(status);
}

bool appointmentNeedsTimes(AppointmentStatus status)
{
    return status != AppointmentStatus::Proposed && status != AppointmentStatus::Cancelled &&
           status != AppointmentStatus::Waitlist;
}

}  // namespace parser
}  // namespace mk::fhir

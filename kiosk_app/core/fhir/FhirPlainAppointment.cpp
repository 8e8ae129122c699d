#include "core/fhir/FhirPlainAppointment.h"

#include "core/fhir/FhirJson.h"
#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirUris.h"
#include "core/fhir/PlainJson.h"

#include <optional>
#include <string_view>

namespace mk::fhir::parser {
namespace {

using plain::Members;
using plain::required;
using plain::toQString;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::string_view view(QLatin1String s)
{
    return {s.data(), std::size_t(s.size())};
}

// The elements of an array that must all be objects, or nothing.
template<typename Each>
bool eachObject(const array& list, Each&& each)
{
    for (const element e : list) {
        object o;
        if (e.get(o) != simdjson::SUCCESS || !each(o)) return false;
    }
    return true;
}

// identifier[]: every system a string (or absent); the value of the first of each system the
// kiosk reads, present and not blank (the checked parser reads the first match only).
bool readIdentifiers(const array& identifiers, Appointment& a)
{
    bool booking = false;
    bool number = false;
    return eachObject(identifiers, [&](const object& id) {
        Members<2> m({"system", "value"});
        if (!m.read(id)) return false;
        if (!m.has(0)) return true;
        const std::optional<std::string_view> system = m.text(0);
        if (!system) return false;
        const bool is_booking = *system == view(uri::kBooking);
        const bool is_number = *system == view(uri::kAppointmentNumber);
        if ((!is_booking || booking) && (!is_number || number)) return true;
        std::optional<QString> value = required(m.text(1));
        if (!value) return false;
        if (is_booking) {
            booking = true;
            a.client_identifier = std::move(*value);
        } else {
            number = true;
            a.appointment_number = std::move(*value);
        }
        return true;
    });
}

// participant[].actor.reference: the first Patient, Practitioner and HealthcareService.
bool readParticipants(const array& participants, Appointment& a)
{
    return eachObject(participants, [&a](const object& p) {
        Members<1> m({"actor"});
        if (!m.read(p)) return false;
        if (!m.has(0)) return true;
        const std::optional<object> actor = m.child(0);
        if (!actor) return false;
        Members<1> r({"reference"});
        if (!r.read(*actor)) return false;
        if (!r.has(0)) return true;
        const std::optional<std::string_view> text = r.text(0);
        if (!text) return false;
        const QString ref = toQString(*text);
        if (a.patient_id.isEmpty())
            a.patient_id = FhirJson::referenceId(ref, QStringLiteral("Patient"));
        if (a.practitioner_id.isEmpty())
            a.practitioner_id = FhirJson::referenceId(ref, QStringLiteral("Practitioner"));
        if (a.department_id.isEmpty())
            a.department_id = FhirJson::referenceId(ref, QStringLiteral("HealthcareService"));
        return true;
    });
}

// extension[]: the visit sequence (a positive integer) and the check-in token (a string of at
// most 1,024 characters, else left out), the last of each as the checked parser has it.
bool readExtensions(const array& extensions, Appointment& a)
{
    return eachObject(extensions, [&a](const object& e) {
        enum { kUrl, kSequence, kToken };
        Members<3> m({"url", "valuePositiveInt", "valueString"});
        if (!m.read(e)) return false;
        if (!m.has(kUrl)) return true;
        const std::optional<std::string_view> url = m.text(kUrl);
        if (!url) return false;
        if (*url == view(uri::kVisitSequence)) {
            const std::optional<int> n = m.count(kSequence, 1);
            if (!n) return false;
            a.visit_sequence = *n;
        }
        if (*url == view(uri::kCheckinToken)) {
            if (const std::optional<std::string_view> t = m.text(kToken)) {
                QString token = toQString(*t);
                if (token.size() <= 1024) a.checkin_token = std::move(token);
            }
        }
        return true;
    });
}

// slot[]: all objects; the first one's reference, present and not blank.
bool readSlot(const array& slots, Appointment& a)
{
    bool first = true;
    return eachObject(slots, [&](const object& s) {
        if (!first) return true;
        first = false;
        Members<1> r({"reference"});
        if (!r.read(s)) return false;
        const std::optional<QString> ref = required(r.text(0));
        if (!ref) return false;
        a.slot_id = FhirJson::referenceId(*ref, QStringLiteral("Slot"));
        return true;
    });
}

// start or end: absent only where FHIR allows it (`needed` false), else a plain instant.
bool readTime(bool present, const std::optional<std::string_view>& s, bool needed, QDateTime& out)
{
    if (!present) return !needed;
    if (!s || s->empty()) return false;
    out = FhirJson::plainInstant(toQString(*s));
    return out.isValid();
}

}  // namespace

std::optional<Appointment> plainAppointment(const QByteArray& json)
{
    simdjson::dom::parser parser;
    const std::optional<object> o = plain::parseObject(parser, json);
    if (!o) return std::nullopt;
    enum { kType, kId, kMeta, kIdentifier, kStatus, kStart, kEnd, kSlot, kParticipant, kExtension };
    Members<10> m({"resourceType", "id", "meta", "identifier", "status", "start", "end", "slot",
                   "participant", "extension"});
    if (!m.read(*o) || m.text(kType) != std::string_view("Appointment")) return std::nullopt;
    Appointment a;
    std::optional<QString> id = required(m.text(kId));
    const std::optional<QString> status = required(m.text(kStatus));
    if (!id || !status) return std::nullopt;
    a.id = std::move(*id);
    a.status = appointmentStatusFromCode(*status);
    if (a.status == AppointmentStatus::Unknown) return std::nullopt;
    if (m.has(kMeta)) {
        const std::optional<object> meta = m.child(kMeta);
        if (!meta) return std::nullopt;
        Members<1> version({"versionId"});
        if (!version.read(*meta)) return std::nullopt;
        if (version.has(0)) {
            const std::optional<std::string_view> v = version.text(0);
            if (!v) return std::nullopt;
            a.version_id = toQString(*v);
        }
    }
    const bool times_needed = appointmentNeedsTimes(a.status);
    if (!readTime(m.has(kStart), m.text(kStart), times_needed, a.start) ||
        !readTime(m.has(kEnd), m.text(kEnd), times_needed, a.end)) {
        return std::nullopt;
    }
    const auto listOk = [&m](std::size_t i, const auto& read) {
        if (!m.has(i)) return true;
        const std::optional<array> list = m.list(i);
        return list && read(*list);
    };
    const bool ok = listOk(kIdentifier, [&a](const array& l) { return readIdentifiers(l, a); }) &&
                    listOk(kParticipant, [&a](const array& l) { return readParticipants(l, a); }) &&
                    listOk(kExtension, [&a](const array& l) { return readExtensions(l, a); }) &&
                    listOk(kSlot, [&a](const array& l) { return readSlot(l, a); });
    if (!ok) return std::nullopt;
    return a;
}

}  // namespace mk::fhir::parser

// An Appointment read in one pass over its text (simdjson, issue 13): the relay reads two per
// check-in it forwards, and the checked read (QJsonDocument, then FhirJson) was a quarter of its
// time. Like the one-pass Slot page (FhirSlotPage.h), it reads only the well-formed resource the
// pool and standard servers send, and gives nothing for anything else (a missing, blank,
// repeated or mistyped element, an unknown status, an instant other than "yyyy-MM-ddThh:mm:ss"
// with Z or an offset, text that is not JSON); parser::appointment then reads the text with the
// checked parser, which decides and names the problem. So it accepts a subset of what the checked
// parser accepts, with the same result (tst_plainappointment and fuzz_fhirparser compare both).
#pragma once

#include "core/fhir/FhirTypes.h"

#include <QByteArray>

#include <optional>

namespace mk::fhir::parser {

std::optional<Appointment> plainAppointment(const QByteArray& json);

}  // namespace mk::fhir::parser

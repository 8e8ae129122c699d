// A page of a Slot search read in one pass over the text (simdjson, issue 13): the well-formed
// page only, the way the pool and standard servers send it. Anything else (an entry that is not
// a matched Slot, a missing or mistyped element, an unknown status, an instant other than
// "yyyy-MM-ddThh:mm:ss" with Z or an offset, a next link off the pool's origin, text that is not
// JSON) gives nothing, and the caller reads the page with the checked parser (bundle,
// slotFromJson), which decides and names the problem. So the rules live in one place: this
// accepts a subset of what the checked parser accepts, with the same result (tst_fhirparser and
// fuzz_fhirparser compare both). Part of the parser (FhirParser.h).
#pragma once

#include "core/fhir/FhirTypes.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <optional>

namespace mk::fhir {

struct SlotPage {
    int total = -1;  // Bundle.total, -1 when absent
    QUrl next;       // empty on the last page
    QList<Slot> slots;
};

namespace parser {

std::optional<SlotPage> plainSlotPage(const QByteArray& json, const QUrl& origin);

}  // namespace parser
}  // namespace mk::fhir

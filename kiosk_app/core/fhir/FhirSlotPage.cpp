#include "core/fhir/FhirSlotPage.h"

#include "core/fhir/FhirBundle.h"
#include "core/fhir/FhirJson.h"
#include "core/fhir/FhirParser.h"
#include "core/fhir/PlainJson.h"

#include <optional>
#include <string_view>

namespace mk::fhir::parser {
namespace {

using plain::Members;
using plain::required;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::optional<Slot> plainSlot(const object& resource)
{
    enum { kType, kId, kSchedule, kStatus, kStart, kEnd };
    Members<6> m({"resourceType", "id", "schedule", "status", "start", "end"});
    if (!m.read(resource) || m.text(kType) != std::string_view("Slot")) return std::nullopt;
    Slot s;
    std::optional<QString> id = required(m.text(kId));
    const std::optional<object> schedule = m.child(kSchedule);
    const std::optional<QString> status = required(m.text(kStatus));
    const std::optional<QString> start = required(m.text(kStart));
    const std::optional<QString> end = required(m.text(kEnd));
    if (!id || !schedule || !status || !start || !end) return std::nullopt;
    Members<1> ref({"reference"});
    if (!ref.read(*schedule)) return std::nullopt;
    const std::optional<QString> reference = required(ref.text(0));
    if (!reference) return std::nullopt;
    s.id = std::move(*id);
    s.schedule_id = FhirJson::referenceId(*reference, QStringLiteral("Schedule"));
    s.status = slotStatusFromCode(*status);
    s.start = FhirJson::plainInstant(*start);
    s.end = FhirJson::plainInstant(*end);
    if (s.schedule_id.isEmpty() || s.status == SlotStatus::Unknown || !s.start.isValid() ||
        !s.end.isValid() || s.end < s.start) {
        return std::nullopt;
    }
    return s;
}

bool readLinks(const array& links, const QUrl& origin, SlotPage& page)
{
    for (const element l : links) {
        object link;
        if (l.get(link) != simdjson::SUCCESS) return false;
        Members<2> m({"relation", "url"});
        if (!m.read(link)) return false;
        const std::optional<QString> relation = required(m.text(0));
        const std::optional<QString> url = required(m.text(1));
        if (!relation || !url) return false;
        if (*relation != QLatin1String("next")) continue;
        page.next = QUrl(*url);
        if (!page.next.isValid() || page.next.isRelative() ||
            (origin.isValid() && !onOrigin(page.next, origin))) {
            return false;
        }
    }
    return true;
}

bool readEntries(const array& entries, SlotPage& page)
{
    page.slots.reserve(qsizetype(entries.size()));
    for (const element e : entries) {
        object entry;
        if (e.get(entry) != simdjson::SUCCESS) return false;
        Members<2> m({"resource", "search"});
        if (!m.read(entry)) return false;
        const std::optional<object> resource = m.child(0);
        if (!resource) return false;
        if (m.has(1)) {  // search.mode absent or "match": a matched Slot
            const std::optional<object> search = m.child(1);
            if (!search) return false;
            Members<1> mode({"mode"});
            if (!mode.read(*search)) return false;
            if (mode.has(0) && mode.text(0) != std::string_view("match")) return false;
        }
        std::optional<Slot> slot = plainSlot(*resource);
        if (!slot) return false;
        page.slots.append(std::move(*slot));
    }
    return true;
}

}  // namespace

std::optional<SlotPage> plainSlotPage(const QByteArray& json, const QUrl& origin)
{
    simdjson::dom::parser parser;
    const std::optional<object> bundle = plain::parseObject(parser, json);
    if (!bundle) return std::nullopt;
    enum { kType, kBundleType, kTotal, kLink, kEntry };
    Members<5> m({"resourceType", "type", "total", "link", "entry"});
    if (!m.read(*bundle) || m.text(kType) != std::string_view("Bundle") ||
        m.text(kBundleType) != std::string_view("searchset")) {
        return std::nullopt;
    }
    SlotPage page;
    if (m.has(kTotal)) {
        const std::optional<int> total = m.count(kTotal);
        if (!total) return std::nullopt;
        page.total = *total;
    }
    if (m.has(kLink)) {
        const std::optional<array> links = m.list(kLink);
        if (!links || !readLinks(*links, origin, page)) return std::nullopt;
    }
    if (m.has(kEntry)) {
        const std::optional<array> entries = m.list(kEntry);
        if (!entries || !readEntries(*entries, page)) return std::nullopt;
    }
    return page;
}

}  // namespace mk::fhir::parser

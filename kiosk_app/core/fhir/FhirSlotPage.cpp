#include "core/fhir/FhirSlotPage.h"

#include "core/fhir/FhirBundle.h"
#include "core/fhir/FhirJson.h"
#include "core/fhir/FhirParser.h"

#include <array>
#include <limits>
#include <optional>
#include <simdjson.h>
#include <string_view>

namespace mk::fhir::parser {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The members of an object that the page reads, each at most once: a repeated member (which the
// JSON text allows and parsers resolve differently) gives nothing, as does a member of another
// JSON type than the one asked for.
template<std::size_t N>
class Members
{
public:
    explicit Members(const std::array<std::string_view, N>& keys) : keys_(keys) {}
    bool read(const object& o)
    {
        for (const auto field : o) {
            for (std::size_t i = 0; i < N; ++i) {
                if (field.key != keys_[i]) continue;
                if (present_[i]) return false;
                present_[i] = true;
                values_[i] = field.value;
            }
        }
        return true;
    }
    bool has(std::size_t i) const { return present_[i]; }
    std::optional<std::string_view> text(std::size_t i) const
    {
        std::string_view s;
        if (!present_[i] || values_[i].get(s) != simdjson::SUCCESS) return std::nullopt;
        return s;
    }
    std::optional<object> child(std::size_t i) const
    {
        object o;
        if (!present_[i] || values_[i].get(o) != simdjson::SUCCESS) return std::nullopt;
        return o;
    }
    std::optional<array> list(std::size_t i) const
    {
        array a;
        if (!present_[i] || values_[i].get(a) != simdjson::SUCCESS) return std::nullopt;
        return a;
    }
    std::optional<int> count(std::size_t i) const
    {
        int64_t n = 0;
        if (!present_[i] || values_[i].get(n) != simdjson::SUCCESS) return std::nullopt;
        if (n < 0 || n > std::numeric_limits<int>::max()) return std::nullopt;
        return int(n);
    }

private:
    std::array<std::string_view, N> keys_;
    std::array<bool, N> present_{};
    std::array<element, N> values_{};
};

// A string element the checked parser reads as required: present and not blank.
std::optional<QString> required(const std::optional<std::string_view>& s)
{
    if (!s) return std::nullopt;
    QString out = toQString(*s);
    if (out.trimmed().isEmpty()) return std::nullopt;
    return out;
}

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
    element doc;
    if (parser.parse(json.constData(), std::size_t(json.size())).get(doc) != simdjson::SUCCESS)
        return std::nullopt;
    object bundle;
    if (doc.get(bundle) != simdjson::SUCCESS) return std::nullopt;
    enum { kType, kBundleType, kTotal, kLink, kEntry };
    Members<5> m({"resourceType", "type", "total", "link", "entry"});
    if (!m.read(bundle) || m.text(kType) != std::string_view("Bundle") ||
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

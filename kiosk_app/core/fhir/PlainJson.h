// Helpers of the one-pass reads (simdjson, issue 13: FhirSlotPage.cpp, FhirPlainAppointment.cpp):
// the members of an object each read at most once, with their JSON type checked. A one-pass read
// gives nothing on anything unusual and the checked parser decides, so these helpers only ever
// say "as expected" or "not as expected"; they never name a problem. Internal to medkiosk_core
// (simdjson is a private dependency): include it from .cpp files only.
#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <simdjson.h>
#include <string_view>

namespace mk::fhir::plain {

inline QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The members of an object that a read uses, each at most once: a repeated member (which the
// JSON text allows and parsers resolve differently) makes read() false, and a member of another
// JSON type than the one asked for reads as nothing.
template<std::size_t N>
class Members
{
public:
    explicit Members(const std::array<std::string_view, N>& keys) : keys_(keys) {}
    bool read(const simdjson::dom::object& o)
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
    std::optional<std::string_view> text(std::size_t i) const { return as<std::string_view>(i); }
    std::optional<simdjson::dom::object> child(std::size_t i) const
    {
        return as<simdjson::dom::object>(i);
    }
    std::optional<simdjson::dom::array> list(std::size_t i) const
    {
        return as<simdjson::dom::array>(i);
    }
    // A JSON integer in [minimum, INT_MAX] (a number written with a fraction or an exponent
    // reads as nothing).
    std::optional<int> count(std::size_t i, int minimum = 0) const
    {
        const std::optional<int64_t> n = as<int64_t>(i);
        if (!n || *n < minimum || *n > std::numeric_limits<int>::max()) return std::nullopt;
        return int(*n);
    }

private:
    template<typename T>
    std::optional<T> as(std::size_t i) const
    {
        T out{};
        if (!present_[i] || values_[i].get(out) != simdjson::SUCCESS) return std::nullopt;
        return out;
    }

    std::array<std::string_view, N> keys_;
    std::array<bool, N> present_{};
    std::array<simdjson::dom::element, N> values_{};
};

// The JSON object of `json`, parsed by `parser` (which owns the parsed text: keep it while the
// object is read), or nothing when the text is not JSON or not an object.
inline std::optional<simdjson::dom::object> parseObject(simdjson::dom::parser& parser,
                                                        const QByteArray& json)
{
    simdjson::dom::object o;
    if (parser.parse(json.constData(), std::size_t(json.size())).get(o) != simdjson::SUCCESS)
        return std::nullopt;
    return o;
}

// A string element the checked parser reads as required: present and not blank.
inline std::optional<QString> required(const std::optional<std::string_view>& s)
{
    if (!s) return std::nullopt;
    QString out = toQString(*s);
    if (out.trimmed().isEmpty()) return std::nullopt;
    return out;
}

}  // namespace mk::fhir::plain

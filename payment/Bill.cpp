#include "payment/Bill.h"

#include <array>
#include <utility>

namespace mk::pay {

namespace {

constexpr std::array<std::pair<ChargeCategory, QStringView>, 6> kCategories{{
    {ChargeCategory::Registration, u"registration"},
    {ChargeCategory::Examination, u"examination"},
    {ChargeCategory::Laboratory, u"laboratory"},
    {ChargeCategory::Medicine, u"medicine"},
    {ChargeCategory::Treatment, u"treatment"},
    {ChargeCategory::Other, u"other"},
}};

constexpr std::array<std::pair<BillStatus, QStringView>, 3> kStatuses{{
    {BillStatus::Issued, u"issued"},
    {BillStatus::Balanced, u"balanced"},
    {BillStatus::Cancelled, u"cancelled"},
}};

}  // namespace

QString chargeCategoryCode(ChargeCategory category)
{
    for (const auto& [value, code] : kCategories) {
        if (value == category) return code.toString();
    }
    return {};
}

std::optional<ChargeCategory> chargeCategoryFromCode(QStringView code)
{
    for (const auto& [value, text] : kCategories) {
        if (text == code) return value;
    }
    return std::nullopt;
}

QString billStatusCode(BillStatus status)
{
    for (const auto& [value, code] : kStatuses) {
        if (value == status) return code.toString();
    }
    return {};
}

std::optional<BillStatus> billStatusFromCode(QStringView code)
{
    for (const auto& [value, text] : kStatuses) {
        if (text == code) return value;
    }
    return std::nullopt;
}

QString BillLine::name(QStringView language) const
{
    if (language.startsWith(u"en", Qt::CaseInsensitive) && !nameEn.isEmpty()) return nameEn;
    return nameZh;
}

Money Bill::insuranceTotal() const
{
    auto diff = totalGross.minus(totalNet);
    return diff ? diff.value() : Money();
}

}  // namespace mk::pay

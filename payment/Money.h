// mk::pay::Money: an amount of Chinese yuan as an integer number of fen (1 yuan = 100 fen),
// qint64, never a double. The magnitude is always below 10^13 fen (10^11 yuan, kMaxMagnitudeFen
// + 1); every construction and every arithmetic result is checked against it, so an out-of-range
// result is an error (PayErrorCode::Overflow / OutOfRange), never a wrap.
//
// Text forms:
//  - fromDecimalText(): the exact parser for a JSON number's literal text or a config value.
//    Grammar (ASCII only, nothing else, not even spaces):  ['-'] int ['.' d [d]]
//      int = "0" | [1-9][0-9]*        (leading zeros such as "012" or "00.5" are REFUSED, as in
//                                      JSON; "0", "0.5", "0.05" are fine)
//      at most 2 decimals ("1.005" refused: TooManyDecimals; "1.50" and "1.5" and "1" accepted)
//      no exponent ("1e2" refused), no '+', no ".5", no "5.", no thousands separators
//      '-' only with Sign::AllowNegative (else PayErrorCode::Negative, also for "-0")
//  - toDecimalText(): canonical, exactly 2 decimals, no grouping: "12.30", "0.05", "-3.00".
//    fromDecimalText(m.toDecimalText()) == m for every Money.
//  - toDisplayText(): for people, with grouping: Chinese "1,234.50元", any other language
//    "¥1,234.50"; negative "-1,234.50元" / "-¥1,234.50".
#pragma once

#include "payment/PayError.h"

#include <QLocale>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <compare>

namespace mk::pay {

class Money
{
public:
    static constexpr qint64 kMaxMagnitudeFen = 9'999'999'999'999;  // < 10^13 fen

    enum class Sign { NonNegative, AllowNegative };

    constexpr Money() = default;  // 0.00

    // OutOfRange when |fen| > kMaxMagnitudeFen.
    static PayResult<Money> fromFen(qint64 fen);
    // Unchecked: only for constants known to be in range (defaults, tests). Use fromFen for
    // anything computed or read.
    static constexpr Money fen(qint64 amount_fen) { return Money(amount_fen); }
    static constexpr Money yuan(qint64 amount_yuan) { return Money(amount_yuan * 100); }

    // The exact parser (grammar above). `field` only names the value in the error.
    static PayResult<Money> fromDecimalText(QStringView text, Sign sign = Sign::NonNegative,
                                            const QString& field = QString());

    constexpr qint64 toFen() const { return fen_; }
    constexpr bool isZero() const { return fen_ == 0; }
    constexpr bool isNegative() const { return fen_ < 0; }

    QString toDecimalText() const;
    QString toDisplayText(const QLocale& locale) const;  // Chinese: "1,234.50元", else "¥1,234.50"
    QString toDisplayText(QStringView language) const;   // "zh", "zh_CN", "zh-CN" -> Chinese

    // Checked arithmetic: Overflow when the result leaves the range.
    PayResult<Money> plus(Money other) const;
    PayResult<Money> minus(Money other) const;
    PayResult<Money> times(qint64 count) const;
    PayResult<Money> negated() const;

    constexpr auto operator<=>(const Money&) const = default;

private:
    constexpr explicit Money(qint64 amount_fen) : fen_(amount_fen) {}
    qint64 fen_ = 0;
};

// Sum of amounts, checked (Overflow names the index reached).
template<typename Range>
PayResult<Money> sumMoney(const Range& amounts)
{
    Money total;
    for (const Money& m : amounts) {
        auto next = total.plus(m);
        if (!next) return next.error();
        total = next.value();
    }
    return total;
}

}  // namespace mk::pay

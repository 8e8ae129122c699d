#include "payment/Money.h"

namespace mk::pay {

namespace {

QString fieldOr(const QString& field)
{
    return field.isEmpty() ? QStringLiteral("amount") : field;
}

bool inRange(qint64 fen)
{
    return fen >= -Money::kMaxMagnitudeFen && fen <= Money::kMaxMagnitudeFen;
}

PayError overflow(const char* op)
{
    return payError(PayErrorCode::Overflow, QString(),
                    QStringLiteral("%1 leaves the money range (|amount| < 10^13 fen)")
                        .arg(QLatin1StringView(op)));
}

// "1234567" -> "1,234,567" (ASCII digits, grouping of three).
QString groupedDigits(const QString& digits, QChar separator)
{
    QString out;
    out.reserve(digits.size() + digits.size() / 3);
    const qsizetype n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += separator;
        out += digits.at(i);
    }
    return out;
}

}  // namespace

PayResult<Money> Money::fromFen(qint64 amount_fen)
{
    if (!inRange(amount_fen))
        return payError(
            PayErrorCode::OutOfRange, QString(),
            QStringLiteral("%1 fen is out of range (|amount| < 10^13 fen)").arg(amount_fen));
    return Money(amount_fen);
}

PayResult<Money> Money::fromDecimalText(QStringView text, Sign sign, const QString& field)
{
    const QString name = fieldOr(field);
    auto syntax = [&](const QString& why) { return payError(PayErrorCode::Syntax, name, why); };
    if (text.isEmpty()) return syntax(QStringLiteral("empty amount"));
    if (text.size() > 40)
        return payError(PayErrorCode::OutOfRange, name, QStringLiteral("amount text too long"));
    qsizetype i = 0;
    bool negative = false;
    if (text.at(0) == u'-') {
        negative = true;
        i = 1;
    }
    const qsizetype intStart = i;
    while (i < text.size() && text.at(i) >= u'0' && text.at(i) <= u'9') ++i;
    const qsizetype intEnd = i;
    if (intEnd == intStart)
        return syntax(QStringLiteral("\"%1\" is not a decimal amount (digits expected)")
                          .arg(text.left(20).toString()));
    if (intEnd - intStart > 1 && text.at(intStart) == u'0')
        return syntax(QStringLiteral("\"%1\" has a leading zero").arg(text.left(20).toString()));
    qsizetype fracDigits = 0;
    qint64 frac = 0;
    if (i < text.size() && text.at(i) == u'.') {
        ++i;
        const qsizetype fracStart = i;
        while (i < text.size() && text.at(i) >= u'0' && text.at(i) <= u'9') ++i;
        fracDigits = i - fracStart;
        if (fracDigits == 0)
            return syntax(QStringLiteral("\"%1\" has no digit after the decimal point")
                              .arg(text.left(20).toString()));
        if (i == text.size() && fracDigits > 2)
            return payError(PayErrorCode::TooManyDecimals, name,
                            QStringLiteral("\"%1\" has %2 decimals (at most 2)")
                                .arg(text.left(24).toString())
                                .arg(fracDigits));
        for (qsizetype k = fracStart; k < i && k < fracStart + 2; ++k)
            frac = frac * 10 + (text.at(k).unicode() - u'0');
        if (fracDigits == 1) frac *= 10;
    }
    if (i != text.size()) {
        const QChar c = text.at(i);
        if (c == u'e' || c == u'E')
            return syntax(QStringLiteral("\"%1\" has an exponent (write the plain amount)")
                              .arg(text.left(20).toString()));
        return syntax(QStringLiteral("\"%1\" is not a decimal amount (unexpected character at %2)")
                          .arg(text.left(20).toString())
                          .arg(i));
    }
    if (negative && sign == Sign::NonNegative)
        return payError(PayErrorCode::Negative, name,
                        QStringLiteral("\"%1\" is negative").arg(text.left(20).toString()));
    // Integer part: at most 11 digits keeps it below 10^13 fen.
    const qsizetype intDigits = intEnd - intStart;
    if (intDigits > 11)
        return payError(PayErrorCode::OutOfRange, name,
                        QStringLiteral("amount too large (|amount| < 10^11 yuan)"));
    qint64 yuanPart = 0;
    for (qsizetype k = intStart; k < intEnd; ++k)
        yuanPart = yuanPart * 10 + (text.at(k).unicode() - u'0');
    const qint64 magnitude = yuanPart * 100 + frac;
    if (magnitude > kMaxMagnitudeFen)
        return payError(PayErrorCode::OutOfRange, name,
                        QStringLiteral("amount too large (|amount| < 10^11 yuan)"));
    return Money(negative ? -magnitude : magnitude);
}

QString Money::toDecimalText() const
{
    const qint64 magnitude = fen_ < 0 ? -fen_ : fen_;
    QString text = QString::number(magnitude / 100) + QLatin1Char('.') +
                   QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    if (fen_ < 0) text.prepend(QLatin1Char('-'));
    return text;
}

QString Money::toDisplayText(const QLocale& locale) const
{
    const qint64 magnitude = fen_ < 0 ? -fen_ : fen_;
    const QString number = groupedDigits(QString::number(magnitude / 100), QLatin1Char(',')) +
                           QLatin1Char('.') +
                           QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    const QString sign = fen_ < 0 ? QStringLiteral("-") : QString();
    if (locale.language() == QLocale::Chinese) return sign + number + QStringLiteral("元");
    return sign + QStringLiteral("¥") + number;
}

QString Money::toDisplayText(QStringView language) const
{
    const bool chinese = language.startsWith(u"zh", Qt::CaseInsensitive);
    return toDisplayText(chinese ? QLocale(QLocale::Chinese, QLocale::China)
                                 : QLocale(QLocale::English, QLocale::UnitedStates));
}

PayResult<Money> Money::plus(Money other) const
{
    // Checked in qint64 too: Money::fen() does not check its constant.
    qint64 sum = 0;
    if (__builtin_add_overflow(fen_, other.fen_, &sum) || !inRange(sum))
        return overflow("addition");
    return Money(sum);
}

PayResult<Money> Money::minus(Money other) const
{
    qint64 diff = 0;
    if (__builtin_sub_overflow(fen_, other.fen_, &diff) || !inRange(diff))
        return overflow("subtraction");
    return Money(diff);
}

PayResult<Money> Money::times(qint64 count) const
{
    qint64 product = 0;
    if (__builtin_mul_overflow(fen_, count, &product) || !inRange(product))
        return overflow("multiplication");
    return Money(product);
}

PayResult<Money> Money::negated() const
{
    if (!inRange(fen_)) return overflow("negation");
    return Money(-fen_);
}

}  // namespace mk::pay

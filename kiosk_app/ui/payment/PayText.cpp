#include "ui/payment/PayText.h"

#include "core/common/UserMessages.h"
#include "core/qr/QrImage.h"
#include "payment/Money.h"

#include <QLocale>

namespace mk::ui {

namespace {
constexpr qint64 kFenPerYuan = 100;

// 1234567 -> "12,345.67" without going through a double.
QString plainAmount(qint64 fen)
{
    const bool negative = fen < 0;
    // |INT64_MIN| does not fit: amounts that large never reach a screen (payment/ refuses them).
    const quint64 magnitude = negative ? quint64(0) - quint64(fen) : quint64(fen);
    QString yuan = QString::number(magnitude / kFenPerYuan);
    for (qsizetype i = yuan.size() - 3; i > 0; i -= 3) yuan.insert(i, QLatin1Char(','));
    const QString cents =
        QStringLiteral("%1").arg(magnitude % kFenPerYuan, 2, 10, QLatin1Char('0'));
    return (negative ? QStringLiteral("-") : QString()) + yuan + QLatin1Char('.') + cents;
}
}  // namespace

QString PayText::money(qint64 fen, const QString& ui_language)
{
    // payment/'s display ("1,234.50元" / "¥1,234.50"); an amount out of its range (never from a
    // checked bill) is still shown, digit by digit.
    auto money = pay::Money::fromFen(fen);
    if (money) return money.value().toDisplayText(QStringView(ui_language));
    if (ui_language.startsWith(QLatin1String("en"))) return QStringLiteral("¥") + plainAmount(fen);
    return plainAmount(fen) + QStringLiteral("元");
}

QString PayText::category(const QString& code)
{
    if (code == QLatin1String("registration")) return tr("Registration");
    if (code == QLatin1String("examination")) return tr("Examination");
    if (code == QLatin1String("laboratory")) return tr("Laboratory");
    if (code == QLatin1String("medicine")) return tr("Medicine");
    if (code == QLatin1String("treatment")) return tr("Treatment");
    return tr("Other");
}

QString PayText::lineName(const payment::BillLine& line, const QString& ui_language)
{
    if (ui_language.startsWith(QLatin1String("en")) && !line.name_en.isEmpty()) return line.name_en;
    return line.name_zh;
}

QString PayText::method(const QString& method)
{
    if (method == QLatin1String("phone")) return tr("Paid by phone");
    return tr("Paid on credit");
}

QString PayText::creditSummary(const payment::CreditLine& line, const QString& lang)
{
    using payment::CreditStatus;
    switch (line.status) {
        case CreditStatus::Active:
            return tr("Credit line %1 · used %2 · available %3")
                .arg(money(line.limit_fen, lang), money(line.used_fen, lang),
                     money(line.available_fen, lang));
        case CreditStatus::Suspended:
            return tr(
                "Your credit care is suspended. Please pay by phone, or ask at the "
                "cashier window why it is suspended.");
        case CreditStatus::Closed:
            return tr("Your credit care is closed. Please pay by phone.");
        case CreditStatus::None:
            return tr("You do not have credit care yet. You can open it here, or pay by phone.");
        case CreditStatus::Unset:
            break;
    }
    return tr("Your credit line could not be read now. You can pay by phone.");
}

QString PayText::refusal(const payment::BillPayment& p, const QString& lang)
{
    using payment::PayStatus;
    switch (p.status) {
        case PayStatus::AmountChanged:
            return tr(
                "This bill has changed since it was shown. Nothing was charged. Please "
                "look at the new amount and pay again.");
        case PayStatus::CreditLimit:
            return tr(
                "This amount is more than your credit line allows now. Nothing was "
                "charged. You can pay by phone instead.");
        case PayStatus::CreditSuspended:
            return tr(
                "Your credit care is suspended, so nothing was charged. Please pay by "
                "phone, or ask at the cashier window.");
        case PayStatus::NoCredit:
            return tr(
                "You do not have credit care. Nothing was charged. You can open it on the "
                "bills screen, or pay by phone.");
        case PayStatus::VerificationRequired:
            return tr(
                "The hospital system could not confirm it was you. Nothing was charged. "
                "Please check your identity again.");
        case PayStatus::AlreadyPaid:
            return tr(
                "This bill has already been paid (at another kiosk or at the cashier "
                "window). Nothing was charged here.");
        case PayStatus::NeedsPool:
            if (!p.cap.isEmpty())
                return tr(
                    "The hospital system cannot be reached and this payment is over what "
                    "the kiosk may accept offline. Nothing was charged. Please try again "
                    "later or pay at the cashier window.");
            return tr(
                "The hospital system cannot be reached, and this payment cannot be taken "
                "offline. Nothing was charged. Please try again later or pay at the "
                "cashier window.");
        case PayStatus::NotFound:
            return tr(
                "The hospital system does not know this bill any more. Nothing was "
                "charged. Please ask at the cashier window.");
        case PayStatus::Failed:
            return tr("The payment could not be completed. Nothing was reported paid. %1")
                .arg(userMessage(p.error));
        case PayStatus::Paid:
        case PayStatus::PaidOffline:
        case PayStatus::Unset:
            break;
    }
    Q_UNUSED(lang);
    return tr("This bill was not paid. Please ask at the cashier window.");
}

QImage PayText::qr(const QString& text, int size_px)
{
    if (text.isEmpty()) return {};
    auto image = qr::encode(text, size_px);
    return image ? image.value() : QImage();
}

}  // namespace mk::ui

#include "core/payment/PaymentTypes.h"

namespace mk::payment {

QString payStatusName(PayStatus status)
{
    switch (status) {
        case PayStatus::Unset:
            return QStringLiteral("unset");
        case PayStatus::Paid:
            return QStringLiteral("paid");
        case PayStatus::PaidOffline:
            return QStringLiteral("paid-offline");
        case PayStatus::AmountChanged:
            return QStringLiteral("amount-changed");
        case PayStatus::CreditLimit:
            return QStringLiteral("credit-limit");
        case PayStatus::CreditSuspended:
            return QStringLiteral("credit-suspended");
        case PayStatus::NoCredit:
            return QStringLiteral("no-credit");
        case PayStatus::VerificationRequired:
            return QStringLiteral("verification-required");
        case PayStatus::AlreadyPaid:
            return QStringLiteral("already-paid");
        case PayStatus::NeedsPool:
            return QStringLiteral("needs-pool");
        case PayStatus::NotFound:
            return QStringLiteral("not-found");
        case PayStatus::Failed:
            return QStringLiteral("failed");
    }
    return QStringLiteral("unknown");
}

}  // namespace mk::payment

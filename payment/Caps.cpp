#include "payment/Caps.h"

namespace mk::pay {

namespace {

CapsDecision refuse(CapRule rule, QString detail)
{
    return CapsDecision{false, rule, std::move(detail)};
}

}  // namespace

PayResult<CapsConfig> capsConfigFromValues(const QMap<QString, QString>& values)
{
    auto text = [&values](QStringView key, QStringView fallback) {
        const QString k = key.toString();
        return values.contains(k) ? values.value(k).trimmed() : fallback.toString();
    };
    CapsConfig config;
    struct MoneyKey {
        QStringView key;
        QStringView fallback;
        Money* target;
    };
    const MoneyKey moneyKeys[] = {
        {capskeys::kPerTransaction, capskeys::kDefaultPerTransaction, &config.perTransaction},
        {capskeys::kPerPatientPerDay, capskeys::kDefaultPerPatientPerDay, &config.perPatientPerDay},
        {capskeys::kKioskOutstanding, capskeys::kDefaultKioskOutstanding, &config.kioskOutstanding},
    };
    for (const MoneyKey& m : moneyKeys) {
        auto amount = Money::fromDecimalText(text(m.key, m.fallback), Money::Sign::NonNegative,
                                             m.key.toString());
        if (!amount) return amount.error();
        *m.target = amount.value();
    }
    bool ok = false;
    const QString ageText =
        text(capskeys::kMaxQueuedAgeMinutes, capskeys::kDefaultMaxQueuedAgeMinutes);
    const qint64 minutes = ageText.toLongLong(&ok);
    if (!ok || minutes < 1 || minutes > 10080)
        return payError(PayErrorCode::OutOfRange, capskeys::kMaxQueuedAgeMinutes.toString(),
                        QStringLiteral("whole minutes 1-10080 required"));
    config.maxQueuedAge_s = minutes * 60;
    if (config.perTransaction > config.perPatientPerDay)
        return payError(PayErrorCode::Invalid, capskeys::kPerTransaction.toString(),
                        QStringLiteral("larger than %1").arg(capskeys::kPerPatientPerDay));
    if (config.perTransaction > config.kioskOutstanding)
        return payError(PayErrorCode::Invalid, capskeys::kPerTransaction.toString(),
                        QStringLiteral("larger than %1").arg(capskeys::kKioskOutstanding));
    return config;
}

QString capRuleName(CapRule rule)
{
    switch (rule) {
        case CapRule::Disabled:
            return QStringLiteral("disabled");
        case CapRule::PerTransaction:
            return QStringLiteral("per-transaction");
        case CapRule::PerPatientDay:
            return QStringLiteral("per-patient-per-day");
        case CapRule::KioskTotal:
            return QStringLiteral("kiosk-outstanding");
        case CapRule::QueueAge:
            return QStringLiteral("queued-age");
        case CapRule::Unset:
            break;
    }
    return {};
}

CapsDecision checkOfflineCaps(const CapsConfig& config, const Exposure& exposure)
{
    if (config.perTransaction.isZero() || config.perTransaction.isNegative())
        return refuse(CapRule::Disabled, QStringLiteral("offline payments are disabled"));
    if (exposure.amount.isNegative() || exposure.patientToday.isNegative() ||
        exposure.kioskOutstanding.isNegative())
        return refuse(CapRule::PerTransaction, QStringLiteral("negative exposure figures"));
    if (exposure.amount > config.perTransaction)
        return refuse(
            CapRule::PerTransaction,
            QStringLiteral("%1 is above the per-transaction cap %2")
                .arg(exposure.amount.toDecimalText(), config.perTransaction.toDecimalText()));
    auto patient = exposure.patientToday.plus(exposure.amount);
    if (!patient || patient.value() > config.perPatientPerDay)
        return refuse(
            CapRule::PerPatientDay,
            QStringLiteral("%1 today + %2 is above the per-patient daily cap %3")
                .arg(exposure.patientToday.toDecimalText(), exposure.amount.toDecimalText(),
                     config.perPatientPerDay.toDecimalText()));
    auto kiosk = exposure.kioskOutstanding.plus(exposure.amount);
    if (!kiosk || kiosk.value() > config.kioskOutstanding)
        return refuse(
            CapRule::KioskTotal,
            QStringLiteral("%1 outstanding + %2 is above the kiosk cap %3")
                .arg(exposure.kioskOutstanding.toDecimalText(), exposure.amount.toDecimalText(),
                     config.kioskOutstanding.toDecimalText()));
    if (exposure.oldestQueuedAge_s && *exposure.oldestQueuedAge_s > config.maxQueuedAge_s)
        return refuse(CapRule::QueueAge,
                      QStringLiteral("the oldest queued payment is %1 s old (max %2 s)")
                          .arg(*exposure.oldestQueuedAge_s)
                          .arg(config.maxQueuedAge_s));
    return CapsDecision{true, CapRule::Unset, QStringLiteral("within the offline caps")};
}

}  // namespace mk::pay

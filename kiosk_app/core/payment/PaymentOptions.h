// The [payment] keys of kiosk.ini (kiosk_app/ctl/kiosk.ini.example): the offline exposure caps
// (DESIGN §4; payment/'s CapsConfig and its keys, payment/Caps.h), the lowest face score that
// counts as evidence, and the phone-order poll interval.
#pragma once

#include "payment/Caps.h"

#include <QString>

namespace mk::payment {

struct PaymentOptions {
    QString kiosk_id = QStringLiteral("KIOSK-DEMO-01");
    // The kiosk's SMART client id: the pool names payments' requestor Device/{client_id}
    // (pay reconcile). Empty: kiosk_id.
    QString client_id;
    QString timezone = QStringLiteral("Asia/Shanghai");
    // Offline credit payments (only face-verified, only bills cached today, within the caps):
    // payment/offline_max_per_transaction (0.00 = never offline), offline_max_per_patient_per_day,
    // offline_max_kiosk_outstanding, offline_max_queued_age_minutes.
    pay::CapsConfig caps;
    double face_min_score = 0.0;  // a lower 1:1 score is no evidence (the face flow decides)
    int phone_poll_ms = 2000;     // payment/phone_poll_ms: how often the UI polls a phone order

    QString deviceId() const { return client_id.isEmpty() ? kiosk_id : client_id; }
};

}  // namespace mk::payment

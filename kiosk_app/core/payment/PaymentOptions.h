// The [payment] keys of kiosk.ini (kiosk_app/ctl/kiosk.ini.example): offline exposure caps
// (DESIGN §4, checked with payment/'s Caps) and the phone-order poll interval.
#pragma once

#include <QString>

namespace mk::payment {

struct PaymentOptions {
    QString kiosk_id = QStringLiteral("KIOSK-DEMO-01");
    QString client_id;  // the kiosk's SMART client id: requestor Device/{client_id}
    QString timezone = QStringLiteral("Asia/Shanghai");
    // Offline credit payments (only face-verified, only bills cached today):
    bool offline_enabled = true;                  // payment/offline_enabled
    qint64 offline_max_transaction_fen = 50000;   // payment/offline_max_transaction (500.00)
    qint64 offline_max_patient_day_fen = 100000;  // payment/offline_max_patient_day (1000.00)
    qint64 offline_max_outstanding_fen = 500000;  // payment/offline_max_outstanding (5000.00)
    int offline_max_age_minutes = 24 * 60;        // payment/offline_max_age_minutes
    double face_min_score = 0.0;  // payment/face_min_score: a face score below is no evidence
    int phone_poll_ms = 2000;     // payment/phone_poll_ms (the UI polls at this interval)
};

}  // namespace mk::payment

// Kiosk configuration, from an INI file (QSettings). Secrets never live here: the store key comes
// from a systemd credential or a root-only key file whose *path* is configured.
#pragma once

#include "core/booking/BookingRules.h"
#include "core/common/Result.h"
#include "core/payment/PaymentOptions.h"
#include "core/pool/PoolClient.h"

#include <QString>

namespace mk::config {

struct KioskConfig {
    QString kiosk_id = QStringLiteral("KIOSK-DEMO-01");
    QString location_zh = QStringLiteral("儿童医院 门诊楼 3楼");
    QString location_en = QStringLiteral("Children's Hospital, Outpatient Bldg, Floor 3");
    QString default_language = QStringLiteral("zh_CN");  // zh_CN | en
    int idle_timeout_s = 60;
    int slot_refresh_s = 30;
    QString store_path;  // default: $STATE_DIRECTORY or ~/.local/share/medkiosk/store.db
    QString key_file;    // default: beside the store, store.key (0600, owned by the user)
    // The kiosk's identity key for the pool (issue 15, docs/identity.md); default:
    // <store folder>/identity/kiosk-key.pem. The systemd credential medkiosk-identity-key wins.
    QString identity_key_file;
    pool::PoolOptions pool;
    booking::BookingRules rules;
    // [payment] (issue 9): offline caps (payment/offline_max_*), payment/phone_poll_ms.
    payment::PaymentOptions payment;

    // Loads from the INI file, validating values (clear error for a bad URL, http:// outside
    // loopback, negative limits). An empty path gives the defaults; a named file that is
    // missing, unreadable or not an INI file is an error (IniFile::check).
    static Result<KioskConfig> load(const QString& ini_path);
    // $MEDKIOSK_CONFIG, else /etc/medkiosk/kiosk.ini when it exists, else empty (the defaults).
    static QString defaultPath();
    // $STATE_DIRECTORY/store.db (the first folder when systemd lists several), else
    // ~/.local/share/medkiosk/store.db.
    static QString defaultStorePath();
    // True for http(s) URLs whose host is localhost, 127.0.0.0/8 or ::1.
    static bool isLoopbackHost(const QString& host);
};

}  // namespace mk::config

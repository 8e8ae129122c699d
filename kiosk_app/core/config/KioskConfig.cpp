#include "core/config/KioskConfig.h"

#include "core/common/Log.h"
#include "core/config/IniFile.h"
#include "core/identity/KioskIdentity.h"
#include "core/store/KeyProvider.h"
#include "payment/Caps.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSettings>
#include <QTimeZone>

#include <limits>

namespace mk::config {

namespace {

// Translation context for every message of this file.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(mk::config::KioskConfig)
};

// Reads typed values from one QSettings and collects every problem, each naming its key.
class IniReader
{
public:
    explicit IniReader(QSettings& settings) : settings_(settings) {}

    QStringList problems;

    QString text(const QString& key, const QString& fallback)
    {
        if (!settings_.contains(key)) return fallback;
        const QVariant value = settings_.value(key);
        // QSettings splits an unquoted value at commas: "Hospital, Floor 3" comes back as a list.
        if (value.typeId() == QMetaType::QStringList)
            return value.toStringList().join(u", "_qs).trimmed();
        return value.toString().trimmed();
    }

    int integer(const QString& key, int fallback, int min, int max)
    {
        if (!settings_.contains(key)) return fallback;
        const QString raw = settings_.value(key).toString().trimmed();
        bool ok = false;
        const qlonglong value = raw.toLongLong(&ok);
        if (!ok) {
            problems << Text::tr("%1: \"%2\" is not a whole number").arg(key, raw);
            return fallback;
        }
        if (value < min || value > max) {
            problems << Text::tr("%1: %2 is out of range (allowed %3 to %4)")
                            .arg(key, raw)
                            .arg(min)
                            .arg(max);
            return fallback;
        }
        return int(value);
    }

private:
    QSettings& settings_;
};

const QStringList& knownKeys()
{
    static const QStringList keys{
        u"kiosk/id"_qs,
        u"kiosk/location_zh"_qs,
        u"kiosk/location_en"_qs,
        u"kiosk/default_language"_qs,
        u"kiosk/idle_timeout_s"_qs,
        u"kiosk/slot_refresh_s"_qs,
        u"store/path"_qs,
        u"store/key_file"_qs,
        u"identity/key_file"_qs,
        u"pool/base_url"_qs,
        u"pool/token_url"_qs,
        u"pool/ca_file"_qs,
        u"pool/connect_timeout_ms"_qs,
        u"pool/request_timeout_ms"_qs,
        u"pool/max_attempts"_qs,
        u"pool/backoff_base_ms"_qs,
        u"pool/max_reply_bytes"_qs,
        u"pool/timezone"_qs,
        u"rules/max_bookings_per_patient_per_day"_qs,
        u"rules/max_days_ahead"_qs,
        u"rules/cancellation_cutoff_hours"_qs,
        u"rules/min_minutes_before_start"_qs,
        pay::capskeys::kPerTransaction.toString(),
        pay::capskeys::kPerPatientPerDay.toString(),
        pay::capskeys::kKioskOutstanding.toString(),
        pay::capskeys::kMaxQueuedAgeMinutes.toString(),
        u"payment/phone_poll_ms"_qs,
    };
    return keys;
}

void readPoolUrl(IniReader& ini, KioskConfig& config)
{
    const QString key = u"pool/base_url"_qs;
    const QString raw = ini.text(key, QString());
    if (raw.isEmpty()) return;
    const QUrl url(raw, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http")) {
        ini.problems << Text::tr("%1: \"%2\" is not an http(s) URL with a host").arg(key, raw);
        return;
    }
    if (!url.userInfo().isEmpty()) {
        ini.problems << Text::tr("%1: the URL must not carry a user name or password").arg(key);
        return;
    }
    if (scheme == u"http" && !KioskConfig::isLoopbackHost(url.host())) {
        ini.problems << Text::tr(
                            "%1: plain http is only allowed to this machine (localhost, 127.0.0.1, "
                            "::1); use https for %2")
                            .arg(key, url.host());
        return;
    }
    config.pool.base_url = url;
}

}  // namespace

QString KioskConfig::defaultPath()
{
    return IniFile::resolve(QString());
}

QString KioskConfig::defaultStorePath()
{
    const QString state = qEnvironmentVariable("STATE_DIRECTORY").section(u':', 0, 0);
    if (!state.isEmpty()) return QDir(state).filePath(QStringLiteral("store.db"));
    return QDir::homePath() + u"/.local/share/medkiosk/store.db"_qs;
}

bool KioskConfig::isLoopbackHost(const QString& host)
{
    QString h = host.toLower();
    if (h.startsWith(u'[') && h.endsWith(u']')) h = h.mid(1, h.size() - 2);
    if (h == u"localhost" || h == u"localhost.") return true;
    if (h == u"::1" || h == u"0:0:0:0:0:0:0:1") return true;
    const QStringList octets = h.split(u'.');
    if (octets.size() != 4) return false;
    for (const QString& octet : octets) {
        bool ok = false;
        const int value = octet.toInt(&ok);
        if (!ok || value < 0 || value > 255 || octet.size() > 3) return false;
    }
    return octets.front().toInt() == 127;
}

Result<KioskConfig> KioskConfig::load(const QString& ini_path)
{
    KioskConfig config;
    if (Status checked = IniFile::check(ini_path); !checked) return checked.error();
    const QFileInfo info(ini_path);
    if (ini_path.isEmpty()) {
        qCInfo(lcConfig) << "no configuration file - using the defaults";
        config.store_path = defaultStorePath();
        config.key_file = store::KeyProvider::defaultKeyFile(config.store_path);
        return config;
    }
    if (!info.isFile() || !info.isReadable()) {
        return makeError(ErrorCode::Config,
                         Text::tr("cannot read the configuration file %1").arg(ini_path));
    }
    QSettings settings(ini_path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        return makeError(
            ErrorCode::Config,
            Text::tr("the configuration file %1 is not a valid INI file").arg(ini_path));
    }
    const QStringList& known = knownKeys();
    const QStringList present = settings.allKeys();
    // [checkin], [devices] and [face] belong to their own modules, which read and check them.
    static const QStringList other_groups{u"checkin"_qs, u"devices"_qs, u"face"_qs};
    for (const QString& key : present) {
        if (other_groups.contains(key.section(u'/', 0, 0))) continue;
        if (!known.contains(key)) qCWarning(lcConfig) << "unknown configuration key" << key;
    }

    IniReader ini(settings);
    config.kiosk_id = ini.text(u"kiosk/id"_qs, config.kiosk_id);
    static const QRegularExpression id_pattern(u"^[A-Za-z0-9._-]{1,64}$"_qs);
    if (!id_pattern.match(config.kiosk_id).hasMatch()) {
        ini.problems << Text::tr(
                            "kiosk/id: \"%1\" must be 1 to 64 letters, digits, '.', '_' or '-'")
                            .arg(config.kiosk_id);
    }
    config.location_zh = ini.text(u"kiosk/location_zh"_qs, config.location_zh);
    config.location_en = ini.text(u"kiosk/location_en"_qs, config.location_en);
    config.default_language = ini.text(u"kiosk/default_language"_qs, config.default_language);
    if (config.default_language != u"zh_CN" && config.default_language != u"en") {
        ini.problems << Text::tr("kiosk/default_language: \"%1\" is not zh_CN or en")
                            .arg(config.default_language);
    }
    config.idle_timeout_s =
        ini.integer(u"kiosk/idle_timeout_s"_qs, config.idle_timeout_s, 10, 3600);
    config.slot_refresh_s = ini.integer(u"kiosk/slot_refresh_s"_qs, config.slot_refresh_s, 5, 3600);

    config.store_path = ini.text(u"store/path"_qs, QString());
    if (config.store_path.isEmpty()) config.store_path = defaultStorePath();
    if (QFileInfo(config.store_path).isRelative()) {
        ini.problems
            << Text::tr("store/path: \"%1\" must be an absolute path").arg(config.store_path);
    }
    config.key_file = ini.text(u"store/key_file"_qs, QString());
    if (config.key_file.isEmpty())
        config.key_file = store::KeyProvider::defaultKeyFile(config.store_path);
    if (QFileInfo(config.key_file).isRelative()) {
        ini.problems
            << Text::tr("store/key_file: \"%1\" must be an absolute path").arg(config.key_file);
    }

    config.identity_key_file = ini.text(u"identity/key_file"_qs, QString());
    if (config.identity_key_file.isEmpty())
        config.identity_key_file = identity::KioskIdentity::defaultKeyFile(config.store_path);
    if (QFileInfo(config.identity_key_file).isRelative()) {
        ini.problems << Text::tr("identity/key_file: \"%1\" must be an absolute path")
                            .arg(config.identity_key_file);
    }

    pool::PoolOptions& pool = config.pool;
    readPoolUrl(ini, config);
    if (const QString token = ini.text(u"pool/token_url"_qs, QString()); !token.isEmpty()) {
        const QUrl url(token, QUrl::StrictMode);
        const bool https = url.scheme() == u"https";
        const bool loopback_http =
            url.scheme() == u"http" && KioskConfig::isLoopbackHost(url.host());
        if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() ||
            (!https && !loopback_http)) {
            ini.problems << Text::tr(
                                "pool/token_url: \"%1\" must be an https URL (plain http only "
                                "to this machine)")
                                .arg(token);
        } else {
            pool.token_url = url;
        }
    }
    pool.ca_file = ini.text(u"pool/ca_file"_qs, pool.ca_file);
    if (!pool.ca_file.isEmpty() && !QFileInfo(pool.ca_file).isFile()) {
        ini.problems
            << Text::tr("pool/ca_file: %1 does not exist or is not a file").arg(pool.ca_file);
    }
    pool.connect_timeout_ms =
        ini.integer(u"pool/connect_timeout_ms"_qs, pool.connect_timeout_ms, 100, 60000);
    pool.request_timeout_ms =
        ini.integer(u"pool/request_timeout_ms"_qs, pool.request_timeout_ms, 500, 300000);
    if (pool.request_timeout_ms < pool.connect_timeout_ms) {
        ini.problems
            << Text::tr("pool/request_timeout_ms: %1 is shorter than pool/connect_timeout_ms %2")
                   .arg(pool.request_timeout_ms)
                   .arg(pool.connect_timeout_ms);
    }
    pool.max_attempts = ini.integer(u"pool/max_attempts"_qs, pool.max_attempts, 1, 10);
    pool.backoff_base_ms = ini.integer(u"pool/backoff_base_ms"_qs, pool.backoff_base_ms, 0, 60000);
    pool.max_reply_bytes = ini.integer(u"pool/max_reply_bytes"_qs, int(pool.max_reply_bytes),
                                       64 * 1024, 256 * 1024 * 1024);
    pool.timezone = ini.text(u"pool/timezone"_qs, pool.timezone);
    if (!QTimeZone(pool.timezone.toUtf8()).isValid()) {
        ini.problems
            << Text::tr("pool/timezone: \"%1\" is not a known IANA time zone").arg(pool.timezone);
    }

    booking::BookingRules& rules = config.rules;
    // The rules count days in the hospital's zone: the one of pool/timezone.
    rules.timezone_id = pool.timezone.toUtf8();
    rules.max_bookings_per_patient_per_day =
        ini.integer(u"rules/max_bookings_per_patient_per_day"_qs,
                    rules.max_bookings_per_patient_per_day, 1, 20);
    rules.max_days_ahead = ini.integer(u"rules/max_days_ahead"_qs, rules.max_days_ahead, 0, 365);
    rules.cancellation_cutoff_hours =
        ini.integer(u"rules/cancellation_cutoff_hours"_qs, rules.cancellation_cutoff_hours, 0, 168);
    rules.min_minutes_before_start =
        ini.integer(u"rules/min_minutes_before_start"_qs, rules.min_minutes_before_start, 0, 1440);

    // [payment] (issue 9): the offline caps (payment/'s rules and defaults) and the phone poll.
    QMap<QString, QString> caps_values;
    for (const QStringView key :
         {pay::capskeys::kPerTransaction, pay::capskeys::kPerPatientPerDay,
          pay::capskeys::kKioskOutstanding, pay::capskeys::kMaxQueuedAgeMinutes}) {
        if (settings.contains(key.toString()))
            caps_values.insert(key.toString(), settings.value(key.toString()).toString().trimmed());
    }
    if (auto caps = pay::capsConfigFromValues(caps_values); caps) {
        config.payment.caps = caps.value();
    } else {
        ini.problems << Text::tr("%1: %2").arg(caps.error().field, caps.error().detail);
    }
    config.payment.phone_poll_ms =
        ini.integer(u"payment/phone_poll_ms"_qs, config.payment.phone_poll_ms, 500, 30000);
    config.payment.kiosk_id = config.kiosk_id;
    config.payment.timezone = pool.timezone;

    if (!ini.problems.isEmpty()) {
        Error e = makeError(
            ErrorCode::Config,
            Text::tr("invalid configuration in %1: %2").arg(ini_path, ini.problems.join(u"; "_qs)));
        qCWarning(lcConfig) << e.detail;
        return e;
    }
    return config;
}

}  // namespace mk::config

// medkioskctl diagnostics [--config F] [--json]: versions (SQLCipher read from a real keyed
// database), the configuration without secrets, and the store's state. Exit 1 when SQLCipher is
// missing, the configuration is invalid or an existing store fails its quick check.
#include "CtlCommand.h"
#include "StoreCheck.h"
#include "core/config/KioskConfig.h"
#include "core/store/KeyProvider.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace mk::ctl {

class DiagnosticsCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::DiagnosticsCommand)

public:
    QStringList words() const override { return {u"diagnostics"_qs}; }
    QString summary() const override
    {
        return tr("Versions, SQLCipher, configuration (no secrets) and the store's state.");
    }
    int run(const CtlContext& context) const override;

private:
    static QJsonObject configJson(const config::KioskConfig& c);
    static void printConfig(QTextStream& out, const config::KioskConfig& c);
};

int DiagnosticsCommand::run(const CtlContext& context) const
{
    bool ok = true;
    auto cipher = store::Store::linkedCipherVersion();
    ok = ok && cipher.ok();
    QJsonObject versions{{u"medkioskctl"_qs, QCoreApplication::applicationVersion()},
                         {u"qt"_qs, QString::fromLatin1(qVersion())},
                         {u"sqlite"_qs, store::SqlCipherDb::libraryVersion()}};
    versions.insert(u"sqlcipher"_qs, cipher.ok() ? cipher.value() : QString());

    const QString config_path = context.configPath();
    const bool config_exists = QFileInfo::exists(config_path);
    auto config = config::KioskConfig::load(config_path);
    ok = ok && config.ok();
    StoreCheckResult store_result;
    if (config) {
        store_result = StoreCheck::run(config.value(), false);
        // A store not created yet is not a failure; a store that does not open is.
        ok = ok && (store_result.ok || !store_result.present);
    }

    if (context.json()) {
        QJsonObject root{{u"ok"_qs, ok}, {u"versions"_qs, versions}};
        QJsonObject cfg{{u"path"_qs, config_path}, {u"file_exists"_qs, config_exists}};
        if (config) {
            cfg.insert(u"values"_qs, configJson(config.value()));
            root.insert(u"store"_qs, StoreCheck::toJson(store_result));
        } else {
            cfg.insert(u"error"_qs, config.error().detail);
        }
        if (!cipher) root.insert(u"sqlcipher_error"_qs, cipher.error().detail);
        root.insert(u"config"_qs, cfg);
        context.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return ok ? kExitOk : kExitCheckFailed;
    }

    QTextStream& out = context.out;
    out << tr("Versions") << u'\n';
    out << u"  "_qs << tr("medkioskctl:     %1").arg(QCoreApplication::applicationVersion())
        << u'\n';
    out << u"  "_qs << tr("Qt:              %1").arg(QString::fromLatin1(qVersion())) << u'\n';
    out << u"  "_qs << tr("SQLite:          %1").arg(store::SqlCipherDb::libraryVersion()) << u'\n';
    out << u"  "_qs
        << tr("SQLCipher:       %1").arg(cipher ? cipher.value() : cipher.error().detail) << u'\n';
    out << tr("Configuration") << u'\n';
    out << u"  "_qs
        << tr("file:            %1 (%2)")
               .arg(config_path, config_exists ? tr("found") : tr("missing: defaults in use"))
        << u'\n';
    if (config) {
        printConfig(out, config.value());
        StoreCheck::print(out, store_result, false);
    } else {
        out << u"  "_qs << tr("problem:         %1").arg(config.error().detail) << u'\n';
    }
    out << (ok ? tr("Diagnostics: OK") : tr("Diagnostics: FAILED")) << u'\n';
    return ok ? kExitOk : kExitCheckFailed;
}

QJsonObject DiagnosticsCommand::configJson(const config::KioskConfig& c)
{
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    const bool has_credential =
        !credentials.isEmpty() &&
        QFileInfo::exists(
            QDir(credentials).filePath(QLatin1String(store::KeyProvider::kCredentialName)));
    return QJsonObject{
        {u"kiosk_id"_qs, c.kiosk_id},
        {u"location_zh"_qs, c.location_zh},
        {u"location_en"_qs, c.location_en},
        {u"default_language"_qs, c.default_language},
        {u"idle_timeout_s"_qs, c.idle_timeout_s},
        {u"slot_refresh_s"_qs, c.slot_refresh_s},
        {u"store_path"_qs, c.store_path},
        {u"key_file"_qs, c.key_file},
        {u"key_file_exists"_qs, QFileInfo::exists(c.key_file)},
        {u"credential_present"_qs, has_credential},
        {u"pool_base_url"_qs, c.pool.base_url.toDisplayString(QUrl::RemoveUserInfo)},
        {u"pool_ca_file"_qs, c.pool.ca_file},
        {u"pool_connect_timeout_ms"_qs, c.pool.connect_timeout_ms},
        {u"pool_request_timeout_ms"_qs, c.pool.request_timeout_ms},
        {u"pool_max_attempts"_qs, c.pool.max_attempts},
        {u"pool_timezone"_qs, c.pool.timezone},
        {u"max_bookings_per_patient_per_day"_qs, c.rules.max_bookings_per_patient_per_day},
        {u"max_days_ahead"_qs, c.rules.max_days_ahead},
        {u"cancellation_cutoff_hours"_qs, c.rules.cancellation_cutoff_hours},
        {u"min_minutes_before_start"_qs, c.rules.min_minutes_before_start},
    };
}

void DiagnosticsCommand::printConfig(QTextStream& out, const config::KioskConfig& c)
{
    const QJsonObject values = configJson(c);
    const QStringList keys = values.keys();
    for (const QString& key : keys) {
        const QJsonValue v = values.value(key);
        QString text;
        if (v.isBool()) {
            text = v.toBool() ? tr("yes") : tr("no");
        } else if (v.isDouble()) {
            text = QString::number(v.toInt());
        } else {
            text = v.toString();
        }
        out << u"  "_qs << (key + u':').leftJustified(34) << text << u'\n';
    }
}

MK_CTL_COMMAND(DiagnosticsCommand)

}  // namespace mk::ctl

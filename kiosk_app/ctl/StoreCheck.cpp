#include "StoreCheck.h"

#include "core/store/KeyProvider.h"
#include "core/store/StoreRekey.h"

#include <QFileInfo>

namespace mk::ctl {

StoreCheckResult StoreCheck::run(const config::KioskConfig& config, bool full_integrity_check)
{
    StoreCheckResult result;
    result.path = config.store_path;
    result.key_file = config.key_file;
    result.present = QFileInfo(config.store_path).isFile();
    if (!result.present) {
        result.error =
            tr("no store file at %1 (the kiosk creates it on first start)").arg(config.store_path);
        return result;
    }
    store::KeyProvider::Source source{};
    auto key = store::KeyProvider::loadExisting(
        config.key_file, qEnvironmentVariable("CREDENTIALS_DIRECTORY"), &source);
    if (!key) {
        result.error = key.error().detail;
        return result;
    }
    result.key_source = store::KeyProvider::sourceName(source);
    if (Status rotation = store::StoreRekey::checkInterrupted(
            config.store_path, key.value(), source == store::KeyProvider::Source::Credential);
        !rotation) {
        result.error = rotation.error().detail;
        return result;
    }
    auto report =
        store::StoreInspector::inspect(config.store_path, key.value(), full_integrity_check);
    if (!report) {
        result.error = report.error().detail;
        return result;
    }
    result.report = report.value();
    if (!result.report.integrity_ok) {
        result.error = tr("integrity check failed: %1").arg(result.report.integrity_detail);
    } else if (result.report.schema_version > result.report.latest_schema_version) {
        result.error = tr("the store's schema version %1 is newer than this program's %2")
                           .arg(result.report.schema_version)
                           .arg(result.report.latest_schema_version);
    } else {
        result.ok = true;
    }
    return result;
}

QJsonObject StoreCheck::toJson(const StoreCheckResult& r)
{
    QJsonObject o{{u"ok"_qs, r.ok},
                  {u"present"_qs, r.present},
                  {u"path"_qs, r.path},
                  {u"key_file"_qs, r.key_file}};
    if (!r.key_source.isEmpty()) o.insert(u"key_source"_qs, r.key_source);
    if (!r.error.isEmpty()) o.insert(u"error"_qs, r.error);
    if (!r.report.cipher_version.isEmpty()) {
        o.insert(u"size_bytes"_qs, double(r.report.size_bytes));
        o.insert(u"cipher_version"_qs, r.report.cipher_version);
        o.insert(u"schema_version"_qs, r.report.schema_version);
        o.insert(u"latest_schema_version"_qs, r.report.latest_schema_version);
        o.insert(u"integrity"_qs, r.report.integrity_detail);
    }
    return o;
}

void StoreCheck::print(QTextStream& out, const StoreCheckResult& r, bool missing_is_failure)
{
    out << tr("Store") << u'\n';
    out << u"  "_qs << tr("path:            %1").arg(r.path) << u'\n';
    out << u"  "_qs << tr("key file:        %1").arg(r.key_file) << u'\n';
    if (!r.key_source.isEmpty())
        out << u"  "_qs << tr("key from:        %1").arg(r.key_source) << u'\n';
    if (!r.report.cipher_version.isEmpty()) {
        out << u"  "_qs << tr("size:            %1 bytes").arg(r.report.size_bytes) << u'\n';
        out << u"  "_qs
            << tr("schema version:  %1 (this program: %2)")
                   .arg(r.report.schema_version)
                   .arg(r.report.latest_schema_version)
            << u'\n';
        out << u"  "_qs << tr("integrity:       %1").arg(r.report.integrity_detail) << u'\n';
    }
    if (!r.error.isEmpty()) out << u"  "_qs << tr("problem:         %1").arg(r.error) << u'\n';
    if (!r.present && !missing_is_failure) {
        out << u"  "_qs << tr("result:          not created yet") << u'\n';
    } else {
        out << u"  "_qs << (r.ok ? tr("result:          OK") : tr("result:          FAILED"))
            << u'\n';
    }
}

}  // namespace mk::ctl

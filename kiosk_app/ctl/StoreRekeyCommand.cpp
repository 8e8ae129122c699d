// medkioskctl store rekey [--new-key-file FILE] [--config F] [--json]: rotates the store key
// (SQLCipher PRAGMA rekey) on a store the kiosk does not hold, and says exactly what it did
// (core/store/StoreRekey, docs/maintenance.md). Exit 0: the store opens only with the new key;
// 1: nothing changed, the store opens with the old key; 3: re-encrypted but the new key file could
// not replace the old one (the message says the command); 4: neither key opens the store as
// expected, both kept.
#include "CtlCommand.h"
#include "core/config/KioskConfig.h"
#include "core/store/StoreRekey.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mk::ctl {

class StoreRekeyCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::StoreRekeyCommand)

public:
    QStringList words() const override { return {u"store"_qs, u"rekey"_qs}; }
    QString summary() const override
    {
        return tr(
            "Re-encrypt the stopped kiosk's store with a new random key, keeping every "
            "record.");
    }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(QCommandLineOption(
            u"new-key-file"_qs,
            tr("Use the new key in FILE (made by medkiosk-ctl for the systemd credential) and "
               "leave replacing the old key to the caller."),
            u"FILE"_qs));
    }
    int run(const CtlContext& context) const override
    {
        auto config = config::KioskConfig::load(context.configPath());
        if (!config) {
            context.err << config.error().detail << u'\n';
            return kExitCheckFailed;
        }
        store::RekeyOptions options;
        options.store_path = config.value().store_path;
        options.key_file = config.value().key_file;
        options.credentials_dir = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
        options.new_key_file = context.parser.value(u"new-key-file"_qs);
        const store::RekeyReport report = store::StoreRekey::run(options);
        using Outcome = store::RekeyReport::Outcome;
        const int code = report.outcome == Outcome::Rekeyed              ? kExitOk
                         : report.outcome == Outcome::Unchanged          ? kExitCheckFailed
                         : report.outcome == Outcome::NewKeyNotInstalled ? 3
                                                                         : 4;
        if (context.json()) {
            QJsonObject o{{u"ok"_qs, code == kExitOk},
                          {u"outcome"_qs, outcomeName(report.outcome)},
                          {u"store"_qs, options.store_path},
                          {u"steps"_qs, QJsonArray::fromStringList(report.steps)},
                          {u"rows"_qs, double(report.rows)},
                          {u"tables"_qs, report.tables},
                          {u"rekey_ms"_qs, double(report.rekey_ms)},
                          {u"total_ms"_qs, double(report.total_ms)}};
            if (!report.error.isEmpty()) o.insert(u"error"_qs, report.error);
            context.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
            return code;
        }
        for (const QString& step : report.steps) context.out << u"- "_qs << step << u'\n';
        if (code == kExitOk) {
            context.out << tr("Store re-encrypted with a new key: %1 rows in %2 tables kept "
                              "(%3 ms in all).")
                               .arg(report.rows)
                               .arg(report.tables)
                               .arg(report.total_ms)
                        << u'\n';
        } else if (code == kExitCheckFailed) {
            context.err << tr("Store not re-encrypted: %1").arg(report.error) << u'\n';
        } else if (code == 3) {
            context.err
                << tr("Store re-encrypted, but the new key is not in place: %1").arg(report.error)
                << u'\n';
        } else {
            context.err
                << tr("Store key rotation stopped in an unclear state: %1").arg(report.error)
                << u'\n';
        }
        return code;
    }

private:
    static QString outcomeName(store::RekeyReport::Outcome outcome)
    {
        using Outcome = store::RekeyReport::Outcome;
        switch (outcome) {
            case Outcome::Rekeyed:
                return u"rekeyed"_qs;
            case Outcome::Unchanged:
                return u"unchanged"_qs;
            case Outcome::NewKeyNotInstalled:
                return u"new-key-not-installed"_qs;
            case Outcome::Unknown:
            case Outcome::Unset:
                break;
        }
        return u"unknown"_qs;
    }
};

MK_CTL_COMMAND(StoreRekeyCommand)

}  // namespace mk::ctl

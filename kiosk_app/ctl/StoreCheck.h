// The store part of `diagnostics` and `store check`: find the key without creating one, open the
// store read-only and check it. Never prints or logs the key.
#pragma once

#include "core/config/KioskConfig.h"
#include "core/store/StoreInspector.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

namespace mk::ctl {

struct StoreCheckResult {
    bool ok = false;       // the store opened and passed the check
    bool present = false;  // a store file exists
    QString path;
    QString key_file;
    QString key_source;  // where the key came from, when found
    QString error;       // what failed, for IT staff
    store::StoreReport report;
};

class StoreCheck
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::StoreCheck)

public:
    static StoreCheckResult run(const config::KioskConfig& config, bool full_integrity_check);
    static QJsonObject toJson(const StoreCheckResult& result);
    // missing_is_failure: whether a store not created yet counts as a failed check.
    static void print(QTextStream& out, const StoreCheckResult& result, bool missing_is_failure);
};

}  // namespace mk::ctl

// medkioskctl store check [--config F] [--json]: opens the store read-only with its key and runs
// SQLite's full integrity_check. Exit 1 when the store is missing, unreadable or damaged.
#include "CtlCommand.h"
#include "StoreCheck.h"
#include "core/config/KioskConfig.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace mk::ctl {

class StoreCheckCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::StoreCheckCommand)

public:
    QStringList words() const override { return {u"store"_qs, u"check"_qs}; }
    QString summary() const override
    {
        return tr("Open the encrypted store read-only and run a full integrity check.");
    }
    int run(const CtlContext& context) const override
    {
        auto config = config::KioskConfig::load(context.configPath());
        if (!config) {
            context.err << config.error().detail << u'\n';
            return kExitCheckFailed;
        }
        const StoreCheckResult result = StoreCheck::run(config.value(), true);
        if (context.json()) {
            context.out << QString::fromUtf8(
                QJsonDocument(StoreCheck::toJson(result)).toJson(QJsonDocument::Indented));
        } else {
            StoreCheck::print(context.out, result, true);
        }
        return result.ok ? kExitOk : kExitCheckFailed;
    }
};

MK_CTL_COMMAND(StoreCheckCommand)

}  // namespace mk::ctl

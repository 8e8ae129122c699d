// medkioskctl queue status [--json]: the outbox's counts and the pool connectivity the relay last
// recorded (the same QueueStatus the kiosk's indicator shows). Exit 1 when dead letters wait.
#include "CtlCommand.h"
#include "QueueCtl.h"

#include <QJsonDocument>

namespace mk::ctl {

class QueueStatusCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::QueueStatusCommand)

public:
    QStringList words() const override { return {u"queue"_qs, u"status"_qs}; }
    QString summary() const override
    {
        return tr("Show the outbox: waiting commands, dead letters, pool connectivity.");
    }
    int run(const CtlContext& context) const override
    {
        auto session = QueueCtl::open(context, false);
        if (!session) return kExitCheckFailed;
        auto status = session->outbox->status(QDateTime::currentDateTimeUtc());
        if (!status) {
            context.err << status.error().detail << u'\n';
            return kExitCheckFailed;
        }
        if (context.json()) {
            context.out << QString::fromUtf8(
                QJsonDocument(status.value().toJson()).toJson(QJsonDocument::Indented));
        } else {
            QueueCtl::print(context.out, status.value());
        }
        return status.value().dead > 0 ? kExitCheckFailed : kExitOk;
    }
};

MK_CTL_COMMAND(QueueStatusCommand)

}  // namespace mk::ctl

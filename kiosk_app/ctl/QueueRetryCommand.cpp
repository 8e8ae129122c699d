// medkioskctl queue retry ID [--reason TEXT] [--json]: queues a dead (or discarded) record again
// with its attempts reset and its idempotency key kept; writes an audit row (who, why, when).
#include "CtlCommand.h"
#include "QueueCtl.h"

#include <QJsonDocument>

namespace mk::ctl {

class QueueRetryCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::QueueRetryCommand)

public:
    QStringList words() const override { return {u"queue"_qs, u"retry"_qs}; }
    QString summary() const override
    {
        return tr("Queue a dead outbox record again (ID), keeping its idempotency key.");
    }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(QCommandLineOption(u"reason"_qs, tr("Why, for the audit log."), tr("text"),
                                            tr("retried by staff")));
    }
    int maxPositionalArguments() const override { return 1; }
    int run(const CtlContext& context) const override
    {
        const std::optional<qint64> id = QueueCtl::idArgument(context, 0);
        if (!id) return kExitUsage;
        auto session = QueueCtl::open(context, true);
        if (!session) return kExitCheckFailed;
        const Status done = session->outbox->retry(*id, QueueCtl::operatorName(),
                                                   context.parser.value(u"reason"_qs),
                                                   QDateTime::currentDateTimeUtc());
        if (!done) {
            context.err << done.error().detail << u'\n';
            return done.error().code == ErrorCode::BadRequest ? kExitUsage : kExitCheckFailed;
        }
        if (context.json()) {
            context.out << QString::fromUtf8(
                QJsonDocument(QJsonObject{{u"id"_qs, double(*id)}, {u"state"_qs, u"queued"_qs}})
                    .toJson(QJsonDocument::Indented));
        } else {
            context.out
                << tr("record %1 queued again; the kiosk sends it at its next pass").arg(*id)
                << u'\n';
        }
        return kExitOk;
    }
};

MK_CTL_COMMAND(QueueRetryCommand)

}  // namespace mk::ctl

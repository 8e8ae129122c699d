// medkioskctl queue discard ID --reason TEXT [--json]: gives up a queued or dead record (it is
// never sent); the reason is required and goes to the audit log with who and when.
#include "CtlCommand.h"
#include "QueueCtl.h"

#include <QJsonDocument>

namespace mk::ctl {

class QueueDiscardCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::QueueDiscardCommand)

public:
    QStringList words() const override { return {u"queue"_qs, u"discard"_qs}; }
    QString summary() const override
    {
        return tr("Give up an outbox record (ID) that must not be sent; --reason is required.");
    }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(
            QCommandLineOption(u"reason"_qs, tr("Why, for the audit log (required)."), tr("text")));
    }
    int maxPositionalArguments() const override { return 1; }
    int run(const CtlContext& context) const override
    {
        const std::optional<qint64> id = QueueCtl::idArgument(context, 0);
        if (!id) return kExitUsage;
        const QString reason = context.parser.value(u"reason"_qs).trimmed();
        if (reason.isEmpty()) {
            context.err << tr("--reason is required") << u'\n';
            return kExitUsage;
        }
        auto session = QueueCtl::open(context, true);
        if (!session) return kExitCheckFailed;
        const Status done = session->outbox->discard(*id, QueueCtl::operatorName(), reason,
                                                     QDateTime::currentDateTimeUtc());
        if (!done) {
            context.err << done.error().detail << u'\n';
            return done.error().code == ErrorCode::BadRequest ? kExitUsage : kExitCheckFailed;
        }
        if (context.json()) {
            context.out << QString::fromUtf8(
                QJsonDocument(QJsonObject{{u"id"_qs, double(*id)}, {u"state"_qs, u"discarded"_qs}})
                    .toJson(QJsonDocument::Indented));
        } else {
            context.out << tr("record %1 discarded").arg(*id) << u'\n';
        }
        return kExitOk;
    }
};

MK_CTL_COMMAND(QueueDiscardCommand)

}  // namespace mk::ctl

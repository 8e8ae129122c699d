// medkioskctl queue list [--state S] [--limit N] [--json]: outbox records, newest first (ids,
// kinds, states, attempts, errors; never payloads).
#include "CtlCommand.h"
#include "QueueCtl.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mk::ctl {

class QueueListCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::QueueListCommand)

public:
    QStringList words() const override { return {u"queue"_qs, u"list"_qs}; }
    QString summary() const override { return tr("List outbox records, newest first."); }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(QCommandLineOption(
            u"state"_qs, tr("Only records in this state: queued, sent, dead, discarded."),
            tr("state")));
        parser.addOption(QCommandLineOption(u"limit"_qs, tr("At most this many (default 100)."),
                                            tr("n"), u"100"_qs));
    }
    int run(const CtlContext& context) const override
    {
        std::optional<outbox::CommandState> state;
        const QString state_name = context.parser.value(u"state"_qs);
        if (!state_name.isEmpty()) {
            state = outbox::stateFromName(state_name);
            if (!state) {
                context.err << tr("unknown state %1").arg(state_name) << u'\n';
                return kExitUsage;
            }
        }
        bool limit_ok = false;
        const int limit = context.parser.value(u"limit"_qs).toInt(&limit_ok);
        if (!limit_ok || limit < 1) {
            context.err << tr("--limit must be a positive number") << u'\n';
            return kExitUsage;
        }
        auto session = QueueCtl::open(context, false);
        if (!session) return kExitCheckFailed;
        auto records = session->outbox->list(state, limit);
        if (!records) {
            context.err << records.error().detail << u'\n';
            return kExitCheckFailed;
        }
        if (context.json()) {
            QJsonArray array;
            for (const auto& r : records.value()) array.append(QueueCtl::toJson(r));
            context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        } else {
            for (const auto& r : records.value()) QueueCtl::print(context.out, r);
            if (records.value().isEmpty()) context.out << tr("no records") << u'\n';
        }
        return kExitOk;
    }
};

MK_CTL_COMMAND(QueueListCommand)

}  // namespace mk::ctl

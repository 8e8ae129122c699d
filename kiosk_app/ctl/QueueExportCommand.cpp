// medkioskctl queue export FILE [--json]: a redacted JSON report of the outbox for support
// (status, every record's id, kind, ordering key, state, attempts, times and error; audit actions
// and times). No payloads, results, staff names or free-text reasons: nothing personal. The file
// is a new file of mode 0600, fsync'd (common/SafeFile.h): an existing name is refused unless
// --force, and then only a regular file is replaced, atomically; never a symlink, device or FIFO,
// never anything in the store's folder. A failed write or flush exits 1 with the reason.
#include "CtlCommand.h"
#include "QueueCtl.h"
#include "core/common/SafeFile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace mk::ctl {

class QueueExportCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::QueueExportCommand)

public:
    static constexpr int kMaxRecords = 100000;

    QStringList words() const override { return {u"queue"_qs, u"export"_qs}; }
    QString summary() const override
    {
        return tr("Write a redacted outbox report (no personal data) to FILE.");
    }
    int maxPositionalArguments() const override { return 1; }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(QCommandLineOption(
            u"force"_qs, tr("Replace FILE if it exists (only a regular file is ever replaced).")));
    }
    int run(const CtlContext& context) const override
    {
        const QString file = context.parser.positionalArguments().value(0);
        if (file.isEmpty()) {
            context.err << tr("a file name is required") << u'\n';
            return kExitUsage;
        }
        auto session = QueueCtl::open(context, false);
        if (!session) return kExitCheckFailed;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto status = session->outbox->status(now);
        auto records = session->outbox->list(std::nullopt, kMaxRecords);
        auto audit = session->outbox->audit(0);
        if (!status || !records || !audit) {
            context.err << (!status    ? status.error()
                            : !records ? records.error()
                                       : audit.error())
                               .detail
                        << u'\n';
            return kExitCheckFailed;
        }
        QJsonArray record_array;
        for (const auto& r : records.value()) record_array.append(QueueCtl::toJson(r));
        QJsonArray audit_array;
        for (const auto& a : audit.value()) audit_array.append(QueueCtl::toJson(a, false));
        const QJsonObject report{{u"generated_at"_qs, now.toString(Qt::ISODate)},
                                 {u"redacted"_qs, true},
                                 {u"status"_qs, status.value().toJson()},
                                 {u"records"_qs, record_array},
                                 {u"audit"_qs, audit_array}};
        SafeWriteOptions options;
        options.replace_existing = context.parser.isSet(u"force"_qs);
        options.forbidden_folder = QFileInfo(session->store->path()).absolutePath();
        const QByteArray bytes = QJsonDocument(report).toJson(QJsonDocument::Indented);
        session.reset();  // the store is closed before anything is written
        if (Status written = SafeFile::write(file, bytes, options); !written) {
            context.err << written.error().detail << u'\n';
            return kExitCheckFailed;
        }
        if (context.json()) {
            context.out << QString::fromUtf8(
                QJsonDocument(
                    QJsonObject{{u"file"_qs, file}, {u"records"_qs, int(record_array.size())}})
                    .toJson(QJsonDocument::Indented));
        } else {
            context.out << tr("%1 records written to %2").arg(record_array.size()).arg(file)
                        << u'\n';
        }
        return kExitOk;
    }
};

MK_CTL_COMMAND(QueueExportCommand)

}  // namespace mk::ctl

// medkioskctl face lockout [--clear] [--json]: the kiosk-wide lockout of face identification
// (face_auth's Identifier, kept in the encrypted store by SqlTemplateStore): when it ends and the
// recent failures within [face] failure_window_s. --clear ends it and forgets the failures (a
// running kiosk reads the state before every attempt, so it applies at once) and writes a staff
// audit row. Holds no personal data: only times.
#include "CtlCommand.h"
#include "QueueCtl.h"
#include "core/config/KioskConfig.h"
#include "core/face/SqlTemplateStore.h"
#include "core/staff/StaffAudit.h"
#include "face_auth/FaceConfig.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mk::ctl {

namespace {
const QString kActionFaceLockoutClear = QStringLiteral("face-lockout-clear");

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}
}  // namespace

class FaceLockoutCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::FaceLockoutCommand)

public:
    QStringList words() const override
    {
        return {QStringLiteral("face"), QStringLiteral("lockout")};
    }
    QString summary() const override
    {
        return tr("Show the face identification lockout and recent failures; --clear ends it.");
    }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(QCommandLineOption(
            QStringLiteral("clear"),
            tr("End the lockout and forget the failures (written to the staff audit log).")));
    }
    int run(const CtlContext& context) const override
    {
        auto face_config = face::FaceConfigLoader::load(context.configPath());
        if (!face_config) {
            context.err << face_config.error().detail << u'\n';
            return kExitCheckFailed;
        }
        const face::IdentifyConfig& identify = face_config.value().identify;
        auto session = QueueCtl::open(context, context.parser.isSet(QStringLiteral("clear")));
        if (!session) return kExitCheckFailed;
        face::SqlTemplateStore templates(*session->store);
        auto loaded = templates.loadLockout();
        if (!loaded) {
            context.err << loaded.error().detail << u'\n';
            return kExitCheckFailed;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 now_ms = now.toMSecsSinceEpoch();
        const face::LockoutState& state = loaded.value();
        const bool locked = state.locked_until_ms > now_ms;
        QJsonArray failures;
        for (qint64 f : state.failures_ms) {
            if (now_ms - f <= qint64(identify.failure_window_s) * 1000) failures.append(iso(f));
        }
        const bool clear = context.parser.isSet(QStringLiteral("clear"));
        if (clear) {
            if (face::FaceStatus s = templates.saveLockout(face::LockoutState{}); !s) {
                context.err << s.error().detail << u'\n';
                return kExitCheckFailed;
            }
            auto config = config::KioskConfig::load(context.configPath());
            staff::StaffAudit audit(*session->store, config ? config.value().kiosk_id : QString());
            const QString detail =
                tr("by %1; was %2")
                    .arg(QueueCtl::operatorName(), locked ? tr("locked") : tr("not locked"));
            if (Status a = audit.record(kActionFaceLockoutClear, 0, detail, now); !a) {
                context.err << tr("lockout cleared, but the audit row was not written: %1")
                                   .arg(a.error().detail)
                            << u'\n';
                return kExitCheckFailed;
            }
        }
        if (context.json()) {
            const QJsonObject o{
                {QStringLiteral("locked"), locked},
                {QStringLiteral("locked_until"),
                 state.locked_until_ms > 0 ? iso(state.locked_until_ms) : QString()},
                {QStringLiteral("recent_failures"), failures},
                {QStringLiteral("max_failures"), identify.max_failures},
                {QStringLiteral("failure_window_s"), identify.failure_window_s},
                {QStringLiteral("lockout_s"), identify.lockout_s},
                {QStringLiteral("cleared"), clear}};
            context.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
            return kExitOk;
        }
        context.out
            << (locked ? tr("face identification locked until %1").arg(iso(state.locked_until_ms))
                       : tr("face identification not locked"))
            << u'\n';
        context.out << tr("recent failures (last %1 s): %2 of %3")
                           .arg(identify.failure_window_s)
                           .arg(failures.size())
                           .arg(identify.max_failures)
                    << u'\n';
        for (const auto& f : failures) context.out << QStringLiteral("  ") << f.toString() << u'\n';
        if (clear) context.out << tr("cleared (staff audit row written)") << u'\n';
        return kExitOk;
    }
};

MK_CTL_COMMAND(FaceLockoutCommand)

}  // namespace mk::ctl

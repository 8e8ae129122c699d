#include "QueueCtl.h"

#include "core/config/KioskConfig.h"
#include "core/store/KeyProvider.h"
#include "core/store/StoreRekey.h"

#include <QFileInfo>

namespace mk::ctl {

namespace {
QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}
}  // namespace

std::optional<QueueSession> QueueCtl::open(const CtlContext& context, bool writes)
{
    auto config = config::KioskConfig::load(context.configPath());
    if (!config) {
        context.err << config.error().detail << u'\n';
        return std::nullopt;
    }
    const QString path = config.value().store_path;
    if (Status existing = store::Store::checkExistingFile(path); !existing) {
        context.err << existing.error().detail << u'\n';
        return std::nullopt;
    }
    store::KeyProvider::Source source{};
    auto key = store::KeyProvider::loadExisting(
        config.value().key_file, qEnvironmentVariable("CREDENTIALS_DIRECTORY"), &source);
    if (!key) {
        context.err << key.error().detail << u'\n';
        return std::nullopt;
    }
    if (Status rotation = store::StoreRekey::checkInterrupted(
            path, key.value(), source == store::KeyProvider::Source::Credential);
        !rotation) {
        context.err << rotation.error().detail << u'\n';
        return std::nullopt;
    }
    // Never created, migrated or re-journalled by a tool: read-only unless the command writes.
    auto opened = store::Store::open(
        path, key.value(),
        writes ? store::Store::Access::ExistingReadWrite : store::Store::Access::InspectReadOnly);
    if (!opened) {
        context.err << opened.error().detail << u'\n';
        return std::nullopt;
    }
    QueueSession s;
    s.store = std::move(opened).value();
    s.outbox = std::make_unique<outbox::Outbox>(*s.store);
    return s;
}

QJsonObject QueueCtl::toJson(const outbox::OutboxRecord& r)
{
    return QJsonObject{{QStringLiteral("id"), double(r.id)},
                       {QStringLiteral("kind"), r.kind},
                       {QStringLiteral("ordering_key"), r.ordering_key},
                       {QStringLiteral("state"), outbox::stateName(r.state)},
                       {QStringLiteral("attempts"), r.attempts},
                       {QStringLiteral("created_at"), iso(r.created_at)},
                       {QStringLiteral("next_attempt_at"), iso(r.next_attempt_at)},
                       {QStringLiteral("finished_at"), iso(r.finished_at)},
                       {QStringLiteral("last_error"), r.last_error}};
}

QJsonObject QueueCtl::toJson(const outbox::AuditEntry& e, bool with_who_and_why)
{
    QJsonObject o{{QStringLiteral("outbox_id"), double(e.outbox_id)},
                  {QStringLiteral("action"), e.action},
                  {QStringLiteral("at"), iso(e.at)}};
    if (with_who_and_why) {
        o.insert(QStringLiteral("who"), e.who);
        o.insert(QStringLiteral("why"), e.why);
    }
    return o;
}

void QueueCtl::print(QTextStream& out, const outbox::QueueStatus& s)
{
    const QString connectivity = !s.connectivity_known ? tr("unknown (the relay has not run yet)")
                                 : s.online            ? tr("online")
                                            : tr("offline since %1").arg(iso(s.offline_since));
    out << tr("pool:                 %1").arg(connectivity) << u'\n';
    out << tr("waiting:              %1").arg(s.waiting) << u'\n';
    if (s.waiting > 0) {
        out << tr("oldest waiting:       %1 s (since %2)")
                   .arg(s.oldest_waiting_age_s)
                   .arg(iso(s.oldest_waiting_created_at))
            << u'\n';
    }
    out << tr("last successful sync: %1")
               .arg(s.last_successful_sync.isValid() ? iso(s.last_successful_sync) : tr("never"))
        << u'\n';
    out << tr("dead letters:         %1").arg(s.dead) << u'\n';
    out << tr("sent:                 %1").arg(s.sent) << u'\n';
    out << tr("discarded:            %1").arg(s.discarded) << u'\n';
}

void QueueCtl::print(QTextStream& out, const outbox::OutboxRecord& r)
{
    out << QStringLiteral("%1  %2  %3  %4  %5  %6")
               .arg(r.id, 6)
               .arg(r.kind, -10)
               .arg(outbox::stateName(r.state), -9)
               .arg(tr("attempts %1").arg(r.attempts), -11)
               .arg(r.ordering_key, -24)
               .arg(iso(r.created_at));
    if (!r.last_error.isEmpty()) out << u"  " << r.last_error;
    out << u'\n';
}

std::optional<qint64> QueueCtl::idArgument(const CtlContext& context, int index)
{
    const QStringList args = context.parser.positionalArguments();
    bool ok = false;
    const qint64 id = args.value(index).toLongLong(&ok);
    if (!ok || id <= 0) {
        context.err << tr("an outbox record id (a positive number) is required") << u'\n';
        return std::nullopt;
    }
    return id;
}

QString QueueCtl::operatorName()
{
    for (const char* name : {"SUDO_USER", "USER"}) {
        QString v = qEnvironmentVariable(name);
        if (!v.isEmpty()) return v;
    }
    return QStringLiteral("medkioskctl");
}

}  // namespace mk::ctl

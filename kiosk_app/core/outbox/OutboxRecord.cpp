#include "core/outbox/OutboxRecord.h"

#include "core/outbox/CommandSender.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mk::outbox {

QString stateName(CommandState state)
{
    switch (state) {
        case CommandState::Queued:
            return QStringLiteral("queued");
        case CommandState::Sent:
            return QStringLiteral("sent");
        case CommandState::Dead:
            return QStringLiteral("dead");
        case CommandState::Discarded:
            return QStringLiteral("discarded");
    }
    return QStringLiteral("queued");
}

std::optional<CommandState> stateFromName(const QString& name)
{
    for (CommandState s :
         {CommandState::Queued, CommandState::Sent, CommandState::Dead, CommandState::Discarded}) {
        if (stateName(s) == name) return s;
    }
    return std::nullopt;
}

QString appointmentOrderingKey(const QString& appointment_id)
{
    return QStringLiteral("appointment:") + appointment_id;
}

namespace {
Command appointmentCommand(const QString& kind_name, const QString& appointment_id,
                           const QString& appointment_number)
{
    Command c;
    c.kind = kind_name;
    c.ordering_key = appointmentOrderingKey(appointment_id);
    QJsonObject payload{{QStringLiteral("appointment_id"), appointment_id}};
    if (!appointment_number.isEmpty())
        payload.insert(QStringLiteral("appointment_number"), appointment_number);
    c.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    return c;
}
}  // namespace

Command checkInCommand(const QString& appointment_id, const QString& appointment_number)
{
    return appointmentCommand(kind::kCheckIn, appointment_id, appointment_number);
}

Command cancelCommand(const QString& appointment_id)
{
    return appointmentCommand(kind::kCancel, appointment_id, QString());
}

SendOutcome SendOutcome::done(QByteArray result)
{
    SendOutcome o;
    o.kind = Kind::Done;
    o.result = std::move(result);
    o.reached_server = true;
    return o;
}

SendOutcome SendOutcome::transient(QString error, bool reached_server, int retry_after_s)
{
    SendOutcome o;
    o.kind = Kind::Transient;
    o.error = std::move(error);
    o.reached_server = reached_server;
    o.retry_after_s = retry_after_s;
    return o;
}

SendOutcome SendOutcome::permanent(QString error)
{
    SendOutcome o;
    o.kind = Kind::Permanent;
    o.error = std::move(error);
    o.reached_server = true;
    return o;
}

SendOutcome SendOutcome::notAuthorised(QString error, int http_status)
{
    SendOutcome o;
    o.kind = Kind::NotAuthorised;
    o.error = std::move(error);
    o.reached_server = true;
    o.http_status = http_status;
    return o;
}

}  // namespace mk::outbox

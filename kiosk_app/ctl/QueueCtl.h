// Shared by the `medkioskctl queue ...` commands: opens the kiosk's store with its key (the same
// key lookup as `store check`, never creating a key) and the outbox on it, and prints records.
// The store is never created or migrated here: status, list and export open it read-only;
// retry and discard (which write an audit row) read-write. WAL mode lets this run beside a
// running kiosk. Prints ids, kinds, states, attempts and errors: never payloads.
#pragma once

#include "CtlCommand.h"
#include "core/outbox/Outbox.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <memory>

namespace mk::ctl {

struct QueueSession {
    std::unique_ptr<store::Store> store;
    std::unique_ptr<outbox::Outbox> outbox;
};

class QueueCtl
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::QueueCtl)

public:
    // Prints the error to context.err and returns nullopt when the store cannot be opened.
    // writes: retry/discard; false opens the store read-only.
    static std::optional<QueueSession> open(const CtlContext& context, bool writes);
    // Without the payload (which may name records of patients).
    static QJsonObject toJson(const outbox::OutboxRecord& record);
    static QJsonObject toJson(const outbox::AuditEntry& entry, bool with_who_and_why);
    static void print(QTextStream& out, const outbox::QueueStatus& status);
    static void print(QTextStream& out, const outbox::OutboxRecord& record);
    // The ID argument of retry/discard; prints a usage error when it is not a positive number.
    static std::optional<qint64> idArgument(const CtlContext& context, int index);
    static QString operatorName();  // $SUDO_USER, else $USER, else "medkioskctl"
};

}  // namespace mk::ctl

#include "core/face/SqlTemplateStore.h"

#include "core/common/Log.h"
#include "core/common/SecureWipe.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"

#include <QStringList>

#include <algorithm>
#include <cstring>

namespace mk::face {

namespace {

FaceError storageError(const Error& e)
{
    return faceError(FaceErrorCode::Storage, e.detail);
}

QByteArray descriptorBlob(const Descriptor& d)
{
    QByteArray blob(int(sizeof(float) * d.size()), '\0');
    std::memcpy(blob.data(), d.data(), size_t(blob.size()));
    return blob;
}

}  // namespace

SqlTemplateStore::SqlTemplateStore(store::Store& store) : store_(store) {}

FaceStatus SqlTemplateStore::saveConsent(const ConsentRecord& c)
{
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto del = db.prepare(QByteArrayLiteral("DELETE FROM face_consent WHERE patient_id = ?1"));
        if (!del) return del.error();
        if (Status b = del.value().bind(1, c.patient_id); !b) return b;
        if (Status r = del.value().run(); !r) return r;
        auto ins = db.prepare(QByteArrayLiteral(
            "INSERT INTO face_consent(patient_id, purpose, stored_data, retention_days, "
            "given_at_ms, age_years, guardian_consent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
        if (!ins) return ins.error();
        store::SqlStatement& st = ins.value();
        for (Status b :
             {st.bind(1, c.patient_id), st.bind(2, c.purpose), st.bind(3, c.stored_data),
              st.bind(4, qint64(c.retention_days)), st.bind(5, c.given_at.toMSecsSinceEpoch()),
              st.bind(6, qint64(c.age_years)), st.bind(7, qint64(c.guardian_consent ? 1 : 0))}) {
            if (!b) return b;
        }
        return st.run();
    });
    if (!s) return storageError(s.error());
    return FaceOk{};
}

FaceResult<std::optional<ConsentRecord>> SqlTemplateStore::consent(const QString& patient_id)
{
    std::optional<ConsentRecord> out;
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto q = db.prepare(QByteArrayLiteral(
            "SELECT purpose, stored_data, retention_days, given_at_ms, age_years, "
            "guardian_consent FROM face_consent WHERE patient_id = ?1"));
        if (!q) return q.error();
        store::SqlStatement& st = q.value();
        if (Status b = st.bind(1, patient_id); !b) return b;
        auto step = st.step();
        if (!step) return step.error();
        if (step.value() != store::SqlStatement::Step::Row) return Ok{};
        ConsentRecord c;
        c.patient_id = patient_id;
        c.purpose = st.columnText(0);
        c.stored_data = st.columnText(1);
        c.retention_days = int(st.columnInt64(2));
        c.given_at = QDateTime::fromMSecsSinceEpoch(st.columnInt64(3), Qt::UTC);
        c.age_years = int(st.columnInt64(4));
        c.guardian_consent = st.columnInt64(5) != 0;
        out = c;
        return Ok{};
    });
    if (!s) return storageError(s.error());
    return out;
}

FaceResult<qint64> SqlTemplateStore::saveTemplate(const FaceTemplate& t)
{
    qint64 id = 0;
    bool has_consent = false;
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto c = db.prepare(
            QByteArrayLiteral("SELECT COUNT(*) FROM face_consent WHERE patient_id = ?1"));
        if (!c) return c.error();
        if (Status b = c.value().bind(1, t.patient_id); !b) return b;
        auto step = c.value().step();
        if (!step) return step.error();
        has_consent =
            step.value() == store::SqlStatement::Step::Row && c.value().columnInt64(0) > 0;
        if (!has_consent) return Ok{};
        auto ins = db.prepare(QByteArrayLiteral(
            "INSERT INTO face_template(patient_id, descriptor, phone_last4, created_at_ms, "
            "expires_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)"));
        if (!ins) return ins.error();
        store::SqlStatement& st = ins.value();
        QByteArray blob = descriptorBlob(t.descriptor);
        Status bound = st.bind(2, blob);
        mk::secureWipe(blob);
        if (!bound) return bound;
        if (Status b = st.bind(1, t.patient_id); !b) return b;
        if (Status b = st.bind(3, t.phone_last4); !b) return b;
        if (Status b = st.bind(4, t.created_at.toMSecsSinceEpoch()); !b) return b;
        if (Status b = st.bind(5, t.expires_at.toMSecsSinceEpoch()); !b) return b;
        if (Status r = st.run(); !r) return r;
        id = db.lastInsertRowId();
        return Ok{};
    });
    if (!s) return storageError(s.error());
    if (!has_consent)
        return faceError(FaceErrorCode::Consent, tr("no face-data consent for this patient"));
    return id;
}

FaceResult<std::vector<FaceTemplate>> SqlTemplateStore::loadTemplates(const QDateTime& now)
{
    std::vector<FaceTemplate> out;
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        out.clear();
        auto q = db.prepare(QByteArrayLiteral(
            "SELECT id, patient_id, descriptor, phone_last4, created_at_ms, expires_at_ms "
            "FROM face_template WHERE expires_at_ms > ?1 ORDER BY id"));
        if (!q) return q.error();
        store::SqlStatement& st = q.value();
        if (Status b = st.bind(1, now.toMSecsSinceEpoch()); !b) return b;
        for (;;) {
            auto step = st.step();
            if (!step) return step.error();
            if (step.value() != store::SqlStatement::Step::Row) break;
            QByteArray blob = st.columnBlob(2);
            if (blob.size() != int(sizeof(float) * kDescriptorSize)) {
                mk::secureWipe(blob);
                qCWarning(lcStore) << "face template" << st.columnInt64(0)
                                   << "has a descriptor of the wrong size: skipped";
                continue;
            }
            FaceTemplate t;
            t.id = st.columnInt64(0);
            t.patient_id = st.columnText(1);
            std::memcpy(t.descriptor.data(), blob.constData(), size_t(blob.size()));
            mk::secureWipe(blob);
            t.phone_last4 = st.columnText(3);
            t.created_at = QDateTime::fromMSecsSinceEpoch(st.columnInt64(4), Qt::UTC);
            t.expires_at = QDateTime::fromMSecsSinceEpoch(st.columnInt64(5), Qt::UTC);
            out.push_back(std::move(t));
        }
        return Ok{};
    });
    if (!s) return storageError(s.error());
    return out;
}

FaceResult<int> SqlTemplateStore::deletePatient(const QString& patient_id)
{
    int removed = 0;
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        if (Status p = db.exec(QByteArrayLiteral("PRAGMA secure_delete = ON")); !p) return p;
        auto del = db.prepare(QByteArrayLiteral("DELETE FROM face_template WHERE patient_id = ?1"));
        if (!del) return del.error();
        if (Status b = del.value().bind(1, patient_id); !b) return b;
        if (Status r = del.value().run(); !r) return r;
        removed = db.changes();
        auto con = db.prepare(QByteArrayLiteral("DELETE FROM face_consent WHERE patient_id = ?1"));
        if (!con) return con.error();
        if (Status b = con.value().bind(1, patient_id); !b) return b;
        return con.value().run();
    });
    if (!s) return storageError(s.error());
    qCInfo(lcStore) << "face data deleted on request:" << removed << "templates";
    return removed;
}

FaceResult<int> SqlTemplateStore::purgeExpired(const QDateTime& now)
{
    int removed = 0;
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        if (Status p = db.exec(QByteArrayLiteral("PRAGMA secure_delete = ON")); !p) return p;
        auto del =
            db.prepare(QByteArrayLiteral("DELETE FROM face_template WHERE expires_at_ms <= ?1"));
        if (!del) return del.error();
        if (Status b = del.value().bind(1, now.toMSecsSinceEpoch()); !b) return b;
        if (Status r = del.value().run(); !r) return r;
        removed = db.changes();
        return Ok{};
    });
    if (!s) return storageError(s.error());
    if (removed > 0) qCInfo(lcStore) << "expired face templates purged:" << removed;
    return removed;
}

FaceResult<LockoutState> SqlTemplateStore::loadLockout()
{
    LockoutState out;
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        out = LockoutState{};
        auto q = db.prepare(QByteArrayLiteral(
            "SELECT locked_until_ms, failures_ms FROM face_lockout WHERE id = 1"));
        if (!q) return q.error();
        auto step = q.value().step();
        if (!step) return step.error();
        if (step.value() != store::SqlStatement::Step::Row) return Ok{};
        out.locked_until_ms = q.value().columnInt64(0);
        const QString failures = q.value().columnText(1);
        for (QStringView part : QStringView(failures).split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 at_ms = part.toLongLong(&ok);
            if (ok) out.failures_ms.push_back(at_ms);
        }
        return Ok{};
    });
    if (!s) return storageError(s.error());
    return out;
}

FaceStatus SqlTemplateStore::saveLockout(const LockoutState& state)
{
    const std::size_t keep = std::min(state.failures_ms.size(), std::size_t(kMaxSavedFailures));
    QStringList failures;
    for (auto it = state.failures_ms.end() - std::ptrdiff_t(keep); it != state.failures_ms.end();
         ++it) {
        failures << QString::number(*it);
    }
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto ins = db.prepare(QByteArrayLiteral(
            "INSERT OR REPLACE INTO face_lockout(id, locked_until_ms, failures_ms, saved_at_ms) "
            "VALUES (1, ?1, ?2, ?3)"));
        if (!ins) return ins.error();
        store::SqlStatement& st = ins.value();
        if (Status b = st.bind(1, state.locked_until_ms); !b) return b;
        if (Status b = st.bind(2, failures.join(u',')); !b) return b;
        if (Status b = st.bind(3, QDateTime::currentMSecsSinceEpoch()); !b) return b;
        return st.run();
    });
    if (!s) return storageError(s.error());
    return FaceOk{};
}

}  // namespace mk::face

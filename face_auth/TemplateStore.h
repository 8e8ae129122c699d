// Where face templates and consent records live: an interface, implemented on the kiosk's
// encrypted store by kiosk_app/core/face/SqlTemplateStore. Templates (128 numbers), never photos.
#pragma once

#include "FaceResult.h"
#include "FaceTypes.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace mk::face {

// The explicit, separate consent for face data (PIPL; China's 2025 face-recognition measures).
struct ConsentRecord {
    QString patient_id;
    QString purpose;      // e.g. "identify you at this kiosk"
    QString stored_data;  // what is kept: "face template (128 numbers); no photo"
    int retention_days = 0;
    QDateTime given_at;             // UTC
    int age_years = -1;             // -1: unknown
    bool guardian_consent = false;  // a guardian consented for a patient under the minimum age
};

struct FaceTemplate {
    qint64 id = 0;  // assigned by the store
    QString patient_id;
    Descriptor descriptor{};
    QString phone_last4;  // the confirmation asked after a 1:N match
    QDateTime created_at;
    QDateTime expires_at;

    ~FaceTemplate() { secureWipe(descriptor); }
    FaceTemplate() = default;
    FaceTemplate(const FaceTemplate&) = default;
    FaceTemplate(FaceTemplate&&) = default;
    FaceTemplate& operator=(const FaceTemplate&) = default;
    FaceTemplate& operator=(FaceTemplate&&) = default;
};

// The kiosk-wide lockout of face identification and verification (Identifier): the times of the
// recent failures and the end of the current lockout, in ms since the epoch. No personal data.
struct LockoutState {
    std::vector<qint64> failures_ms;
    qint64 locked_until_ms = 0;  // 0: not locked
};

class TemplateStore
{
public:
    virtual ~TemplateStore();

    // Replaces the patient's consent record.
    virtual FaceStatus saveConsent(const ConsentRecord& consent) = 0;
    virtual FaceResult<std::optional<ConsentRecord>> consent(const QString& patient_id) = 0;
    // Returns the new template's id. Refused (Consent) when the patient has no consent record.
    virtual FaceResult<qint64> saveTemplate(const FaceTemplate& face_template) = 0;
    // Every template not expired at now.
    virtual FaceResult<std::vector<FaceTemplate>> loadTemplates(const QDateTime& now) = 0;
    // "Delete my face data": the patient's templates and consent record; returns templates removed.
    virtual FaceResult<int> deletePatient(const QString& patient_id) = 0;
    // Deletes templates expired at now; returns how many.
    virtual FaceResult<int> purgeExpired(const QDateTime& now) = 0;

    // The persisted lockout state (an empty state when none was saved). The default keeps it in
    // this object only: it survives a new Identifier on the same store, not a restart;
    // SqlTemplateStore keeps it in the encrypted store (migration 6, table face_lockout).
    virtual FaceResult<LockoutState> loadLockout();
    virtual FaceStatus saveLockout(const LockoutState& state);

private:
    LockoutState lockout_in_memory_;
};

}  // namespace mk::face

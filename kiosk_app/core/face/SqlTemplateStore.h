// face_auth's TemplateStore on the kiosk's encrypted store (tables face_consent and face_template,
// store migration "face"; the identification lockout in face_lockout, migration "face_lockout").
// Descriptors are kept as 512-byte float32 blobs inside the SQLCipher file, never photos; deleting
// uses secure_delete so that freed pages are zeroed.
#pragma once

#include "face_auth/TemplateStore.h"

#include <QCoreApplication>

namespace mk::store {
class Store;
}

namespace mk::face {

class SqlTemplateStore : public TemplateStore
{
    Q_DECLARE_TR_FUNCTIONS(mk::face::SqlTemplateStore)

public:
    explicit SqlTemplateStore(store::Store& store);

    FaceStatus saveConsent(const ConsentRecord& consent) override;
    FaceResult<std::optional<ConsentRecord>> consent(const QString& patient_id) override;
    FaceResult<qint64> saveTemplate(const FaceTemplate& face_template) override;
    FaceResult<std::vector<FaceTemplate>> loadTemplates(const QDateTime& now) override;
    FaceResult<int> deletePatient(const QString& patient_id) override;
    FaceResult<int> purgeExpired(const QDateTime& now) override;
    FaceResult<LockoutState> loadLockout() override;
    // Keeps at most kMaxSavedFailures failure times (the newest).
    FaceStatus saveLockout(const LockoutState& state) override;

    static constexpr int kMaxSavedFailures = 64;

private:
    store::Store& store_;
};

}  // namespace mk::face

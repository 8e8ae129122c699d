// The separate, explicit consent for face data (issue 5), offered after the patient was
// identified: purpose, what is stored (a template, not a photo), retention, how to withdraw.
// Agree and Decline are equal in size. Under the minimum age it is not offered unless the
// hospital allows guardian consent (Enrollment's rules). "Delete my face data" works here too.
#pragma once

#include "face_auth/TemplateStore.h"
#include "ui/Screen.h"
#include "ui/face/FaceServices.h"

class QLabel;
class QPushButton;

namespace mk::ui {

class FaceConsentScreen : public Screen
{
    Q_OBJECT
public:
    FaceConsentScreen(ScreenContext& context, const FaceServices& services,
                      QWidget* parent = nullptr);

    ScreenId id() const override { return ScreenId::FaceConsent; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud

    bool offered() const { return offered_; }

Q_SIGNALS:
    // The patient agreed; nothing is stored until enrollment saves consent and template together.
    void agreed(const mk::face::ConsentRecord& consent);
    void declined();
    void faceDataDeleted(int templates_removed);

private:
    void agree();
    void decline();
    void deleteFaceData();
    QString patientId() const;

    const FaceServices& services_;
    bool offered_ = false;
    bool guardian_ = false;
    int age_years_ = -1;
    QLabel* title_ = nullptr;
    QLabel* body_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* agree_ = nullptr;
    QPushButton* decline_ = nullptr;
    QPushButton* delete_ = nullptr;
};

}  // namespace mk::ui

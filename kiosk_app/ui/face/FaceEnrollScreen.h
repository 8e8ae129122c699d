// Face enrollment (issue 5): live preview with a guide oval, the liveness challenge, progress,
// the quality hint, and on the same screen at equal size the non-face alternative. On success the
// consent and the template are saved through the TemplateStore; no frame or descriptor is kept.
#pragma once

#include "face_auth/Enrollment.h"
#include "face_auth/Liveness.h"
#include "face_auth/TemplateStore.h"
#include "ui/Screen.h"
#include "ui/face/FaceServices.h"

#include <memory>
#include <optional>

class QLabel;
class QPushButton;

namespace mk::ui {

class FaceChallenge;
class FacePreview;
class FaceWorker;

class FaceEnrollScreen : public Screen
{
    Q_OBJECT
public:
    enum class Phase { Idle = 0, Liveness, Collecting, Done, Failed };

    FaceEnrollScreen(ScreenContext& context, const FaceServices& services,
                     QWidget* parent = nullptr);
    ~FaceEnrollScreen() override;

    ScreenId id() const override { return ScreenId::FaceEnroll; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override;

    // From FaceConsentScreen::agreed: what enrollment saves together with the template.
    void setConsent(const face::ConsentRecord& consent);
    Phase phase() const { return phase_; }
    FaceWorker* worker() const { return worker_; }
    bool holdsFrame() const;  // the preview still shows a camera frame
    // The head movement asked in this attempt (Unset before enter()).
    face::LivenessChallenge challenge() const;
    // The challenge of this attempt: its state ("Look straight at the camera." until NeedMove,
    // then the movement) and stateChanged().
    FaceChallenge* faceChallenge() const { return challenge_; }

Q_SIGNALS:
    void enrolled();
    void faceDataDeleted(int templates_removed);

private:
    void onAnalysed(const std::shared_ptr<face::FaceAnalysis>& analysis, const QString& detail);
    void finishEnrollment();
    void deleteFaceData();
    void setPhase(Phase phase);

    const FaceServices& services_;
    FaceWorker* worker_ = nullptr;
    face::Enrollment enrollment_;
    std::optional<face::ConsentRecord> consent_;
    FaceChallenge* challenge_ = nullptr;
    Phase phase_ = Phase::Idle;
    face::QualityIssue last_issue_ = face::QualityIssue::Unset;
    QString error_;

    QLabel* title_ = nullptr;
    FacePreview* preview_ = nullptr;
    QLabel* prompt_ = nullptr;
    QLabel* progress_ = nullptr;
    QLabel* hint_ = nullptr;
    QPushButton* alternative_ = nullptr;
    QPushButton* retry_ = nullptr;
    QPushButton* delete_ = nullptr;
};

}  // namespace mk::ui

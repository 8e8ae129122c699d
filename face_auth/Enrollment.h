// Enrollment: consent rules, then several good frames of one person averaged into one template.
#pragma once

#include "FaceEngine.h"
#include "FaceResult.h"
#include "TemplateStore.h"

#include <QCoreApplication>
#include <QDateTime>

#include <vector>

namespace mk::face {

struct EnrollmentConfig {
    int frames_required = 3;
    int retention_days = 365;
    int min_age_years = 14;                 // below: refused unless guardian consent
    bool guardian_consent_enabled = false;  // the hospital allows a guardian to consent
    double max_frame_spread = 0.45;         // each frame within this distance of the mean
};

class Enrollment
{
    Q_DECLARE_TR_FUNCTIONS(mk::face::Enrollment)

public:
    explicit Enrollment(const EnrollmentConfig& config);
    ~Enrollment();
    Enrollment(const Enrollment&) = delete;
    Enrollment& operator=(const Enrollment&) = delete;

    // A consent record with the purpose, what is stored and the retention filled in.
    static ConsentRecord makeConsent(const QString& patient_id, int age_years,
                                     bool guardian_consent, const QDateTime& now,
                                     const EnrollmentConfig& config);
    // Consent (Ok) or why not: under the minimum age without an allowed, given guardian consent.
    static FaceStatus checkConsent(const ConsentRecord& consent, const EnrollmentConfig& config);

    // Takes one analysed frame; refused (BadImage, detail = quality hint) unless its quality is ok.
    FaceStatus addFrame(const FaceAnalysis& analysis);
    int framesCollected() const { return int(descriptors_.size()); }
    bool complete() const { return framesCollected() >= config_.frames_required; }
    // The averaged template; refuses inconsistent frames (two people). Wipes the frames.
    FaceResult<FaceTemplate> finish(const QString& patient_id, const QString& phone_last4,
                                    const QDateTime& now);
    // Consent check, consent record, template, in that order, into the store.
    static FaceResult<qint64> save(TemplateStore& store, const ConsentRecord& consent,
                                   const FaceTemplate& face_template,
                                   const EnrollmentConfig& config);
    void reset();

private:
    EnrollmentConfig config_;
    std::vector<Descriptor> descriptors_;
};

}  // namespace mk::face

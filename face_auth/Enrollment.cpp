#include "Enrollment.h"

namespace mk::face {

Enrollment::Enrollment(const EnrollmentConfig& config) : config_(config) {}

Enrollment::~Enrollment()
{
    reset();
}

void Enrollment::reset()
{
    for (Descriptor& d : descriptors_) secureWipe(d);
    descriptors_.clear();
}

ConsentRecord Enrollment::makeConsent(const QString& patient_id, int age_years,
                                      bool guardian_consent, const QDateTime& now,
                                      const EnrollmentConfig& config)
{
    ConsentRecord c;
    c.patient_id = patient_id;
    c.purpose = tr("Recognise you at this kiosk so that you can check in without your card.");
    c.stored_data =
        tr("A face template (128 numbers computed from your face). No photo is kept. "
           "It stays encrypted on this kiosk.");
    c.retention_days = config.retention_days;
    c.given_at = now.toUTC();
    c.age_years = age_years;
    c.guardian_consent = guardian_consent;
    return c;
}

FaceStatus Enrollment::checkConsent(const ConsentRecord& consent, const EnrollmentConfig& config)
{
    if (consent.patient_id.isEmpty() || !consent.given_at.isValid())
        return faceError(FaceErrorCode::Consent, tr("no consent record for face data"));
    if (consent.retention_days <= 0)
        return faceError(FaceErrorCode::Config, tr("face data retention must be at least one day"));
    if (consent.age_years < 0) {
        return faceError(FaceErrorCode::Consent,
                         tr("age unknown: face enrollment needs the patient's age"));
    }
    if (consent.age_years < config.min_age_years) {
        if (!config.guardian_consent_enabled) {
            return faceError(FaceErrorCode::Consent,
                             tr("patients under %1 cannot enroll their face at the kiosk")
                                 .arg(config.min_age_years));
        }
        if (!consent.guardian_consent) {
            return faceError(FaceErrorCode::Consent,
                             tr("patients under %1 need a guardian's consent for face data")
                                 .arg(config.min_age_years));
        }
    }
    return FaceOk{};
}

FaceStatus Enrollment::addFrame(const FaceAnalysis& analysis)
{
    if (!analysis.quality.ok() || !analysis.descriptor)
        return faceError(FaceErrorCode::BadImage, Quality::hint(analysis.quality.issue));
    descriptors_.push_back(*analysis.descriptor);
    return FaceOk{};
}

FaceResult<FaceTemplate> Enrollment::finish(const QString& patient_id, const QString& phone_last4,
                                            const QDateTime& now)
{
    if (!complete()) {
        return faceError(FaceErrorCode::BadImage, tr("%1 good frames needed, %2 collected")
                                                      .arg(config_.frames_required)
                                                      .arg(framesCollected()));
    }
    FaceTemplate t;
    t.patient_id = patient_id;
    t.phone_last4 = phone_last4;
    t.created_at = now.toUTC();
    t.expires_at = t.created_at.addDays(config_.retention_days);
    for (const Descriptor& d : descriptors_)
        for (int k = 0; k < kDescriptorSize; ++k) t.descriptor[size_t(k)] += d[size_t(k)];
    for (float& v : t.descriptor) v /= float(descriptors_.size());
    for (const Descriptor& d : descriptors_) {
        if (descriptorDistance(d, t.descriptor) > config_.max_frame_spread) {
            reset();
            return faceError(FaceErrorCode::BadImage,
                             tr("the enrollment frames do not show the same face"));
        }
    }
    reset();
    return t;
}

FaceResult<qint64> Enrollment::save(TemplateStore& store, const ConsentRecord& consent,
                                    const FaceTemplate& face_template,
                                    const EnrollmentConfig& config)
{
    if (FaceStatus s = checkConsent(consent, config); !s) return s.error();
    if (consent.patient_id != face_template.patient_id)
        return faceError(FaceErrorCode::Consent, tr("the consent is for another patient"));
    if (FaceStatus s = store.saveConsent(consent); !s) return s.error();
    return store.saveTemplate(face_template);
}

}  // namespace mk::face

// Identification at the kiosk: 1:N over the gallery, then confirmation with the last 4 digits of
// the patient's phone. Failures (no match, wrong digits) are counted; after max_failures within
// failure_window_s the kiosk refuses face identification for lockout_s. The clock is injected.
#pragma once

#include "FaceResult.h"
#include "Gallery.h"
#include "TemplateStore.h"

#include <QCoreApplication>
#include <QHash>

#include <functional>
#include <vector>

namespace mk::face {

struct IdentifyConfig {
    double match_threshold = 0.5;  // L2 distance; measured with `medkioskctl face eval`
    int max_failures = 3;
    int failure_window_s = 300;
    int lockout_s = 300;
};

struct IdentifyCandidate {
    qint64 template_id = 0;
    double distance = 0.0;
};

class Identifier
{
    Q_DECLARE_TR_FUNCTIONS(mk::face::Identifier)

public:
    using Clock = std::function<qint64()>;  // ms since the epoch

    explicit Identifier(const IdentifyConfig& config, Clock clock = {});
    ~Identifier();

    // Replaces the gallery with these templates (keeps no descriptor outside the gallery).
    void setTemplates(const std::vector<FaceTemplate>& templates);
    std::size_t gallerySize() const { return gallery_.size(); }

    // The nearest template within the threshold; NotFound (counted as a failure) otherwise;
    // LockedOut while locked.
    FaceResult<IdentifyCandidate> identify(const Descriptor& probe);
    // The patient id when the digits match the candidate's phone; NotFound (counted as a
    // failure) when they do not; LockedOut while locked. A success clears the failures.
    FaceResult<QString> confirm(const IdentifyCandidate& candidate, const QString& phone_last4);

    bool lockedOut() const;
    qint64 lockedUntilMs() const { return locked_until_ms_; }
    int recentFailures() const { return int(failures_ms_.size()); }

private:
    qint64 now() const;
    FaceError fail(const QString& detail);
    FaceError lockedError() const;

    IdentifyConfig config_;
    Clock clock_;
    Gallery gallery_;
    struct Entry {
        QString patient_id;
        QString phone_last4;
    };
    QHash<qint64, Entry> entries_;
    std::vector<qint64> failures_ms_;
    qint64 locked_until_ms_ = 0;
};

}  // namespace mk::face

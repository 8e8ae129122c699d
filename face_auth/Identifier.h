// Identification at the kiosk: 1:N over the gallery, then confirmation with the last 4 digits of
// the patient's phone; and 1:1 verification of a known patient. Failures (no match, wrong digits,
// a rejected verification) are counted; after max_failures within failure_window_s the kiosk
// refuses face identification and verification for lockout_s. The clock is injected.
//
// The lockout is kiosk-wide and persisted through attachStore(): the state is read from the store
// before every attempt and lockedOut() (so a staff `medkioskctl face lockout --clear` applies at
// once), and written after every failure, lockout and success, so that restarting the kiosk does
// not reset it. Fail closed: when the store cannot be written, the error is logged and the
// in-memory state still applies; a store read never shortens a lockout this object has not saved.
#pragma once

#include "FaceResult.h"
#include "Gallery.h"
#include "TemplateStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QMultiHash>

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
    Identifier(const Identifier&) = delete;
    Identifier& operator=(const Identifier&) = delete;

    // Keeps the lockout state in store (not owned; nullptr detaches): loads it now (a longer
    // lockout already held in memory is kept) and saves it on every change.
    void attachStore(TemplateStore* store);

    // Replaces the gallery with these templates (keeps no descriptor outside the gallery).
    void setTemplates(const std::vector<FaceTemplate>& templates);
    std::size_t gallerySize() const { return gallery_.size(); }

    // The nearest template within the threshold; NotFound (counted as a failure) otherwise;
    // LockedOut while locked (or when this failure locks).
    FaceResult<IdentifyCandidate> identify(const Descriptor& probe);
    // The patient id when the digits match the candidate's phone; NotFound (counted as a
    // failure) when they do not; LockedOut while locked. A success clears the failures.
    FaceResult<QString> confirm(const IdentifyCandidate& candidate, const QString& phone_last4);
    // 1:1 for a known patient: the smallest distance from probe to the patient's templates when
    // within the threshold (a success clears the failures); NotFound (counted as a failure) when
    // over it; NotFound (not counted) when the patient has no template; LockedOut while locked.
    FaceResult<double> verify(const QString& patient_id, const Descriptor& probe);
    // The comparison behind verify() without counting anything (for staff tools): the nearest of
    // the patient's templates (id -1 and infinite distance when there is none).
    GalleryMatch nearestOf(const QString& patient_id, const Descriptor& probe) const;

    bool lockedOut() const;
    qint64 lockedUntilMs() const { return locked_until_ms_; }
    int recentFailures() const { return int(failures_ms_.size()); }

private:
    qint64 now() const;
    FaceError fail(const QString& detail);
    void succeed();
    FaceError lockedError() const;
    void refresh() const;  // reads the attached store's state (see the header comment)
    void persist() const;

    IdentifyConfig config_;
    Clock clock_;
    Gallery gallery_;
    struct Entry {
        QString patient_id;
        QString phone_last4;
    };
    QHash<qint64, Entry> entries_;
    QMultiHash<QString, qint64> templates_of_;  // patient id -> template ids
    TemplateStore* store_ = nullptr;
    // The lockout state is a cache of the store's: refreshed from const lockedOut() too.
    mutable std::vector<qint64> failures_ms_;
    mutable qint64 locked_until_ms_ = 0;
    mutable bool unsaved_ = false;  // the last save failed: the store may hold less than we do
};

}  // namespace mk::face

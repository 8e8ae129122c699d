#include "Identifier.h"

#include "FaceLog.h"

#include <QDateTime>

#include <algorithm>

namespace mk::face {

Identifier::Identifier(const IdentifyConfig& config, Clock clock)
    : config_(config), clock_(std::move(clock)), gallery_(config.match_threshold)
{}

Identifier::~Identifier() = default;

qint64 Identifier::now() const
{
    return clock_ ? clock_() : QDateTime::currentMSecsSinceEpoch();
}

void Identifier::attachStore(TemplateStore* store)
{
    store_ = store;
    if (store_ == nullptr) return;
    // What this object already counted is not in this store yet: merge it, never drop it.
    unsaved_ = unsaved_ || !failures_ms_.empty() || locked_until_ms_ > now();
    refresh();
    if (unsaved_) persist();
}

void Identifier::refresh() const
{
    const qint64 t = now();
    if (store_ != nullptr) {
        auto loaded = store_->loadLockout();
        if (!loaded) {
            qCWarning(lcFace) << "face lockout state not read; the kiosk's own copy applies:"
                              << loaded.error().detail;
        } else {
            LockoutState s = std::move(loaded).value();
            // A clock set back must not stretch a saved lockout beyond lockout_s, nor make a
            // saved failure count for longer than the window.
            s.locked_until_ms = std::min(s.locked_until_ms, t + qint64(config_.lockout_s) * 1000);
            for (qint64& f : s.failures_ms) f = std::min(f, t);
            if (unsaved_) {  // fail closed: keep what the store may have missed
                s.locked_until_ms = std::max(s.locked_until_ms, locked_until_ms_);
                s.failures_ms.insert(s.failures_ms.end(), failures_ms_.begin(), failures_ms_.end());
                std::sort(s.failures_ms.begin(), s.failures_ms.end());
                s.failures_ms.erase(std::unique(s.failures_ms.begin(), s.failures_ms.end()),
                                    s.failures_ms.end());
            }
            failures_ms_ = std::move(s.failures_ms);
            locked_until_ms_ = s.locked_until_ms;
        }
    }
    const qint64 window_ms = qint64(config_.failure_window_s) * 1000;
    failures_ms_.erase(std::remove_if(failures_ms_.begin(), failures_ms_.end(),
                                      [&](qint64 f) { return t - f > window_ms; }),
                       failures_ms_.end());
}

void Identifier::persist() const
{
    if (store_ == nullptr) return;
    const FaceStatus saved = store_->saveLockout(LockoutState{failures_ms_, locked_until_ms_});
    unsaved_ = !saved.ok();
    if (!saved) {
        qCWarning(lcFace) << "face lockout state not saved; the in-memory lockout still applies:"
                          << saved.error().detail;
    }
}

void Identifier::setTemplates(const std::vector<FaceTemplate>& templates)
{
    gallery_.clear();
    entries_.clear();
    templates_of_.clear();
    gallery_.reserve(templates.size());
    for (const FaceTemplate& t : templates) {
        gallery_.add(t.id, t.descriptor);
        entries_.insert(t.id, Entry{t.patient_id, t.phone_last4});
        templates_of_.insert(t.patient_id, t.id);
    }
}

bool Identifier::lockedOut() const
{
    refresh();
    return now() < locked_until_ms_;
}

FaceError Identifier::lockedError() const
{
    const qint64 wait_s = std::max<qint64>(1, (locked_until_ms_ - now() + 999) / 1000);
    return faceError(
        FaceErrorCode::LockedOut,
        tr("too many failed attempts: face identification paused for %1 s").arg(wait_s));
}

// Called right after lockedOut() (which refreshed and pruned the failures).
FaceError Identifier::fail(const QString& detail)
{
    const qint64 t = now();
    failures_ms_.push_back(t);
    if (int(failures_ms_.size()) >= config_.max_failures) {
        locked_until_ms_ = t + qint64(config_.lockout_s) * 1000;
        failures_ms_.clear();
        persist();
        qCWarning(lcFace) << "face identification locked out for" << config_.lockout_s << "s";
        return lockedError();
    }
    persist();
    return faceError(FaceErrorCode::NotFound, detail);
}

void Identifier::succeed()
{
    failures_ms_.clear();
    persist();
}

FaceResult<IdentifyCandidate> Identifier::identify(const Descriptor& probe)
{
    if (lockedOut()) return lockedError();
    const GalleryMatch match = gallery_.search(probe);
    if (!match.accepted) return fail(tr("no enrolled face matches"));
    return IdentifyCandidate{match.id, match.distance};
}

FaceResult<QString> Identifier::confirm(const IdentifyCandidate& candidate,
                                        const QString& phone_last4)
{
    if (lockedOut()) return lockedError();
    const auto it = entries_.constFind(candidate.template_id);
    if (it == entries_.constEnd() || it->phone_last4.isEmpty() || phone_last4 != it->phone_last4)
        return fail(tr("the phone digits do not match"));
    const QString patient_id = it->patient_id;
    succeed();
    return patient_id;
}

GalleryMatch Identifier::nearestOf(const QString& patient_id, const Descriptor& probe) const
{
    GalleryMatch best;
    const QList<qint64> ids = templates_of_.values(patient_id);
    for (qint64 id : ids) {
        const GalleryMatch m = gallery_.verify(probe, id);
        if (m.id >= 0 && m.distance < best.distance) best = m;
    }
    best.accepted = best.id >= 0 && best.distance <= gallery_.threshold();
    return best;
}

FaceResult<double> Identifier::verify(const QString& patient_id, const Descriptor& probe)
{
    if (lockedOut()) return lockedError();
    const GalleryMatch match = nearestOf(patient_id, probe);
    if (match.id < 0)
        return faceError(FaceErrorCode::NotFound, tr("no face template for this patient"));
    if (!match.accepted) return fail(tr("the face does not match the patient's template"));
    succeed();
    return match.distance;
}

}  // namespace mk::face

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

void Identifier::setTemplates(const std::vector<FaceTemplate>& templates)
{
    gallery_.clear();
    entries_.clear();
    gallery_.reserve(templates.size());
    for (const FaceTemplate& t : templates) {
        gallery_.add(t.id, t.descriptor);
        entries_.insert(t.id, Entry{t.patient_id, t.phone_last4});
    }
}

bool Identifier::lockedOut() const
{
    return now() < locked_until_ms_;
}

FaceError Identifier::lockedError() const
{
    const qint64 wait_s = std::max<qint64>(1, (locked_until_ms_ - now() + 999) / 1000);
    return faceError(
        FaceErrorCode::LockedOut,
        tr("too many failed attempts: face identification paused for %1 s").arg(wait_s));
}

FaceError Identifier::fail(const QString& detail)
{
    const qint64 t = now();
    const qint64 window_ms = qint64(config_.failure_window_s) * 1000;
    failures_ms_.erase(std::remove_if(failures_ms_.begin(), failures_ms_.end(),
                                      [&](qint64 f) { return t - f > window_ms; }),
                       failures_ms_.end());
    failures_ms_.push_back(t);
    if (int(failures_ms_.size()) >= config_.max_failures) {
        locked_until_ms_ = t + qint64(config_.lockout_s) * 1000;
        failures_ms_.clear();
        qCWarning(lcFace) << "face identification locked out for" << config_.lockout_s << "s";
        return lockedError();
    }
    return faceError(FaceErrorCode::NotFound, detail);
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
    failures_ms_.clear();
    return it->patient_id;
}

}  // namespace mk::face

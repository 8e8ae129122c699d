// The face module's error type, with the Result template every module shares (result/Result.h;
// face_auth must not depend on kiosk_app). Never an exception across the module boundary: dlib's
// exceptions are caught inside FaceEngine.
#pragma once

#include "result/Result.h"

#include <QString>

#include <utility>
#include <variant>

namespace mk::face {

// Zero is deliberately not a real kind.
enum class FaceErrorCode {
    Unset = 0,
    ModelMissing,  // a model file is absent from the configured folder
    ModelDamaged,  // wrong SHA-256 or dlib could not deserialize it
    NotLoaded,     // FaceEngine::load was not called or failed
    BadImage,      // null image, wrong chip size
    Dlib,          // dlib threw while processing a frame
    Consent,       // no consent, or a consent rule refuses (under 14 without a guardian)
    LockedOut,     // too many failed identifications: try again later
    NotFound,      // no template, no match
    Storage,       // the template store failed
    Config,        // a threshold or setting is invalid
};

struct FaceError {
    FaceErrorCode code = FaceErrorCode::Unset;
    QString detail;  // technical cause for staff and logs; never personal data
};

template<typename T>
using FaceResult = BasicResult<T, FaceError>;

using FaceOk = Ok;
using FaceStatus = FaceResult<FaceOk>;

inline FaceError faceError(FaceErrorCode code, QString detail)
{
    return FaceError{code, std::move(detail)};
}

}  // namespace mk::face

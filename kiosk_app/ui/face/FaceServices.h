// What the face screens (issue 5) need: a loaded engine, the template store, a camera and the
// [face] configuration. Owned by the application; must outlive the window.
#pragma once

#include "face_auth/FaceConfig.h"

#include <QObject>

namespace mk::face {
class FaceEngine;
class TemplateStore;
}  // namespace mk::face

namespace mk::hw {
class Camera;
}

namespace mk::ui {

struct FaceServices {
    face::FaceEngine* engine = nullptr;    // loaded; null: face identification is not offered
    face::TemplateStore* store = nullptr;  // e.g. face::SqlTemplateStore
    // The camera: its imageFrame(QImage) / videoFrame(QVideoFrame) signals are connected with
    // compile-time checks. The face screens start it while they scan and stop it after; its
    // owner leaves it stopped. Demo mode: mk::hw::SimulatedPersonCamera with
    // SimulatedScript::CycleAll.
    hw::Camera* camera = nullptr;
    // Enrollment and identification both run the liveness challenge; there is no switch to
    // turn it off (a picture must never pass).
    face::FaceConfig config;
};

}  // namespace mk::ui

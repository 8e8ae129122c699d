// What the face screens (issue 5) need: a loaded engine, the template store, a camera and the
// [face] configuration. Owned by the application; must outlive the window.
#pragma once

#include "FaceConfig.h"

#include <QObject>

namespace mk::face {
class FaceEngine;
class TemplateStore;
}  // namespace mk::face

namespace mk::ui {

struct FaceServices {
    face::FaceEngine* engine = nullptr;    // loaded; null: face identification is not offered
    face::TemplateStore* store = nullptr;  // e.g. face::SqlTemplateStore
    // A mk::hw::Camera (its imageFrame(QImage) signal is connected by name, so medkiosk_ui
    // needs no link to medkiosk_hw).
    QObject* camera = nullptr;
    face::FaceConfig config;
    // The liveness challenge before enrollment. Off only for tests and demos with still pictures
    // (a flat picture cannot pass it by design).
    bool liveness_required = true;
};

}  // namespace mk::ui

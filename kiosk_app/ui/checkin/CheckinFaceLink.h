// Face sign-in for check-in (issue 12, item 8): once both the check-in screen and the face screens
// are installed, the check-in screen offers "Sign in with your face"; a face identified after that
// button brings the patient back to the check-in screen with their appointments of today (the
// window's own handler, which continues to booking, then finds another screen current and stops).
#pragma once

namespace mk::ui {

class KioskWindow;

// Idempotent; false while one of the two screens is missing.
bool linkFaceToCheckin(KioskWindow& window);

}  // namespace mk::ui

// What the payment screens (issue 9) need besides the ScreenContext: the payment core, the
// receipt printer and the speaker (each may be null), and the face services for the fresh 1:1
// check at the moment of payment (null or without an engine: the last 4 phone digits instead).
// Owned by the application; must outlive the window.
#pragma once

namespace mk::payment {
class PaymentService;
}
namespace mk::hw {
class ReceiptPrinter;
class Speaker;
}  // namespace mk::hw

namespace mk::ui {

struct FaceServices;

struct PayServices {
    payment::PaymentService* service = nullptr;  // null: the screens say paying is unavailable
    hw::ReceiptPrinter* printer = nullptr;       // null or Missing: the receipt stays on screen
    hw::Speaker* speaker = nullptr;              // null: the total is not spoken
    const FaceServices* face = nullptr;          // null: no face check (phone digits)
};

}  // namespace mk::ui

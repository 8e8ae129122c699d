// Payment wiring of the kiosk (issue 9): PaymentService over the pool client, the store and the
// outbox (its relay delivers payments taken offline), the receipt printer and speaker of
// check-in, the face services once the models are loaded (the fresh 1:1 check at payment), and
// the payment screens in the window (Pay on Home, Payments in maintenance mode).
#include "KioskApp.h"
#include "core/booking/BookingService.h"
#include "core/common/Log.h"
#include "core/outbox/Relay.h"
#include "core/payment/PaymentService.h"
#include "hw/printer/ReceiptPrinter.h"
#include "hw/speech/Speaker.h"
#include "ui/KioskWindow.h"
#include "ui/face/FaceServices.h"
#include "ui/payment/PayServices.h"
#include "ui/staff/StaffServices.h"

namespace mk::app {

void KioskApp::startPayment()
{
    payment::PaymentOptions o = config_.payment;  // [payment]: offline caps, phone poll
    o.kiosk_id = config_.kiosk_id;
    o.client_id = config_.kiosk_id;  // the SMART client id (identity: the kiosk id)
    o.timezone = config_.pool.timezone;
    payment_ = std::make_unique<payment::PaymentService>(client_, *store_, *outbox_, o);
    payment_->attachRelay(relay_.get());
    payment_->setOnline(service_->online());
    connect(service_.get(), &booking::BookingService::onlineChanged, payment_.get(),
            &payment::PaymentService::setOnline);
    pay_services_ = std::make_unique<ui::PayServices>();
    pay_services_->service = payment_.get();
    pay_services_->printer = printer_.get();
    pay_services_->speaker = speaker_.get();
    // The face services come when the models have loaded (KioskAppFace.cpp), and go at shutdown.
    connect(this, &KioskApp::faceStateChanged, this, [this] {
        pay_services_->face = face_state_ == FaceState::On ? face_services_.get() : nullptr;
    });
    window_->installPayment(*pay_services_, staff_services_.get());
}

}  // namespace mk::app

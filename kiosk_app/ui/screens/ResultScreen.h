// The booking is made: the appointment number (big), the patient (masked), department, doctor,
// time, the cancellation deadline and the appointment QR code to show at check-in. Done → Home.
// With face sign-in installed: "Sign in with your face next time" → FaceConsent for the person
// who signed in.
#pragma once

#include "ui/Screen.h"

class QBoxLayout;
class QLabel;
class QPushButton;

namespace mk::ui {

class ResultScreen : public Screen
{
    Q_OBJECT
public:
    static constexpr int kQrSize_px = 360;

    explicit ResultScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~ResultScreen() override;

    ScreenId id() const override { return ScreenId::Result; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    // Shows the enrollment button (KioskWindow::installFace).
    void setFaceEnrollmentAvailable(bool available);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showDetails();

    QBoxLayout* columns_ = nullptr;
    QBoxLayout* actions_ = nullptr;  // face sign-in offer and Done: a row in landscape
    QLabel* title_ = nullptr;
    QLabel* number_caption_ = nullptr;
    QLabel* number_ = nullptr;
    QLabel* patient_ = nullptr;
    QLabel* department_ = nullptr;
    QLabel* doctor_ = nullptr;
    QLabel* time_ = nullptr;
    QLabel* deadline_ = nullptr;
    QLabel* qr_ = nullptr;
    QLabel* qr_hint_ = nullptr;
    QPushButton* done_ = nullptr;
    QPushButton* face_enroll_ = nullptr;
    bool face_available_ = false;
    QString qr_number_;  // the appointment number the QR image shows
};

}  // namespace mk::ui

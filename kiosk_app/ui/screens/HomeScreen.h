// The start screen: a welcome and one big "Book an appointment" button; "Check in" and "Sign in
// with your face" below it, the same size, once those are installed.
#pragma once

#include "ui/Screen.h"

class QLabel;
class QPushButton;

namespace mk::ui {

class HomeScreen : public Screen
{
    Q_OBJECT
public:
    explicit HomeScreen(ScreenContext& context, QWidget* parent = nullptr);

    ScreenId id() const override { return ScreenId::Home; }
    void enter() override {}
    void reset() override {}
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    // Shows the "Check in" button (KioskWindow::installCheckin).
    void setCheckinAvailable(bool available);
    // Shows the "Sign in with your face" button (KioskWindow::installFace).
    void setFaceAvailable(bool available);
    // Shows the "Pay" button (KioskWindow::installPayment).
    void setPayAvailable(bool available);

private:
    QLabel* title_ = nullptr;
    QLabel* subtitle_ = nullptr;
    QPushButton* book_ = nullptr;
    QPushButton* checkin_ = nullptr;
    QPushButton* face_ = nullptr;
    QPushButton* pay_ = nullptr;
    QLabel* hint_ = nullptr;
};

}  // namespace mk::ui

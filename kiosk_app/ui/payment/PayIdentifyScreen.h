// Payment, step 1 (issue 9): "How do you want to identify?" with equal-sized choices — the face
// (the existing challenge + 1:N + last 4 phone digits; only when face sign-in is installed), the
// patient card QR code (a card scanned while this screen is shown works at once), and the
// patient number or phone + date of birth on the keypad. Marks the session as the payment flow:
// Identify, ChildChoice and face sign-in then lead to the bills (KioskWindow::installPayment).
#pragma once

#include "ui/Screen.h"

class QLabel;
class QPushButton;

namespace mk::ui {

class WedgeScanner;

class PayIdentifyScreen final : public Screen
{
    Q_OBJECT
public:
    explicit PayIdentifyScreen(ScreenContext& context, QWidget* parent = nullptr);

    ScreenId id() const override { return ScreenId::PayIdentify; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud

    void setFaceAvailable(bool available);
    WedgeScanner* scanner() const { return scanner_; }

Q_SIGNALS:
    // A code was scanned here: the window hands it to the Identify screen.
    void cardScanned(const QString& text);

private:
    QLabel* title_ = nullptr;
    QLabel* subtitle_ = nullptr;
    QPushButton* face_ = nullptr;
    QPushButton* card_ = nullptr;
    QPushButton* keypad_ = nullptr;
    QLabel* hint_ = nullptr;
    WedgeScanner* scanner_ = nullptr;
};

}  // namespace mk::ui

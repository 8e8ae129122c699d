// The staff PIN entry: the on-screen keypad, the PIN as dots, Enter. A right PIN opens the
// maintenance screen; wrong ones count towards the lockout (StaffPin), whose remaining time is
// shown and counts down. Without a configured PIN it says how IT sets one. The PIN is checked
// off the UI thread and forgotten (keypad cleared) at once.
#pragma once

#include "core/staff/StaffPin.h"
#include "ui/Screen.h"
#include "ui/staff/StaffServices.h"

#include <QTimer>

class QBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace mk::ui {

class Keypad;

class StaffPinScreen : public Screen
{
    Q_OBJECT
public:
    StaffPinScreen(ScreenContext& context, const StaffServices& services,
                   QWidget* parent = nullptr);

    ScreenId id() const override { return ScreenId::StaffPin; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return busy_; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void submit();
    void apply(const Result<staff::PinCheck>& check, bool after_attempt);
    void setBusy(bool busy);
    void updateDots();
    void updateLockMessage();
    void updateEnter();
    static QString notConfiguredText();

    const StaffServices& services_;
    bool busy_ = false;
    bool configured_ = true;
    QDateTime locked_until_;
    QString message_text_;
    QTimer lock_timer_;
    QLabel* title_ = nullptr;
    QLabel* prompt_ = nullptr;
    QLabel* dots_ = nullptr;
    QLabel* message_ = nullptr;
    Keypad* keypad_ = nullptr;
    QBoxLayout* body_ = nullptr;  // info | keys: TopToBottom in portrait, side by side otherwise
    QVBoxLayout* info_ = nullptr;
    QPushButton* enter_ = nullptr;
};

}  // namespace mk::ui

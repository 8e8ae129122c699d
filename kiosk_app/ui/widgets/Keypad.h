// The on-screen keypad (no physical keyboard on a kiosk): digits 0-9, backspace, clear, and an
// optional letter key (e.g. "P" for patient numbers such as P00001001) that only works as the
// first character. It keeps the text it edits; setText() when the edited field changes.
// Keys have object names key_0 ... key_9, key_letter, key_backspace, key_clear (for tests).
#pragma once

#include <QString>
#include <QWidget>

class QPushButton;

namespace mk::ui {

class Keypad : public QWidget
{
    Q_OBJECT
public:
    explicit Keypad(QWidget* parent = nullptr);

    QString text() const { return text_; }
    void setText(const QString& text);  // no textChanged
    void setMaxLength(int max_length) { max_length_ = max_length; }
    int maxLength() const { return max_length_; }
    // Empty letter hides the letter key.
    void setLetter(const QString& letter);
    void retranslate();
    // Shorter keys (the theme's [compact="true"] key height: 80 px in Normal, scaled in elder
    // mode), still far above the touch minimum, for a keypad that must fit under other content.
    void setCompact(bool compact);
    // What a secret entry shows instead of its digits: one filled circle per digit typed, an
    // empty one per digit still to type ("●●○○"), so the patient sees how far they are.
    static QString maskedProgress(qsizetype typed, int length);

Q_SIGNALS:
    void textChanged(const QString& text);
    void keyPressed();  // any key, after textChanged

private:
    void press(const QString& key);
    void backspace();
    void clearText();
    void updateKeys();

    QString text_;
    QString letter_;
    int max_length_ = 16;
    QPushButton* letter_key_ = nullptr;
    QPushButton* backspace_key_ = nullptr;
    QPushButton* clear_key_ = nullptr;
};

}  // namespace mk::ui

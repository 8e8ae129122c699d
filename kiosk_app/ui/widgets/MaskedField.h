// A touch input field for personal data typed on the on-screen Keypad. Not a QLineEdit: no text
// cursor, no input method, no selection or clipboard. Shows the value while active (being typed)
// and a masked form otherwise, or a placeholder when empty. Tapping it emits activated().
#pragma once

#include <QPushButton>
#include <QString>

#include <functional>

namespace mk::ui {

class MaskedField : public QPushButton
{
    Q_OBJECT
public:
    using Masker = std::function<QString(const QString&)>;

    explicit MaskedField(QWidget* parent = nullptr);

    QString value() const { return value_; }
    void setValue(const QString& value);
    bool isActive() const { return active_; }
    void setActive(bool active);
    void setPlaceholder(const QString& placeholder);
    void setMasker(Masker masker);
    // What the field shows right now (for tests: no personal data when inactive).
    QString displayText() const { return text(); }

Q_SIGNALS:
    void activated();

private:
    void refresh();

    QString value_;
    QString placeholder_;
    Masker masker_;
    bool active_ = false;
};

}  // namespace mk::ui

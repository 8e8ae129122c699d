#include "Keypad.h"

#include "ui/Theme.h"

#include <QGridLayout>
#include <QPushButton>

#include <algorithm>

namespace mk::ui {

Keypad::Keypad(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("keypad"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(14);
    auto makeKey = [this](const QString& object_name) {
        auto* key = new QPushButton(this);
        key->setObjectName(object_name);
        key->setFocusPolicy(Qt::NoFocus);  // a wedge scanner's keystrokes must not press keys
        key->setAutoRepeat(false);
        key->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        Theme::setRole(key, "key");
        return key;
    };
    // 1 2 3 Delete / 4 5 6 Delete / 7 8 9 Clear / P 0 Clear: four rows fit a landscape screen.
    for (int digit = 1; digit <= 9; ++digit) {
        const QString label = QString::number(digit);
        QPushButton* key = makeKey(QStringLiteral("key_%1").arg(digit));
        key->setText(label);
        connect(key, &QPushButton::clicked, this, [this, label] { press(label); });
        grid->addWidget(key, (digit - 1) / 3, (digit - 1) % 3);
    }
    letter_key_ = makeKey(QStringLiteral("key_letter"));
    connect(letter_key_, &QPushButton::clicked, this, [this] { press(letter_); });
    grid->addWidget(letter_key_, 3, 0);
    QPushButton* zero = makeKey(QStringLiteral("key_0"));
    zero->setText(QStringLiteral("0"));
    connect(zero, &QPushButton::clicked, this, [this] { press(QStringLiteral("0")); });
    grid->addWidget(zero, 3, 1);
    backspace_key_ = makeKey(QStringLiteral("key_backspace"));
    connect(backspace_key_, &QPushButton::clicked, this, &Keypad::backspace);
    grid->addWidget(backspace_key_, 0, 3, 2, 1);
    clear_key_ = makeKey(QStringLiteral("key_clear"));
    connect(clear_key_, &QPushButton::clicked, this, &Keypad::clearText);
    grid->addWidget(clear_key_, 2, 3, 2, 1);
    for (int column = 0; column < 4; ++column) grid->setColumnStretch(column, 1);
    for (int row = 0; row < 4; ++row) grid->setRowStretch(row, 1);
    setLetter(QString());
    retranslate();
}

void Keypad::setCompact(bool compact)
{
    const QList<QPushButton*> keys = findChildren<QPushButton*>();
    for (QPushButton* key : keys) {
        key->setProperty("compact", compact);
        Theme::setRole(key, "key");  // re-polish with the new property
    }
}

QString Keypad::maskedProgress(qsizetype typed, int length)
{
    const qsizetype filled = std::clamp<qsizetype>(typed, 0, length);
    return QString(filled, QChar(0x25CF)) + QString(length - filled, QChar(0x25CB));
}

void Keypad::setText(const QString& text)
{
    text_ = text.left(max_length_);
    updateKeys();
}

void Keypad::setLetter(const QString& letter)
{
    letter_ = letter;
    letter_key_->setText(letter);
    // Keep the grid cell (the layout stays put) but make the key unusable when there is none.
    letter_key_->setVisible(!letter.isEmpty());
    updateKeys();
}

void Keypad::retranslate()
{
    backspace_key_->setText(tr("Delete"));
    backspace_key_->setAccessibleName(tr("Delete the last character"));
    clear_key_->setText(tr("Clear"));
}

void Keypad::press(const QString& key)
{
    if (key.isEmpty() || text_.size() >= max_length_) return;
    if (key == letter_ && !text_.isEmpty()) return;  // a prefix only
    text_ += key;
    updateKeys();
    Q_EMIT textChanged(text_);
    Q_EMIT keyPressed();
}

void Keypad::backspace()
{
    if (!text_.isEmpty()) {
        text_.chop(1);
        updateKeys();
        Q_EMIT textChanged(text_);
    }
    Q_EMIT keyPressed();
}

void Keypad::clearText()
{
    if (!text_.isEmpty()) {
        text_.clear();
        updateKeys();
        Q_EMIT textChanged(text_);
    }
    Q_EMIT keyPressed();
}

void Keypad::updateKeys()
{
    letter_key_->setEnabled(!letter_.isEmpty() && text_.isEmpty());
}

}  // namespace mk::ui

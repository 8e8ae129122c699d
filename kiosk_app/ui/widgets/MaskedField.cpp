#include "MaskedField.h"

#include "ui/Theme.h"

#include <QStyle>

namespace mk::ui {

MaskedField::MaskedField(QWidget* parent) : QPushButton(parent)
{
    setFocusPolicy(Qt::NoFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    Theme::setRole(this, "field");
    masker_ = [](const QString& value) { return QString(value.size(), QChar(u'•')); };
    connect(this, &QPushButton::clicked, this, [this] {
        setActive(true);
        Q_EMIT activated();
    });
    refresh();
}

void MaskedField::setValue(const QString& value)
{
    value_ = value;
    refresh();
}

void MaskedField::setActive(bool active)
{
    active_ = active;
    refresh();
}

void MaskedField::setPlaceholder(const QString& placeholder)
{
    placeholder_ = placeholder;
    refresh();
}

void MaskedField::setMasker(Masker masker)
{
    masker_ = std::move(masker);
    refresh();
}

void MaskedField::refresh()
{
    const bool empty = value_.isEmpty();
    if (empty) {
        setText(placeholder_);
    } else if (active_) {
        setText(value_);
    } else {
        setText(masker_ ? masker_(value_) : QString(value_.size(), QChar(u'•')));
    }
    const QVariant active_property = property("active");
    const QVariant empty_property = property("empty");
    if (!active_property.isValid() || active_property.toBool() != active_ ||
        !empty_property.isValid() || empty_property.toBool() != empty) {
        setProperty("active", active_);
        setProperty("empty", empty);
        style()->unpolish(this);
        style()->polish(this);
    }
    update();
}

}  // namespace mk::ui

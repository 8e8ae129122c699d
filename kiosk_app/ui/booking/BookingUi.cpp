#include "ui/booking/BookingUi.h"

#include "core/booking/BookingService.h"
#include "core/config/KioskConfig.h"
#include "core/fhir/FhirTypes.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>
#include <QStyle>
#include <QVariant>

namespace mk::ui::bookingui {

QPushButton* makeButton(const char* role, const QString& object_name, QWidget* parent)
{
    auto* button = new QPushButton(parent);
    button->setObjectName(object_name);
    button->setProperty("role", QString::fromLatin1(role));
    button->setMinimumHeight(kMinTouchHeight_px);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

QLabel* makeLabel(const char* role, const QString& object_name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(object_name);
    label->setProperty("role", QString::fromLatin1(role));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QBoxLayout* addScrollingBody(QBoxLayout* layout, const QString& object_name, QWidget* parent)
{
    auto* body = new QWidget(parent);
    auto* box = new QBoxLayout(QBoxLayout::TopToBottom, body);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(32);
    auto* scroll = new QScrollArea(parent);
    scroll->setObjectName(object_name);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(body);
    QScroller::grabGesture(scroll->viewport(), QScroller::TouchGesture);
    layout->addWidget(scroll, 1);
    return box;
}

void setRole(QWidget* widget, const char* role)
{
    const QString wanted = QString::fromLatin1(role);
    if (widget->property("role").toString() == wanted) return;
    widget->setProperty("role", wanted);
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

QLocale localeFor(const QString& ui_language)
{
    if (ui_language.startsWith(QLatin1String("en")))
        return QLocale(QLocale::English, QLocale::UnitedKingdom);
    return QLocale(QLocale::Chinese, QLocale::China);
}

QTimeZone hospitalZone(const config::KioskConfig* config)
{
    return HospitalClock::zoneFor(config ? config->pool.timezone.toUtf8() : QByteArray());
}

HospitalClock hospitalClock(const booking::BookingService* service,
                            const config::KioskConfig* config)
{
    if (service != nullptr) return service->clock();
    return HospitalClock(config ? config->pool.timezone.toUtf8() : QByteArray());
}

QDateTime inHospitalZone(const QDateTime& moment, const config::KioskConfig* config)
{
    return moment.toTimeZone(hospitalZone(config));
}

QString clockText(const QDateTime& moment, const config::KioskConfig* config)
{
    return inHospitalZone(moment, config).toString(QStringLiteral("HH:mm"));
}

QString dayText(const QDate& day, const QString& ui_language)
{
    const QLocale locale = localeFor(ui_language);
    if (ui_language.startsWith(QLatin1String("en")))
        return locale.toString(day, QStringLiteral("dddd d MMMM"));
    return locale.toString(day, QStringLiteral("M月d日 dddd"));
}

QString dateTimeText(const QDateTime& moment, const config::KioskConfig* config,
                     const QString& ui_language)
{
    const QDateTime local = inHospitalZone(moment, config);
    const QString separator =
        ui_language.startsWith(QLatin1String("en")) ? QStringLiteral(", ") : QStringLiteral(" ");
    return dayText(local.date(), ui_language) + separator + local.toString(QStringLiteral("HH:mm"));
}

QString doctorText(const fhir::Doctor& doctor, const QString& ui_language)
{
    QString name = doctor.name.forLanguage(ui_language);
    const QString title = doctor.title.forLanguage(ui_language);
    if (title.isEmpty()) return name;
    return name + QStringLiteral(" · ") + title;
}

QString cancellationText(const QDateTime& deadline, const QDateTime& now,
                         const config::KioskConfig* config, const QString& ui_language)
{
    if (!deadline.isValid()) return {};
    if (now.isValid() && deadline <= now) {
        return QCoreApplication::translate("mk::ui::bookingui",
                                           "This booking can no longer be cancelled.");
    }
    return QCoreApplication::translate("mk::ui::bookingui", "You can cancel until %1.")
        .arg(dateTimeText(deadline, config, ui_language));
}

}  // namespace mk::ui::bookingui

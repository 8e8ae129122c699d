#include "ui/checkin/ArrivalListPage.h"

#include "ui/booking/BookingUi.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace mk::ui {

using namespace bookingui;

ArrivalListPage::ArrivalListPage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("checkinArrivalPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(20);
    title_ = makeLabel("title", QStringLiteral("checkinArrivalTitle"), this);
    title_->setAlignment(Qt::AlignCenter);
    title_->setWordWrap(true);
    layout->addWidget(title_);
    QBoxLayout* body = addScrollingBody(layout, QStringLiteral("checkinArrivalRows"), this);
    host_ = body->parentWidget();
    rows_ = new QVBoxLayout;
    rows_->setSpacing(24);
    body->addLayout(rows_);
    body->addStretch(1);
    note_ = makeLabel("body", QStringLiteral("checkinArrivalNote"), this);
    note_->setAlignment(Qt::AlignCenter);
    note_->setWordWrap(true);
    layout->addWidget(note_);
    retranslate();
}

void ArrivalListPage::setList(const checkin::ArrivalList& list, const config::KioskConfig* config)
{
    list_ = list;
    config_ = config;
    retranslate();  // the note depends on the list
}

void ArrivalListPage::setDepartmentNames(const QHash<QString, QString>& names)
{
    department_names_ = names;
    rebuild();
}

void ArrivalListPage::clear()
{
    list_ = checkin::ArrivalList{};
    retranslate();
}

void ArrivalListPage::retranslate()
{
    title_->setText(tr("Choose the appointment to check in"));
    note_->setText(list_.from_cache ? tr("The hospital system cannot be reached right now: "
                                         "these are the appointments known at this kiosk.")
                                    : QString());
    note_->setVisible(list_.from_cache);
    rebuild();
}

QStringList ArrivalListPage::spokenLines() const
{
    QStringList lines{title_->text()};
    for (const checkin::ArrivalItem& item : std::as_const(list_.today)) {
        QStringList parts{clockText(item.start, config_)};
        const QString dept = department_names_.value(item.department_id);
        if (!dept.isEmpty()) parts << dept;
        const QString text = parts.join(QStringLiteral(", "));
        if (item.place == checkin::ArrivalPlace::Here) {
            lines << (item.arrived ? tr("%1 (already checked in)").arg(text) : text);
        } else {
            lines << text << checkin::placeMessage(item);
        }
    }
    if (!note_->isHidden()) lines << note_->text();
    return lines;
}

void ArrivalListPage::rebuild()
{
    for (QWidget* w : std::as_const(row_widgets_)) w->deleteLater();
    row_widgets_.clear();
    buttons_.clear();
    QWidget* host = host_;
    int index = 0;
    for (const checkin::ArrivalItem& item : std::as_const(list_.today)) {
        QStringList parts{clockText(item.start, config_)};
        const QString dept = department_names_.value(item.department_id);
        if (!dept.isEmpty()) parts << dept;
        if (!item.patient_name_masked.isEmpty()) parts << item.patient_name_masked;
        const QString text = parts.join(QStringLiteral("  ·  "));
        if (item.place == checkin::ArrivalPlace::Here) {
            auto* b = makeButton("primary", QStringLiteral("checkinChoice%1").arg(index), host);
            b->setText(item.arrived ? tr("%1 (already checked in)").arg(text) : text);
            connect(b, &QPushButton::clicked, this, [this, item] { Q_EMIT chosen(item); });
            rows_->addWidget(b);
            buttons_.append(b);
            row_widgets_.append(b);
        } else {
            auto* l =
                makeLabel("banner-warning", QStringLiteral("checkinElsewhere%1").arg(index), host);
            l->setWordWrap(true);
            l->setText(text + QLatin1Char('\n') + checkin::placeMessage(item));
            rows_->addWidget(l);
            row_widgets_.append(l);
        }
        ++index;
    }
}

}  // namespace mk::ui

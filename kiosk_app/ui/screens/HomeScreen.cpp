#include "HomeScreen.h"

#include "ui/Theme.h"
#include "ui/access/Spoken.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mk::ui {

HomeScreen::HomeScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("homeScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    // 24, not 36: the rows of hidden buttons (face before it is loaded) count as items too, and
    // in landscape nine gaps of 36 px left the buttons overlapping (the screen audit).
    layout->setSpacing(24);
    layout->addStretch(2);

    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("homeTitle"));
    title_->setAlignment(Qt::AlignCenter);
    title_->setWordWrap(true);
    Theme::setRole(title_, "title");
    layout->addWidget(title_);

    subtitle_ = new QLabel(this);
    subtitle_->setAlignment(Qt::AlignCenter);
    subtitle_->setWordWrap(true);
    Theme::setRole(subtitle_, "subtitle");
    layout->addWidget(subtitle_);
    layout->addStretch(1);

    book_ = new QPushButton(this);
    book_->setObjectName(QStringLiteral("bookButton"));
    book_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    Theme::setRole(book_, "primary");
    connect(book_, &QPushButton::clicked, this, [this] { Q_EMIT goTo(ScreenId::Identify); });
    // 80 % of the width: at 4/6 "Check in for my appointment" was cut in elder mode (the audit).
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(book_, 8);
    row->addStretch(1);
    layout->addLayout(row);

    checkin_ = new QPushButton(this);
    checkin_->setObjectName(QStringLiteral("checkinButton"));
    checkin_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    Theme::setRole(checkin_, "primary");
    checkin_->hide();  // until KioskWindow::installCheckin
    connect(checkin_, &QPushButton::clicked, this, [this] { Q_EMIT goTo(ScreenId::Checkin); });
    auto* checkin_row = new QHBoxLayout;
    checkin_row->addStretch(1);
    checkin_row->addWidget(checkin_, 8);
    checkin_row->addStretch(1);
    layout->addLayout(checkin_row);

    face_ = new QPushButton(this);
    face_->setObjectName(QStringLiteral("faceButton"));
    face_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    Theme::setRole(face_, "primary");
    face_->hide();  // until KioskWindow::installFace
    connect(face_, &QPushButton::clicked, this, [this] { Q_EMIT goTo(ScreenId::FaceIdentify); });
    auto* face_row = new QHBoxLayout;
    face_row->addStretch(1);
    face_row->addWidget(face_, 8);
    face_row->addStretch(1);
    layout->addLayout(face_row);

    pay_ = new QPushButton(this);
    pay_->setObjectName(QStringLiteral("payHomeButton"));
    pay_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    Theme::setRole(pay_, "primary");
    pay_->hide();  // until KioskWindow::installPayment
    connect(pay_, &QPushButton::clicked, this, [this] { Q_EMIT goTo(ScreenId::PayIdentify); });
    auto* pay_row = new QHBoxLayout;
    pay_row->addStretch(1);
    pay_row->addWidget(pay_, 8);
    pay_row->addStretch(1);
    layout->addLayout(pay_row);

    hint_ = new QLabel(this);
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setWordWrap(true);
    Theme::setRole(hint_, "hint");
    layout->addWidget(hint_);
    layout->addStretch(3);
    HomeScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

void HomeScreen::retranslate()
{
    title_->setText(tr("Welcome"));
    subtitle_->setText(tr("Book a visit with a doctor here, for yourself or your child."));
    book_->setText(tr("Book an appointment"));
    checkin_->setText(tr("Check in for my appointment"));
    face_->setText(tr("Sign in with your face"));
    pay_->setText(tr("Pay my bills"));
    hint_->setText(
        tr("You need your patient number or phone number and your date of birth, or "
           "your patient card."));
}

void HomeScreen::setCheckinAvailable(bool available)
{
    checkin_->setVisible(available);
}

void HomeScreen::setPayAvailable(bool available)
{
    pay_->setVisible(available);
}

void HomeScreen::setFaceAvailable(bool available)
{
    face_->setVisible(available);
}

QString HomeScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, subtitle_, book_, checkin_, face_, pay_, hint_});
}

}  // namespace mk::ui

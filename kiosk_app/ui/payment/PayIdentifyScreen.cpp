#include "ui/payment/PayIdentifyScreen.h"

#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/payment/PayFlow.h"
#include "ui/widgets/WedgeScanner.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mk::ui {

using namespace bookingui;

namespace {
constexpr int kChoiceHeight_px = 170;  // the three choices: equal, large
}

PayIdentifyScreen::PayIdentifyScreen(ScreenContext& context, QWidget* parent)
    : Screen(context, parent)
{
    setObjectName(QStringLiteral("payIdentifyScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                               kScreenMargin_px);
    layout->setSpacing(32);
    title_ = makeLabel("title", QStringLiteral("payIdentifyTitle"), this);
    subtitle_ = makeLabel("subtitle", QStringLiteral("payIdentifySubtitle"), this);
    layout->addWidget(title_);
    layout->addWidget(subtitle_);
    layout->addStretch(1);
    face_ = makeButton("tile", QStringLiteral("payByFace"), this);
    card_ = makeButton("tile", QStringLiteral("payByCard"), this);
    keypad_ = makeButton("tile", QStringLiteral("payByNumber"), this);
    for (QPushButton* b : {face_, card_, keypad_}) {
        b->setMinimumHeight(kChoiceHeight_px);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        layout->addWidget(b);
    }
    face_->hide();  // until setFaceAvailable(true)
    hint_ = makeLabel("hint", QStringLiteral("payIdentifyHint"), this);
    layout->addWidget(hint_);
    layout->addStretch(2);

    connect(face_, &QPushButton::clicked, this, [this] { Q_EMIT goTo(ScreenId::FaceIdentify); });
    connect(card_, &QPushButton::clicked, this, [this] { Q_EMIT goTo(ScreenId::Identify); });
    connect(keypad_, &QPushButton::clicked, this, [this] { Q_EMIT goTo(ScreenId::Identify); });
    scanner_ = new WedgeScanner(this);
    connect(scanner_, &WedgeScanner::scanned, this, &PayIdentifyScreen::cardScanned);
    PayIdentifyScreen::retranslate();
}

void PayIdentifyScreen::setFaceAvailable(bool available)
{
    face_->setVisible(available);
}

void PayIdentifyScreen::enter()
{
    scanner_->clear();
    PayFlow::setPayFlow(context().session, true);
}

void PayIdentifyScreen::reset()
{
    scanner_->clear();
    PayFlow::setPayFlow(context().session, false);
}

void PayIdentifyScreen::retranslate()
{
    title_->setText(tr("Pay your bills"));
    subtitle_->setText(tr("First, tell us who you are. Choose one way:"));
    face_->setText(tr("Use my face"));
    card_->setText(tr("Scan my patient card"));
    keypad_->setText(tr("Type my patient number or phone number"));
    hint_->setText(
        tr("You can also hold your patient card's QR code under the scanner now. Parents: "
           "identify yourself, then choose your child."));
}

QString PayIdentifyScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, subtitle_, hint_});
}

}  // namespace mk::ui

#include "ui/payment/PayReceiptScreen.h"

#include "core/common/Log.h"
#include "core/payment/PaymentService.h"
#include "hw/printer/ReceiptPrinter.h"
#include "hw/speech/Speaker.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/payment/PayFlow.h"
#include "ui/payment/PayText.h"
#include "ui/payment/PrintDone.h"
#include "ui/payment/ReceiptTicket.h"

#include <QBoxLayout>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>

namespace mk::ui {

using namespace bookingui;

namespace {
constexpr int kReceiptQr_px = 240;

}  // namespace

PayReceiptScreen::PayReceiptScreen(ScreenContext& context, const PayServices& services,
                                   PayFlow& flow, QWidget* parent)
    : Screen(context, parent), services_(services), flow_(flow)
{
    setObjectName(QStringLiteral("payReceiptScreen"));
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                             kScreenMargin_px);
    root->setSpacing(16);
    title_ = makeLabel("title", QStringLiteral("receiptTitle"), this);
    total_ = makeLabel("big-number", QStringLiteral("receiptTotal"), this);
    total_->setAlignment(Qt::AlignCenter);
    root->addWidget(title_);
    root->addWidget(total_);
    cards_layout_ = addScrollingBody(root, QStringLiteral("receiptScroll"), this);
    cards_layout_->setSpacing(20);
    device_note_ = makeLabel("banner-warning", QStringLiteral("receiptDeviceNote"), this);
    device_note_->hide();
    root->addWidget(device_note_);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(24);
    reprint_ = makeButton("secondary", QStringLiteral("receiptReprint"), this);
    done_ = makeButton("primary", QStringLiteral("receiptDone"), this);
    buttons->addWidget(reprint_, 1);
    buttons->addWidget(done_, 1);
    root->addLayout(buttons);
    connect(reprint_, &QPushButton::clicked, this, &PayReceiptScreen::print);
    connect(done_, &QPushButton::clicked, this, [this] { Q_EMIT goHome(); });
    if (services_.service != nullptr) {
        connect(services_.service, &payment::PaymentService::receiptConfirmed, this,
                &PayReceiptScreen::onConfirmed);
    }
    PayReceiptScreen::retranslate();
}

void PayReceiptScreen::enter()
{
    print_failed_ = false;
    spoken_.clear();
    device_note_->hide();
    rebuild();
    retranslate();
    print();
    if (!flow_.receipts_are_copies) speak();
}

void PayReceiptScreen::reset()
{
    clearCards();
    print_failed_ = false;
    spoken_.clear();
    device_note_->clear();
    device_note_->hide();
    if (printing_ != 0) {
        printing_ = 0;
        Q_EMIT loadingChanged(false);
    }
    retranslate();
}

void PayReceiptScreen::clearCards()
{
    qDeleteAll(cards_);
    cards_.clear();
}

void PayReceiptScreen::rebuild()
{
    clearCards();
    const QString& lang = context().language;
    int index = 0;
    for (const payment::Receipt& r : std::as_const(flow_.receipts)) {
        auto* card = new QFrame(this);
        card->setObjectName(QStringLiteral("receiptCard_%1").arg(index++));
        card->setFrameShape(QFrame::StyledPanel);
        auto* row = new QHBoxLayout(card);
        auto* text = new QVBoxLayout;
        auto add = [&](const QString& s, const char* role, const QString& name = QString()) {
            QLabel* l = makeLabel(role, name, card);
            l->setText(s);
            text->addWidget(l);
        };
        if (r.provisional) {
            add(tr("PROVISIONAL: the hospital system is offline. Your payment is recorded; the "
                   "e-receipt follows. Kiosk receipt number: %1")
                    .arg(r.local_number),
                "banner-warning", QStringLiteral("receiptProvisional"));
        }
        add(PayText::money(r.amount_fen, lang) + QStringLiteral(" · ") + PayText::method(r.method),
            "subtitle");
        if (!r.invoice_code.isEmpty())
            add(tr("Invoice code: %1").arg(r.invoice_code), "body",
                QStringLiteral("receiptInvoiceCode"));
        if (!r.invoice_number.isEmpty())
            add(tr("Invoice number: %1").arg(r.invoice_number), "body",
                QStringLiteral("receiptInvoiceNumber"));
        if (!r.check_code.isEmpty())
            add(tr("Check code: %1").arg(r.check_code), "body", QStringLiteral("receiptCheckCode"));
        if (r.issued.isValid())
            add(tr("Date: %1").arg(dateTimeText(r.issued, context().config, lang)), "body");
        if (!r.payer_masked.isEmpty())
            add(tr("Payer: %1").arg(r.payer_masked), "body", QStringLiteral("receiptPayer"));
        text->addStretch(1);
        row->addLayout(text, 1);
        const QImage qr = PayText::qr(r.view_url, kReceiptQr_px);
        if (!qr.isNull()) {
            auto* qr_box = new QVBoxLayout;
            auto* picture = new QLabel(card);
            picture->setObjectName(QStringLiteral("receiptQr"));
            picture->setPixmap(QPixmap::fromImage(qr));
            qr_box->addWidget(picture, 0, Qt::AlignHCenter);
            QLabel* caption = makeLabel("hint", QString(), card);
            caption->setText(tr("Scan to view"));
            caption->setAlignment(Qt::AlignCenter);
            qr_box->addWidget(caption);
            qr_box->addStretch(1);
            row->addLayout(qr_box);
        }
        cards_layout_->addWidget(card);
        card->show();
        cards_.append(card);
    }
    cards_layout_->addStretch(1);
}

bool PayReceiptScreen::printerReady() const
{
    return services_.printer != nullptr &&
           services_.printer->health().state != hw::DeviceState::Missing;
}

void PayReceiptScreen::print()
{
    if (flow_.receipts.isEmpty() || printing_ > 0) return;
    const QString no_printer =
        tr("Your payment is complete. The receipt could not be printed (the printer is not "
           "available): please take a photo of this screen or scan the QR code, or tap \"Print "
           "again\" later.");
    if (!printerReady()) {
        print_failed_ = true;
        device_note_->setText(no_printer);
        device_note_->show();
        retranslate();
        Q_EMIT printed(false);
        return;
    }
    device_note_->hide();
    print_failed_ = false;
    const bool was = loading();
    printing_ = int(flow_.receipts.size());
    if (!was) Q_EMIT loadingChanged(true);
    for (const payment::Receipt& r : std::as_const(flow_.receipts)) {
        const QByteArray bytes = ReceiptTicket::receipt(r, context().language, context().config,
                                                        flow_.receipts_are_copies);
        whenPrinted(services_.printer->print(bytes), this, [this, no_printer](bool ok) {
            if (printing_ == 0) return;  // reset meanwhile
            if (!ok) {
                print_failed_ = true;
                qCWarning(lcUi) << "receipt not printed (the payment stands)";
                device_note_->setText(no_printer);
                device_note_->show();
            }
            if (--printing_ == 0) {
                Q_EMIT loadingChanged(false);
                retranslate();
                Q_EMIT printed(!print_failed_);
            }
        });
    }
}

QString PayReceiptScreen::totalSentence(qint64 fen, const QString& lang)
{
    const qint64 yuan = fen / 100;
    const qint64 cents = fen % 100;
    if (lang.startsWith(QLatin1String("en"))) {
        return QStringLiteral("Payment complete. Total %1 yuan %2.")
            .arg(yuan)
            .arg(cents, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("缴费成功，共%1元%2。")
        .arg(yuan)
        .arg(cents == 0 ? QString() : QStringLiteral("%1分").arg(cents));
}

void PayReceiptScreen::speak()
{
    qint64 total = 0;
    for (const payment::Receipt& r : std::as_const(flow_.receipts)) total += r.amount_fen;
    if (flow_.receipts.isEmpty()) return;
    spoken_ = totalSentence(total, context().language);
    if (services_.speaker == nullptr) return;
    services_.speaker->speakSentence(spoken_, context().language.startsWith(QLatin1String("en"))
                                                  ? hw::SpeechLanguage::English
                                                  : hw::SpeechLanguage::Chinese);
}

void PayReceiptScreen::onConfirmed(const payment::Receipt& receipt)
{
    bool replaced = false;
    for (payment::Receipt& r : flow_.receipts) {
        if (r.provisional && r.bill_id == receipt.bill_id) {
            r = receipt;
            replaced = true;
        }
    }
    if (replaced && isVisible()) {
        rebuild();
        retranslate();
    }
}

void PayReceiptScreen::retranslate()
{
    const QString& lang = context().language;
    qint64 total = 0;
    bool provisional = false;
    for (const payment::Receipt& r : std::as_const(flow_.receipts)) {
        total += r.amount_fen;
        provisional = provisional || r.provisional;
    }
    if (flow_.receipts_are_copies) {
        title_->setText(tr("Today's receipts"));
    } else if (provisional) {
        title_->setText(tr("Payment recorded"));
    } else {
        title_->setText(tr("Payment complete"));
    }
    total_->setText(flow_.receipts.isEmpty() ? QString() : PayText::money(total, lang));
    reprint_->setText(tr("Print again"));
    reprint_->setVisible(!flow_.receipts.isEmpty());
    reprint_->setEnabled(!loading());
    done_->setText(tr("Done"));
}

QString PayReceiptScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, total_, device_note_});
}

}  // namespace mk::ui

#include "ui/payment/PayScreen.h"

#include "core/booking/BookingSession.h"
#include "core/common/Log.h"
#include "core/common/UserMessages.h"
#include "core/common/WhenFinished.h"
#include "core/payment/PaymentService.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/payment/PayFlow.h"
#include "ui/payment/PayText.h"
#include "ui/payment/VerifyPanel.h"
#include "ui/widgets/BusyIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mk::ui {

using namespace bookingui;
using payment::PayStatus;

namespace {
constexpr int kTickMs = 1000;
constexpr int kPhoneQr_px = 360;
constexpr int kChoiceHeight_px = 170;

bool paid(PayStatus s)
{
    return s == PayStatus::Paid || s == PayStatus::PaidOffline;
}
}  // namespace

PayScreen::PayScreen(ScreenContext& context, const PayServices& services, PayFlow& flow,
                     QWidget* parent)
    : Screen(context, parent), services_(services), flow_(flow)
{
    setObjectName(QStringLiteral("payScreen"));
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                             kScreenMargin_px);
    root->setSpacing(20);
    title_ = makeLabel("title", QStringLiteral("payTitle"), this);
    amount_ = makeLabel("subtitle", QStringLiteral("payAmount"), this);
    auto* title_row = new QHBoxLayout;  // one row: room for the keypad in landscape
    title_row->addWidget(title_, 1);
    amount_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    title_row->addWidget(amount_, 1);
    root->addLayout(title_row);
    pages_ = new QStackedWidget(this);
    root->addWidget(pages_, 1);

    // Choose: credit or phone, equal.
    auto* choose = new QWidget(pages_);
    auto* cl = new QVBoxLayout(choose);
    cl->setSpacing(24);
    credit_ = makeLabel("body", QStringLiteral("payCreditAvailable"), choose);
    over_ = makeLabel("banner-warning", QStringLiteral("payOverLimit"), choose);
    cl->addWidget(credit_);
    cl->addWidget(over_);
    cl->addStretch(1);
    auto* choices = new QHBoxLayout;
    choices->setSpacing(24);
    credit_button_ = makeButton("primary", QStringLiteral("payCreditButton"), choose);
    phone_button_ = makeButton("primary", QStringLiteral("payPhoneButton"), choose);
    for (QPushButton* b : {credit_button_, phone_button_}) {
        b->setMinimumHeight(kChoiceHeight_px);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        choices->addWidget(b, 1);
    }
    cl->addLayout(choices);
    cl->addStretch(2);
    pages_->addWidget(choose);

    // Verify: the fresh identity check.
    auto* verify = new QWidget(pages_);
    auto* vl = new QVBoxLayout(verify);
    verify_ = new VerifyPanel(services_.face, verify);
    vl->addWidget(verify_, 1);
    auto* vrow = new QHBoxLayout;
    verify_retry_ = makeButton("secondary", QStringLiteral("payVerifyRetry"), verify);
    verify_digits_ = makeButton("secondary", QStringLiteral("payVerifyDigits"), verify);
    verify_phone_ = makeButton("secondary", QStringLiteral("payVerifyPhone"), verify);
    vrow->addWidget(verify_retry_, 1);
    vrow->addWidget(verify_digits_, 1);
    vrow->addWidget(verify_phone_, 1);
    vl->addLayout(vrow);
    pages_->addWidget(verify);

    // Paying.
    auto* paying = new QWidget(pages_);
    auto* pl = new QVBoxLayout(paying);
    pl->addStretch(1);
    paying_ = makeLabel("subtitle", QStringLiteral("payPaying"), paying);
    paying_->setAlignment(Qt::AlignCenter);
    busy_ = new BusyIndicator(paying);
    pl->addWidget(paying_);
    pl->addWidget(busy_, 0, Qt::AlignHCenter);
    pl->addStretch(2);
    pages_->addWidget(paying);

    // Phone: the order's QR code with a countdown.
    auto* phone = new QWidget(pages_);
    auto* phl = new QVBoxLayout(phone);
    phl->setSpacing(16);
    phone_title_ = makeLabel("subtitle", QStringLiteral("payPhoneTitle"), phone);
    phone_title_->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    phone_qr_ = new QLabel(phone);
    phone_qr_->setObjectName(QStringLiteral("payPhoneQr"));
    phone_qr_->setAlignment(Qt::AlignCenter);
    phone_qr_->setFixedSize(kPhoneQr_px + 16, kPhoneQr_px + 16);
    phone_amount_ = makeLabel("big-number", QStringLiteral("payPhoneAmount"), phone);
    countdown_ = makeLabel("subtitle", QStringLiteral("payCountdown"), phone);
    phone_cancel_ = makeButton("secondary", QStringLiteral("payPhoneCancel"), phone);
    auto* order_row = new QHBoxLayout;  // the code beside its amount and time left
    order_row->setSpacing(32);
    order_row->addWidget(phone_qr_, 0, Qt::AlignTop);
    auto* order_text = new QVBoxLayout;
    order_text->addWidget(phone_title_);
    order_text->addWidget(phone_amount_);
    order_text->addWidget(countdown_);
    order_text->addStretch(1);
    order_row->addLayout(order_text, 1);
    phl->addLayout(order_row);
    phl->addStretch(1);
    phl->addWidget(phone_cancel_);
    pages_->addWidget(phone);

    // Problem: what happened, what to do.
    auto* problem = new QWidget(pages_);
    auto* prl = new QVBoxLayout(problem);
    prl->setSpacing(24);
    problem_ = makeLabel("error", QStringLiteral("payProblem"), problem);
    prl->addWidget(problem_);
    prl->addStretch(1);
    auto* prow = new QHBoxLayout;
    problem_back_ = makeButton("secondary", QStringLiteral("payProblemBack"), problem);
    problem_action_ = makeButton("primary", QStringLiteral("payProblemAction"), problem);
    prow->addWidget(problem_back_, 1);
    prow->addWidget(problem_action_, 1);
    prl->addLayout(prow);
    pages_->addWidget(problem);

    connect(credit_button_, &QPushButton::clicked, this, &PayScreen::chooseCredit);
    connect(phone_button_, &QPushButton::clicked, this, &PayScreen::choosePhone);
    connect(verify_, &VerifyPanel::verified, this, &PayScreen::payOnCredit);
    connect(verify_, &VerifyPanel::phaseChanged, this, [this] { retranslate(); });
    connect(verify_retry_, &QPushButton::clicked, this, &PayScreen::chooseCredit);
    connect(verify_digits_, &QPushButton::clicked, this, &PayScreen::checkPhoneDigits);
    connect(verify_phone_, &QPushButton::clicked, this, &PayScreen::choosePhone);
    connect(phone_cancel_, &QPushButton::clicked, this, &PayScreen::cancelPhone);
    connect(problem_action_, &QPushButton::clicked, this, &PayScreen::runAction);
    connect(problem_back_, &QPushButton::clicked, this, [this] {
        if (!paid_.isEmpty()) {
            finishWithReceipts();
        } else {
            Q_EMIT goTo(ScreenId::PayBills);
        }
    });
    tick_.setInterval(kTickMs);
    connect(&tick_, &QTimer::timeout, this, &PayScreen::tick);
    connect(&poll_, &QTimer::timeout, this, &PayScreen::pollPhone);
    PayScreen::retranslate();
}

PayScreen::~PayScreen() = default;

PayScreen::Page PayScreen::page() const
{
    return Page(pages_->currentIndex());
}

QString PayScreen::patientId() const
{
    const booking::BookingSession* s = context().session;
    if (s == nullptr) return {};
    if (s->patient) return s->patient->id;
    return s->identified ? s->identified->id : QString();
}

void PayScreen::enter()
{
    reset();
    if (flow_.to_pay.isEmpty()) {
        Q_EMIT goTo(ScreenId::PayBills);
        return;
    }
}

void PayScreen::reset()
{
    ++generation_;
    tick_.stop();
    poll_.stop();
    polling_ = false;
    if (order_ && services_.service != nullptr) (void)services_.service->cancelPhoneOrder(*order_);
    order_.reset();
    verify_->stop();
    paid_.clear();
    phone_index_ = 0;
    action_ = Action::Unset;
    problem_text_ = {};
    phone_qr_->clear();
    setInFlight(false);
    showPage(Page::Choose);
}

void PayScreen::setInFlight(bool on)
{
    if (on == in_flight_) return;
    in_flight_ = on;
    busy_->setBusy(on);
    updateChoose();
    Q_EMIT loadingChanged(on);
}

void PayScreen::showPage(Page page)
{
    pages_->setCurrentIndex(int(page));
    if (page != Page::Verify) verify_->stop();
    retranslate();
}

void PayScreen::updateChoose()
{
    const QString& lang = context().language;
    const qint64 total = flow_.to_pay_fen;
    amount_->setText(tr("To pay: %1 (%n bill(s))", nullptr, int(flow_.to_pay.size()))
                         .arg(PayText::money(total, lang)));
    const bool active = flow_.credit && flow_.credit->status == payment::CreditStatus::Active;
    const bool over = active && total > flow_.credit->available_fen;
    if (active) {
        credit_->setText(tr("Available on your credit line: %1")
                             .arg(PayText::money(flow_.credit->available_fen, lang)));
    } else {
        credit_->setText(
            PayText::creditSummary(flow_.credit.value_or(payment::CreditLine{}), lang));
    }
    over_->setVisible(over);
    over_->setText(tr("%1 is more than the %2 available on your credit line. Please pay by "
                      "phone.")
                       .arg(PayText::money(total, lang),
                            PayText::money(active ? flow_.credit->available_fen : 0, lang)));
    credit_button_->setEnabled(active && !over && !in_flight_ && total > 0);
    phone_button_->setEnabled(!in_flight_ && total > 0);
}

void PayScreen::chooseCredit()
{
    if (in_flight_ || services_.service == nullptr) return;
    const booking::BookingSession* s = context().session;
    if (s == nullptr || !s->identified || !flow_.credit) return;
    showPage(Page::Verify);
    // The person at the kiosk authorises the charge (a guardian for a child's bills).
    const fhir::Patient& payer = *s->identified;
    if (verify_->faceAvailableFor(payer.id)) {
        verify_->startFace(payer.id);
        return;
    }
    checkPhoneDigits();
}

void PayScreen::checkPhoneDigits()
{
    if (in_flight_ || services_.service == nullptr) return;
    const booking::BookingSession* s = context().session;
    if (s == nullptr || !s->identified || !flow_.credit) return;
    const fhir::Patient& payer = *s->identified;
    showPage(Page::Verify);
    if (flow_.to_pay_fen > flow_.credit->limit_without_face_fen) {
        const qint64 limit = flow_.credit->limit_without_face_fen;
        problem(
            [this, limit] {
                return tr("Without a face check, credit can pay at most %1 at a time. Nothing "
                          "was charged. Please pay by phone, or sign up for face sign-in at "
                          "the service desk.")
                    .arg(PayText::money(limit, context().language));
            },
            Action::PayByPhone);
        return;
    }
    verify_->startDigits(payer.phone);
}

void PayScreen::payOnCredit(const payment::Evidence& evidence)
{
    if (in_flight_ || services_.service == nullptr || flow_.to_pay.isEmpty()) return;
    setInFlight(true);  // the choices are disabled until the outcome: a double tap pays once
    showPage(Page::Paying);
    payment::PayRequest request;
    request.patient_id = patientId();
    request.bills = flow_.to_pay;
    request.evidence = evidence;
    const quint64 generation = generation_;
    whenFinished(services_.service->payOnCredit(request), this,
                 [this, generation](const payment::PayOutcome& outcome) {
                     if (generation != generation_) return;
                     onPayOutcome(outcome);
                 });
}

void PayScreen::onPayOutcome(const payment::PayOutcome& outcome)
{
    setInFlight(false);
    std::optional<payment::BillPayment> refused;
    for (const payment::BillPayment& b : outcome.bills) {
        if (paid(b.status)) {
            paid_.append(b.receipt);
            flow_.to_pay.erase(
                std::remove_if(flow_.to_pay.begin(), flow_.to_pay.end(),
                               [&](const payment::BillToPay& t) { return t.bill_id == b.bill_id; }),
                flow_.to_pay.end());
            flow_.to_pay_fen = std::max<qint64>(0, flow_.to_pay_fen - b.receipt.amount_fen);
        } else if (!refused && b.status != PayStatus::Unset) {
            refused = b;
        }
    }
    qCInfo(lcUi) << "credit payment:" << outcome.bills.size() << "bill(s), all paid"
                 << outcome.all_paid;
    Q_EMIT outcomeShown(outcome);
    if (outcome.all_paid || (!refused && !paid_.isEmpty())) {
        finishWithReceipts();
        return;
    }
    const payment::BillPayment b = refused.value_or(payment::BillPayment{});
    Action action = Action::BackToBills;
    switch (b.status) {
        case PayStatus::AmountChanged:
            action = Action::ShowNewBill;
            break;
        case PayStatus::CreditLimit:
        case PayStatus::CreditSuspended:
        case PayStatus::NoCredit:
            action = Action::PayByPhone;
            break;
        case PayStatus::VerificationRequired:
            action = Action::CheckAgain;
            break;
        default:
            break;
    }
    const int paid_count = int(paid_.size());
    problem(
        [this, b, paid_count] {
            QString text = PayText::refusal(b, context().language);
            if (paid_count > 0)
                text +=
                    QLatin1Char('\n') + tr("%n other bill(s) were paid: tap \"Show my receipts\".",
                                           nullptr, paid_count);
            return text;
        },
        action);
}

void PayScreen::problem(std::function<QString()> text, Action action)
{
    problem_text_ = std::move(text);
    action_ = action;
    tick_.stop();
    poll_.stop();
    order_.reset();
    showPage(Page::Problem);
}

void PayScreen::runAction()
{
    switch (action_) {
        case Action::ShowNewBill:
        case Action::BackToBills:
            Q_EMIT goTo(ScreenId::PayBills);  // read again: the new amounts
            break;
        case Action::PayByPhone:
        case Action::NewCode:
            choosePhone();
            break;
        case Action::CheckAgain:
            chooseCredit();
            break;
        case Action::Unset:
            showPage(Page::Choose);
            break;
    }
}

void PayScreen::choosePhone()
{
    if (in_flight_ || services_.service == nullptr || flow_.to_pay.isEmpty()) return;
    phone_index_ = 0;
    nextPhoneOrder();
}

void PayScreen::nextPhoneOrder()
{
    tick_.stop();
    poll_.stop();
    order_.reset();
    if (phone_index_ >= flow_.to_pay.size()) {
        finishWithReceipts();
        return;
    }
    phone_qr_->clear();
    setInFlight(true);
    showPage(Page::Phone);
    const quint64 generation = generation_;
    whenFinished(services_.service->createPhoneOrder(patientId(), flow_.to_pay.at(phone_index_)),
                 this, [this, generation](Result<payment::PhoneOrder> r) {
                     if (generation != generation_) return;
                     setInFlight(false);
                     if (!r) {
                         const Error& e = r.error();
                         qCInfo(lcUi) << "phone order not created:" << staffDetail(e);
                         if (e.code == ErrorCode::Offline || e.isTransient()) {
                             problem(
                                 [] {
                                     return tr(
                                         "Paying by phone needs the hospital system, which cannot "
                                         "be reached now. Nothing was charged. Please try again "
                                         "later or pay at the cashier window.");
                                 },
                                 Action::BackToBills);
                         } else if (e.rule == QLatin1String("amount-changed")) {
                             payment::BillPayment b;
                             b.status = PayStatus::AmountChanged;
                             problem([this, b] { return PayText::refusal(b, context().language); },
                                     Action::ShowNewBill);
                         } else if (e.rule == QLatin1String("already-paid")) {
                             payment::BillPayment b;
                             b.status = PayStatus::AlreadyPaid;
                             problem([this, b] { return PayText::refusal(b, context().language); },
                                     Action::BackToBills);
                         } else {
                             problem(
                                 [e] {
                                     return tr("The payment code could not be made. Nothing was "
                                               "charged. %1")
                                         .arg(userMessage(e));
                                 },
                                 Action::BackToBills);
                         }
                         return;
                     }
                     order_ = r.value();
                     const QImage qr = PayText::qr(order_->pay_url, kPhoneQr_px);
                     phone_qr_->setPixmap(qr.isNull() ? QPixmap() : QPixmap::fromImage(qr));
                     tick_.start();
                     poll_.start(std::max(200, services_.service->options().phone_poll_ms));
                     retranslate();
                 });
}

int PayScreen::secondsLeft() const
{
    if (!order_ || services_.service == nullptr) return 0;
    return int(std::max<qint64>(0, services_.service->now().secsTo(order_->expires)));
}

void PayScreen::tick()
{
    retranslate();
    if (order_ && secondsLeft() == 0) pollPhone();  // the pool says expired
}

void PayScreen::pollPhone()
{
    if (!order_ || polling_ || services_.service == nullptr) return;
    polling_ = true;
    const quint64 generation = generation_;
    const QString order_id = order_->order_id;
    whenFinished(services_.service->pollPhoneOrder(*order_), this,
                 [this, generation, order_id](Result<payment::PhoneOrderState> r) {
                     if (generation != generation_) return;
                     polling_ = false;
                     if (!order_ || order_->order_id != order_id) return;
                     if (!r) return;  // transient: the next poll asks again
                     using S = payment::PhoneOrderState::Status;
                     switch (r.value().status) {
                         case S::Paid:
                             paid_.append(r.value().receipt);
                             flow_.to_pay_fen = std::max<qint64>(
                                 0, flow_.to_pay_fen - r.value().receipt.amount_fen);
                             ++phone_index_;
                             nextPhoneOrder();
                             break;
                         case S::Expired:
                             problem(
                                 [] {
                                     return tr(
                                         "The payment code has expired. Nothing was charged. Tap "
                                         "\"New code\" to try again.");
                                 },
                                 Action::NewCode);
                             break;
                         case S::Cancelled:
                             tick_.stop();
                             poll_.stop();
                             order_.reset();
                             showPage(Page::Choose);
                             break;
                         case S::Pending:
                         case S::Unset:
                             break;
                     }
                 });
}

void PayScreen::cancelPhone()
{
    tick_.stop();
    poll_.stop();
    if (order_ && services_.service != nullptr) (void)services_.service->cancelPhoneOrder(*order_);
    order_.reset();
    if (!paid_.isEmpty()) {
        finishWithReceipts();  // what was paid by phone already stands
        return;
    }
    showPage(Page::Choose);
}

void PayScreen::finishWithReceipts()
{
    tick_.stop();
    poll_.stop();
    order_.reset();
    flow_.receipts = paid_;
    flow_.receipts_are_copies = false;
    Q_EMIT goTo(ScreenId::PayReceipt);
}

void PayScreen::retranslate()
{
    const QString& lang = context().language;
    title_->setText(tr("How do you want to pay?"));
    credit_button_->setText(tr("Pay on credit"));
    phone_button_->setText(tr("Pay by phone"));
    verify_->retranslate();
    verify_retry_->setText(tr("Try again"));
    using VP = VerifyPanel::Phase;
    verify_retry_->setVisible(verify_->phase() == VP::NoMatch ||
                              verify_->phase() == VP::ChallengeFailed);
    verify_digits_->setText(tr("Enter my phone's last 4 digits"));
    verify_digits_->setVisible(verify_->phase() == VP::LockedOut);
    verify_phone_->setText(tr("Pay by phone instead"));
    paying_->setText(tr("Paying on credit. Please wait; do not tap again."));
    busy_->retranslate();
    phone_cancel_->setText(tr("Cancel"));
    if (order_) {
        const int index = phone_index_ + 1;
        const int count = int(flow_.to_pay.size());
        phone_title_->setText(
            count > 1 ? tr("Scan this code with your phone's payment app (bill %1 of %2).")
                            .arg(index)
                            .arg(count)
                      : tr("Scan this code with your phone's payment app."));
        phone_amount_->setText(PayText::money(order_->amount_fen, lang));
        const int left = secondsLeft();
        countdown_->setText(
            tr("Time left: %1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
    } else {
        phone_title_->setText(tr("Making your payment code..."));
        phone_amount_->clear();
        countdown_->clear();
    }
    problem_->setText(problem_text_ ? problem_text_() : QString());
    problem_back_->setText(paid_.isEmpty() ? tr("Back to my bills") : tr("Show my receipts"));
    switch (action_) {
        case Action::ShowNewBill:
            problem_action_->setText(tr("Show the new bill"));
            break;
        case Action::PayByPhone:
            problem_action_->setText(tr("Pay by phone"));
            break;
        case Action::CheckAgain:
            problem_action_->setText(tr("Check again"));
            break;
        case Action::NewCode:
            problem_action_->setText(tr("New code"));
            break;
        case Action::BackToBills:
        case Action::Unset:
            problem_action_->setText(tr("Back to my bills"));
            break;
    }
    problem_back_->setVisible(action_ != Action::BackToBills || !paid_.isEmpty());
    updateChoose();
}

QString PayScreen::spokenSummary() const
{
    const QWidget* verify_prompt = verify_->findChild<QLabel*>(QStringLiteral("face_prompt"));
    return spokenFrom(*this, {title_, amount_, credit_, over_, verify_prompt, paying_, phone_title_,
                              phone_amount_, countdown_, problem_});
}

}  // namespace mk::ui

#include "ui/payment/PayBillsScreen.h"

#include "core/booking/BookingSession.h"
#include "core/common/Log.h"
#include "core/common/Masking.h"
#include "core/common/UserMessages.h"
#include "core/common/WhenFinished.h"
#include "core/payment/PaymentService.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/payment/PayFlow.h"
#include "ui/payment/PayText.h"
#include "ui/widgets/BusyIndicator.h"

#include <QBoxLayout>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>

namespace mk::ui {

using namespace bookingui;

namespace {
constexpr int kRepayQr_px = 180;

QLabel* cell(const QString& text, const char* role, QWidget* parent, Qt::Alignment align)
{
    auto* l = makeLabel(role, QString(), parent);
    l->setText(text);
    l->setAlignment(align | Qt::AlignVCenter);
    return l;
}
}  // namespace

PayBillsScreen::PayBillsScreen(ScreenContext& context, const PayServices& services, PayFlow& flow,
                               QWidget* parent)
    : Screen(context, parent), services_(services), flow_(flow)
{
    setObjectName(QStringLiteral("payBillsScreen"));
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                             kScreenMargin_px);
    root->setSpacing(16);
    title_ = makeLabel("title", QStringLiteral("payBillsTitle"), this);
    patient_ = makeLabel("subtitle", QStringLiteral("payBillsPatient"), this);
    busy_ = new BusyIndicator(this);
    message_ = makeLabel("banner-warning", QStringLiteral("payBillsMessage"), this);
    message_->hide();
    auto* title_row = new QHBoxLayout;
    title_row->addWidget(title_, 1);
    patient_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    title_row->addWidget(patient_, 1);
    root->addLayout(title_row);
    root->addWidget(busy_);
    root->addWidget(message_);

    QBoxLayout* body = addScrollingBody(root, QStringLiteral("payBillsScroll"), this);
    body->setSpacing(20);
    credit_box_ = new QFrame(this);
    credit_box_->setObjectName(QStringLiteral("payCreditBox"));
    auto* credit_row = new QHBoxLayout(credit_box_);
    credit_row->setContentsMargins(0, 0, 0, 0);
    auto* credit_text = new QVBoxLayout;
    credit_ = makeLabel("body", QStringLiteral("payCreditLine"), credit_box_);
    outstanding_ = makeLabel("hint", QStringLiteral("payOutstanding"), credit_box_);
    open_credit_ = makeButton("secondary", QStringLiteral("openCreditButton"), credit_box_);
    credit_text->addWidget(credit_);
    credit_text->addWidget(outstanding_);
    credit_text->addWidget(open_credit_);
    credit_row->addLayout(credit_text, 1);
    repay_qr_ = new QLabel(credit_box_);
    repay_qr_->setObjectName(QStringLiteral("payRepayQr"));
    repay_qr_->setFixedSize(kRepayQr_px, kRepayQr_px);
    credit_row->addWidget(repay_qr_, 0, Qt::AlignTop);
    body->addWidget(credit_box_);

    empty_ = makeLabel("subtitle", QStringLiteral("payNothingUnpaid"), this);
    empty_->setAlignment(Qt::AlignCenter);
    body->addWidget(empty_);
    bills_layout_ = new QVBoxLayout;
    bills_layout_->setSpacing(20);
    body->addLayout(bills_layout_);
    copies_ = makeButton("secondary", QStringLiteral("printCopiesButton"), this);
    body->addWidget(copies_);
    body->addStretch(1);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(24);
    total_ = makeLabel("subtitle", QStringLiteral("payTotal"), this);
    total_->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    pay_ = makeButton("primary", QStringLiteral("payButton"), this);
    buttons->addWidget(total_, 1);
    buttons->addWidget(pay_, 1);
    root->addLayout(buttons);

    connect(pay_, &QPushButton::clicked, this, &PayBillsScreen::pay);
    connect(copies_, &QPushButton::clicked, this, &PayBillsScreen::printCopies);
    connect(open_credit_, &QPushButton::clicked, this,
            [this] { Q_EMIT goTo(ScreenId::CreditOpen); });
    PayBillsScreen::retranslate();
    show();
}

QString PayBillsScreen::patientId() const
{
    const booking::BookingSession* s = context().session;
    if (s == nullptr) return {};
    if (s->patient) return s->patient->id;
    return s->identified ? s->identified->id : QString();
}

void PayBillsScreen::enter()
{
    load();
}

void PayBillsScreen::reset()
{
    ++generation_;
    if (pending_ != 0) {
        pending_ = 0;
        busy_->setBusy(false);
        Q_EMIT loadingChanged(false);
    }
    error_text_.clear();
    credit_failed_ = false;
    clearBills();
    show();
}

void PayBillsScreen::setPending(int delta)
{
    const bool was = loading();
    pending_ += delta;
    busy_->setBusy(loading());
    if (was != loading()) Q_EMIT loadingChanged(loading());
}

void PayBillsScreen::load()
{
    ++generation_;
    error_text_.clear();
    credit_failed_ = false;
    flow_.bills.reset();
    flow_.credit.reset();
    pending_ = 0;
    show();
    const QString patient = patientId();
    if (services_.service == nullptr || patient.isEmpty()) {
        error_text_ =
            tr("Paying is not available at this kiosk. Please pay at the cashier "
               "window.");
        show();
        return;
    }
    const quint64 generation = generation_;
    setPending(2);
    whenFinished(services_.service->bills(patient), this,
                 [this, generation](Result<payment::PatientBills> r) {
                     if (generation != generation_) return;
                     if (r) {
                         flow_.bills = r.value();
                     } else {
                         const Error& e = r.error();
                         qCInfo(lcUi) << "bills not read:" << staffDetail(e);
                         error_text_ =
                             tr("Your bills could not be read now. %1").arg(userMessage(e));
                     }
                     setPending(-1);
                     show();
                 });
    // The credit line of the person at the kiosk: a guardian's line pays a child's bills.
    const booking::BookingSession* s = context().session;
    const QString payer = s != nullptr && s->identified ? s->identified->id : patient;
    whenFinished(services_.service->creditLine(payer), this,
                 [this, generation](Result<payment::CreditLine> r) {
                     if (generation != generation_) return;
                     if (r) {
                         flow_.credit = r.value();
                     } else {
                         qCInfo(lcUi) << "credit line not read:" << staffDetail(r.error());
                         credit_failed_ = true;
                     }
                     setPending(-1);
                     show();
                 });
}

void PayBillsScreen::clearBills()
{
    qDeleteAll(bill_widgets_);
    bill_widgets_.clear();
}

void PayBillsScreen::rebuildBills()
{
    clearBills();
    if (!flow_.bills) return;
    const QString& lang = context().language;
    int index = 0;
    for (const payment::Bill& bill : flow_.bills->bills) {
        auto* frame = new QFrame(this);
        frame->setObjectName(QStringLiteral("payBill_%1").arg(index++));
        frame->setFrameShape(QFrame::StyledPanel);
        auto* grid = new QGridLayout(frame);
        grid->setHorizontalSpacing(20);
        grid->setVerticalSpacing(8);
        const QString when = bill.date.isValid()
                                 ? dayText(inHospitalZone(bill.date, context().config).date(), lang)
                                 : QString();
        grid->addWidget(
            cell(tr("Bill %1 · %2").arg(bill.number, when), "body", frame, Qt::AlignLeft), 0, 0, 1,
            4);
        grid->addWidget(cell(tr("Item"), "hint", frame, Qt::AlignLeft), 1, 0, 1, 2);
        grid->addWidget(cell(tr("Insurance pays"), "hint", frame, Qt::AlignRight), 1, 2);
        grid->addWidget(cell(tr("You pay"), "hint", frame, Qt::AlignRight), 1, 3);
        int row = 2;
        for (const payment::BillLine& line : bill.lines) {
            grid->addWidget(cell(PayText::category(line.category), "hint", frame, Qt::AlignLeft),
                            row, 0);
            grid->addWidget(cell(PayText::lineName(line, lang), "body", frame, Qt::AlignLeft), row,
                            1);
            grid->addWidget(
                cell(PayText::money(line.insurance_fen, lang), "body", frame, Qt::AlignRight), row,
                2);
            grid->addWidget(
                cell(PayText::money(line.self_pay_fen, lang), "body", frame, Qt::AlignRight), row,
                3);
            ++row;
        }
        grid->addWidget(
            cell(tr("This bill: you pay %1").arg(PayText::money(bill.total_net_fen, lang)), "body",
                 frame, Qt::AlignRight),
            row, 0, 1, 4);
        grid->setColumnStretch(1, 1);
        bills_layout_->addWidget(frame);
        frame->show();
        bill_widgets_.append(frame);
    }
}

void PayBillsScreen::show()
{
    const QString& lang = context().language;
    const booking::BookingSession* s = context().session;
    QString name;
    if (s != nullptr && s->patient) {
        name = maskName(s->patient->name.forLanguage(lang));
    } else if (s != nullptr && s->identified) {
        name = maskName(s->identified->name.forLanguage(lang));
    }
    patient_->setText(name.isEmpty() ? QString() : tr("Patient: %1").arg(name));

    QStringList notes;
    if (!error_text_.isEmpty()) notes << error_text_;
    if (flow_.bills && flow_.bills->stale)
        notes << tr(
            "The hospital system cannot be reached: these are the bills last seen at "
            "this kiosk.");
    if (flow_.bills && !flow_.bills->refused_bill_ids.isEmpty())
        notes << tr(
            "%n bill(s) could not be checked and cannot be paid here. Please ask at the "
            "cashier window.",
            nullptr, int(flow_.bills->refused_bill_ids.size()));
    message_->setText(notes.join(QLatin1Char('\n')));
    message_->setVisible(!notes.isEmpty());

    const bool loaded = !loading() && flow_.bills.has_value();
    credit_box_->setVisible(!loading() && (flow_.credit.has_value() || credit_failed_));
    if (flow_.credit) {
        const payment::CreditLine& c = *flow_.credit;
        credit_->setText(PayText::creditSummary(c, lang));
        const bool owes = c.used_fen > 0 && c.status != payment::CreditStatus::None;
        outstanding_->setVisible(owes);
        outstanding_->setText(
            owes ? tr("You owe %1 on credit. Scan this code with your phone to repay it in the "
                      "hospital's app.")
                       .arg(PayText::money(c.used_fen, lang))
                 : QString());
        const QImage qr = owes ? PayText::qr(c.repay_url, kRepayQr_px) : QImage();
        repay_qr_->setPixmap(qr.isNull() ? QPixmap() : QPixmap::fromImage(qr));
        repay_qr_->setVisible(!qr.isNull());
        open_credit_->setVisible(c.status == payment::CreditStatus::None);
    } else {
        credit_->setText(PayText::creditSummary(payment::CreditLine{}, lang));
        outstanding_->hide();
        repay_qr_->hide();
        open_credit_->hide();
    }

    rebuildBills();
    const bool nothing = loaded && flow_.bills->bills.isEmpty();
    empty_->setVisible(nothing);
    empty_->setText(tr("You have no unpaid bills. Nothing to pay today."));
    const qint64 total = loaded ? flow_.bills->total_net_fen : 0;
    total_->setVisible(loaded && !nothing);
    total_->setText(tr("Total to pay: %1").arg(PayText::money(total, lang)));
    pay_->setVisible(loaded && !nothing);
    pay_->setEnabled(loaded && !nothing && total > 0);
    pay_->setText(tr("Pay %1").arg(PayText::money(total, lang)));
    copies_->setVisible(!loading() && services_.service != nullptr && !patientId().isEmpty());
}

void PayBillsScreen::retranslate()
{
    title_->setText(tr("Your unpaid bills"));
    copies_->setText(tr("Print a copy of today's receipts"));
    open_credit_->setText(tr("Open credit care"));
    show();
}

void PayBillsScreen::pay()
{
    if (!flow_.bills || flow_.bills->bills.isEmpty() || loading()) return;
    flow_.to_pay.clear();
    flow_.to_pay_fen = 0;
    for (const payment::Bill& bill : flow_.bills->bills) {
        flow_.to_pay.append(payment::BillToPay{bill.id, bill.total_net_fen});
        flow_.to_pay_fen += bill.total_net_fen;
    }
    Q_EMIT goTo(ScreenId::Pay);
}

void PayBillsScreen::printCopies()
{
    const QString patient = patientId();
    if (services_.service == nullptr || patient.isEmpty() || loading()) return;
    const quint64 generation = generation_;
    setPending(1);
    whenFinished(
        services_.service->receiptsToday(patient), this,
        [this, generation](Result<QList<payment::Receipt>> r) {
            if (generation != generation_) return;
            setPending(-1);
            if (!r) {
                error_text_ =
                    tr("Today's receipts could not be read now. %1").arg(userMessage(r.error()));
                show();
                return;
            }
            if (r.value().isEmpty()) {
                error_text_ = tr("There are no receipts from today to print.");
                show();
                return;
            }
            flow_.receipts = r.value();
            flow_.receipts_are_copies = true;
            Q_EMIT goTo(ScreenId::PayReceipt);
        });
}

QString PayBillsScreen::spokenSummary() const
{
    // The amounts and any problem; not the patient's name.
    return spokenFrom(*this, {title_, message_, empty_, total_, credit_, outstanding_});
}

}  // namespace mk::ui

// The payment screens (issue 9) driven like a patient would, against the real pool simulator
// (seeded bills and credit lines, docs/pool-protocol.md "Payments"; the identities of
// docs/demo-data.md) through PaymentService, with the receipt printer simulator on TCP:
// a guardian pays a child's bills on credit (phone digits: the child's bills fit under the limit
// without face), the receipt is printed (ESC/POS, GB18030) and shows the e-receipt's codes; a
// double tap pays once; "nothing unpaid"; over the available amount the phone is offered, and a
// phone payment completes when the simulator marks the order paid; a suspended line; opening
// credit care refused with the credit service's reason; the printer out of paper after payment
// (the payment stands, the receipt stays, Print again); idle timeout forgets everything; touch
// targets; no unmasked personal data on screen.
#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/config/KioskConfig.h"
#include "core/face/SqlTemplateStore.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/payment/PaymentService.h"
#include "core/pool/PoolClient.h"
#include "core/store/Store.h"
#include "face_auth/Enrollment.h"
#include "hw/printer/ParsedTicket.h"
#include "hw/printer/PrinterSimulator.h"
#include "hw/printer/ReceiptPrinter.h"
#include "poolsim/SimulatorThread.h"
#include "ui/KioskWindow.h"
#include "ui/Theme.h"
#include "ui/face/FaceServices.h"
#include "ui/face/FaceWorker.h"
#include "ui/payment/CreditOpenScreen.h"
#include "ui/payment/PayFlow.h"
#include "ui/payment/PayReceiptScreen.h"
#include "ui/payment/PayScreen.h"
#include "ui/payment/PayServices.h"
#include "ui/payment/ReceiptTicket.h"
#include "ui/payment/StaffPaymentsScreen.h"
#include "ui/payment/VerifyPanel.h"
#include "ui/staff/StaffServices.h"

#include <QApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include <memory>
#include <sys/stat.h>

using mk::ui::ScreenId;

namespace {
constexpr int kFlowTimeoutMs = 60000;  // loaded 2-core machine; the pool is local

QStringList personalStrings()
{
    return {QStringLiteral("李明"),        QStringLiteral("Li Ming"),    QStringLiteral("李小雨"),
            QStringLiteral("Li Xiaoyu"),   QStringLiteral("李小乐"),     QStringLiteral("王芳"),
            QStringLiteral("Wang Fang"),   QStringLiteral("张伟"),       QStringLiteral("张静"),
            QStringLiteral("13800138000"), QStringLiteral("P00001001"),  QStringLiteral("19850312"),
            QStringLiteral("13900139000"), QStringLiteral("13700137000")};
}
}  // namespace

class TestKioskPay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void homeOffersPayWithEqualChoices();
    void guardianPaysChildOnCreditOnce();
    void nothingUnpaidAfterwards();
    void overAvailableOffersPhoneAndPhonePays();
    void suspendedLineSaysSo();
    void overLimitWithoutFaceOffersPhone();
    void openCreditRefusedWithReason();
    void amendedBillShowsTheNewAmount();
    void paidAtTheWindowMeanwhile();
    void printerOutOfPaperAfterPayment();
    void idleTimeoutForgetsThePayment();
    void receiptTicketIsGb18030EscPos();
    void staffSeesTodaysPayments();
    void faceLockedOutAtPaymentOffersPhone();  // before pat-1001 pays offline below
    void offlineFacePaymentShowsProvisionalThenEReceipt();
    void staffExportsDailyCloseOnce();

private:
    mk::ui::Screen* current() const { return window_->currentScreen(); }
    int currentId() const { return current() != nullptr ? int(current()->id()) : -1; }
    QPushButton* button(const QString& name) const;
    void tap(const QString& object_name);
    void typeOnKeypad(const QString& text);
    // Pay flow: Home -> Pay -> number + birth date; child tile (-1: none expected).
    void identify(const QString& number, const QString& dob, int tile);
    void waitIdle(ScreenId id);
    void checkTouchTargets();
    QString labelText(const QString& name) const;
    QStringList visibleTexts() const;
    QByteArray simPost(const QString& path);

    std::unique_ptr<mk::sim::SimulatorThread> sim_;
    std::unique_ptr<mk::store::Store> store_;
    std::shared_ptr<mk::pool::PoolClient> client_;
    std::unique_ptr<mk::booking::BookingService> service_;
    std::unique_ptr<mk::outbox::Outbox> outbox_;
    std::unique_ptr<mk::payment::PaymentService> payment_;
    std::unique_ptr<mk::outbox::PoolCommandSender> sender_;
    std::unique_ptr<mk::outbox::Relay> relay_;  // delivers payments taken offline
    std::unique_ptr<mk::hw::PrinterSimulator> printer_sim_;
    std::unique_ptr<mk::hw::ReceiptPrinter> printer_;
    mk::ui::PayServices pay_services_;
    mk::ui::StaffServices staff_services_;
    mk::config::KioskConfig config_;
    std::unique_ptr<mk::ui::KioskWindow> window_;
    QTemporaryDir reports_;
};

void TestKioskPay::initTestCase()
{
    mk::sim::SimOptions options;   // in memory
    options.require_auth = false;  // not about authorisation
    sim_ = std::make_unique<mk::sim::SimulatorThread>(options);
    QString error;
    QVERIFY2(sim_->start(&error), qPrintable(error));

    auto store = mk::store::Store::open(QStringLiteral(":memory:"),
                                        mk::store::SecureKey(QByteArray(32, '\x5b')));
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().detail));
    store_ = std::move(store).value();
    config_.pool.base_url = sim_->baseUrl();
    config_.pool.request_timeout_ms = 5000;
    config_.pool.backoff_base_ms = 50;
    client_ = std::make_shared<mk::pool::PoolClient>(config_.pool);
    service_ = std::make_unique<mk::booking::BookingService>(client_, store_.get(), config_.rules);
    outbox_ = std::make_unique<mk::outbox::Outbox>(*store_);
    mk::payment::PaymentOptions po;
    po.kiosk_id = config_.kiosk_id;
    po.client_id = config_.kiosk_id;
    po.phone_poll_ms = 200;
    // Offline credit payments allowed (they matter only while the pool is away).
    po.caps.perTransaction = mk::pay::Money::yuan(500);
    po.caps.perPatientPerDay = mk::pay::Money::yuan(1000);
    po.caps.kioskOutstanding = mk::pay::Money::yuan(5000);
    payment_ = std::make_unique<mk::payment::PaymentService>(client_, *store_, *outbox_, po);
    mk::pool::TransportOptions transport;
    transport.connect_timeout_ms = 2000;
    transport.request_timeout_ms = 4000;
    sender_ = std::make_unique<mk::outbox::PoolCommandSender>(sim_->baseUrl(), transport);
    mk::outbox::RelayOptions ro;
    ro.backoff.base_ms = 5;
    ro.backoff.cap_ms = 60;
    ro.probe_interval_ms = 30;
    ro.idle_poll_ms = 50;
    ro.max_retry_after_s = 0;
    relay_ = std::make_unique<mk::outbox::Relay>(*outbox_, *sender_, ro);
    payment_->attachRelay(relay_.get());
    relay_->start();

    printer_sim_ = std::make_unique<mk::hw::PrinterSimulator>();
    QVERIFY(printer_sim_->listenTcp());
    mk::hw::PrinterConfig pc;
    pc.transport = mk::hw::PrinterConfig::Transport::Tcp;
    pc.tcp_port = printer_sim_->tcpPort();
    pc.poll_interval_ms = 100;
    printer_ = std::make_unique<mk::hw::ReceiptPrinter>(pc);
    printer_->start();
    QTRY_VERIFY_WITH_TIMEOUT(printer_->health().state == mk::hw::DeviceState::Ready, 10000);

    pay_services_.service = payment_.get();
    pay_services_.printer = printer_.get();
    staff_services_.report_folder = reports_.path() + QStringLiteral("/reports");

    mk::ui::Theme::apply(*qApp);
    window_ = std::make_unique<mk::ui::KioskWindow>(service_.get(), config_);
    window_->installPayment(pay_services_, nullptr);
    window_->resize(1080, 1920);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    for (ScreenId id : {ScreenId::PayIdentify, ScreenId::PayBills, ScreenId::Pay,
                        ScreenId::PayReceipt, ScreenId::CreditOpen})
        QVERIFY2(window_->screen(id) != nullptr, qPrintable(QString::number(int(id))));
}

void TestKioskPay::init()
{
    window_->setIdleTimeoutMs(10 * 60 * 1000);
    // The checks below read English sentences (the Chinese ones are checked by tst_translations).
    window_->setLanguage(QStringLiteral("en"));
    window_->resize(1080, 1920);
    printer_sim_->setPaperOut(false);
    window_->goHome();
    QCOMPARE(currentId(), int(ScreenId::Home));
}

void TestKioskPay::cleanupTestCase()
{
    window_.reset();
    if (relay_) relay_->stop();
    payment_.reset();
    relay_.reset();
    sender_.reset();
    outbox_.reset();
    service_.reset();
    client_.reset();
    store_.reset();
    printer_sim_->stop();  // first: the printer's thread may wait on it (it lives on this thread)
    printer_.reset();
    printer_sim_.reset();
    sim_.reset();
}

QPushButton* TestKioskPay::button(const QString& name) const
{
    return current() != nullptr ? current()->findChild<QPushButton*>(name) : nullptr;
}

void TestKioskPay::tap(const QString& object_name)
{
    QPushButton* b = button(object_name);
    QVERIFY2(b != nullptr, qPrintable(object_name));
    QVERIFY2(b->isVisible() && b->isEnabled(), qPrintable(object_name));
    QTest::mouseClick(b, Qt::LeftButton);
}

void TestKioskPay::typeOnKeypad(const QString& text)
{
    for (const QChar c : text) {
        tap(c.isDigit() ? QStringLiteral("key_%1").arg(c) : QStringLiteral("key_letter"));
        if (QTest::currentTestFailed()) return;
    }
}

void TestKioskPay::waitIdle(ScreenId id)
{
    QTRY_VERIFY2_WITH_TIMEOUT(currentId() == int(id) && !current()->loading(),
                              qPrintable(QStringLiteral("on screen %1, loading %2: %3")
                                             .arg(currentId())
                                             .arg(current() != nullptr && current()->loading())
                                             .arg(visibleTexts().join(QLatin1Char('|')))),
                              kFlowTimeoutMs);
}

void TestKioskPay::checkTouchTargets()
{
    for (const QPushButton* b : current()->findChildren<QPushButton*>()) {
        if (b->isVisibleTo(window_.get()))
            QVERIFY2(b->height() >= 60, qPrintable(b->objectName()));  // >= 60 px at 1080p
    }
}

QString TestKioskPay::labelText(const QString& name) const
{
    const auto* l = current() != nullptr ? current()->findChild<QLabel*>(name) : nullptr;
    return l != nullptr ? l->text() : QString();
}

QStringList TestKioskPay::visibleTexts() const
{
    QStringList texts;
    for (const QLabel* l : window_->findChildren<QLabel*>())
        if (l->isVisibleTo(window_.get())) texts << l->text();
    for (const QPushButton* b : window_->findChildren<QPushButton*>())
        if (b->isVisibleTo(window_.get())) texts << b->text();
    return texts;
}

QByteArray TestKioskPay::simPost(const QString& path)
{
    QUrl url(sim_->baseUrl());
    url.setPath(path);
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = network.post(request, QByteArray("{}"));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(kFlowTimeoutMs)) return {};
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

void TestKioskPay::identify(const QString& number, const QString& dob, int tile)
{
    window_->goHome();
    tap(QStringLiteral("payHomeButton"));
    QCOMPARE(currentId(), int(ScreenId::PayIdentify));
    tap(QStringLiteral("payByNumber"));
    QCOMPARE(currentId(), int(ScreenId::Identify));
    tap(QStringLiteral("idField"));
    typeOnKeypad(number);
    tap(QStringLiteral("dobField"));
    typeOnKeypad(dob);
    tap(QStringLiteral("continueButton"));
    if (tile >= 0) {
        waitIdle(ScreenId::ChildChoice);
        tap(QStringLiteral("personTile_%1").arg(tile));
    }
    waitIdle(ScreenId::PayBills);
}

void TestKioskPay::homeOffersPayWithEqualChoices()
{
    tap(QStringLiteral("payHomeButton"));
    QCOMPARE(currentId(), int(ScreenId::PayIdentify));
    QVERIFY(mk::ui::PayFlow::isPayFlow(&window_->session()));
    auto* card = button(QStringLiteral("payByCard"));
    auto* number = button(QStringLiteral("payByNumber"));
    QVERIFY(card && number);
    QTRY_COMPARE(card->size(), number->size());  // equal choices
    QVERIFY(card->height() >= 60);
    QVERIFY(!button(QStringLiteral("payByFace"))->isVisible());  // no face services here
    window_->goHome();
    QVERIFY(!mk::ui::PayFlow::isPayFlow(&window_->session()));
}

void TestKioskPay::guardianPaysChildOnCreditOnce()
{
    identify(QStringLiteral("P00001001"), QStringLiteral("19850312"), 1);  // pat-1002
    QVERIFY2(labelText(QStringLiteral("payTotal")).contains(QStringLiteral("46.90")),
             qPrintable(labelText(QStringLiteral("payTotal"))));
    // The guardian's line: limit 3000.00, nothing used.
    QVERIFY2(labelText(QStringLiteral("payCreditLine")).contains(QStringLiteral("3,000.00")),
             qPrintable(labelText(QStringLiteral("payCreditLine"))));
    QVERIFY(current()->findChild<QWidget*>(QStringLiteral("payBill_0")) != nullptr);
    for (const QString& text : visibleTexts())
        for (const QString& personal : personalStrings())
            QVERIFY2(!text.contains(personal), qPrintable(text));

    QSignalSpy printed(printer_sim_.get(), &mk::hw::PrinterSimulator::ticketPrinted);
    tap(QStringLiteral("payButton"));
    waitIdle(ScreenId::Pay);
    tap(QStringLiteral("payCreditButton"));
    auto* pay = static_cast<mk::ui::PayScreen*>(current());
    QCOMPARE(pay->verifyPanel()->phase(), mk::ui::VerifyPanel::Phase::Digits);
    typeOnKeypad(QStringLiteral("1234"));  // wrong: nothing sent
    QCOMPARE(pay->verifyPanel()->phase(), mk::ui::VerifyPanel::Phase::Digits);
    QVERIFY(labelText(QStringLiteral("face_prompt")).contains(QStringLiteral("do not match")));
    // A double tap: the evidence arrives twice; one payment.
    mk::payment::Evidence digits;
    digits.method = mk::payment::Evidence::Method::PhoneDigits;
    Q_EMIT pay->verifyPanel()->verified(digits);
    Q_EMIT pay->verifyPanel()->verified(digits);
    // Still paying, or already on the receipt (the store now commits fast enough for the outcome
    // to arrive before this line).
    auto* credit = pay->findChild<QPushButton*>(QStringLiteral("payCreditButton"));
    QVERIFY(credit);
    QVERIFY(!credit->isEnabled() || pay->loading() || currentId() == int(ScreenId::PayReceipt));
    waitIdle(ScreenId::PayReceipt);
    const auto& receipts = window_->payFlow()->receipts;
    QCOMPARE(receipts.size(), 1);
    QCOMPARE(receipts.first().amount_fen, qint64(4690));
    QVERIFY(!receipts.first().invoice_code.isEmpty());
    QVERIFY(
        labelText(QStringLiteral("receiptInvoiceCode")).contains(receipts.first().invoice_code));
    QVERIFY(labelText(QStringLiteral("receiptCheckCode")).contains(receipts.first().check_code));
    QVERIFY(current()->findChild<QLabel*>(QStringLiteral("receiptQr")) != nullptr);
    checkTouchTargets();
    QVERIFY(!labelText(QStringLiteral("receiptPayer")).contains(QStringLiteral("李明")));
    QTRY_VERIFY_WITH_TIMEOUT(printed.count() >= 1, kFlowTimeoutMs);
    const auto ticket = printed.first().first().value<mk::hw::ParsedTicket>();
    QVERIFY2(ticket.textLines().join(QLatin1Char('\n')).contains(receipts.first().invoice_number),
             qPrintable(ticket.textLines().join(QLatin1Char('|'))));
    QVERIFY(!static_cast<mk::ui::PayReceiptScreen*>(current())->spokenText().isEmpty());
    // Exactly one payment reached the pool.
    auto close = payment_->dailyClose(payment_->now().date());
    QTRY_VERIFY_WITH_TIMEOUT(close.isFinished(), kFlowTimeoutMs);
    QVERIFY(close.result().ok());
    QCOMPARE(close.result().value().count, 1);
}

void TestKioskPay::nothingUnpaidAfterwards()
{
    identify(QStringLiteral("P00001001"), QStringLiteral("19850312"), 1);  // pat-1002, paid
    auto* none = current()->findChild<QLabel*>(QStringLiteral("payNothingUnpaid"));
    QVERIFY(none != nullptr);
    QVERIFY(none->isVisible());
    QVERIFY(!button(QStringLiteral("payButton"))->isVisible());
}

void TestKioskPay::overAvailableOffersPhoneAndPhonePays()
{
    identify(QStringLiteral("P00001004"), QStringLiteral("19900720"), -1);  // available 70.00
    QVERIFY(current()->findChild<QLabel*>(QStringLiteral("payOutstanding"))->isVisible());
    QVERIFY(current()->findChild<QLabel*>(QStringLiteral("payRepayQr"))->isVisible());
    tap(QStringLiteral("payButton"));
    waitIdle(ScreenId::Pay);
    QVERIFY(current()->findChild<QLabel*>(QStringLiteral("payOverLimit"))->isVisible());
    QVERIFY(!button(QStringLiteral("payCreditButton"))->isEnabled());
    QCOMPARE(button(QStringLiteral("payCreditButton"))->size(),
             button(QStringLiteral("payPhoneButton"))->size());
    tap(QStringLiteral("payPhoneButton"));
    waitIdle(ScreenId::Pay);
    auto* pay = static_cast<mk::ui::PayScreen*>(current());
    QCOMPARE(pay->page(), mk::ui::PayScreen::Page::Phone);
    QVERIFY(pay->phoneOrder().has_value());
    QVERIFY(pay->secondsLeft() > 0);
    QVERIFY(labelText(QStringLiteral("payCountdown")).contains(QLatin1Char(':')));
    // The patient's phone pays each bill's order.
    for (int bill = 0; bill < 2; ++bill) {
        QTRY_VERIFY_WITH_TIMEOUT(pay->phoneOrder().has_value() || currentId() != int(ScreenId::Pay),
                                 kFlowTimeoutMs);
        if (currentId() != int(ScreenId::Pay)) break;
        const QString order = pay->phoneOrder()->order_id;
        QVERIFY(!simPost(QStringLiteral("/_sim/phone-orders/%1/pay").arg(order)).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!pay->phoneOrder() || pay->phoneOrder()->order_id != order ||
                                     currentId() != int(ScreenId::Pay),
                                 kFlowTimeoutMs);
    }
    waitIdle(ScreenId::PayReceipt);
    QCOMPARE(window_->payFlow()->receipts.size(), 2);
}

void TestKioskPay::suspendedLineSaysSo()
{
    identify(QStringLiteral("P00001005"), QStringLiteral("19781102"), -1);
    QVERIFY2(labelText(QStringLiteral("payCreditLine")).contains(QStringLiteral("suspended")) ||
                 labelText(QStringLiteral("payCreditLine")).contains(QStringLiteral("暂停")),
             qPrintable(labelText(QStringLiteral("payCreditLine"))));
    tap(QStringLiteral("payButton"));
    waitIdle(ScreenId::Pay);
    QVERIFY(!button(QStringLiteral("payCreditButton"))->isEnabled());
    QVERIFY(button(QStringLiteral("payPhoneButton"))->isEnabled());
}

void TestKioskPay::overLimitWithoutFaceOffersPhone()
{
    identify(QStringLiteral("P00001001"), QStringLiteral("19850312"), 0);  // own: 549.45
    tap(QStringLiteral("payButton"));
    waitIdle(ScreenId::Pay);
    tap(QStringLiteral("payCreditButton"));
    auto* pay = static_cast<mk::ui::PayScreen*>(current());
    QCOMPARE(pay->page(), mk::ui::PayScreen::Page::Problem);
    QCOMPARE(pay->action(), mk::ui::PayScreen::Action::PayByPhone);
    QVERIFY(labelText(QStringLiteral("payProblem")).contains(QStringLiteral("200.00")));
}

void TestKioskPay::openCreditRefusedWithReason()
{
    identify(QStringLiteral("P00001006"), QStringLiteral("19800125"), -1);
    tap(QStringLiteral("openCreditButton"));
    waitIdle(ScreenId::CreditOpen);
    auto* credit = static_cast<mk::ui::CreditOpenScreen*>(current());
    QVERIFY(!labelText(QStringLiteral("creditAgreementText")).isEmpty());
    checkTouchTargets();
    tap(QStringLiteral("creditRead"));
    QCOMPARE(credit->page(), mk::ui::CreditOpenScreen::Page::Consent);
    checkTouchTargets();
    QCOMPARE(button(QStringLiteral("creditAgree"))->size(),
             button(QStringLiteral("creditDecline"))->size());
    tap(QStringLiteral("creditAgree"));
    QCOMPARE(credit->page(), mk::ui::CreditOpenScreen::Page::Verify);
    QVERIFY(window_->session().identified.has_value());
    QCOMPARE(window_->session().identified->phone.right(4), QStringLiteral("7000"));
    typeOnKeypad(QStringLiteral("7000"));
    waitIdle(ScreenId::CreditOpen);
    QVERIFY2(credit->page() == mk::ui::CreditOpenScreen::Page::Result,
             qPrintable(visibleTexts().join(QLatin1Char('|'))));
    QCOMPARE(credit->page(), mk::ui::CreditOpenScreen::Page::Result);
    QVERIFY(credit->outcome().has_value() && !credit->outcome()->opened);
    // The credit service's reason in the patient's language: the pool sends it in Chinese
    // (diagnostics) and in English (details.text).
    QVERIFY2(labelText(QStringLiteral("creditResult")).contains(u"insufficient credit score"_qs),
             qPrintable(labelText(QStringLiteral("creditResult"))));
    QVERIFY2(!labelText(QStringLiteral("creditResult")).contains(u"信用评分不足"_qs),
             qPrintable(labelText(QStringLiteral("creditResult"))));
    window_->setLanguage(QStringLiteral("zh_CN"));
    QVERIFY2(labelText(QStringLiteral("creditResult")).contains(u"信用评分不足"_qs),
             qPrintable(labelText(QStringLiteral("creditResult"))));
    window_->setLanguage(QStringLiteral("en"));
}

void TestKioskPay::amendedBillShowsTheNewAmount()
{
    identify(QStringLiteral("P00001006"), QStringLiteral("19800125"), -1);  // 101.00 + 155.00
    QVERIFY(labelText(QStringLiteral("payTotal")).contains(QStringLiteral("256.00")));
    checkTouchTargets();
    tap(QStringLiteral("payButton"));
    waitIdle(ScreenId::Pay);
    checkTouchTargets();
    // A doctor adds an item after the bill was shown (+10.00).
    QVERIFY(!simPost(QStringLiteral("/_sim/invoices/inv-1006-1/amend")).isEmpty());
    tap(QStringLiteral("payPhoneButton"));
    waitIdle(ScreenId::Pay);
    auto* pay = static_cast<mk::ui::PayScreen*>(current());
    QCOMPARE(pay->page(), mk::ui::PayScreen::Page::Problem);
    QCOMPARE(pay->action(), mk::ui::PayScreen::Action::ShowNewBill);
    QVERIFY(labelText(QStringLiteral("payProblem")).contains(QStringLiteral("changed")));
    checkTouchTargets();
    tap(QStringLiteral("payProblemAction"));
    waitIdle(ScreenId::PayBills);
    QVERIFY2(labelText(QStringLiteral("payTotal")).contains(QStringLiteral("266.00")),
             qPrintable(labelText(QStringLiteral("payTotal"))));
}

void TestKioskPay::paidAtTheWindowMeanwhile()
{
    identify(QStringLiteral("P00001006"), QStringLiteral("19800125"), -1);
    tap(QStringLiteral("payButton"));
    waitIdle(ScreenId::Pay);
    QVERIFY(!simPost(QStringLiteral("/_sim/invoices/inv-1006-1/pay-at-window")).isEmpty());
    tap(QStringLiteral("payPhoneButton"));
    waitIdle(ScreenId::Pay);
    auto* pay = static_cast<mk::ui::PayScreen*>(current());
    QCOMPARE(pay->page(), mk::ui::PayScreen::Page::Problem);
    QVERIFY2(labelText(QStringLiteral("payProblem")).contains(QStringLiteral("already been paid")),
             qPrintable(labelText(QStringLiteral("payProblem"))));
    tap(QStringLiteral("payProblemAction"));
    waitIdle(ScreenId::PayBills);
    QVERIFY(labelText(QStringLiteral("payTotal")).contains(QStringLiteral("155.00")));
}

void TestKioskPay::printerOutOfPaperAfterPayment()
{
    identify(QStringLiteral("P00001001"), QStringLiteral("19850312"), 2);  // pat-1003: 53.80
    tap(QStringLiteral("payButton"));
    waitIdle(ScreenId::Pay);
    tap(QStringLiteral("payCreditButton"));
    printer_sim_->setPaperOut(true);
    printer_->pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(printer_->health().state == mk::hw::DeviceState::Missing,
                             kFlowTimeoutMs);
    typeOnKeypad(QStringLiteral("8000"));
    waitIdle(ScreenId::PayReceipt);
    auto* receipt = static_cast<mk::ui::PayReceiptScreen*>(current());
    QVERIFY(receipt->printFailed());
    QVERIFY(current()->findChild<QLabel*>(QStringLiteral("receiptDeviceNote"))->isVisible());
    QCOMPARE(window_->payFlow()->receipts.size(), 1);  // the payment stands
    printer_sim_->setPaperOut(false);
    printer_->pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(printer_->health().state == mk::hw::DeviceState::Ready,
                             kFlowTimeoutMs);
    QSignalSpy printed(receipt, &mk::ui::PayReceiptScreen::printed);
    tap(QStringLiteral("receiptReprint"));
    QTRY_VERIFY_WITH_TIMEOUT(printed.count() == 1, kFlowTimeoutMs);
    QCOMPARE(printed.first().first().toBool(), true);
}

void TestKioskPay::idleTimeoutForgetsThePayment()
{
    identify(QStringLiteral("P00001004"), QStringLiteral("19900720"), -1);
    QVERIFY(window_->payFlow()->bills.has_value());
    window_->setIdleTimeoutMs(200);
    QTRY_COMPARE_WITH_TIMEOUT(currentId(), int(ScreenId::Home), 5000);
    QVERIFY(!window_->payFlow()->bills.has_value());
    QVERIFY(!window_->payFlow()->credit.has_value());
    QVERIFY(!mk::ui::PayFlow::isPayFlow(&window_->session()));
    for (ScreenId id : {ScreenId::PayBills, ScreenId::Pay, ScreenId::PayReceipt}) {
        for (const QLabel* l : window_->screen(id)->findChildren<QLabel*>())
            QVERIFY2(!l->text().contains(QStringLiteral("王")), qPrintable(l->text()));
    }
}

void TestKioskPay::receiptTicketIsGb18030EscPos()
{
    mk::payment::Receipt r;
    r.invoice_code = QStringLiteral("35010126");
    r.invoice_number = QStringLiteral("0000012345");
    r.check_code = QStringLiteral("a1b2c3");
    r.amount_fen = 123450;
    r.payer_masked = QStringLiteral("李*");
    r.view_url = QStringLiteral("https://example.invalid/r/1");
    const QByteArray bytes =
        mk::ui::ReceiptTicket::receipt(r, QStringLiteral("zh_CN"), &config_, false);
    QVERIFY(bytes.startsWith(QByteArray("\x1b\x40", 2)));  // ESC @
    QVERIFY(bytes.contains(QByteArray("\x1c\x26", 2)));    // FS &: Chinese mode
    QVERIFY(bytes.contains(mk::hw::EscPos::encode(QStringLiteral("李*"))));
    QVERIFY(bytes.contains(QByteArray("1,234.50")));
    QVERIFY(bytes.contains(QByteArray("https://example.invalid/r/1")));
    QVERIFY(!bytes.contains(QStringLiteral("李*").toUtf8()));  // GB18030, not UTF-8
}

void TestKioskPay::staffSeesTodaysPayments()
{
    auto close = payment_->dailyClose(payment_->now().date());
    QTRY_VERIFY_WITH_TIMEOUT(close.isFinished(), kFlowTimeoutMs);
    QVERIFY(close.result().ok());
    QVERIFY(close.result().value().count >= 1);
    const QString text = mk::ui::ReceiptTicket::dailyCloseText(
        close.result().value(), QStringLiteral("KIOSK-T"), QStringLiteral("en"));
    QVERIFY2(text.contains(QStringLiteral("KIOSK-T")), qPrintable(text));
}

void TestKioskPay::offlineFacePaymentShowsProvisionalThenEReceipt()
{
    // pat-1001's own bills (3 bills, 599.45 or less, each within the 500.00 per-payment cap,
    // 1000.00 a day), fetched from the pool today. Then the pool goes away (the simulator's outage:
    // every request refused) and the patient pays on credit with a face check: the kiosk takes the
    // payment offline and shows PROVISIONAL receipts with their kiosk receipt numbers. When the
    // pool is back the relay delivers them and the e-receipts replace them on the screen.
    // Not real here: the face check itself (no camera and models in this suite; the panel's Face
    // evidence is emitted, as tst_kioskface's paymentFaceCheckIsOneToOne produces it).
    identify(QStringLiteral("P00001001"), QStringLiteral("19850312"), 0);
    tap(QStringLiteral("payButton"));
    waitIdle(ScreenId::Pay);
    auto* pay = static_cast<mk::ui::PayScreen*>(current());
    QVERIFY(button(QStringLiteral("payCreditButton"))->isEnabled());
    const int bills = int(window_->payFlow()->to_pay.size());
    QVERIFY(bills >= 1);

    mk::sim::FaultSpec outage;
    outage.mode = QStringLiteral("outage");
    outage.count = -1;
    outage.retry_after_s = 0;
    sim_->setFault(outage);
    payment_->setOnline(false);
    QSignalSpy confirmed(payment_.get(), &mk::payment::PaymentService::receiptConfirmed);
    mk::payment::Evidence face;
    face.method = mk::payment::Evidence::Method::Face;
    face.face_score = 0.93;
    Q_EMIT pay->verifyPanel()->verified(face);
    waitIdle(ScreenId::PayReceipt);
    const auto receipts = window_->payFlow()->receipts;
    QCOMPARE(int(receipts.size()), bills);
    QStringList local_numbers;
    for (const auto& r : receipts) {
        QVERIFY(r.provisional);
        QVERIFY(!r.local_number.isEmpty());
        local_numbers << r.local_number;
    }
    const auto banners = current()->findChildren<QLabel*>(QStringLiteral("receiptProvisional"));
    QCOMPARE(int(banners.size()), bills);
    for (const QLabel* banner : banners) {
        QVERIFY2(banner->text().contains(QStringLiteral("PROVISIONAL")),
                 qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QStringLiteral("e-receipt follows")),
                 qPrintable(banner->text()));
        bool named = false;
        for (const QString& n : local_numbers) named |= banner->text().contains(n);
        QVERIFY2(named, qPrintable(banner->text()));
    }
    QVERIFY(current()->findChildren<QLabel*>(QStringLiteral("receiptInvoiceCode")).isEmpty());
    QCOMPARE(confirmed.count(), 0);  // nothing delivered while the pool is away

    // The pool is back: the relay delivers, the e-receipts replace the provisional ones.
    mk::sim::FaultSpec none;
    none.mode = QStringLiteral("none");
    none.count = 0;
    sim_->setFault(none);
    payment_->setOnline(true);
    relay_->wake();
    QTRY_COMPARE_WITH_TIMEOUT(int(confirmed.count()), bills, kFlowTimeoutMs);
    QCOMPARE(currentId(), int(ScreenId::PayReceipt));
    QTRY_VERIFY_WITH_TIMEOUT(
        current()->findChildren<QLabel*>(QStringLiteral("receiptProvisional")).isEmpty(),
        kFlowTimeoutMs);
    QCOMPARE(int(current()->findChildren<QLabel*>(QStringLiteral("receiptInvoiceCode")).size()),
             bills);
    for (const auto& r : window_->payFlow()->receipts) {
        QVERIFY(!r.provisional);
        QVERIFY(!r.invoice_code.isEmpty());
    }
}

void TestKioskPay::staffExportsDailyCloseOnce()
{
    // Staff mode, 日结: "Export daily close" writes today's totals to a new file of the report
    // folder (SafeFile: mode 0600) and never over an existing one.
    mk::ui::ScreenContext context;
    context.service = service_.get();
    context.config = &config_;
    context.language = QStringLiteral("en");
    mk::ui::StaffPaymentsScreen screen(context, pay_services_, staff_services_);
    screen.resize(1080, 1920);
    static_cast<QWidget&>(screen).show();
    screen.enter();
    auto* exporter = screen.findChild<QPushButton*>(QStringLiteral("staffPayExport"));
    auto* message = screen.findChild<QLabel*>(QStringLiteral("staffPayMessage"));
    QVERIFY(exporter && message);
    QTRY_VERIFY_WITH_TIMEOUT(!screen.loading() && exporter->isEnabled(), kFlowTimeoutMs);
    auto close = payment_->dailyClose(payment_->now().date());
    QTRY_VERIFY_WITH_TIMEOUT(close.isFinished(), kFlowTimeoutMs);
    QVERIFY(close.result().ok());
    QVERIFY(close.result().value().count >= 1);  // the payments of the tests above
    const QString expected = mk::ui::ReceiptTicket::dailyCloseText(
        close.result().value(), config_.kiosk_id, QStringLiteral("en"));

    QTest::mouseClick(exporter, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!screen.exportedPath().isEmpty() && !screen.loading(), kFlowTimeoutMs);
    const QString path = screen.exportedPath();
    QVERIFY2(path.startsWith(staff_services_.report_folder), qPrintable(path));
    QVERIFY2(message->text().contains(path), qPrintable(message->text()));
    QFile file(path);
    struct stat st {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    file.close();
    QCOMPARE(QString::fromUtf8(written).trimmed(), expected.trimmed());

    // Again: refused, the file untouched, said in plain words.
    QVERIFY(exporter->isEnabled());
    QTest::mouseClick(exporter, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("already exists")),
                             kFlowTimeoutMs);
    QVERIFY2(message->text().contains(QStringLiteral("not overwritten")),
             qPrintable(message->text()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), written);
}

void TestKioskPay::faceLockedOutAtPaymentOffersPhone()
{
    // Face checks paused kiosk-wide (the Identifier's lockout in the store, after
    // IdentifyConfig::max_failures failed face checks, 1:1 at payment included: see
    // tst_kioskface::paymentFaceFailuresLockOut): a patient with face sign-in who pays on credit
    // is told so in plain words, is not offered "Try again", and is offered paying by phone.
    // The pay screen here has face services (an engine not loaded: the lockout stops the check
    // before any frame) and pat-1001's template.
    identify(QStringLiteral("P00001001"), QStringLiteral("19850312"), 0);
    tap(QStringLiteral("payButton"));
    waitIdle(ScreenId::Pay);
    QVERIFY(!window_->payFlow()->to_pay.isEmpty());
    // One bill within the available credit and within the lower limit of a charge authorised
    // without face (the smallest: pat-1001's 102.25 or 150.50, not 346.70).
    auto& to_pay = window_->payFlow()->to_pay;
    std::sort(to_pay.begin(), to_pay.end(),
              [](const auto& a, const auto& b) { return a.shown_net_fen < b.shown_net_fen; });
    to_pay.resize(1);
    window_->payFlow()->to_pay_fen = to_pay.first().shown_net_fen;

    mk::face::FaceEngine engine;  // not loaded
    mk::face::SqlTemplateStore templates(*store_);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    mk::face::FaceTemplate t;
    t.patient_id = QStringLiteral("pat-1001");
    t.phone_last4 = QStringLiteral("8000");
    t.created_at = now;
    t.expires_at = now.addDays(30);
    mk::ui::FaceServices face;
    face.engine = &engine;
    face.store = &templates;
    QVERIFY(templates
                .saveConsent(mk::face::Enrollment::makeConsent(t.patient_id, 40, false, now,
                                                               face.config.enrollment))
                .ok());
    QVERIFY(templates.saveTemplate(t).ok());
    mk::face::LockoutState locked;
    locked.locked_until_ms = now.toMSecsSinceEpoch() + 300 * 1000;
    QVERIFY(templates.saveLockout(locked).ok());

    mk::ui::PayServices services = pay_services_;
    services.face = &face;
    mk::ui::ScreenContext context;
    context.service = service_.get();
    context.session = &window_->session();
    context.config = &config_;
    context.language = QStringLiteral("en");
    mk::ui::PayScreen screen(context, services, *window_->payFlow());
    screen.resize(1080, 1920);
    static_cast<QWidget&>(screen).show();
    screen.enter();
    QTRY_VERIFY_WITH_TIMEOUT(!screen.loading(), kFlowTimeoutMs);
    auto* credit = screen.findChild<QPushButton*>(QStringLiteral("payCreditButton"));
    QVERIFY(credit && credit->isEnabled());
    QTest::mouseClick(credit, Qt::LeftButton);
    QCOMPARE(screen.verifyPanel()->phase(), mk::ui::VerifyPanel::Phase::LockedOut);
    QVERIFY(!screen.verifyPanel()->worker()->active());  // no camera
    auto* prompt = screen.findChild<QLabel*>(QStringLiteral("face_prompt"));
    QVERIFY(prompt);
    QCOMPARE(prompt->text(),
             QStringLiteral("Face checks are paused for a few minutes at this kiosk. Nothing "
                            "was charged. Enter the last 4 digits of your phone number instead, "
                            "or pay by phone."));
    auto* retry = screen.findChild<QPushButton*>(QStringLiteral("payVerifyRetry"));
    auto* by_phone = screen.findChild<QPushButton*>(QStringLiteral("payVerifyPhone"));
    QVERIFY(retry && by_phone);
    QVERIFY(!retry->isVisible());
    QVERIFY(by_phone->isVisible() && by_phone->isEnabled());
    QCOMPARE(by_phone->text(), QStringLiteral("Pay by phone instead"));
    // Paying by phone works: the order's code is shown.
    QTest::mouseClick(by_phone, Qt::LeftButton);
    auto* qr = screen.findChild<QLabel*>(QStringLiteral("payPhoneQr"));
    QVERIFY(qr);
    QTRY_VERIFY_WITH_TIMEOUT(qr->isVisible() && !qr->pixmap().isNull(), kFlowTimeoutMs);
    auto* cancel = screen.findChild<QPushButton*>(QStringLiteral("payPhoneCancel"));
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!screen.loading(), kFlowTimeoutMs);

    // The phone-digits check is offered too (the face is only one way): the keypad, a wrong
    // code refused in plain words, the right last 4 digits (pat-1001: 13800138000) authorise.
    QTRY_VERIFY_WITH_TIMEOUT(credit->isVisible() && credit->isEnabled(), kFlowTimeoutMs);
    QTest::mouseClick(credit, Qt::LeftButton);
    QCOMPARE(screen.verifyPanel()->phase(), mk::ui::VerifyPanel::Phase::LockedOut);
    auto* by_digits = screen.findChild<QPushButton*>(QStringLiteral("payVerifyDigits"));
    QVERIFY(by_digits);
    QVERIFY(by_digits->isVisible() && by_digits->isEnabled());
    QCOMPARE(by_digits->text(), QStringLiteral("Enter my phone's last 4 digits"));
    QVERIFY(by_digits->height() >= 60);
    QVERIFY(by_phone->isVisible());
    // Stop at the evidence: the charge itself is pat-1001's offline payment below.
    QVERIFY(QObject::disconnect(screen.verifyPanel(), &mk::ui::VerifyPanel::verified, &screen,
                                nullptr));
    QList<mk::payment::Evidence::Method> verified;
    QObject::connect(screen.verifyPanel(), &mk::ui::VerifyPanel::verified, &screen,
                     [&verified](const mk::payment::Evidence& e) { verified.append(e.method); });
    QTest::mouseClick(by_digits, Qt::LeftButton);
    QCOMPARE(screen.verifyPanel()->phase(), mk::ui::VerifyPanel::Phase::Digits);
    QVERIFY(!screen.verifyPanel()->worker()->active());  // still no camera
    QVERIFY(!by_digits->isVisible());
    QCOMPARE(prompt->text(),
             QStringLiteral("Please enter the last 4 digits of your phone number."));
    const auto typeDigits = [&](const QString& digits) {
        for (const QChar c : digits) {
            auto* key = screen.findChild<QPushButton*>(QStringLiteral("key_%1").arg(c));
            QVERIFY(key && key->isVisible());
            QTest::mouseClick(key, Qt::LeftButton);
        }
    };
    typeDigits(QStringLiteral("1234"));
    QCOMPARE(screen.verifyPanel()->phase(), mk::ui::VerifyPanel::Phase::Digits);
    QCOMPARE(prompt->text(), QStringLiteral("Those digits do not match. Please try again."));
    QVERIFY(verified.isEmpty());
    typeDigits(QStringLiteral("8000"));
    QCOMPARE(verified.size(), 1);
    QVERIFY(verified.first() == mk::payment::Evidence::Method::PhoneDigits);
    QCOMPARE(screen.verifyPanel()->phase(), mk::ui::VerifyPanel::Phase::Verified);
    screen.reset();

    QVERIFY(templates.deletePatient(t.patient_id).ok());
    QVERIFY(templates.saveLockout(mk::face::LockoutState{}).ok());
    window_->goHome();
}

QTEST_MAIN(TestKioskPay)
#include "tst_kioskpay.moc"

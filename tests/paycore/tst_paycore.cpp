// The kiosk's payment core against the pool simulator (real HTTP on loopback) and real SQLCipher
// stores in files (issue 9): online credit payment, double tap, amount changed, credit limit,
// already paid by another kiosk or the cashier window, a pool that times out after charging,
// a 5xx storm, offline within and over the caps, a later refusal as a dead letter, a ledger row
// altered on disk, and reconcile.
#include "PayCoreFixture.h"
#include "core/payment/PaymentService.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "payment/Ledger.h"

#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace mk;
using namespace mk::payment;
using namespace mk::payment::test;

class TestPayCore : public QObject
{
    Q_OBJECT

private:
    PayCoreFixture fx_;

    static BillToPay billOf(const PatientBills& bills, const QString& id)
    {
        for (const Bill& b : bills.bills)
            if (b.id == id) return BillToPay{b.id, b.total_net_fen};
        return BillToPay{id, -1};
    }

    // Settles what the relay finished until `done` holds (or the QTRY timeout).
    static int settledConfirmed(Kiosk& k)
    {
        auto s = k.core->settleFromOutbox();
        return s ? int(s.value().confirmed.size()) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fx_.dir.isValid());
        const QString error = fx_.startSim();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void onlineCreditPayment()
    {
        auto k = fx_.kiosk(QStringLiteral("online"));
        QVERIFY(k);
        auto bills = k->core->bills(QStringLiteral("pat-1001"));
        QVERIFY2(bills, qPrintable(bills ? QString() : bills.error().detail));
        QCOMPARE(bills.value().bills.size(), 3);
        QVERIFY(!bills.value().stale);
        for (const Bill& b : bills.value().bills) {
            qint64 lines = 0;
            for (const BillLine& l : b.lines) lines += l.self_pay_fen;
            QCOMPARE(lines, b.total_net_fen);
        }
        const BillToPay bill = billOf(bills.value(), QStringLiteral("inv-1001-3"));
        QCOMPARE(bill.shown_net_fen, qint64(10225));
        auto line = k->core->creditLine(QStringLiteral("pat-1001"));
        QVERIFY(line);
        QCOMPARE(line.value().status, CreditStatus::Active);

        const BillPayment p = k->core->payBill(QStringLiteral("pat-1001"), bill, face());
        QCOMPARE(payStatusName(p.status), payStatusName(PayStatus::Paid));
        QCOMPARE(p.receipt.amount_fen, qint64(10225));
        QVERIFY(!p.receipt.invoice_code.isEmpty());
        QCOMPARE(p.receipt.invoice_number.size(), 10);
        QCOMPARE(p.receipt.check_code.size(), 6);
        QVERIFY(!p.receipt.view_url.isEmpty());
        QVERIFY(!p.receipt.provisional);
        QVERIFY(p.receipt.payer_masked.contains(QLatin1Char('*')));
        QCOMPARE(fx_.poolPayments(*k->client, bill.bill_id, k->core->today()), 1);

        auto verified = k->core->records().verifyLedger();
        QVERIFY(verified);
        QVERIFY2(verified.value().ok, qPrintable(verified.value().message));
        QCOMPARE(verified.value().rowsChecked, qint64(2));  // attempt + paid

        auto after = k->core->bills(QStringLiteral("pat-1001"));
        QVERIFY(after);
        QCOMPARE(after.value().bills.size(), 2);
        auto receipts = k->core->receiptsToday(QStringLiteral("pat-1001"));
        QVERIFY(receipts);
        QVERIFY(!receipts.value().isEmpty());
    }

    void doubleTapPaysOnce()
    {
        auto k = fx_.kiosk(QStringLiteral("doubletap"));
        QVERIFY(k);
        PaymentService service(k->client, *k->store, *k->outbox, PaymentOptions());
        // The service's own core: options as the fixture's (the device id for the count).
        auto bills = k->core->bills(QStringLiteral("pat-1003"));
        QVERIFY(bills);
        const BillToPay bill = billOf(bills.value(), QStringLiteral("inv-1003-1"));
        QVERIFY(bill.shown_net_fen > 0);
        PayRequest request{QStringLiteral("pat-1003"), {bill}, face()};
        QSignalSpy finished(&service, &PaymentService::payFinished);
        QFuture<PayOutcome> first = service.payOnCredit(request);
        QFuture<PayOutcome> second = service.payOnCredit(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        const PayOutcome a = first.result();
        const PayOutcome b = second.result();
        QCOMPARE(payStatusName(a.bills.value(0).status), payStatusName(PayStatus::Paid));
        QCOMPARE(payStatusName(b.bills.value(0).status), payStatusName(PayStatus::Paid));
        QCOMPARE(a.bills.value(0).receipt.payment_id, b.bills.value(0).receipt.payment_id);
        QCOMPARE(a.bills.value(0).idempotency_key, b.bills.value(0).idempotency_key);
        QCOMPARE(fx_.poolPayments(*k->client, bill.bill_id, k->core->today()), 1);
    }

    void amountChanged()
    {
        auto k = fx_.kiosk(QStringLiteral("amended"));
        QVERIFY(k);
        auto bills = k->core->bills(QStringLiteral("pat-1001"));
        QVERIFY(bills);
        const BillToPay shown = billOf(bills.value(), QStringLiteral("inv-1001-2"));
        QVERIFY(shown.shown_net_fen > 0);
        QCOMPARE(fx_.control(QStringLiteral("invoices/inv-1001-2/amend")), 200);
        const BillPayment p = k->core->payBill(QStringLiteral("pat-1001"), shown, face());
        QCOMPARE(payStatusName(p.status), payStatusName(PayStatus::AmountChanged));
        QCOMPARE(p.new_bill.id, shown.bill_id);
        QCOMPARE(p.new_bill.total_net_fen, shown.shown_net_fen + 1000);
        QCOMPARE(fx_.poolPayments(*k->client, shown.bill_id, k->core->today()), 0);
        // The new amount, shown again, pays.
        const BillPayment again = k->core->payBill(
            QStringLiteral("pat-1001"), BillToPay{shown.bill_id, p.new_bill.total_net_fen}, face());
        QCOMPARE(payStatusName(again.status), payStatusName(PayStatus::Paid));
        auto verified = k->core->records().verifyLedger();
        QVERIFY(verified && verified.value().ok);
    }

    void creditRefusals_data()
    {
        QTest::addColumn<QString>("patient");
        QTest::addColumn<QString>("invoice");
        QTest::addColumn<bool>("by_face");
        QTest::addColumn<QString>("status");
        QTest::newRow("over the available amount")
            << u"pat-1004"_qs << u"inv-1004-2"_qs << true << payStatusName(PayStatus::CreditLimit);
        QTest::newRow("over the limit without face")
            << u"pat-1001"_qs << u"inv-1001-1"_qs << false << payStatusName(PayStatus::CreditLimit);
        QTest::newRow("suspended") << u"pat-1005"_qs << u"inv-1005-1"_qs << true
                                   << payStatusName(PayStatus::CreditSuspended);
        QTest::newRow("no credit care")
            << u"pat-1006"_qs << u"inv-1006-1"_qs << true << payStatusName(PayStatus::NoCredit);
    }

    void creditRefusals()
    {
        QFETCH(QString, patient);
        QFETCH(QString, invoice);
        QFETCH(bool, by_face);
        QFETCH(QString, status);
        auto k = fx_.kiosk(QStringLiteral("refusal-") + invoice);
        QVERIFY(k);
        auto bills = k->core->bills(patient);
        QVERIFY(bills);
        const BillToPay bill = billOf(bills.value(), invoice);
        QVERIFY(bill.shown_net_fen > 0);
        const Evidence evidence = by_face ? face() : Evidence{Evidence::Method::PhoneDigits, 0.0};
        const BillPayment p = k->core->payBill(patient, bill, evidence);
        QCOMPARE(payStatusName(p.status), status);
        QCOMPARE(fx_.poolPayments(*k->client, invoice, k->core->today()), 0);
        auto rows = k->core->records().list(QString());
        QVERIFY(rows);
        QCOMPARE(rows.value().size(), 1);
        QCOMPARE(rows.value().first().state, state::kRefused);
    }

    void alreadyPaidByAnotherKioskOrTheWindow()
    {
        auto k1 = fx_.kiosk(QStringLiteral("first"));
        auto k2 = fx_.kiosk(QStringLiteral("second"));
        QVERIFY(k1 && k2);
        auto b1 = k1->core->bills(QStringLiteral("pat-1004"));
        auto b2 = k2->core->bills(QStringLiteral("pat-1004"));
        QVERIFY(b1 && b2);
        const BillToPay bill = billOf(b1.value(), QStringLiteral("inv-1004-1"));
        QVERIFY(bill.shown_net_fen > 0);
        // Both at once: exactly one payment succeeds.
        QFuture<BillPayment> f1 = QtConcurrent::run(
            [&] { return k1->core->payBill(QStringLiteral("pat-1004"), bill, face()); });
        QFuture<BillPayment> f2 = QtConcurrent::run(
            [&] { return k2->core->payBill(QStringLiteral("pat-1004"), bill, face()); });
        const BillPayment p1 = f1.result();
        const BillPayment p2 = f2.result();
        const int paid = (p1.status == PayStatus::Paid) + (p2.status == PayStatus::Paid);
        const int already =
            (p1.status == PayStatus::AlreadyPaid) + (p2.status == PayStatus::AlreadyPaid);
        QCOMPARE(paid, 1);
        QCOMPARE(already, 1);
        QCOMPARE(fx_.poolPayments(*k1->client, bill.bill_id, k1->core->today()), 1);

        // The cashier window paid one: the kiosk charges nothing.
        auto b3 = k1->core->bills(QStringLiteral("pat-1006"));
        QVERIFY(b3);
        const BillToPay other = billOf(b3.value(), QStringLiteral("inv-1006-2"));
        QCOMPARE(fx_.control(QStringLiteral("invoices/inv-1006-2/pay-at-window")), 200);
        const BillPayment p3 = k1->core->payBill(QStringLiteral("pat-1006"), other, face());
        QCOMPARE(payStatusName(p3.status), payStatusName(PayStatus::AlreadyPaid));
    }

    void poolTimesOutAfterCharging()
    {
        // The pool charges, then never answers; the client's retry with the same key gets the
        // first result.
        auto k = fx_.kiosk(QStringLiteral("hang"), PaymentOptions(), 800);
        QVERIFY(k);
        auto bills = k->core->bills(QStringLiteral("pat-1100"));
        QVERIFY(bills);
        QVERIFY(!bills.value().bills.isEmpty());
        const Bill b = bills.value().bills.first();
        // pat-1100 has no credit care: open it first (granted 500.00).
        OpenCreditRequest open{QStringLiteral("pat-1100"), QStringLiteral("1"), true, face()};
        const OpenCreditOutcome opened = k->core->openCredit(open);
        QVERIFY2(opened.opened, qPrintable(opened.error.detail));
        fx_.fault(QStringLiteral("hang-after-commit"), 1, QStringLiteral("$pay"));
        const BillPayment p =
            k->core->payBill(QStringLiteral("pat-1100"), BillToPay{b.id, b.total_net_fen}, face());
        fx_.noFault();
        QCOMPARE(payStatusName(p.status), payStatusName(PayStatus::Paid));
        QCOMPARE(fx_.poolPayments(*k->client, b.id, k->core->today()), 1);
        QVERIFY(k->client->stats().retries.load() >= 1);
    }

    void stormOf5xxThenDelivery()
    {
        auto k = fx_.kiosk(QStringLiteral("storm"), generousCaps());
        QVERIFY(k);
        auto bills = k->core->bills(QStringLiteral("pat-1002"));
        QVERIFY(bills);
        const BillToPay bill = billOf(bills.value(), QStringLiteral("inv-1002-1"));
        QVERIFY(bill.shown_net_fen > 0);
        // More 5xx than the client's 3 attempts: the charge is unknown, the payment is taken
        // offline (face, cached today, within the caps) and the relay replays the same key.
        fx_.fault(QStringLiteral("5xx"), 6, QStringLiteral("$pay"));
        const BillPayment p = k->core->payBill(QStringLiteral("pat-1002"), bill, face());
        QCOMPARE(payStatusName(p.status), payStatusName(PayStatus::PaidOffline));
        QVERIFY(p.receipt.provisional);
        QVERIFY(!p.receipt.local_number.isEmpty());
        int confirmed = 0;
        QTRY_VERIFY_WITH_TIMEOUT((confirmed += settledConfirmed(*k)) >= 1, 20000);
        QCOMPARE(confirmed, 1);
        fx_.noFault();
        QCOMPARE(fx_.poolPayments(*k->client, bill.bill_id, k->core->today()), 1);
        auto row = k->core->records().byKey(p.idempotency_key);
        QVERIFY(row && row.value());
        QCOMPARE(row.value()->state, state::kPaid);
        auto verified = k->core->records().verifyLedger();
        QVERIFY(verified && verified.value().ok);
    }

    void offlineWithinCapsThenDeliveredOnce()
    {
        auto k = fx_.kiosk(QStringLiteral("offline"), generousCaps());
        QVERIFY(k);
        auto bills = k->core->bills(QStringLiteral("pat-1101"));
        QVERIFY(bills);
        QVERIFY(!bills.value().bills.isEmpty());
        const Bill b = bills.value().bills.first();
        OpenCreditRequest open{QStringLiteral("pat-1101"), QStringLiteral("1"), true, face()};
        QVERIFY(k->core->openCredit(open).opened);
        fx_.fault(QStringLiteral("outage"), -1);
        k->core->setOnline(false);
        auto cached = k->core->bills(QStringLiteral("pat-1101"));
        QVERIFY(cached);
        QVERIFY(cached.value().stale);
        const BillPayment p =
            k->core->payBill(QStringLiteral("pat-1101"), BillToPay{b.id, b.total_net_fen}, face());
        QCOMPARE(payStatusName(p.status), payStatusName(PayStatus::PaidOffline));
        QVERIFY(p.receipt.local_number.startsWith(QLatin1String("Loffline-")));
        // A second tap while offline: the same provisional payment, nothing new queued.
        const BillPayment again =
            k->core->payBill(QStringLiteral("pat-1101"), BillToPay{b.id, b.total_net_fen}, face());
        QCOMPARE(payStatusName(again.status), payStatusName(PayStatus::PaidOffline));
        QCOMPARE(again.idempotency_key, p.idempotency_key);
        auto queued = k->outbox->status(QDateTime::currentDateTimeUtc());
        QVERIFY(queued);
        QCOMPARE(queued.value().waiting, 1);

        fx_.noFault();
        k->relay->wake();
        int confirmed = 0;
        QTRY_VERIFY_WITH_TIMEOUT((confirmed += settledConfirmed(*k)) >= 1, 20000);
        QCOMPARE(confirmed, 1);
        QCOMPARE(fx_.poolPayments(*k->client, b.id, k->core->today()), 1);
        k->core->setOnline(true);
        auto receipts = k->core->receiptsToday(QStringLiteral("pat-1101"));
        QVERIFY(receipts);
        bool found = false;
        for (const Receipt& r : receipts.value()) found |= r.amount_fen == b.total_net_fen;
        QVERIFY(found);
        auto verified = k->core->records().verifyLedger();
        QVERIFY(verified && verified.value().ok);
    }

    void offlineRefused_data()
    {
        QTest::addColumn<QString>("invoice");
        QTest::addColumn<bool>("by_face");
        QTest::addColumn<bool>("cached");
        QTest::addColumn<QString>("cap");
        // Bills no other test pays (the simulator's state is shared by the test functions).
        QTest::newRow("over the per-transaction cap")
            << u"inv-1006-1"_qs << true << true << u"per-transaction"_qs;
        QTest::newRow("phone digits") << u"inv-1005-1"_qs << false << true << QString();
        QTest::newRow("not in today's cache") << u"inv-1005-1"_qs << true << false << QString();
    }

    void offlineRefused()
    {
        QFETCH(QString, invoice);
        QFETCH(bool, by_face);
        QFETCH(bool, cached);
        QFETCH(QString, cap);
        PaymentOptions o;
        o.caps.perTransaction = pay::Money::yuan(100);
        o.caps.perPatientPerDay = pay::Money::yuan(100);
        o.caps.kioskOutstanding = pay::Money::yuan(100);
        auto k =
            fx_.kiosk(QStringLiteral("caps-") + QString::fromLatin1(QTest::currentDataTag())
                                                    .replace(QLatin1Char(' '), QLatin1Char('-')),
                      o);
        QVERIFY(k);
        const QString patient = invoice.startsWith(QLatin1String("inv-1006"))
                                    ? QStringLiteral("pat-1006")
                                    : QStringLiteral("pat-1005");
        qint64 amount = 4880;
        if (cached) {
            auto bills = k->core->bills(patient);
            QVERIFY(bills);
            amount = billOf(bills.value(), invoice).shown_net_fen;
        }
        k->core->setOnline(false);
        const Evidence e = by_face ? face() : Evidence{Evidence::Method::PhoneDigits, 0.0};
        const BillPayment p = k->core->payBill(patient, BillToPay{invoice, amount}, e);
        QVERIFY2(p.status == PayStatus::NeedsPool,
                 qPrintable(payStatusName(p.status) + QLatin1Char(' ') + p.error.detail));
        QCOMPARE(p.cap, cap);
        auto queued = k->outbox->status(QDateTime::currentDateTimeUtc());
        QVERIFY(queued);
        QCOMPARE(queued.value().waiting, 0);
    }

    void laterRefusalIsADeadLetter()
    {
        auto k = fx_.kiosk(QStringLiteral("dead"), generousCaps());
        QVERIFY(k);
        auto bills = k->core->bills(QStringLiteral("pat-1102"));
        QVERIFY(bills);
        QVERIFY(!bills.value().bills.isEmpty());
        const Bill b = bills.value().bills.first();
        OpenCreditRequest open{QStringLiteral("pat-1102"), QStringLiteral("1"), true, face()};
        QVERIFY(k->core->openCredit(open).opened);
        k->relay->stop();  // the kiosk is offline: nothing is forwarded yet
        k->core->setOnline(false);
        const BillPayment p =
            k->core->payBill(QStringLiteral("pat-1102"), BillToPay{b.id, b.total_net_fen}, face());
        QCOMPARE(payStatusName(p.status), payStatusName(PayStatus::PaidOffline));
        // Meanwhile the patient paid at the cashier window.
        QCOMPARE(fx_.control(QStringLiteral("invoices/%1/pay-at-window").arg(b.id)), 200);
        k->relay =
            std::make_unique<outbox::Relay>(*k->outbox, *k->sender, PayCoreFixture::relayOptions());
        k->relay->start();
        QList<FailedPayment> refused;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto s = k->core->settleFromOutbox();
                if (s) refused.append(s.value().refused);
                return !refused.isEmpty();
            }(),
            20000);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().rule, QStringLiteral("already-paid"));
        QCOMPARE(refused.first().bill_id, b.id);
        auto failed = k->core->failedPayments();
        QVERIFY(failed);
        QCOMPARE(failed.value().size(), 1);
        QVERIFY(failed.value().first().outbox_id > 0);
        QCOMPARE(fx_.poolPayments(*k->client, b.id, k->core->today()), 0);  // never charged
        auto close = k->core->dailyClose(k->core->today());
        QVERIFY(close);
        QCOMPARE(close.value().refused_count, 1);
        QCOMPARE(close.value().count, 0);
        auto verified = k->core->records().verifyLedger();
        QVERIFY(verified && verified.value().ok);
    }

    void reconcileFindsADifference()
    {
        auto k1 = fx_.kiosk(QStringLiteral("recon1"));
        auto k2 = fx_.kiosk(QStringLiteral("recon2"));
        QVERIFY(k1 && k2);
        auto r0 = k1->core->reconcile(k1->core->today());
        QVERIFY2(r0, qPrintable(r0 ? QString() : r0.error().detail));
        // Another kiosk with the same device id pays a bill: k1's ledger does not have it.
        auto bills = k2->core->bills(QStringLiteral("pat-1001"));
        QVERIFY(bills);
        const BillToPay bill = billOf(bills.value(), QStringLiteral("inv-1001-1"));
        const BillPayment p = k2->core->payBill(QStringLiteral("pat-1001"), bill, face());
        QCOMPARE(payStatusName(p.status), payStatusName(PayStatus::Paid));
        auto r = k1->core->reconcile(k1->core->today());
        QVERIFY(r);
        bool found = false;
        for (const auto& d : r.value().differences)
            found |= d.kind == QLatin1String("pool-only") && d.key == p.idempotency_key;
        QVERIFY(found);
        // k2's own view has no difference for it.
        auto mine = k2->core->reconcile(k2->core->today());
        QVERIFY(mine);
        for (const auto& d : mine.value().differences) QVERIFY(d.key != p.idempotency_key);
    }

    void ledgerAlteredOnDisk_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<qint64>("seq");
        QTest::newRow("amount altered")
            << QByteArray("UPDATE payment_ledger SET amount = '1.00' WHERE seq = 3")
            << u"altered"_qs << qint64(3);
        QTest::newRow("row removed")
            << QByteArray("DELETE FROM payment_ledger WHERE seq = 2") << u"removed"_qs << qint64(2);
        QTest::newRow("last row removed") << QByteArray("DELETE FROM payment_ledger WHERE seq = 4")
                                          << u"truncated"_qs << qint64(0);
        QTest::newRow("rows reordered")
            << QByteArray("UPDATE payment_ledger SET id = id + 100 WHERE seq = 2")
            << u"reordered"_qs << qint64(0);
    }

    void ledgerAlteredOnDisk()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, problem);
        QFETCH(qint64, seq);
        auto k = fx_.kiosk(QStringLiteral("ledger-") + QString::number(qHash(sql)));
        QVERIFY(k);
        for (const QString& patient : {u"pat-1004"_qs, u"pat-1006"_qs}) {
            auto bills = k->core->bills(patient);
            QVERIFY(bills);
            // Refusals and payments alike write ledger rows: 2 per payment attempt.
            (void)k->core->payBill(patient,
                                   BillToPay{bills.value().bills.first().id,
                                             bills.value().bills.first().total_net_fen},
                                   face());
        }
        auto before = k->core->records().verifyLedger();
        QVERIFY(before && before.value().ok);
        QCOMPARE(before.value().rowsChecked, qint64(4));
        const QString path = k->path;
        k.reset();  // the kiosk stops; someone edits the file with the key
        {
            QByteArray raw(store::SecureKey::kSizeBytes, 'p');
            auto db = store::SqlCipherDb::openKeyed(path, store::SqlCipherDb::OpenMode::ReadWrite,
                                                    store::SecureKey(raw));
            QVERIFY(db);
            QVERIFY(db.value()->exec(sql));
        }
        auto reopened = fx_.kiosk(QStringLiteral("ledger-") + QString::number(qHash(sql)));
        QVERIFY(reopened);
        auto after = reopened->core->records().verifyLedger();
        QVERIFY(after);
        QVERIFY(!after.value().ok);
        qInfo().noquote() << "verify says:" << after.value().message;
        QCOMPARE(pay::ledgerProblemName(after.value().problem), problem);
        if (seq > 0) QCOMPARE(after.value().seq, seq);
    }

    // The last rows replaced by a forged tail that chains correctly (hashes recomputed, as
    // someone with the key and the chain rules could): each payment row names the newest ledger
    // row it wrote, so verify still says which row was replaced.
    void ledgerTailReplacedOnDisk()
    {
        auto k = fx_.kiosk(QStringLiteral("ledger-forged-tail"));
        QVERIFY(k);
        for (const QString& patient : {u"pat-1004"_qs, u"pat-1006"_qs}) {
            auto bills = k->core->bills(patient);
            QVERIFY(bills);
            (void)k->core->payBill(patient,
                                   BillToPay{bills.value().bills.first().id,
                                             bills.value().bills.first().total_net_fen},
                                   face());
        }
        auto before = k->core->records().verifyLedger();
        QVERIFY(before && before.value().ok);
        QCOMPARE(before.value().rowsChecked, qint64(4));
        const QString path = k->path;
        k.reset();
        {
            auto db = store::SqlCipherDb::openKeyed(
                path, store::SqlCipherDb::OpenMode::ReadWrite,
                store::SecureKey(QByteArray(store::SecureKey::kSizeBytes, 'p')));
            QVERIFY(db);
            QVERIFY(
                db.value()->exec(QByteArrayLiteral("DELETE FROM payment_ledger WHERE seq >= 3")));
            for (const char* result : {"attempt", "refused"}) {
                auto forged = PaymentStore::appendLedger(
                    *db.value(), u"inv-forged"_qs, 1, u"credit"_qs, u"forged-key"_qs,
                    QString::fromLatin1(result), 1764900000000);
                QVERIFY(forged);
            }
        }
        auto reopened = fx_.kiosk(QStringLiteral("ledger-forged-tail"));
        QVERIFY(reopened);
        auto after = reopened->core->records().verifyLedger();
        QVERIFY(after);
        QVERIFY(!after.value().ok);
        qInfo().noquote() << "verify says:" << after.value().message;
        QCOMPARE(pay::ledgerProblemName(after.value().problem), u"truncated"_qs);
        QVERIFY2(after.value().message.contains(u"replaced"_qs), qPrintable(after.value().message));
    }
};

QTEST_GUILESS_MAIN(TestPayCore)
#include "tst_paycore.moc"

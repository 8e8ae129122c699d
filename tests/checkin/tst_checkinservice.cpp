// CheckinService against the pool simulator, an in-memory encrypted store and the outbox relay:
// online, the same code twice, offline with a provisional number and its reconciliation, every
// refusal (nothing sent), the arrival window, plain appointment numbers.
#include "CheckinFixture.h"
#include "TestWait.h"
#include "core/checkin/CheckinToken.h"

#include <QSignalSpy>
#include <QTest>

using namespace mk;
using namespace mk::checkin;
using mk::checkin::test::CheckinFixture;

Q_DECLARE_METATYPE(mk::checkin::TokenVerdict)

namespace {
CheckinOutcome wait(QFuture<CheckinOutcome> f)
{
    f.waitForFinished();
    return f.result();
}
}  // namespace

class TestCheckinService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CheckinFixture> fx_;

private Q_SLOTS:
    void init()
    {
        fx_ = std::make_unique<CheckinFixture>();
        const QString error = fx_->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(fx_->service->hasKey());
    }
    void cleanup() { fx_.reset(); }

    void onlineThenSameCodeAgain()
    {
        QString id;
        const QString t = fx_->newToken(&id);
        QVERIFY(!t.isEmpty());
        const CheckinOutcome first = wait(fx_->service->checkIn(t + QStringLiteral("\r\n")));
        QCOMPARE(checkinStatusName(first.status), checkinStatusName(CheckinStatus::CheckedIn));
        QVERIFY(!first.record.provisional);
        QVERIFY(!first.repeated);
        QVERIFY(first.record.visit_number > 0 && first.record.visit_number < 9000);
        QCOMPARE(first.record.appointment_id, id);
        QVERIFY(!first.record.patient_name_masked.isEmpty());
        QVERIFY(first.record.patient_name_masked.contains(QLatin1Char('*')));
        auto at_pool = fx_->lookup->appointment(id);
        QVERIFY(at_pool.ok());
        QCOMPARE(at_pool.value().status, fhir::AppointmentStatus::Arrived);
        QCOMPARE(at_pool.value().visit_sequence, first.record.visit_number);
        QCOMPARE(fx_->sim->commandStats().checkins_applied, 1);

        const int requests = fx_->simRequests();
        const CheckinOutcome again = wait(fx_->service->checkIn(t));
        QCOMPARE(again.status, CheckinStatus::CheckedIn);
        QVERIFY(again.repeated);
        QCOMPARE(again.record.visit_number, first.record.visit_number);
        QCOMPARE(fx_->simRequests(), requests);  // answered from the local record
        QCOMPARE(fx_->sim->commandStats().checkins_applied, 1);
        QCOMPARE(fx_->queuedCheckins(), 0);
    }

    void offlineProvisionalThenReconciled()
    {
        const QString t2 = fx_->newToken();  // read before the outage
        QVERIFY(!t2.isEmpty());
        QString id;
        const QString t = fx_->newToken(&id);
        QVERIFY(!t.isEmpty());
        QSignalSpy confirmed(fx_->service.get(), &CheckinService::visitNumberConfirmed);
        fx_->outage(true);
        const CheckinOutcome o = wait(fx_->service->checkIn(t));
        QCOMPARE(checkinStatusName(o.status), checkinStatusName(CheckinStatus::CheckedIn));
        QVERIFY(o.record.provisional);
        QVERIFY(o.record.visit_number >= 9000 && o.record.visit_number <= 9999);
        QCOMPARE(o.record.provisional_number, o.record.visit_number);
        QVERIFY(!checkinMessage(o).isEmpty());
        auto queued = fx_->outbox->list(outbox::CommandState::Queued, 10);
        QVERIFY(queued.ok());
        QCOMPARE(queued.value().size(), 1);
        QCOMPARE(queued.value().first().kind, outbox::kind::kCheckIn);

        // Scanned again while offline: the same provisional number, no second command.
        const CheckinOutcome again = wait(fx_->service->checkIn(t));
        QVERIFY(again.repeated);
        QCOMPARE(again.record.visit_number, o.record.visit_number);
        QCOMPARE(fx_->queuedCheckins(), 1);

        // A second patient offline gets the next number of the range.
        const CheckinOutcome o2 = wait(fx_->service->checkIn(t2));
        QVERIFY(o2.record.provisional);
        QCOMPARE(o2.record.visit_number, o.record.visit_number + 1);
        fx_->setNow(QDateTime::fromSecsSinceEpoch(o.record.slot_start_s - 600, Qt::UTC));

        fx_->outage(false);
        QTRY_VERIFY_WITH_TIMEOUT(confirmed.size() >= 2, 60000);
        QCOMPARE(fx_->sim->commandStats().checkins_applied, 2);
        QCOMPARE(fx_->queuedCheckins(), 0);
        int real = 0;
        for (const QList<QVariant>& args : std::as_const(confirmed)) {
            if (args.at(0).toString() == id) {
                real = args.at(1).toInt();
                QCOMPARE(args.at(2).toInt(), o.record.visit_number);
            }
        }
        QVERIFY(real > 0 && real < 9000);
        auto at_pool = fx_->lookup->appointment(id);
        QVERIFY(at_pool.ok());
        QCOMPARE(at_pool.value().visit_sequence, real);

        const CheckinOutcome after = wait(fx_->service->checkIn(t));
        QVERIFY(!after.record.provisional);
        QCOMPARE(after.record.visit_number, real);
        QCOMPARE(after.record.provisional_number, o.record.visit_number);
        // Exactly once: nothing more happens, and reconcile() finds nothing left.
        auto r = fx_->service->reconcile();
        r.waitForFinished();
        QCOMPARE(r.result(), 0);
        // Every confirmation is queued to the service; once a call queued after reconcile() has
        // run, a further one (a duplicate) would be in the spy.
        QVERIFY(mk::test::flushQueuedCalls(fx_->service.get()));
        QCOMPARE(confirmed.size(), 2);
        QCOMPARE(fx_->sim->commandStats().checkins_applied, 2);
        QCOMPARE(fx_->sim->commandStats().duplicate_commands, 0);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<TokenVerdict>("verdict");
        QTest::newRow("forged") << QStringLiteral("forged") << TokenVerdict::Forged;
        QTest::newRow("altered") << QStringLiteral("altered") << TokenVerdict::Forged;
        QTest::newRow("damaged") << QStringLiteral("damaged") << TokenVerdict::Damaged;
        QTest::newRow("expired") << QStringLiteral("expired") << TokenVerdict::Expired;
        QTest::newRow("other issuer") << QStringLiteral("other") << TokenVerdict::OtherIssuer;
        QTest::newRow("url") << QStringLiteral("url") << TokenVerdict::NotAToken;
        QTest::newRow("random") << QStringLiteral("random") << TokenVerdict::NotAToken;
        QTest::newRow("patient card") << QStringLiteral("card") << TokenVerdict::NotAToken;
        QTest::newRow("payment") << QStringLiteral("payment") << TokenVerdict::NotAToken;
    }

    void refused()
    {
        QFETCH(QString, kind);
        QFETCH(TokenVerdict, verdict);
        const QString good = fx_->newToken();
        TokenVerdict v = TokenVerdict::Unset;
        CheckinClaims claims = token::parseUnverified(good, &v).value();
        QByteArray priv;
        QByteArray pub;
        QVERIFY(token::generateKeyPair(&priv, &pub));
        QString text;
        if (kind == QLatin1String("forged")) {
            text = token::sign(claims, priv).value();
        } else if (kind == QLatin1String("altered")) {
            CheckinClaims c = claims;
            c.appointment_id = QStringLiteral("appt-2");
            text = QStringLiteral("MKCI1.") +
                   QString::fromLatin1(token::payloadOf(c).toBase64(
                       QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)) +
                   QLatin1Char('.') + good.section(QLatin1Char('.'), 2, 2);
        } else if (kind == QLatin1String("damaged")) {
            text = good.left(good.size() - 10);
        } else if (kind == QLatin1String("expired")) {
            text = good;
            fx_->setNow(QDateTime::fromSecsSinceEpoch(claims.expires_s + 1, Qt::UTC));
        } else if (kind == QLatin1String("other")) {
            claims.issuer = QStringLiteral("HOSP-OTHER");
            text = token::sign(claims, priv).value();
        } else if (kind == QLatin1String("url")) {
            text = QStringLiteral("https://hospital.example/checkin?appt=appt-1");
        } else if (kind == QLatin1String("random")) {
            text = QStringLiteral("q8Zk2!#x y");
        } else if (kind == QLatin1String("card")) {
            text = QStringLiteral("MKPATIENT:P00001001:19850312");
        } else {
            text = QStringLiteral("wxp://f2f0123456789");
        }
        QTRY_COMPARE_WITH_TIMEOUT(fx_->queuedCheckins(), 0, 15000);  // earlier cases drained
        const int requests = fx_->simRequests();
        const CheckinOutcome o = wait(fx_->service->checkIn(text));
        QCOMPARE(checkinStatusName(o.status), checkinStatusName(CheckinStatus::Refused));
        QCOMPARE(verdictName(o.verdict), verdictName(verdict));
        QVERIFY(!checkinMessage(o).isEmpty());
        QCOMPARE(fx_->simRequests(), requests);  // nothing was sent on its behalf
        QCOMPARE(fx_->queuedCheckins(), 0);
        QCOMPARE(fx_->sim->commandStats().checkins_applied, 0);
    }

    void arrivalWindow_data()
    {
        QTest::addColumn<int>("offset_min");
        QTest::addColumn<int>("expected");
        QTest::addColumn<bool>("other_day");
        QTest::newRow("61 min early") << -61 << int(CheckinStatus::TooEarly) << false;
        QTest::newRow("3 h early") << -180 << int(CheckinStatus::TooEarly) << false;
        QTest::newRow("2 days early") << -2 * 24 * 60 << int(CheckinStatus::TooEarly) << true;
        QTest::newRow("59 min early") << -59 << int(CheckinStatus::CheckedIn) << false;
        QTest::newRow("14 min late") << 14 << int(CheckinStatus::CheckedIn) << false;
        QTest::newRow("16 min late") << 16 << int(CheckinStatus::TooLate) << false;
    }

    void arrivalWindow()
    {
        QFETCH(int, offset_min);
        QFETCH(int, expected);
        QFETCH(bool, other_day);
        qint64 start_s = 0;
        const QString t = fx_->newToken(nullptr, &start_s);
        fx_->setNow(QDateTime::fromSecsSinceEpoch(start_s + offset_min * 60, Qt::UTC));
        QTRY_COMPARE_WITH_TIMEOUT(fx_->queuedCheckins(), 0, 15000);  // earlier cases drained
        const int requests = fx_->simRequests();
        const CheckinOutcome o = wait(fx_->service->checkIn(t));
        QCOMPARE(checkinStatusName(o.status), checkinStatusName(CheckinStatus(expected)));
        if (o.status != CheckinStatus::CheckedIn) {
            QCOMPARE(fx_->simRequests(), requests);
            QVERIFY(!checkinMessage(o).isEmpty());
            QVERIFY(o.window_opens.isValid());
            QCOMPARE(o.other_day, other_day);
            // Another day: the sentence names that day, not only a time that reads as today's.
            const QString day = o.slot_start.toString(QStringLiteral("yyyy-MM-dd"));
            QCOMPARE(checkinMessage(o).contains(day), other_day);
        }
    }

    void plainNumber()
    {
        QString id;
        fx_->newToken(&id);
        auto a = fx_->lookup->appointment(id);
        QVERIFY(a.ok());
        const CheckinOutcome o = wait(fx_->service->checkIn(a.value().appointment_number));
        QCOMPARE(checkinStatusName(o.status), checkinStatusName(CheckinStatus::CheckedIn));
        QVERIFY(!o.from_token);
        QCOMPARE(o.record.appointment_id, id);
        QVERIFY(o.record.visit_number > 0 && o.record.visit_number < 9000);

        const CheckinOutcome unknown =
            wait(fx_->service->checkIn(QStringLiteral("A20991231-0001")));
        QCOMPARE(unknown.status, CheckinStatus::NotFound);

        QString id2;
        fx_->newToken(&id2);
        auto b = fx_->lookup->appointment(id2);
        QVERIFY(b.ok());
        fx_->outage(true);
        const CheckinOutcome offline =
            wait(fx_->service->checkIn(QStringLiteral("MKAPPT:") + b.value().appointment_number));
        QCOMPARE(checkinStatusName(offline.status), checkinStatusName(CheckinStatus::NeedsPool));
        QCOMPARE(fx_->queuedCheckins(), 0);
        fx_->outage(false);
    }
};

QTEST_GUILESS_MAIN(TestCheckinService)
#include "tst_checkinservice.moc"

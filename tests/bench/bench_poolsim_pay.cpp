// The simulator's side of "tap Pay -> receipt" (issue 9 figures): one $pay on credit over HTTP on
// loopback (a QNetworkAccessManager client, the real simulator on its thread), per request, over
// 7 rounds of every payable seeded bill (the state reset between rounds). Prints the median, p95
// and min-max per request and the spread of the round medians. Asserts only that every payment
// was made once.
#include "../sim/SimTestUtil.h"
#include "payment/ExactJson.h"
#include "payment/FhirMoney.h"
#include "poolsim/SimulatorThread.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace mk::sim;
using namespace mk::sim::test;

namespace {

double quantile(QList<double> v, double q)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0.0 : v.at(qsizetype(q * double(v.size() - 1)));
}

QUrl control(const QUrl& base, const QString& path)
{
    QUrl u(base);
    u.setPath(path);
    return u;
}

}  // namespace

class BenchPoolSimPay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void payOnCredit_data();
    void payOnCredit();
};

void BenchPoolSimPay::payOnCredit_data()
{
    QTest::addColumn<bool>("on_disk");
    QTest::newRow("state in memory") << false;
    QTest::newRow("state.json on disk (as --demo)") << true;  // every POST writes it durably
}

void BenchPoolSimPay::payOnCredit()
{
    QFETCH(bool, on_disk);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SimulatorThread sim(options(on_disk ? dir.path() : QString()));
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QUrl base = sim.baseUrl();
    QStringList patients{QStringLiteral("pat-1001"), QStringLiteral("pat-1002"),
                         QStringLiteral("pat-1003")};
    for (int i = 1100; i < 1116; ++i) patients.append(QStringLiteral("pat-%1").arg(i));
    constexpr int kRounds = 7;
    QList<double> all_ms;
    QList<double> round_medians;
    int key = 0;
    for (int round = 0; round < kRounds; ++round) {
        QCOMPARE(
            call(QByteArrayLiteral("POST"), control(base, QStringLiteral("/_sim/reset"))).status,
            200);
        for (int i = 1100; i < 1116; ++i) {  // credit care for the generated adults (not timed)
            const QByteArray body =
                QStringLiteral(
                    R"({"resourceType":"Parameters","parameter":[)"
                    R"({"name":"patient","valueReference":{"reference":"Patient/pat-%1"}},)"
                    R"({"name":"agreementVersion","valueString":"1"},)"
                    R"({"name":"consent","valueBoolean":true},{"name":"verification","part":)"
                    R"([{"name":"method","valueCode":"face"},{"name":"score","valueDecimal":0.9}]}]})")
                    .arg(i)
                    .toUtf8();
            QCOMPARE(call(QByteArrayLiteral("POST"),
                          QUrl(base.toString() + QStringLiteral("/Account/$open-credit")), body,
                          {{QByteArrayLiteral("Idempotency-Key"),
                            QStringLiteral("open-%1-%2").arg(round).arg(i).toUtf8()}})
                         .status,
                     201);
        }
        QList<double> round_ms;
        for (const QString& patient : std::as_const(patients)) {
            const Reply bills =
                get(base, QStringLiteral("Invoice?subject=Patient/%1&status=issued").arg(patient));
            const QJsonObject bundle = mk::pay::parseExactJson(bills.body).value().object();
            for (const QJsonValue& e : bundle.value(QStringLiteral("entry")).toArray()) {
                const QJsonObject inv = e.toObject().value(QStringLiteral("resource")).toObject();
                const QString amount = mk::pay::readFhirMoney(inv.value(QStringLiteral("totalNet")),
                                                              QStringLiteral("net"))
                                           .value()
                                           .toDecimalText();
                const QByteArray body =
                    QStringLiteral(
                        R"({"resourceType":"Parameters","parameter":[{"name":"method","valueCode":)"
                        R"("credit"},{"name":"amount","valueMoney":{"value":%1,"currency":"CNY"}},)"
                        R"({"name":"verification","part":[{"name":"method","valueCode":"face"},)"
                        R"({"name":"score","valueDecimal":0.93}]}]})")
                        .arg(amount)
                        .toUtf8();
                QElapsedTimer t;
                t.start();
                const Reply paid = call(
                    QByteArrayLiteral("POST"),
                    QUrl(base.toString() + QStringLiteral("/Invoice/%1/$pay")
                                               .arg(inv.value(QStringLiteral("id")).toString())),
                    body, {{QByteArrayLiteral("Idempotency-Key"), QByteArray::number(++key)}});
                const double ms = double(t.nsecsElapsed()) / 1e6;
                QCOMPARE(paid.status, 200);
                round_ms.append(ms);
            }
        }
        QVERIFY(!round_ms.isEmpty());
        round_medians.append(quantile(round_ms, 0.5));
        all_ms += round_ms;
    }
    const Reply stats =
        call(QByteArrayLiteral("GET"), control(base, QStringLiteral("/_sim/stats")));
    QCOMPARE(stats.json().value(QStringLiteral("payments_applied")).toInt(),
             int(all_ms.size() / kRounds));  // the last round's, each bill once
    std::sort(round_medians.begin(), round_medians.end());
    qInfo(
        "poolsim $pay on credit, loopback HTTP round trip (client + simulator): %d payments in "
        "%d rounds: median %.2f ms, p95 %.2f ms, min %.2f, max %.2f; round medians %.2f-%.2f ms",
        int(all_ms.size()), kRounds, quantile(all_ms, 0.5), quantile(all_ms, 0.95),
        quantile(all_ms, 0.0), quantile(all_ms, 1.0), round_medians.first(), round_medians.last());
}

QTEST_GUILESS_MAIN(BenchPoolSimPay)
#include "bench_poolsim_pay.moc"

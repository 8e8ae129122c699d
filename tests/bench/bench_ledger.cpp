// Benchmarks of payment/: verifyLedger over 100,000 in-memory entries (what
// "medkioskctl pay ledger verify" does after reading the rows), building the chain, and the money
// parser's throughput. Prints median and spread (min-max) of several rounds; asserts only that
// the work was done right, never on timing.
#include "payment/ExactJson.h"
#include "payment/FhirMoney.h"
#include "payment/Ledger.h"
#include "payment/Money.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace mk::pay;

namespace {

constexpr int kRows = 100'000;
constexpr int kRounds = 7;

struct Figures {
    double median = 0;
    double min = 0;
    double max = 0;
};

Figures figures(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return Figures{values.at(values.size() / 2), values.front(), values.back()};
}

QList<LedgerEntry> buildChain(int n)
{
    QList<LedgerEntry> rows;
    rows.reserve(n);
    for (int i = 0; i < n; ++i) {
        LedgerEntry row;
        row.time_ms = 1'796'000'000'000 + i * 1000LL;
        row.invoiceId =
            QStringLiteral("inv-%1-%2").arg(20261204).arg(i / 2, 6, 10, QLatin1Char('0'));
        row.amount = Money::fen(100 + (i * 37) % 50'000);
        row.method = QStringLiteral("credit");
        row.idempotencyKey =
            QStringLiteral("6f1c2d3e-4b5a-4c6d-8e7f-%1").arg(i / 2, 12, 10, QLatin1Char('0'));
        row.result = i % 2 == 0 ? QStringLiteral("attempt") : QStringLiteral("paid");
        rows.append(appendLedgerEntry(rows.isEmpty() ? nullptr : &rows.last(), row));
    }
    return rows;
}

}  // namespace

class BenchLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verify100k();
    void moneyParse();
};

void BenchLedger::verify100k()
{
    QElapsedTimer build;
    build.start();
    const QList<LedgerEntry> rows = buildChain(kRows);
    const double build_ms = static_cast<double>(build.nsecsElapsed()) / 1e6;
    std::vector<double> verify_ms;
    for (int r = 0; r < kRounds; ++r) {
        QElapsedTimer t;
        t.start();
        const LedgerVerification v = verifyLedger(rows);
        verify_ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        QVERIFY2(v.ok, qPrintable(v.message));
        QCOMPARE(v.rowsChecked, qint64(kRows));
    }
    // A tampered copy is found (and costs no more than a full pass).
    QList<LedgerEntry> tampered = rows;
    tampered[kRows - 10].amount = Money::fen(1);
    QElapsedTimer t;
    t.start();
    const LedgerVerification bad = verifyLedger(tampered);
    const double tampered_ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    QCOMPARE(bad.problem, LedgerProblem::Altered);
    QCOMPARE(bad.seq, qint64(kRows - 9));
    const Figures f = figures(verify_ms);
    std::printf("bench_ledger: verifyLedger over %d in-memory entries, %d rounds\n", kRows,
                kRounds);
    std::printf("  verify                %8.1f ms median (min %.1f, max %.1f)  = %.0f rows/s\n",
                f.median, f.min, f.max, kRows / (f.median / 1000.0));
    std::printf("  build chain (once)    %8.1f ms\n", build_ms);
    std::printf("  find altered row %d   %8.1f ms\n", kRows - 9, tampered_ms);
}

void BenchLedger::moneyParse()
{
    QStringList texts;
    for (int i = 0; i < 1000; ++i)
        texts.append(Money::fen(static_cast<qint64>(i) * 7919 % 10'000'000).toDecimalText());
    texts.append(QStringLiteral("0.29"));
    texts.append(QStringLiteral("1.1"));
    constexpr int kRepeat = 200;
    std::vector<double> rates;
    qint64 sum = 0;
    for (int r = 0; r < kRounds; ++r) {
        QElapsedTimer t;
        t.start();
        for (int k = 0; k < kRepeat; ++k) {
            for (const QString& text : texts) sum += Money::fromDecimalText(text).value().toFen();
        }
        const double s = static_cast<double>(t.nsecsElapsed()) / 1e9;
        rates.push_back(static_cast<double>(texts.size()) * kRepeat / s);
    }
    QVERIFY(sum > 0);
    // Whole documents: a 4-line Invoice-sized JSON through the exact reader + readFhirMoney.
    const QByteArray doc =
        R"({"lineItem":[{"a":{"value":50.00,"currency":"CNY"}},)"
        R"({"a":{"value":25.00,"currency":"CNY"}},{"a":{"value":120.00,"currency":"CNY"}},)"
        R"({"a":{"value":28.60,"currency":"CNY"}}],"totalNet":{"value":107.80,"currency":"CNY"}})";
    std::vector<double> docRates;
    for (int r = 0; r < kRounds; ++r) {
        QElapsedTimer t;
        t.start();
        constexpr int kDocs = 20'000;
        for (int k = 0; k < kDocs; ++k) {
            auto parsed = parseExactJson(doc);
            auto m = readFhirMoney(parsed.value().object().value(u"totalNet"),
                                   QStringLiteral("totalNet"));
            sum += m.value().toFen();
        }
        docRates.push_back(kDocs / (static_cast<double>(t.nsecsElapsed()) / 1e9));
    }
    const Figures f = figures(rates);
    const Figures d = figures(docRates);
    std::printf("bench_ledger: money parsing, %d rounds\n", kRounds);
    std::printf("  Money::fromDecimalText %8.2f M texts/s median (min %.2f, max %.2f)\n",
                f.median / 1e6, f.min / 1e6, f.max / 1e6);
    std::printf("  parseExactJson+Money   %8.0f docs/s median (min %.0f, max %.0f), %d-byte doc\n",
                d.median, d.min, d.max, static_cast<int>(doc.size()));
}

QTEST_GUILESS_MAIN(BenchLedger)
#include "bench_ledger.moc"

// Figures of issue 15, against the simulator on loopback:
//  1. token request -> token: one POST to the token endpoint with a new ES384 client assertion
//     (signed by libjwt, verified by the simulator with cjose), 60 times; median and spread.
//  2. the added cost per FHIR request with a cached token: the slot search of bench_slotsearch
//     (dept-ped, 30 schedules, one day, 1350 slots in 7 pages) through PoolClient without
//     authentication vs through AuthTransport with a cached token (the simulator checks the
//     token and its scopes on every page), 210 searches each, interleaved one by one; ratio of
//     the medians (~1.0). Also single GETs, interleaved.
#include "core/identity/AccessTokens.h"
#include "core/identity/KioskIdentity.h"
#include "core/pool/AuthTransport.h"
#include "core/pool/CurlTransport.h"
#include "core/pool/PoolClient.h"
#include "poolsim/SimulatorThread.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace mk;
using namespace mk::pool;

namespace {

constexpr int kTokenRuns = 60;
constexpr int kRounds = 7;
constexpr int kSearchesPerRound = 30;
constexpr int kProbePairs = 300;
const QDate kDay(2030, 1, 7);

struct Figures {
    double median = 0;
    double min = 0;
    double max = 0;
    double p90 = 0;
};

Figures summarize(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return Figures{v.at(v.size() / 2), v.first(), v.last(), v.at((v.size() * 9) / 10)};
}

}  // namespace

class BenchKioskAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenAndCachedTokenCost()
    {
        sim::SimOptions so;
        so.first_day = kDay;
        so.require_auth = false;  // both clients on one server; a sent token is still checked
        sim::SimulatorThread sim(so);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));

        QTemporaryDir dir;
        auto id = identity::KioskIdentity::load(dir.filePath(u"k.pem"_qs), QString(), true);
        QVERIFY(id);
        QVERIFY(sim.registerClient(u"KIOSK-BENCH"_qs, QJsonDocument(id.value().jwks()).toJson()));
        auto plain = std::make_shared<CurlTransport>(TransportOptions{});
        identity::AuthOptions a;
        a.client_id = u"KIOSK-BENCH"_qs;
        a.base_url = sim.baseUrl();
        a.token_url = QUrl(sim.tokenUrl());
        auto tokens = std::make_shared<identity::AccessTokens>(a, id.value(), plain);

        // 1. Token request -> token.
        QList<double> token_ms;
        for (int i = 0; i < kTokenRuns + 3; ++i) {
            QElapsedTimer t;
            t.start();
            const auto tok = tokens->token();
            const double ms = double(t.nsecsElapsed()) / 1e6;
            QVERIFY(tok.ok());
            tokens->invalidate(tok.value());
            if (i >= 3) token_ms.append(ms);  // the first ones warm up
        }
        const Figures tf = summarize(token_ms);
        std::printf(
            "bench_kioskauth: token request -> token (ES384 assertion, loopback "
            "simulator), %d runs: median %.2f ms (min %.2f, p90 %.2f, max %.2f)\n",
            kTokenRuns, tf.median, tf.min, tf.p90, tf.max);

        // 2. Slot search, no authentication vs a cached token.
        PoolOptions po;
        po.base_url = sim.baseUrl();
        po.request_timeout_ms = 30000;
        PoolClient bare(po);
        PoolClient authed(po, std::make_unique<AuthTransport>(plain, tokens));
        const auto doctors = bare.doctors(u"dept-ped"_qs);
        QVERIFY(doctors.ok());
        SlotQuery query;
        query.day = kDay;
        for (const fhir::Doctor& d : doctors.value()) query.schedule_ids.append(d.schedule_id);
        QCOMPARE(bare.slots(query).value().size(), 30 * 45);
        QCOMPARE(authed.slots(query).value().size(), 30 * 45);
        const quint64 token_requests = tokens->tokenRequests();
        // Searches interleaved one by one (bare, authed, authed, bare, ...), each timed: a busy
        // machine slows both sides alike instead of whole rounds of one side.
        QList<double> bare_rates;
        QList<double> auth_rates;
        for (int i = 0; i < 2 * kRounds * kSearchesPerRound; ++i) {
            const bool auth_turn = (i % 2 == 0) == ((i / 2) % 2 == 0);
            PoolClient& c = auth_turn ? authed : bare;
            QElapsedTimer t;
            t.start();
            QVERIFY(c.slots(query).ok());
            const double rate = 1e9 / double(std::max<qint64>(1, t.nsecsElapsed()));
            (auth_turn ? auth_rates : bare_rates).append(rate);
        }
        // Per request, interleaved one by one (less exposed to a busy machine than rounds):
        // the probe GET HealthcareService?_count=1, bare vs with the cached token.
        QList<double> bare_ms;
        QList<double> auth_ms;
        AuthTransport auth_transport(plain, tokens);
        HttpRequest probe;
        probe.url = QUrl(sim.baseUrl().toString() + u"/HealthcareService?_count=1"_qs);
        for (int i = 0; i < 2 * kProbePairs; ++i) {
            const bool auth_turn = (i % 2 == 0) == ((i / 2) % 2 == 0);
            QElapsedTimer t;
            t.start();
            const auto r = auth_turn ? auth_transport.perform(probe) : plain->perform(probe);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            QVERIFY(r.ok() && r.value().status == 200);
            (auth_turn ? auth_ms : bare_ms).append(ms);
        }
        QCOMPARE(tokens->tokenRequests(), token_requests);  // the token stayed cached
        const Figures b = summarize(bare_rates);
        const Figures w = summarize(auth_rates);
        std::printf(
            "  slot search, no authentication  %7.1f searches/s median (min %.1f, max "
            "%.1f)\n",
            b.median, b.min, b.max);
        std::printf(
            "  slot search, cached token       %7.1f searches/s median (min %.1f, max "
            "%.1f)\n",
            w.median, w.min, w.max);
        std::printf("  ratio cached token / no authentication (medians): %.3f\n",
                    w.median / b.median);
        const Figures pb = summarize(bare_ms);
        const Figures pa = summarize(auth_ms);
        std::printf(
            "  one GET, no authentication      %.3f ms median (min %.3f, p90 %.3f), %d "
            "requests\n",
            pb.median, pb.min, pb.p90, kProbePairs);
        std::printf("  one GET, cached token           %.3f ms median (min %.3f, p90 %.3f)\n",
                    pa.median, pa.min, pa.p90);
        std::printf("  ratio per request (medians): %.3f\n", pa.median / pb.median);
        std::fflush(stdout);
    }
};

QTEST_GUILESS_MAIN(BenchKioskAuth)
#include "bench_kioskauth.moc"

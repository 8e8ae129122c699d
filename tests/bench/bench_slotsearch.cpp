// Slot search throughput: PoolClient::slots (HTTP, paging, parsing; the next page asked for while
// one is parsed), the same client asking one page after another, and a plain libcurl loop
// issuing the same GET requests (all pages, one kept-alive connection as the client's, bodies
// discarded, no parsing), both against the simulator on loopback. Prints searches/s (median,
// min-max of 7 rounds), the ratio client/raw, and the client's parse alone in ms per search (its
// one pass over a well-formed page, and the checked parse it falls back on).
#include "core/fhir/FhirBundle.h"
#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirSlotPage.h"
#include "core/pool/CurlTransport.h"
#include "core/pool/PoolClient.h"
#include "poolsim/SimulatorThread.h"

#include <QElapsedTimer>
#include <QTest>

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>

using namespace mk;
using namespace mk::pool;

namespace {

constexpr int kRounds = 7;
constexpr int kSearchesPerRound = 40;
const QDate kDay(2030, 1, 7);

// Records the URL of every request that goes through it, then hands it to curl.
class RecordingTransport : public HttpTransport
{
public:
    explicit RecordingTransport(TransportOptions o) : curl_(std::move(o)) {}
    Result<HttpResponse> perform(const HttpRequest& request) override
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            urls_.append(request.url);
        }
        QElapsedTimer timer;
        timer.start();
        Result<HttpResponse> r = curl_.perform(request);
        http_ns_.fetch_add(timer.nsecsElapsed());
        return r;
    }
    bool threadSafe() const override { return curl_.threadSafe(); }
    // Nanoseconds spent in HTTP exchanges since the last call (with the next page asked for
    // while one is parsed, two exchanges can overlap: this is their sum).
    qint64 takeHttpNs() { return http_ns_.exchange(0); }
    QList<QUrl> take()
    {
        std::lock_guard<std::mutex> lock(mutex_);
        return std::exchange(urls_, {});
    }

private:
    CurlTransport curl_;
    std::mutex mutex_;
    QList<QUrl> urls_;
    std::atomic<qint64> http_ns_{0};
};

size_t discard(char* /*data*/, size_t size, size_t count, void* user)
{
    const size_t bytes = size * count;
    *static_cast<qint64*>(user) += qint64(bytes);
    return bytes;
}

size_t keep(char* data, size_t size, size_t count, void* user)
{
    const size_t bytes = size * count;
    static_cast<QByteArray*>(user)->append(data, qsizetype(bytes));
    return bytes;
}

// A plain libcurl loop with one easy handle, so its connection is kept alive between GETs as
// CurlTransport keeps the client's (the floor the client is compared with).
class RawCurl
{
public:
    RawCurl()
        : h_(curl_easy_init()),
          headers_(curl_slist_append(nullptr, "Accept: application/fhir+json"))
    {
        curl_easy_setopt(h_, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(h_, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(h_, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
        curl_easy_setopt(h_, CURLOPT_TIMEOUT_MS, 30000L);
        curl_easy_setopt(h_, CURLOPT_HTTPHEADER, headers_);
    }
    ~RawCurl()
    {
        curl_slist_free_all(headers_);
        curl_easy_cleanup(h_);
    }
    RawCurl(const RawCurl&) = delete;
    RawCurl& operator=(const RawCurl&) = delete;

    // One GET; its body counted (and kept when `body` is given). False on any failure.
    bool get(const QByteArray& url, qint64* bytes, QByteArray* body = nullptr)
    {
        curl_easy_setopt(h_, CURLOPT_URL, url.constData());
        if (body != nullptr) {
            body->clear();
            curl_easy_setopt(h_, CURLOPT_WRITEFUNCTION, &keep);
            curl_easy_setopt(h_, CURLOPT_WRITEDATA, body);
        } else {
            curl_easy_setopt(h_, CURLOPT_WRITEFUNCTION, &discard);
            curl_easy_setopt(h_, CURLOPT_WRITEDATA, bytes);
        }
        const CURLcode rc = curl_easy_perform(h_);
        long status = 0;
        curl_easy_getinfo(h_, CURLINFO_RESPONSE_CODE, &status);
        if (body != nullptr) *bytes += body->size();
        return rc == CURLE_OK && status == 200;
    }

private:
    CURL* h_;
    curl_slist* headers_;
};

struct Figures {
    double median = 0;
    double min = 0;
    double max = 0;
};

Figures summarize(QList<double> rates)
{
    std::sort(rates.begin(), rates.end());
    Figures f;
    f.min = rates.first();
    f.max = rates.last();
    f.median = rates.at(rates.size() / 2);
    return f;
}

}  // namespace

class BenchSlotSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientVersusRawCurl()
    {
        mk::sim::SimOptions so;
        so.first_day = kDay;
        so.require_auth = false;  // the unauthenticated baseline
        mk::sim::SimulatorThread sim(so);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));

        PoolOptions po;
        po.base_url = sim.baseUrl();
        po.request_timeout_ms = 30000;
        auto transport = std::make_unique<RecordingTransport>(TransportOptions{});
        RecordingTransport* recorder = transport.get();
        PoolClient client(po, std::move(transport));
        PoolOptions serial_options = po;  // the same client asking one page after another
        serial_options.prefetch_next_page = false;
        PoolClient serial(serial_options, std::make_unique<CurlTransport>(TransportOptions{}));

        const auto doctors = client.doctors(QStringLiteral("dept-ped"));
        QVERIFY(doctors.ok());
        QCOMPARE(doctors.value().size(), 30);
        SlotQuery query;
        query.day = kDay;
        for (const fhir::Doctor& d : doctors.value()) query.schedule_ids.append(d.schedule_id);

        recorder->take();
        const auto first = client.slots(query);  // also the warm-up
        QVERIFY(first.ok());
        const qsizetype slot_count = first.value().size();
        QCOMPARE(slot_count, 30 * 45);
        QList<QByteArray> pages;
        for (const QUrl& u : recorder->take()) pages.append(u.toEncoded());
        QCOMPARE(pages.size(), (slot_count + 199) / 200);
        RawCurl raw;
        qint64 bytes = 0;
        QList<QByteArray> bodies;
        for (const QByteArray& u : std::as_const(pages)) {
            QByteArray body;
            QVERIFY(raw.get(u, &bytes, &body));
            bodies.append(body);
        }
        const qint64 bytes_per_search = bytes;

        QList<double> client_rates;
        QList<double> serial_rates;
        QList<double> raw_rates;
        QList<double> client_http_ms;  // per search, of the client's time
        QList<double> client_rest_ms;
        for (int round = 0; round < kRounds; ++round) {
            for (int pass = 0; pass < 3; ++pass) {
                const int turn = (pass + round) % 3;  // rotate who goes first
                const bool client_turn = turn == 0;
                const bool serial_turn = turn == 1;
                QElapsedTimer timer;
                timer.start();
                recorder->takeHttpNs();
                for (int i = 0; i < kSearchesPerRound; ++i) {
                    if (client_turn || serial_turn) {
                        const auto r = (client_turn ? client : serial).slots(query);
                        QVERIFY(r.ok());
                        QCOMPARE(r.value().size(), slot_count);
                    } else {
                        qint64 discarded = 0;
                        for (const QByteArray& u : std::as_const(pages)) {
                            QVERIFY(raw.get(u, &discarded));
                        }
                        QCOMPARE(discarded, bytes_per_search);
                    }
                }
                const double rate =
                    kSearchesPerRound * 1000.0 / double(std::max<qint64>(1, timer.elapsed()));
                (client_turn ? client_rates : serial_turn ? serial_rates : raw_rates).append(rate);
                if (client_turn) {
                    const double http = double(recorder->takeHttpNs()) / 1e6 / kSearchesPerRound;
                    client_http_ms.append(http);
                    client_rest_ms.append(1000.0 / rate - http);
                }
            }
            recorder->take();
        }
        // The client's parse alone, no network: the one pass it makes over a well-formed page
        // (fhir::parser::plainSlotPage), and the checked parse (Bundle, then each Slot) that
        // reads any other page.
        QList<double> plain_ms;
        QList<double> checked_ms;
        for (int round = 0; round < kRounds; ++round) {
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < kSearchesPerRound; ++i) {
                qsizetype parsed = 0;
                for (const QByteArray& body : std::as_const(bodies)) {
                    const auto page = fhir::parser::plainSlotPage(body, po.base_url);
                    QVERIFY(page.has_value());
                    parsed += page->slots.size();
                }
                QCOMPARE(parsed, slot_count);
            }
            plain_ms.append(double(timer.nsecsElapsed()) / 1e6 / kSearchesPerRound);
            timer.restart();
            for (int i = 0; i < kSearchesPerRound; ++i) {
                qsizetype parsed = 0;
                for (const QByteArray& body : std::as_const(bodies)) {
                    const auto b = fhir::parser::bundle(body, po.base_url);
                    QVERIFY(b.ok());
                    for (const fhir::BundleEntry& e : b.value().entries) {
                        QVERIFY(fhir::parser::slotFromJson(e.resource).ok());
                        ++parsed;
                    }
                }
                QCOMPARE(parsed, slot_count);
            }
            checked_ms.append(double(timer.nsecsElapsed()) / 1e6 / kSearchesPerRound);
        }
        const Figures c = summarize(client_rates);
        const Figures r = summarize(raw_rates);
        const Figures s = summarize(serial_rates);
        std::printf(
            "bench_slotsearch: dept-ped, %d schedules, one day, %lld slots in %lld pages "
            "of _count=200, %lld bytes per search; %d rounds x %d searches\n",
            int(query.schedule_ids.size()), qlonglong(slot_count), qlonglong(pages.size()),
            qlonglong(bytes_per_search), kRounds, kSearchesPerRound);
        std::printf("  PoolClient::slots   %7.1f searches/s median (min %.1f, max %.1f)\n",
                    c.median, c.min, c.max);
        std::printf("  raw libcurl GETs    %7.1f searches/s median (min %.1f, max %.1f)\n",
                    r.median, r.min, r.max);
        std::printf("  ratio client/raw    %.2f\n", c.median / r.median);
        std::printf(
            "  PoolClient::slots, one page after another (prefetch_next_page off): %.1f "
            "searches/s median (min %.1f, max %.1f), ratio to raw %.2f\n",
            s.median, s.min, s.max, s.median / r.median);
        const Figures h = summarize(client_http_ms);
        const Figures o = summarize(client_rest_ms);
        std::printf(
            "  client per search   %.2f ms in HTTP (min %.2f, max %.2f), %.2f ms outside it "
            "(min %.2f, max %.2f)\n",
            h.median, h.min, h.max, o.median, o.min, o.max);
        const Figures p = summarize(plain_ms);
        const Figures k = summarize(checked_ms);
        std::printf(
            "  client parse alone  %7.2f ms per search median (min %.2f, max %.2f); the "
            "checked parse %.2f ms (min %.2f, max %.2f)\n",
            p.median, p.min, p.max, k.median, k.min, k.max);
        std::fflush(stdout);
        QCOMPARE(client.stats().failures.load(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(BenchSlotSearch)
#include "bench_slotsearch.moc"

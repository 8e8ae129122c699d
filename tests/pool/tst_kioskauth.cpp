// The kiosk authenticated to the pool as itself (issue 15), against the real simulator, which
// enforces SMART Backend Services: each case names what the patient and staff see (AuthStatus:
// outOfService() -> the patient's "out of service" page and the staff sentence; Unreachable ->
// the usual "cannot reach the hospital system") and checks the outbox: a command waits (queued,
// no attempt counted, never dead) while the kiosk is not authorised, and is applied exactly once
// when it is again.
#include "core/identity/AccessTokens.h"
#include "core/identity/ClientAssertion.h"
#include "core/identity/KioskIdentity.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/pool/AuthTransport.h"
#include "core/pool/CurlTransport.h"
#include "core/pool/PoolClient.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace mk;
using namespace mk::identity;
using mk::sim::SimulatorThread;

namespace {

const QString kKiosk = QStringLiteral("KIOSK-T-01");

bool waitFor(const std::function<bool()>& pred, int timeout_ms = 20000)
{
    return QTest::qWaitFor(pred, timeout_ms);
}

// The relay's sender, counted: every probe and send the relay starts. A check that a command
// waits (nothing sent, no attempt counted) looks after the relay has started two more calls: the
// loop round of the first one is over by then, whatever it would have done with the command.
class CountingSender : public outbox::CommandSender
{
public:
    explicit CountingSender(std::unique_ptr<outbox::CommandSender> inner) : inner_(std::move(inner))
    {}
    outbox::SendOutcome send(const outbox::OutboxRecord& record) override
    {
        sends_.fetch_add(1);
        return inner_->send(record);
    }
    Status probe() override
    {
        probes_.fetch_add(1);
        return inner_->probe();
    }
    int sends() const { return sends_.load(); }
    int calls() const { return sends_.load() + probes_.load(); }

private:
    std::unique_ptr<outbox::CommandSender> inner_;
    std::atomic<int> sends_{0};
    std::atomic<int> probes_{0};
};

store::SecureKey storeKey()
{
    return store::SecureKey(QByteArray(store::SecureKey::kSizeBytes, 'k'));
}

// Every log line of the process, for the grep of item 5.
QMutex g_log_mutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;
void capture(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_log_mutex);
        g_log.append(message);
    }
    if (type != QtDebugMsg && g_previous != nullptr) g_previous(type, context, message);
}

// One kiosk: its identity, tokens, pool client and (on demand) outbox with its relay.
struct Kiosk {
    QTemporaryDir dir;
    std::shared_ptr<pool::HttpTransport> plain;
    std::shared_ptr<AccessTokens> tokens;
    std::unique_ptr<pool::PoolClient> client;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<outbox::Outbox> outbox;
    std::unique_ptr<CountingSender> sender;  // over a PoolCommandSender
    std::unique_ptr<outbox::Relay> relay;
    std::optional<KioskIdentity> identity;

    explicit Kiosk(const QUrl& base_url, bool with_key = true, qint64 clock_offset_s = 0)
    {
        pool::TransportOptions t;
        t.connect_timeout_ms = 2000;
        t.request_timeout_ms = 4000;
        plain = std::make_shared<pool::CurlTransport>(t);
        Result<KioskIdentity> id =
            with_key ? KioskIdentity::load(keyFile(), QString(), true)
                     : Result<KioskIdentity>(makeError(ErrorCode::Config, u"no key (test)"_qs));
        if (id) identity = id.value();
        AuthOptions a;
        a.client_id = kKiosk;
        a.base_url = base_url;
        a.key_file = keyFile();
        tokens = std::make_shared<AccessTokens>(a, id, plain);
        if (clock_offset_s != 0) {
            tokens->setClock(
                [clock_offset_s] { return QDateTime::currentSecsSinceEpoch() + clock_offset_s; });
        }
        pool::PoolOptions p;
        p.base_url = base_url;
        p.max_attempts = 2;
        p.backoff_base_ms = 10;
        client = std::make_unique<pool::PoolClient>(
            p, std::make_unique<pool::AuthTransport>(plain, tokens));
    }
    ~Kiosk()
    {
        if (relay) relay->stop();
    }
    QString keyFile() const { return dir.filePath(u"identity/kiosk-key.pem"_qs); }
    QByteArray jwks() const { return QJsonDocument(identity->jwks()).toJson(); }

    void startOutbox(const QUrl& base_url)
    {
        store = store::Store::open(dir.filePath(u"store.db"_qs), storeKey()).value();
        outbox = std::make_unique<outbox::Outbox>(*store);
        sender = std::make_unique<CountingSender>(std::make_unique<outbox::PoolCommandSender>(
            base_url, std::make_unique<pool::AuthTransport>(plain, tokens)));
        outbox::RelayOptions o;
        o.backoff.base_ms = 5;
        o.backoff.cap_ms = 50;
        o.probe_interval_ms = 50;
        o.unauthorised_probe_interval_ms = 200;
        o.idle_poll_ms = 50;
        relay = std::make_unique<outbox::Relay>(*outbox, *sender, o);
        relay->start();
    }
    outbox::OutboxRecord record(qint64 id) const
    {
        const auto all = outbox->list(std::nullopt, 100).value();
        for (const auto& r : all)
            if (r.id == id) return r;
        return {};
    }
    AuthState state() const { return tokens->status().state; }
    // Two more calls of the relay to the pool (probes while it waits): see CountingSender.
    bool twoMoreRelayRounds() const
    {
        const int calls = sender->calls();
        return waitFor([&] { return sender->calls() >= calls + 2; });
    }
};

}  // namespace

class TestKioskAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void registeredKioskGetsAndReusesItsToken();
    void discoveryAndScopesAreTheDocumentedOnes();
    void noKey();
    void unregisteredKiosk();
    void unregisteredKeyOfAKnownKiosk();
    void revokedMidSessionThenRegisteredAgain();
    void expiredAssertionAndReplay();
    void tokenExpiredMidSession();
    void tooLittleScope();
    void paymentsCarryTheKiosksIdentity();
    void clockSkew_data();
    void clockSkew();
    void tokenEndpointDownWhilePoolUp();
    void rotatedKeyIsPromotedOnceAccepted();
    void requestWithoutTokenIsRefused();
    void keysAndTokensNeverLogged();

private:
    std::unique_ptr<SimulatorThread> sim_;
};

void TestKioskAuth::initTestCase()
{
    qputenv("QT_LOGGING_RULES", "medkiosk.*=true");
    g_previous = qInstallMessageHandler(capture);
}

void TestKioskAuth::init()
{
    sim::SimOptions o;  // enforces authorisation (the default)
    sim_ = std::make_unique<SimulatorThread>(o);
    QString error;
    QVERIFY2(sim_->start(&error), qPrintable(error));
}

void TestKioskAuth::registeredKioskGetsAndReusesItsToken()
{
    Kiosk k(sim_->baseUrl());
    QVERIFY(sim_->registerClient(kKiosk, k.jwks()));
    QVERIFY(k.client->departments().ok());
    QVERIFY(k.client->departments().ok());
    QCOMPARE(k.tokens->tokenRequests(), quint64(1));  // cached
    QCOMPARE(k.state(), AuthState::Authorised);
    QVERIFY(!k.tokens->status().outOfService());
    QCOMPARE(sim_->authStats().tokens_issued, 1);
}

void TestKioskAuth::discoveryAndScopesAreTheDocumentedOnes()
{
    Kiosk k(sim_->baseUrl());
    QVERIFY(sim_->registerClient(kKiosk, k.jwks()));
    QVERIFY(k.tokens->token().ok());
    QCOMPARE(k.tokens->tokenUrl().toString(), sim_->tokenUrl());  // from smart-configuration
    QCOMPARE(AuthOptions::kioskScopes(), mk::sim::SimClients::kioskScopes());
}

void TestKioskAuth::noKey()
{
    Kiosk k(sim_->baseUrl(), false);
    auto r = k.client->departments();
    QVERIFY(!r.ok());
    QVERIFY(isNotAuthorised(r.error()));
    // Staff: "no usable identity key"; patient: out of service.
    QCOMPARE(k.state(), AuthState::NoKey);
    QVERIFY(k.tokens->status().outOfService());
    QVERIFY(!AuthText::staff(k.tokens->status()).isEmpty());
    QCOMPARE(k.tokens->tokenRequests(), quint64(0));
    const QStringList a = sim_->createAppointments(1);
    k.startOutbox(sim_->baseUrl());
    const qint64 id = k.outbox->enqueue(outbox::checkInCommand(a[0])).value();
    k.relay->wake();
    QVERIFY(waitFor([&] { return !k.relay->status().authorised; }));
    QVERIFY(k.twoMoreRelayRounds());                             // probes while refused
    QCOMPARE(k.record(id).state, outbox::CommandState::Queued);  // waits, never dead
    QCOMPARE(k.record(id).attempts, 0);
    QCOMPARE(k.sender->sends(), 0);
}

void TestKioskAuth::unregisteredKiosk()
{
    Kiosk k(sim_->baseUrl());
    auto r = k.client->departments();
    QVERIFY(!r.ok());
    QVERIFY(isNotAuthorised(r.error()));
    QCOMPARE(k.state(), AuthState::Refused);
    QVERIFY(k.tokens->status().detail.contains(u"not registered"_qs));
    QVERIFY(k.tokens->status().outOfService());
    // Never a loop of retries: further requests fail at once without asking again.
    const quint64 asked = k.tokens->tokenRequests();
    for (int i = 0; i < 5; ++i) QVERIFY(!k.client->departments().ok());
    QCOMPARE(k.tokens->tokenRequests(), asked);
    QCOMPARE(sim_->authStats().token_refusals, int(asked));
}

void TestKioskAuth::unregisteredKeyOfAKnownKiosk()
{
    Kiosk other(sim_->baseUrl());
    QVERIFY(sim_->registerClient(kKiosk, other.jwks()));  // the id is known, with another key
    QTemporaryDir dir;
    Kiosk k(sim_->baseUrl());
    QVERIFY(k.identity->current().kid() != other.identity->current().kid());
    QVERIFY(!k.client->departments().ok());
    QCOMPARE(k.state(), AuthState::Refused);
    QVERIFY(k.tokens->status().detail.contains(u"is not registered"_qs));
}

void TestKioskAuth::revokedMidSessionThenRegisteredAgain()
{
    Kiosk k(sim_->baseUrl());
    QVERIFY(sim_->registerClient(kKiosk, k.jwks()));
    QVERIFY(k.client->departments().ok());
    const QStringList a = sim_->createAppointments(1);
    const auto before = sim_->commandStats();

    QVERIFY(sim_->revokeClient(kKiosk));  // its token stops working at once
    auto r = k.client->departments();
    QVERIFY(!r.ok());
    QCOMPARE(k.state(), AuthState::Refused);
    QVERIFY(k.tokens->status().detail.contains(u"revoked"_qs));

    k.startOutbox(sim_->baseUrl());
    const qint64 id = k.outbox->enqueue(outbox::checkInCommand(a[0])).value();
    k.relay->wake();
    QVERIFY(waitFor([&] { return !k.relay->status().authorised; }));
    QVERIFY(k.twoMoreRelayRounds());  // probes while refused: still waiting, nothing burnt
    QCOMPARE(k.record(id).state, outbox::CommandState::Queued);
    QCOMPARE(k.record(id).attempts, 0);
    QCOMPARE(sim_->commandStats().checkins_applied, before.checkins_applied);

    QVERIFY(sim_->registerClient(kKiosk, k.jwks()));  // IT registers the kiosk again
    k.tokens->retryNow();
    k.relay->recheckNow();
    QVERIFY(waitFor([&] { return k.record(id).state == outbox::CommandState::Sent; }));
    QCOMPARE(k.state(), AuthState::Authorised);
    const auto after = sim_->commandStats();
    QCOMPARE(after.checkins_applied - before.checkins_applied, 1);  // exactly once
    QCOMPARE(after.duplicate_commands, before.duplicate_commands);
}

void TestKioskAuth::expiredAssertionAndReplay()
{
    Kiosk k(sim_->baseUrl());
    QVERIFY(sim_->registerClient(kKiosk, k.jwks()));
    // Hand-made requests with assertions signed by the kiosk's key (libjwt).
    const auto post = [&](const QByteArray& assertion) {
        pool::HttpRequest req;
        req.method = "POST";
        req.url = QUrl(sim_->tokenUrl());
        req.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
        req.body =
            "grant_type=client_credentials&scope=system%2FSlot.rs&client_assertion_type="
            "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
            "&client_assertion=" +
            assertion;
        return k.plain->perform(req).value();
    };
    AssertionClaims c;
    c.client_id = kKiosk;
    c.audience = sim_->tokenUrl();
    c.issued_at_s = QDateTime::currentSecsSinceEpoch() - 3600;  // expired an hour ago
    auto expired = post(signClientAssertion(k.identity->current(), c).value());
    QCOMPARE(expired.status, 401);
    QVERIFY(expired.body.contains("invalid_client"));
    QVERIFY(expired.body.contains("expired"));

    c.issued_at_s = QDateTime::currentSecsSinceEpoch();
    const QByteArray once = signClientAssertion(k.identity->current(), c).value();
    QCOMPARE(post(once).status, 200);
    auto replay = post(once);
    QCOMPARE(replay.status, 401);
    QVERIFY(replay.body.contains("replay"));

    c.audience = sim_->baseUrl().toString();  // wrong aud
    QCOMPARE(post(signClientAssertion(k.identity->current(), c).value()).status, 401);
}

void TestKioskAuth::tokenExpiredMidSession()
{
    Kiosk k(sim_->baseUrl());
    QVERIFY(sim_->registerClient(kKiosk, k.jwks()));
    QVERIFY(k.client->departments().ok());
    sim_->expireTokens();  // the pool ends every token (a token past its expiry)
    // The 401 refreshes once and repeats the (idempotent) search: the patient notices nothing.
    QVERIFY(k.client->departments().ok());
    QCOMPARE(k.tokens->tokenRequests(), quint64(2));
    QCOMPARE(sim_->authStats().unauthorised, 1);
    QCOMPARE(k.state(), AuthState::Authorised);

    // The outbox's POSTs carry an Idempotency-Key: repeated after a refresh, applied once.
    const QStringList a = sim_->createAppointments(1);
    k.startOutbox(sim_->baseUrl());
    const auto before = sim_->commandStats();
    sim_->expireTokens();
    const qint64 id = k.outbox->enqueue(outbox::checkInCommand(a[0])).value();
    k.relay->wake();
    QVERIFY(waitFor([&] { return k.record(id).state == outbox::CommandState::Sent; }));
    QCOMPARE(sim_->commandStats().checkins_applied - before.checkins_applied, 1);
}

void TestKioskAuth::tooLittleScope()
{
    Kiosk k(sim_->baseUrl());
    // IT allowed searches and reads only: no system/Appointment.crus.
    QVERIFY(sim_->registerClient(
        kKiosk, k.jwks(),
        {u"system/HealthcareService.rs"_qs, u"system/Slot.rs"_qs, u"system/Patient.rs"_qs}));
    QVERIFY(k.tokens->token().ok());
    QCOMPARE(k.state(), AuthState::NoScope);  // staff: "does not allow everything it needs"
    QVERIFY(k.tokens->status().detail.contains(u"system/Appointment.crus"_qs));
    QVERIFY(k.tokens->status().outOfService());  // patient: out of service
    const QStringList a = sim_->createAppointments(1);
    k.startOutbox(sim_->baseUrl());
    const qint64 id = k.outbox->enqueue(outbox::checkInCommand(a[0])).value();
    k.relay->wake();
    QVERIFY(waitFor([&] { return sim_->authStats().forbidden >= 1; }));  // 403 from the pool
    QVERIFY(k.twoMoreRelayRounds());
    QCOMPARE(k.record(id).state, outbox::CommandState::Queued);
    QCOMPARE(k.record(id).attempts, 0);
}

// Payments (issue 9) with the kiosk's own token: the payment scopes are granted, the payment
// names the kiosk as its requestor, the day's payments are found by it; a kiosk registered before
// payments (the old scopes) is refused with 403 and nothing is charged.
void TestKioskAuth::paymentsCarryTheKiosksIdentity()
{
    const QByteArray pay_body = QByteArrayLiteral(
        R"({"resourceType":"Parameters","parameter":[{"name":"method","valueCode":"credit"},)"
        R"({"name":"amount","valueMoney":{"value":150.50,"currency":"CNY"}},)"
        R"({"name":"verification","part":[{"name":"method","valueCode":"face"},)"
        R"({"name":"score","valueDecimal":0.93}]}]})");
    const auto send = [this](pool::HttpTransport& transport, const QByteArray& method,
                             const QString& path, const QByteArray& body, const QByteArray& key) {
        pool::HttpRequest r;
        r.method = method;
        r.url = QUrl(sim_->baseUrl().toString() + u'/' + path);
        r.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/fhir+json")});
        if (!key.isEmpty()) r.headers.append({QByteArrayLiteral("Idempotency-Key"), key});
        r.body = body;
        return transport.perform(r);
    };
    {
        Kiosk old(sim_->baseUrl());
        QVERIFY(sim_->registerClient(kKiosk, old.jwks(),
                                     {u"system/HealthcareService.rs"_qs, u"system/Schedule.rs"_qs,
                                      u"system/Practitioner.rs"_qs, u"system/Slot.rs"_qs,
                                      u"system/Patient.rs"_qs, u"system/Appointment.crus"_qs}));
        pool::AuthTransport transport(old.plain, old.tokens);
        auto refused = send(transport, "POST", u"Invoice/inv-1001-2/$pay"_qs, pay_body, "k-old");
        QVERIFY(refused.ok());
        QCOMPARE(refused.value().status, 403);
        QVERIFY(refused.value().body.contains("system/Invoice.u"));
    }
    sim_->expireTokens();
    Kiosk k(sim_->baseUrl());
    QVERIFY(sim_->registerClient(kKiosk, k.jwks()));  // the default grant: the kiosk's list
    pool::AuthTransport transport(k.plain, k.tokens);
    auto bills =
        send(transport, "GET", u"Invoice?subject=Patient/pat-1001&status=issued"_qs, {}, {});
    QVERIFY(bills.ok());
    QCOMPARE(bills.value().status, 200);
    QCOMPARE(send(transport, "GET", u"Account?patient=Patient/pat-1001&type=credit-line"_qs, {}, {})
                 .value()
                 .status,
             200);
    auto paid = send(transport, "POST", u"Invoice/inv-1001-2/$pay"_qs, pay_body, "k-auth-1");
    QVERIFY(paid.ok());
    QCOMPARE(paid.value().status, 200);  // nothing was charged by the refused kiosk before
    QVERIFY(paid.value().body.contains(R"("requestor":{"reference":"Device/KIOSK-T-01"})"));
    auto day =
        send(transport, "GET", u"PaymentReconciliation?requestor=Device/KIOSK-T-01"_qs, {}, {});
    QCOMPARE(day.value().status, 200);
    QCOMPARE(QJsonDocument::fromJson(day.value().body).object().value(u"total"_qs).toInt(), 1);
}

void TestKioskAuth::clockSkew_data()
{
    // The simulator tolerates 300 s on exp either way; the kiosk's exp is 300 s ahead: a kiosk
    // clock up to 5 minutes ahead of the pool or up to 10 minutes behind it is accepted.
    QTest::addColumn<int>("offset_s");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("kiosk 4 min ahead") << 240 << true;
    QTest::newRow("kiosk 4 min behind") << -240 << true;
    QTest::newRow("kiosk 9 min behind") << -540 << true;
    QTest::newRow("kiosk 6 min ahead") << 360 << false;
    QTest::newRow("kiosk 11 min behind") << -660 << false;
}

void TestKioskAuth::clockSkew()
{
    QFETCH(int, offset_s);
    QFETCH(bool, accepted);
    Kiosk k(sim_->baseUrl(), true, offset_s);
    QVERIFY(sim_->registerClient(kKiosk, k.jwks()));
    QCOMPARE(k.client->departments().ok(), accepted);
    if (!accepted) {
        QCOMPARE(k.state(), AuthState::Refused);
        QVERIFY(k.tokens->status().detail.contains(u"clock"_qs));  // staff: check the clock
    }
}

void TestKioskAuth::tokenEndpointDownWhilePoolUp()
{
    Kiosk k(sim_->baseUrl());
    QVERIFY(sim_->registerClient(kKiosk, k.jwks()));
    sim::FaultSpec down;
    down.mode = u"drop"_qs;
    down.count = -1;
    down.path_contains = u"/auth/token"_qs;
    sim_->setFault(down);
    auto r = k.client->departments();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Network);  // patient: "cannot reach the hospital system"
    QCOMPARE(k.state(), AuthState::Unreachable);
    QVERIFY(!k.tokens->status().outOfService());  // not refused: no out-of-service page

    const QStringList a = sim_->createAppointments(1);
    const auto before = sim_->commandStats();
    k.startOutbox(sim_->baseUrl());
    const qint64 id = k.outbox->enqueue(outbox::checkInCommand(a[0])).value();
    k.relay->wake();
    QVERIFY(waitFor([&] { return k.relay->status().connectivity_known; }));
    QVERIFY(k.twoMoreRelayRounds());  // probes while the token endpoint is away
    QCOMPARE(k.record(id).state, outbox::CommandState::Queued);
    QVERIFY(!k.relay->status().online);  // offline, as for an outage of the pool

    sim::FaultSpec none;
    none.mode = u"none"_qs;
    none.count = 0;
    sim_->setFault(none);
    QVERIFY(waitFor([&] { return k.record(id).state == outbox::CommandState::Sent; }));
    QCOMPARE(sim_->commandStats().checkins_applied - before.checkins_applied, 1);
}

void TestKioskAuth::rotatedKeyIsPromotedOnceAccepted()
{
    Kiosk k(sim_->baseUrl());
    QVERIFY(sim_->registerClient(kKiosk, k.jwks()));  // the old key only
    auto rotated = KioskIdentity::rotate(k.keyFile(), QString());
    QVERIFY(rotated);
    const QString new_kid = rotated.value().next()->kid();
    // Both keys now: the new one is refused (not registered yet), the old one still works.
    QCOMPARE(KioskIdentity::load(k.keyFile(), QString(), false).value().next()->kid(), new_kid);
    AuthOptions a;
    a.client_id = kKiosk;
    a.base_url = sim_->baseUrl();
    a.key_file = k.keyFile();
    AccessTokens tokens(a, rotated.value(), k.plain);
    QVERIFY(tokens.token().ok());
    QVERIFY(QFile::exists(KioskIdentity::nextKeyFile(k.keyFile())));  // not promoted yet
    // IT registers the JWKS with both keys; the next token request uses and promotes the new one.
    QVERIFY(sim_->registerClient(kKiosk, QJsonDocument(rotated.value().jwks()).toJson()));
    sim_->expireTokens();
    AccessTokens fresh(a, rotated.value(), k.plain);
    QVERIFY(fresh.token().ok());
    QVERIFY(!QFile::exists(KioskIdentity::nextKeyFile(k.keyFile())));
    QCOMPARE(KioskIdentity::load(k.keyFile(), QString(), false).value().current().kid(), new_kid);
}

void TestKioskAuth::requestWithoutTokenIsRefused()
{
    pool::PoolOptions p;
    p.base_url = sim_->baseUrl();
    p.max_attempts = 1;
    pool::PoolClient bare(p);  // no AuthTransport
    auto r = bare.departments();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().http_status, 401);
    QCOMPARE(r.error().outcome_code, u"login"_qs);
}

void TestKioskAuth::keysAndTokensNeverLogged()
{
    Kiosk k(sim_->baseUrl());
    QVERIFY(sim_->registerClient(kKiosk, k.jwks()));
    QVERIFY(k.client->departments().ok());
    const QByteArray token = k.tokens->token().value();
    sim_->expireTokens();
    QVERIFY(k.client->departments().ok());
    const QByteArray token2 = k.tokens->token().value();
    AssertionClaims c;
    c.client_id = kKiosk;
    c.audience = sim_->tokenUrl();
    c.issued_at_s = QDateTime::currentSecsSinceEpoch();
    const QByteArray assertion = signClientAssertion(k.identity->current(), c).value();
    QVERIFY(sim_->revokeClient(kKiosk));
    QVERIFY(!k.client->departments().ok());
    // The secrets: the tokens, the private key's PEM body lines, an assertion's signature.
    QStringList secrets{QString::fromLatin1(token), QString::fromLatin1(token2),
                        QString::fromLatin1(assertion.split('.').value(2))};
    for (const QByteArray& line : k.identity->current().privatePem().split('\n')) {
        if (line.size() > 20 && !line.startsWith("-----"))
            secrets.append(QString::fromLatin1(line));
    }
    // Where they could leak: every log line so far (debug included), the staff sentence, the
    // exported JWKS, the queue status, the outbox's recorded errors.
    QString haystack;
    {
        QMutexLocker lock(&g_log_mutex);
        haystack = g_log.join(u'\n');
    }
    QVERIFY2(haystack.contains(u"identity"_qs), "the log was not captured");
    haystack += AuthText::staff(k.tokens->status());
    haystack += QString::fromUtf8(k.jwks());
    k.startOutbox(sim_->baseUrl());
    const QStringList a = sim_->createAppointments(1);
    const qint64 id = k.outbox->enqueue(outbox::checkInCommand(a[0])).value();
    k.relay->wake();
    QVERIFY(waitFor([&] { return !k.relay->status().authorised; }));
    haystack += QString::fromUtf8(QJsonDocument(k.relay->status().toJson()).toJson());
    haystack += k.record(id).last_error;
    for (const QString& s : std::as_const(secrets)) {
        QVERIFY(!s.isEmpty());
        QVERIFY2(!haystack.contains(s), "a secret appears in logs or exports");
    }
    QVERIFY(!QString::fromUtf8(k.jwks()).contains(u"\"d\""_qs));
}

QTEST_GUILESS_MAIN(TestKioskAuth)
#include "tst_kioskauth.moc"

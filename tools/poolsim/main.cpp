#include "PoolSimulator.h"
#include "SimClients.h"
#include "payment/Money.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_signal_fd[2] = {-1, -1};

void onSignal(int /*signal*/)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signal_fd[1], &byte, 1);
}
}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("medkiosk-poolsim"));
    if (QCoreApplication::arguments().value(1) == QLatin1String("clients")) {
        return mk::sim::runClientsCommand(QCoreApplication::arguments());  // register|revoke|list
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("FHIR R4 booking-pool simulator (127.0.0.1 only)"));
    parser.addHelpOption();
    const QCommandLineOption port_opt(QStringLiteral("port"),
                                      QStringLiteral("TCP port (0 = any free)"),
                                      QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption dir_opt(
        QStringLiteral("data-dir"), QStringLiteral("folder for state.json"), QStringLiteral("DIR"));
    const QCommandLineOption seed_opt(QStringLiteral("seed"), QStringLiteral("data seed"),
                                      QStringLiteral("S"), QStringLiteral("20261122"));
    const QCommandLineOption latency_opt(QStringLiteral("latency-ms"),
                                         QStringLiteral("delay every reply"), QStringLiteral("N"),
                                         QStringLiteral("0"));
    const QCommandLineOption fault_opt(QStringLiteral("fault"), QStringLiteral("fault mode"),
                                       QStringLiteral("MODE"));
    const QCommandLineOption count_opt(QStringLiteral("fault-count"),
                                       QStringLiteral("requests to fault (-1 = all)"),
                                       QStringLiteral("N"), QStringLiteral("-1"));
    const QCommandLineOption day_opt(QStringLiteral("first-day"),
                                     QStringLiteral("first clinic day yyyy-MM-dd"),
                                     QStringLiteral("DATE"));
    const QCommandLineOption announce_opt(
        QStringLiteral("announce-json"),
        QStringLiteral("once listening, print one JSON line with base_url, checkin_issuer and "
                       "checkin_public_key_pem (for medkiosk --demo, which starts this program)"));
    const QCommandLineOption register_opt(
        QStringLiteral("register-jwks"),
        QStringLiteral("register (or renew) the kiosk --client-id with this JWKS file at start "
                       "(medkiosk --demo does; IT uses `medkiosk-poolsim clients register`)"),
        QStringLiteral("FILE"));
    const QCommandLineOption client_opt(QStringLiteral("client-id"),
                                        QStringLiteral("kiosk id for --register-jwks"),
                                        QStringLiteral("ID"));
    const QCommandLineOption no_auth_opt(
        QStringLiteral("no-auth"),
        QStringLiteral("serve FHIR without access tokens (tests that are not about "
                       "authorisation only; never for a demo or training kiosk)"));
    const QCommandLineOption lifetime_opt(QStringLiteral("token-lifetime-s"),
                                          QStringLiteral("access token lifetime (default 300)"),
                                          QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption face_limit_opt(
        QStringLiteral("limit-without-face"),
        QStringLiteral("largest credit charge authorised without face, yuan (default 200.00)"),
        QStringLiteral("AMOUNT"), QStringLiteral("200.00"));
    const QCommandLineOption order_expiry_opt(
        QStringLiteral("phone-order-expiry-s"),
        QStringLiteral("seconds a pay-by-phone order stays open (default 120)"),
        QStringLiteral("N"), QStringLiteral("120"));
    const QCommandLineOption rate_opt(
        QStringLiteral("rate-limit"),
        QStringLiteral("serve at most N FHIR requests a second; more get 429 with Retry-After "
                       "(default 0 = no limit; POST /_sim/rate-limit changes it)"),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption burst_opt(
        QStringLiteral("rate-burst"),
        QStringLiteral("requests allowed at once above the rate (default: a tenth of it)"),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption connections_opt(
        QStringLiteral("max-connections"),
        QStringLiteral("open connections served at once; more get 503 (default 32)"),
        QStringLiteral("N"), QStringLiteral("32"));
    parser.addOptions({port_opt, dir_opt, seed_opt, latency_opt, fault_opt, count_opt, day_opt,
                       announce_opt, register_opt, client_opt, no_auth_opt, lifetime_opt,
                       face_limit_opt, order_expiry_opt, rate_opt, burst_opt, connections_opt});
    parser.process(app);

    mk::sim::SimOptions options;
    options.port = quint16(parser.value(port_opt).toUInt());
    options.data_dir = parser.value(dir_opt);
    options.seed = parser.value(seed_opt).toUInt();
    options.latency_ms = parser.value(latency_opt).toInt();
    options.require_auth = !parser.isSet(no_auth_opt);
    options.token_lifetime_s = std::max(1, parser.value(lifetime_opt).toInt());
    const auto face_limit = mk::pay::Money::fromDecimalText(parser.value(face_limit_opt));
    if (!face_limit) {
        std::fprintf(stderr, "medkiosk-poolsim: --limit-without-face: %s\n",
                     qPrintable(face_limit.error().message()));
        return 2;
    }
    options.limit_without_face_fen = face_limit.value().toFen();
    options.phone_order_expiry_s = std::max(1, parser.value(order_expiry_opt).toInt());
    bool rate_ok = false;
    bool burst_ok = false;
    bool connections_ok = false;
    options.rate_limit_per_s = parser.value(rate_opt).toDouble(&rate_ok);
    options.rate_limit_burst = parser.value(burst_opt).toInt(&burst_ok);
    options.max_connections = parser.value(connections_opt).toInt(&connections_ok);
    if (!rate_ok || !burst_ok || !connections_ok || options.rate_limit_per_s < 0 ||
        options.rate_limit_burst < 0 || options.max_connections < 1) {
        std::fprintf(stderr,
                     "medkiosk-poolsim: --rate-limit and --rate-burst take a number >= 0, "
                     "--max-connections a number >= 1\n");
        return 2;
    }
    if (parser.isSet(day_opt)) {
        options.first_day = QDate::fromString(parser.value(day_opt), Qt::ISODate);
    }
    if (parser.isSet(fault_opt) && !mk::sim::faultModes().contains(parser.value(fault_opt))) {
        std::fprintf(stderr, "medkiosk-poolsim: unknown fault mode %s (known: %s)\n",
                     qPrintable(parser.value(fault_opt)),
                     qPrintable(mk::sim::faultModes().join(QLatin1Char(','))));
        return 2;
    }
    mk::sim::PoolSimulator sim(options);
    QString error;
    if (!sim.start(&error)) {
        std::fprintf(stderr, "medkiosk-poolsim: %s\n", qPrintable(error));
        return 1;
    }
    if (parser.isSet(register_opt)) {
        QFile jwks(parser.value(register_opt));
        if (!parser.isSet(client_opt) || !jwks.open(QIODevice::ReadOnly) ||
            !sim.registerClient(parser.value(client_opt), jwks.readAll(), {}, &error)) {
            std::fprintf(stderr, "medkiosk-poolsim: cannot register the kiosk: %s\n",
                         qPrintable(error.isEmpty() ? QStringLiteral("--client-id and a readable "
                                                                     "--register-jwks FILE needed")
                                                    : error));
            return 1;
        }
    }
    if (parser.isSet(fault_opt)) {
        mk::sim::FaultSpec fault;
        fault.mode = parser.value(fault_opt);
        fault.count = parser.value(count_opt).toInt();
        sim.setFault(fault);
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signal_fd) != 0) {
        return 1;
    }
    QSocketNotifier notifier(g_signal_fd[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    if (parser.isSet(announce_opt)) {
        const QJsonObject announce{{QStringLiteral("base_url"), sim.baseUrl().toString()},
                                   {QStringLiteral("checkin_issuer"), options.hospital_id},
                                   {QStringLiteral("token_url"), sim.tokenUrl()},
                                   {QStringLiteral("checkin_public_key_pem"),
                                    QString::fromLatin1(sim.checkinPublicKeyPem())}};
        std::printf("%s\n", QJsonDocument(announce).toJson(QJsonDocument::Compact).constData());
    } else {
        std::printf("listening on %s\n", qPrintable(sim.baseUrl().toString()));
    }
    std::fflush(stdout);
    return app.exec();
}

#include "SimClients.h"

#include "SimLog.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <cstdio>
#include <sys/stat.h>

namespace mk::sim {
namespace {

const QString kFileName = QStringLiteral("clients.json");

QString filePath(const QString& data_dir)
{
    return QDir(data_dir).filePath(kFileName);
}

qint64 mtimeMs(const QString& path)
{
    const QFileInfo info(path);
    return info.exists() ? info.lastModified().toMSecsSinceEpoch() + info.size() : -1;
}

bool validClientId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return re.match(id).hasMatch();
}

void print(const QString& text)
{
    std::printf("%s\n", text.toLocal8Bit().constData());
}

void printError(const QString& text)
{
    std::fprintf(stderr, "medkiosk-poolsim: %s\n", text.toLocal8Bit().constData());
}

}  // namespace

QStringList SimClients::kioskScopes()
{
    return {QStringLiteral("system/HealthcareService.rs"), QStringLiteral("system/Schedule.rs"),
            QStringLiteral("system/Practitioner.rs"), QStringLiteral("system/Slot.rs"),
            QStringLiteral("system/Patient.rs"), QStringLiteral("system/Appointment.crus"),
            // Payments (issue 9): $pay and $phone-order update an Invoice, $open-credit creates
            // an Account.
            QStringLiteral("system/Invoice.rus"), QStringLiteral("system/Account.crs"),
            QStringLiteral("system/PaymentReconciliation.rs"),
            QStringLiteral("system/DocumentReference.rs")};
}

bool SimClients::checkJwks(const QJsonObject& jwks, QString* error)
{
    const QJsonArray keys = jwks.value(QStringLiteral("keys")).toArray();
    if (keys.isEmpty()) {
        *error = QStringLiteral("the JWKS has no \"keys\"");
        return false;
    }
    for (const QJsonValue& v : keys) {
        const QJsonObject k = v.toObject();
        const QString kty = k.value(QStringLiteral("kty")).toString();
        if (k.contains(QStringLiteral("d"))) {
            *error = QStringLiteral("the JWKS holds a private key: register the public keys only");
            return false;
        }
        const bool ec = kty == QLatin1String("EC") &&
                        k.value(QStringLiteral("crv")).toString() == QLatin1String("P-384");
        const bool rsa = kty == QLatin1String("RSA");
        if (!ec && !rsa) {
            *error = QStringLiteral("a key is neither EC P-384 nor RSA");
            return false;
        }
    }
    return true;
}

bool SimClients::load(const QString& data_dir, QString* error)
{
    clients_.clear();
    if (data_dir.isEmpty()) return true;
    const QString path = filePath(data_dir);
    QFile file(path);
    if (!file.exists()) {
        loaded_mtime_ms_ = -1;
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject()) {
        *error = QStringLiteral("%1 is not a JSON object").arg(path);
        return false;
    }
    const QJsonObject all = doc.object().value(QStringLiteral("clients")).toObject();
    for (auto it = all.begin(); it != all.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        SimClient c;
        c.client_id = it.key();
        c.jwks = o.value(QStringLiteral("jwks")).toObject();
        for (const QJsonValue& s : o.value(QStringLiteral("scopes")).toArray())
            c.scopes.append(s.toString());
        c.revoked = o.value(QStringLiteral("revoked")).toBool();
        clients_.insert(c.client_id, c);
    }
    loaded_mtime_ms_ = mtimeMs(path);
    return true;
}

bool SimClients::save(const QString& data_dir, QString* error) const
{
    if (data_dir.isEmpty()) return true;
    if (!QDir().mkpath(data_dir) ||
        !QFile::setPermissions(
            data_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        *error = QStringLiteral("cannot make the folder %1 (0700)").arg(data_dir);
        return false;
    }
    QJsonObject all;
    for (const SimClient& c : clients_) {
        all.insert(c.client_id,
                   QJsonObject{{QStringLiteral("jwks"), c.jwks},
                               {QStringLiteral("scopes"), QJsonArray::fromStringList(c.scopes)},
                               {QStringLiteral("revoked"), c.revoked}});
    }
    const QString path = filePath(data_dir);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    file.write(
        QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("clients"), all}})
            .toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    loaded_mtime_ms_ = mtimeMs(path);
    return true;
}

void SimClients::refresh(const QString& data_dir)
{
    if (data_dir.isEmpty() || mtimeMs(filePath(data_dir)) == loaded_mtime_ms_) return;
    QString error;
    if (!load(data_dir, &error)) qCWarning(lcPoolSim).noquote() << error;
}

bool SimClients::registerClient(const QString& client_id, const QJsonObject& jwks,
                                const QStringList& scopes, QString* error)
{
    if (!validClientId(client_id)) {
        *error = QStringLiteral("a client id is 1 to 64 letters, digits, '.', '_' or '-'");
        return false;
    }
    if (!checkJwks(jwks, error)) return false;
    SimClient c;
    c.client_id = client_id;
    c.jwks = jwks;
    c.scopes = scopes.isEmpty() ? kioskScopes() : scopes;
    clients_.insert(client_id, c);  // a new registration also lifts a revocation
    return true;
}

bool SimClients::revoke(const QString& client_id, QString* error)
{
    auto it = clients_.find(client_id);
    if (it == clients_.end()) {
        *error = QStringLiteral("no client %1 is registered").arg(client_id);
        return false;
    }
    it->revoked = true;
    return true;
}

const SimClient* SimClients::find(const QString& client_id) const
{
    auto it = clients_.constFind(client_id);
    return it == clients_.cend() ? nullptr : &it.value();
}

int runClientsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Register, revoke or list the kiosks (SMART Backend Services clients) "
                       "the simulated pool accepts:\n"
                       "  medkiosk-poolsim clients register --data-dir DIR --client-id ID "
                       "--jwks FILE [--scopes \"system/...\"]\n"
                       "  medkiosk-poolsim clients revoke --data-dir DIR --client-id ID\n"
                       "  medkiosk-poolsim clients list --data-dir DIR"));
    parser.addHelpOption();
    const QCommandLineOption dir(QStringLiteral("data-dir"), QStringLiteral("simulator state"),
                                 QStringLiteral("DIR"));
    const QCommandLineOption id(QStringLiteral("client-id"), QStringLiteral("kiosk/id"),
                                QStringLiteral("ID"));
    const QCommandLineOption jwks(QStringLiteral("jwks"),
                                  QStringLiteral("the kiosk's JWKS (medkioskctl identity "
                                                 "export-jwks); - reads standard input"),
                                  QStringLiteral("FILE"));
    const QCommandLineOption scopes(QStringLiteral("scopes"),
                                    QStringLiteral("space-separated scopes to allow (default: "
                                                   "the kiosk's documented set)"),
                                    QStringLiteral("SCOPES"));
    parser.addOptions({dir, id, jwks, scopes});
    parser.addPositionalArgument(QStringLiteral("clients"), QStringLiteral("clients"));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("register|revoke|list"));
    parser.process(arguments);
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(1);
    if (!parser.isSet(dir) || (action != u"register" && action != u"revoke" && action != u"list")) {
        printError(QStringLiteral("usage: clients register|revoke|list --data-dir DIR ..."));
        return 2;
    }
    SimClients clients;
    QString error;
    const QString data_dir = parser.value(dir);
    if (!clients.load(data_dir, &error)) {
        printError(error);
        return 1;
    }
    if (action == u"list") {
        for (const SimClient& c : clients.all()) {
            print(QStringLiteral("%1\t%2\t%3 key(s)\t%4")
                      .arg(c.client_id,
                           c.revoked ? QStringLiteral("revoked") : QStringLiteral("active"))
                      .arg(c.jwks.value(QStringLiteral("keys")).toArray().size())
                      .arg(c.scopes.join(QLatin1Char(' '))));
        }
        return 0;
    }
    if (!parser.isSet(id)) {
        printError(QStringLiteral("--client-id is required"));
        return 2;
    }
    if (action == u"revoke") {
        if (!clients.revoke(parser.value(id), &error) || !clients.save(data_dir, &error)) {
            printError(error);
            return 1;
        }
        print(QStringLiteral("revoked %1: its tokens stop working at once").arg(parser.value(id)));
        return 0;
    }
    QFile in;
    const QString jwks_path = parser.value(jwks);
    const bool opened = jwks_path == u"-"
                            ? in.open(stdin, QIODevice::ReadOnly)
                            : (in.setFileName(jwks_path), in.open(QIODevice::ReadOnly));
    if (jwks_path.isEmpty() || !opened) {
        printError(QStringLiteral("--jwks FILE is required and must be readable"));
        return 2;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(in.readAll());
    const QStringList scope_list = parser.value(scopes).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!clients.registerClient(parser.value(id), doc.object(), scope_list, &error) ||
        !clients.save(data_dir, &error)) {
        printError(error);
        return 1;
    }
    print(QStringLiteral("registered %1").arg(parser.value(id)));
    return 0;
}

}  // namespace mk::sim

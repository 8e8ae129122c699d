#include "SimCheckinKey.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace mk::sim {

namespace {
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qint64 kTokenLifetimeS = 24 * 3600;  // after the slot start

QString actorId(const QJsonObject& appointment, const QString& type)
{
    const QString prefix = type + QLatin1Char('/');
    for (const QJsonValue& p : appointment.value(QStringLiteral("participant")).toArray()) {
        const QString r = p.toObject()
                              .value(QStringLiteral("actor"))
                              .toObject()
                              .value(QStringLiteral("reference"))
                              .toString();
        if (r.startsWith(prefix)) return r.mid(prefix.size());
    }
    return {};
}
}  // namespace

struct SimCheckinKey::Key {
    EVP_PKEY* pkey = nullptr;
    ~Key() { EVP_PKEY_free(pkey); }
};

QString simMaskName(const QString& name)
{
    QString n = name.trimmed();
    if (n.size() <= 1) return n;
    if (n.size() == 2) return n.left(1) + QLatin1Char('*');
    return n.left(1) + QString(n.size() - 2, QLatin1Char('*')) + n.right(1);
}

SimCheckinKey::SimCheckinKey(quint32 seed, QString issuer)
    : key_(std::make_unique<Key>()), issuer_(std::move(issuer))
{
    const QByteArray secret = QCryptographicHash::hash(
        QByteArrayLiteral("medkiosk-poolsim checkin-key v1") + QByteArray::number(seed),
        QCryptographicHash::Sha256);
    key_->pkey = EVP_PKEY_new_raw_private_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(secret.constData()),
        static_cast<size_t>(secret.size()));
}

SimCheckinKey::~SimCheckinKey() = default;

QByteArray SimCheckinKey::publicKeyPem() const
{
    if (key_->pkey == nullptr) return {};
    BIO* bio = BIO_new(BIO_s_mem());
    QByteArray out;
    if (bio != nullptr && PEM_write_bio_PUBKEY(bio, key_->pkey) == 1) {
        char* data = nullptr;
        const long n = BIO_get_mem_data(bio, &data);
        out = QByteArray(data, static_cast<qsizetype>(n));
    }
    BIO_free(bio);
    return out;
}

QString SimCheckinKey::tokenFor(const QJsonObject& a, const QString& patient_name_zh) const
{
    QString number;
    for (const QJsonValue& v : a.value(QStringLiteral("identifier")).toArray()) {
        if (v.toObject().value(QStringLiteral("system")).toString() ==
            QLatin1String("urn:medkiosk:appointment")) {
            number = v.toObject().value(QStringLiteral("value")).toString();
        }
    }
    const QDateTime start =
        QDateTime::fromString(a.value(QStringLiteral("start")).toString(), Qt::ISODate);
    const QString id = a.value(QStringLiteral("id")).toString();
    const QString patient = actorId(a, QStringLiteral("Patient"));
    if (key_->pkey == nullptr || number.isEmpty() || !start.isValid() || id.isEmpty() ||
        patient.isEmpty()) {
        return {};
    }
    // Same fields and order as mk::checkin::token::payloadOf (QJsonObject sorts its keys).
    const QJsonObject payload{
        {QStringLiteral("a"), id},
        {QStringLiteral("n"), number},
        {QStringLiteral("p"), patient},
        {QStringLiteral("m"), simMaskName(patient_name_zh)},
        {QStringLiteral("d"), actorId(a, QStringLiteral("HealthcareService"))},
        {QStringLiteral("r"), actorId(a, QStringLiteral("Practitioner"))},
        {QStringLiteral("s"), start.toSecsSinceEpoch()},
        {QStringLiteral("i"), issuer_},
        {QStringLiteral("e"), start.toSecsSinceEpoch() + kTokenLifetimeS}};
    const QByteArray bytes = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    QByteArray signature(64, '\0');
    size_t length = 64;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    const bool ok = ctx != nullptr &&
                    EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key_->pkey) == 1 &&
                    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length,
                                   reinterpret_cast<const unsigned char*>(bytes.constData()),
                                   static_cast<size_t>(bytes.size())) == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok || length != 64) return {};
    return QStringLiteral("MKCI1.") + QString::fromLatin1(bytes.toBase64(kB64)) + QLatin1Char('.') +
           QString::fromLatin1(signature.toBase64(kB64));
}

QJsonObject SimCheckinKey::withToken(const QJsonObject& appointment,
                                     const QString& patient_name_zh) const
{
    const QString t = tokenFor(appointment, patient_name_zh);
    if (t.isEmpty()) return appointment;
    QJsonArray ext;
    for (const QJsonValue& v : appointment.value(QStringLiteral("extension")).toArray()) {
        if (v.toObject().value(QStringLiteral("url")).toString() !=
            QLatin1String(kCheckinTokenExtension)) {
            ext.append(v);
        }
    }
    ext.append(QJsonObject{{QStringLiteral("url"), QLatin1String(kCheckinTokenExtension)},
                           {QStringLiteral("valueString"), t}});
    QJsonObject a = appointment;
    a.insert(QStringLiteral("extension"), ext);
    return a;
}

}  // namespace mk::sim

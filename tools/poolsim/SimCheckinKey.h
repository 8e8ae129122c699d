// The simulator's check-in token signer (docs/pool-protocol.md "Check-in token"). The Ed25519
// key is DERIVED DETERMINISTICALLY FROM THE SEED (private key = SHA-256("medkiosk-poolsim
// checkin-key v1" + seed as decimal)): the same --seed always gives the same key, across
// restarts and with or without a data dir, and nothing secret is written to disk. A demo key,
// never a production one.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace mk::sim {

inline constexpr auto kCheckinTokenExtension =
    "http://medkiosk.example/fhir/StructureDefinition/checkin-token";

class SimCheckinKey
{
public:
    SimCheckinKey(quint32 seed, QString issuer);
    ~SimCheckinKey();
    SimCheckinKey(const SimCheckinKey&) = delete;
    SimCheckinKey& operator=(const SimCheckinKey&) = delete;

    QByteArray publicKeyPem() const;  // SubjectPublicKeyInfo PEM
    const QString& issuer() const { return issuer_; }

    // "MKCI1.<payload>.<signature>" for a stored Appointment (id, identifiers, participants,
    // start); `patient_name_zh` is masked here. Empty when the appointment lacks what is needed.
    QString tokenFor(const QJsonObject& appointment, const QString& patient_name_zh) const;
    // The appointment with the checkin-token extension added (replacing an earlier one).
    QJsonObject withToken(const QJsonObject& appointment, const QString& patient_name_zh) const;

private:
    struct Key;
    std::unique_ptr<Key> key_;
    QString issuer_;
};

// 李明 -> 李*, 张小明 -> 张*明 (same rule as the kiosk's maskName for Han names).
QString simMaskName(const QString& name);

}  // namespace mk::sim

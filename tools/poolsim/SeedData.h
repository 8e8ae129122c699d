#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mk::sim {

// The deterministic seeded pool: departments, doctors, schedules, patients and slot times.
class SeedData
{
public:
    SeedData(quint32 seed, QDate first_day, const QString& timezone);

    QList<QJsonObject> departments;    // HealthcareService
    QList<QJsonObject> practitioners;  // Practitioner
    QList<QJsonObject> schedules;      // Schedule
    QList<QJsonObject> patients;       // Patient

    QDate firstDay() const { return first_day_; }
    int offsetSeconds() const { return offset_s_; }
    // All slots (free and seeded-busy), ordered by start then schedule.
    QList<QJsonObject> slots() const;
    bool seededBusy(const QString& slot_id) const;

private:
    quint32 seed_ = 0;
    QDate first_day_;
    int offset_s_ = 8 * 3600;
};

QJsonObject translated(const QString& element, const QString& english);

// The seeded hash every generated value comes from (SHA-1 of seed + key, first 4 bytes).
quint32 seedMix(quint32 seed, const QString& key);

}  // namespace mk::sim

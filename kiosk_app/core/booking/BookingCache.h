// The booking service's cache entries in the encrypted store: reference data and slot
// availability as small JSON documents (never patient data). Internal to booking/.
#pragma once

#include "core/fhir/FhirTypes.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mk::booking::cache {

QString departmentsKey();
QString doctorsKey(const QString& department_id);
// The schedule ids are sorted, so the same set gives the same key in any order.
QString slotsKey(QStringList schedule_ids, const QDate& day);

QByteArray encode(const QList<fhir::Department>& departments);
QByteArray encode(const QList<fhir::Doctor>& doctors);
QByteArray encode(const QList<fhir::Slot>& slots);

// std::nullopt when the payload is not what encode() wrote (old format, damaged).
std::optional<QList<fhir::Department>> decodeDepartments(const QByteArray& payload);
std::optional<QList<fhir::Doctor>> decodeDoctors(const QByteArray& payload);
std::optional<QList<fhir::Slot>> decodeSlots(const QByteArray& payload);

}  // namespace mk::booking::cache

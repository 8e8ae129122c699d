// QR codes made with ZXing-C++ (MultiFormatWriter) as QImage, and decoding a QImage back with
// ZXing's reader. Both run on any thread.
#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QImage>
#include <QString>

namespace mk::qr {

// A black-on-white QR code of text (UTF-8, error correction level M) with a 4-module quiet zone,
// scaled with whole pixels per module to at most size_px x size_px. Error on empty or too long
// text.
Result<QImage> encode(const QString& text, int size_px);

// The text of the first QR code found in image; ErrorCode::NotFound when there is none.
Result<QString> decode(const QImage& image);

// What an appointment QR code made by the booking flow carries: "MKAPPT:" + appointment number.
// (Issue 4 replaces it with a signed token; the prefix keeps the two apart.)
QString appointmentPayload(const QString& appointment_number);

// A patient card QR code: "MKPATIENT:<patient number>:<birth date yyyyMMdd>". Returns false when
// text is not such a payload (other QR codes, garbage, a bad date).
bool parsePatientCard(const QString& text, QString* patient_number, QDate* birth_date);
QString patientCardPayload(const QString& patient_number, const QDate& birth_date);

}  // namespace mk::qr

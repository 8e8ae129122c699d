// Real devices for the check-in tests and benchmark (issue 12): a pseudo-terminal pair standing for
// a serial scanner's tty, a pcscd with the vsmartcard virtual reader (vpcd, VirtualReader.h) and a
// virtual card speaking the vpcd protocol (VirtualCard.h), camera frames made
// of a real photo with a QR code in it, and bookings made through the pool client.
#pragma once

#include "PtyPair.h"
#include "VirtualCard.h"
#include "VirtualReader.h"
#include "core/pool/PoolClient.h"
#include "core/qr/QrImage.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace mk::checkin::test {

using mk::test::PtyPair;
using mk::test::VirtualCard;
using mk::test::VirtualReader;

// A camera frame: a real photo (640x480) with the QR code of text held up in its middle.
inline QImage photoWithCode(const QString& photo, const QString& text, int code_px = 260)
{
    QImage frame(640, 480, QImage::Format_RGB32);
    frame.fill(QColor(128, 128, 128));
    QPainter p(&frame);
    const QImage background(photo);
    if (!background.isNull()) {
        p.drawImage(frame.rect(), background.scaled(frame.size(), Qt::KeepAspectRatioByExpanding));
    }
    auto qr = qr::encode(text, code_px);
    if (qr) p.drawImage(QPoint((640 - code_px) / 2, (480 - code_px) / 2), qr.value());
    p.end();
    return frame;
}

// Books the first free slot of a department on a day for a patient through the pool client.
inline Result<fhir::Appointment> bookFor(pool::PoolClient& client, const QString& patient_id,
                                         const QString& department_id, const QDate& day)
{
    auto doctors = client.doctors(department_id);
    if (!doctors) return doctors.error();
    pool::SlotQuery q;
    for (const fhir::Doctor& d : doctors.value()) q.schedule_ids << d.schedule_id;
    q.day = day;
    q.free_only = true;
    auto slots = client.slots(q);
    if (!slots) return slots.error();
    for (const fhir::Slot& s : slots.value()) {
        for (const fhir::Doctor& d : doctors.value()) {
            if (d.schedule_id != s.schedule_id) continue;
            pool::BookingRequest r;
            r.client_identifier = QUuid::createUuid().toString(QUuid::WithoutBraces);
            r.slot = s;
            r.patient_id = patient_id;
            r.practitioner_id = d.id;
            r.department_id = department_id;
            return client.book(r);
        }
    }
    return makeError(ErrorCode::NotFound, QStringLiteral("no free slot"));
}

}  // namespace mk::checkin::test

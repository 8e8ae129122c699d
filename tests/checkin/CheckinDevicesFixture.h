// Real devices for the check-in tests and benchmark (issue 12): a pseudo-terminal pair standing for
// a serial scanner's tty, a pcscd with the vsmartcard virtual reader (vpcd) and a virtual card
// speaking the vpcd protocol (as tests/devices/printer/tst_cardreader does), camera frames made
// of a real photo with a QR code in it, and bookings made through the pool client.
#pragma once

#include "PtyPair.h"
#include "VirtualCard.h"
#include "core/pool/PoolClient.h"
#include "core/qr/QrImage.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace mk::checkin::test {

using mk::test::PtyPair;
using mk::test::VirtualCard;

// pcscd -f with a private reader.conf.d naming vpcd on a free port ("Virtual PCD").
class VirtualReader
{
public:
    static constexpr const char* kDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";

    // Empty on success, else why not (the caller skips, or fails under CI=true).
    QString start()
    {
        if (!QFileInfo::exists(QStringLiteral("/usr/sbin/pcscd")))
            return QStringLiteral("pcscd is not installed (Debian package pcscd)");
        if (!QFileInfo::exists(QLatin1String(kDriver)))
            return QStringLiteral("vpcd is not installed (Debian package vsmartcard-vpcd)");
        if (::geteuid() != 0) return QStringLiteral("pcscd needs root to create /run/pcscd");
        if (QFileInfo::exists(QStringLiteral("/run/pcscd/pcscd.comm")))
            return QStringLiteral("another pcscd already owns /run/pcscd");
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) return QStringLiteral("no free port");
        port_ = probe.serverPort();
        probe.close();
        QFile conf(QDir(conf_.path()).filePath(QStringLiteral("vpcd")));
        if (!conf.open(QIODevice::WriteOnly)) return conf.errorString();
        conf.write(QStringLiteral("FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME /dev/null:0x%1\n"
                                  "LIBPATH %2\nCHANNELID 0x%1\n")
                       .arg(port_, 4, 16, QLatin1Char('0'))
                       .arg(QLatin1String(kDriver))
                       .toLatin1());
        conf.close();
        pcscd_.setProcessChannelMode(QProcess::MergedChannels);
        pcscd_.start(QStringLiteral("/usr/sbin/pcscd"),
                     {QStringLiteral("-f"), QStringLiteral("-c"), conf_.path()});
        if (!pcscd_.waitForStarted(10000)) return pcscd_.errorString();
        if (!QTest::qWaitFor(
                [this] {
                    return QFileInfo::exists(QStringLiteral("/run/pcscd/pcscd.comm")) ||
                           pcscd_.state() == QProcess::NotRunning;
                },
                30000) ||
            pcscd_.state() == QProcess::NotRunning) {
            return QStringLiteral("pcscd exited: ") + QString::fromLocal8Bit(pcscd_.readAll());
        }
        return {};
    }
    ~VirtualReader()
    {
        if (pcscd_.state() != QProcess::NotRunning) {
            pcscd_.terminate();
            if (!pcscd_.waitForFinished(10000)) pcscd_.kill();
        }
    }
    quint16 port() const { return port_; }

private:
    QTemporaryDir conf_;
    QProcess pcscd_;
    quint16 port_ = 0;
};

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

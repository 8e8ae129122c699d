// pcscd with the vsmartcard virtual reader (vpcd) for the card-reader tests (tests/devices/printer,
// tests/checkin): pcscd -f under a private reader.conf.d naming vpcd on a free port, the reader
// "Virtual PCD". pcscd owns /run/pcscd, one per machine: every test that starts one holds the ctest
// RESOURCE_LOCK pcscd, or two of them running at once take each other's daemon away.
#pragma once

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace mk::test {

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
    // Stops pcscd (with MK_PCSCD_LOG set, then prints what it said); a second call does nothing.
    void stop()
    {
        if (stopped_) return;
        stopped_ = true;
        if (pcscd_.state() != QProcess::NotRunning) {
            pcscd_.terminate();
            if (!pcscd_.waitForFinished(10000)) pcscd_.kill();
        }
        if (qEnvironmentVariableIsSet("MK_PCSCD_LOG"))
            qInfo().noquote() << QString::fromLocal8Bit(pcscd_.readAll());
    }
    ~VirtualReader() { stop(); }
    quint16 port() const { return port_; }

private:
    QTemporaryDir conf_;
    QProcess pcscd_;
    quint16 port_ = 0;
    bool stopped_ = false;
};

}  // namespace mk::test

// Printer configuration from the kiosk INI, section [devices] (see docs/devices.md):
//   printer_transport = none | serial | usblp | tcp
//   printer_port      = /dev/ttyUSB0     (serial: device path or pty)
//   printer_baud      = 115200           (serial)
//   printer_device    = /dev/usb/lp0     (usblp)
//   printer_host      = 192.168.1.50     (tcp)
//   printer_tcp_port  = 9100             (tcp)
//   printer_poll_ms   = 3000             (status polling period, 500-60000)
//   printer_timeout_ms = 2000            (one I/O step, 200-30000)
#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

namespace mk::hw {

struct PrinterConfig {
    enum class Transport { Unset = 0, None, Serial, UsbLp, Tcp };

    QString device_id = QStringLiteral("printer");
    Transport transport = Transport::None;
    QString serial_port;
    int baud = 115200;
    QString lp_device = QStringLiteral("/dev/usb/lp0");
    QString host = QStringLiteral("127.0.0.1");
    quint16 tcp_port = 9100;
    int poll_interval_ms = 3000;
    int io_timeout_ms = 2000;
    // Bad values read by fromSettings, each naming its key (hw/common/DeviceSettings.h).
    QStringList problems;

    // Reads the printer_* keys of [devices]; unknown transport names give Transport::Unset. A
    // value that is not a number keeps the default, one out of range is clamped; both go to
    // problems.
    static PrinterConfig fromSettings(QSettings& settings);
    static QString transportName(Transport transport);
    // "serial /dev/ttyUSB0", "tcp 127.0.0.1:9100"...: for staff and medkioskctl.
    QString describe() const;
};

}  // namespace mk::hw

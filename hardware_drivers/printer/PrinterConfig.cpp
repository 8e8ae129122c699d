#include "hw/printer/PrinterConfig.h"

#include "hw/common/DeviceSettings.h"

namespace mk::hw {

PrinterConfig PrinterConfig::fromSettings(QSettings& settings)
{
    PrinterConfig c;
    settings.beginGroup(QStringLiteral("devices"));
    DeviceSettings values(settings, c.problems);
    const QString transport =
        settings.value(QStringLiteral("printer_transport"), QStringLiteral("none"))
            .toString()
            .trimmed()
            .toLower();
    if (transport == QLatin1String("none") || transport.isEmpty()) {
        c.transport = Transport::None;
    } else if (transport == QLatin1String("serial")) {
        c.transport = Transport::Serial;
    } else if (transport == QLatin1String("usblp")) {
        c.transport = Transport::UsbLp;
    } else if (transport == QLatin1String("tcp")) {
        c.transport = Transport::Tcp;
    } else {
        c.transport = Transport::Unset;
        values.unknown(QStringLiteral("printer_transport"), transport,
                       QStringLiteral("none, serial, usblp, tcp"));
    }
    c.serial_port =
        settings.value(QStringLiteral("printer_port"), QStringLiteral("/dev/ttyUSB0")).toString();
    c.baud = values.integer(QStringLiteral("printer_baud"), c.baud, 1200, 921600);
    c.lp_device = settings.value(QStringLiteral("printer_device"), c.lp_device).toString();
    c.host = settings.value(QStringLiteral("printer_host"), c.host).toString();
    c.tcp_port =
        static_cast<quint16>(values.integer(QStringLiteral("printer_tcp_port"), 9100, 1, 65535));
    c.poll_interval_ms =
        values.integer(QStringLiteral("printer_poll_ms"), c.poll_interval_ms, 500, 60000);
    c.io_timeout_ms =
        values.integer(QStringLiteral("printer_timeout_ms"), c.io_timeout_ms, 200, 30000);
    settings.endGroup();
    return c;
}

QString PrinterConfig::transportName(Transport transport)
{
    switch (transport) {
        case Transport::None:
            return QStringLiteral("none");
        case Transport::Serial:
            return QStringLiteral("serial");
        case Transport::UsbLp:
            return QStringLiteral("usblp");
        case Transport::Tcp:
            return QStringLiteral("tcp");
        case Transport::Unset:
            break;
    }
    return QStringLiteral("unknown");
}

QString PrinterConfig::describe() const
{
    switch (transport) {
        case Transport::Serial:
            return QStringLiteral("serial %1 @%2").arg(serial_port).arg(baud);
        case Transport::UsbLp:
            return QStringLiteral("usblp %1").arg(lp_device);
        case Transport::Tcp:
            return QStringLiteral("tcp %1:%2").arg(host).arg(tcp_port);
        default:
            return transportName(transport);
    }
}

}  // namespace mk::hw

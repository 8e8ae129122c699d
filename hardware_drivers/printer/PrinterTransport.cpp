#include "hw/printer/PrinterTransport.h"

#include "hw/printer/LpFileTransport.h"
#include "hw/printer/PrinterConfig.h"
#include "hw/printer/SerialTransport.h"
#include "hw/printer/TcpTransport.h"

namespace mk::hw {

std::unique_ptr<PrinterTransport> PrinterTransport::create(const PrinterConfig& config)
{
    switch (config.transport) {
        case PrinterConfig::Transport::Serial:
            return std::make_unique<SerialTransport>(config.serial_port, config.baud);
        case PrinterConfig::Transport::UsbLp:
            return std::make_unique<LpFileTransport>(config.lp_device);
        case PrinterConfig::Transport::Tcp:
            return std::make_unique<TcpTransport>(config.host, config.tcp_port,
                                                  config.io_timeout_ms);
        default:
            return nullptr;
    }
}

}  // namespace mk::hw

// A byte pipe to a printer. Used only from the printer's worker thread, so its calls may block
// up to the timeout they are given. Implementations: SerialTransport (QSerialPort: RS-232, USB
// serial adapters, ptys), LpFileTransport (/dev/usb/lp0, plain file I/O), TcpTransport (port 9100).
#pragma once

#include "hw/common/HwResult.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace mk::hw {

struct PrinterConfig;

class PrinterTransport
{
public:
    virtual ~PrinterTransport() = default;
    virtual HwStatus open() = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    // Writes everything or fails (then the transport is closed).
    virtual HwStatus writeAll(const QByteArray& bytes, int timeout_ms) = 0;
    // One byte, or -1 after timeout_ms or on error.
    virtual int readByte(int timeout_ms) = 0;
    // Drops input already received (stale status answers).
    virtual void discardInput() = 0;
    // False when status queries cannot be answered (e.g. a write-only device file).
    virtual bool canRead() const { return true; }

    // The transport the configuration names, or nullptr for transport "none".
    static std::unique_ptr<PrinterTransport> create(const PrinterConfig& config);
};

}  // namespace mk::hw

// PrinterTransport to a USB line-printer device file (/dev/usb/lp0, usblp driver) with plain
// POSIX file I/O and poll() timeouts. Opened read-write so status answers come back; when only
// write access is possible, status cannot be read (canRead() false). Worker-thread only.
#pragma once

#include "hw/printer/PrinterTransport.h"

namespace mk::hw {

class LpFileTransport : public PrinterTransport
{
public:
    explicit LpFileTransport(QString path);
    ~LpFileTransport() override;
    LpFileTransport(const LpFileTransport&) = delete;
    LpFileTransport& operator=(const LpFileTransport&) = delete;

    HwStatus open() override;
    void close() override;
    bool isOpen() const override { return fd_ >= 0; }
    HwStatus writeAll(const QByteArray& bytes, int timeout_ms) override;
    int readByte(int timeout_ms) override;
    void discardInput() override;
    bool canRead() const override { return readable_; }

private:
    QString path_;
    int fd_ = -1;
    bool readable_ = false;
};

}  // namespace mk::hw

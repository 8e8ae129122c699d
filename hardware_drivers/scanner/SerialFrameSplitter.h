// Cuts the byte stream of a serial QR scanner into codes: a code ends with any of the configured
// terminator bytes (default CR or LF, so CR, LF and CRLF all work; empty lines are skipped).
// Bounded: a line longer than max_line_bytes is dropped up to its terminator. Lines that are not
// valid UTF-8 or hold control characters (line noise, a baud rate mismatch) are dropped too.
// Pure logic, no Qt event loop: fuzzed by fuzz_scanner_stream.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace mk::hw {

struct SerialFrameStats {
    qint64 frames = 0;    // codes delivered
    qint64 overlong = 0;  // lines dropped for their length
    qint64 garbage = 0;   // lines dropped for their bytes
};

class SerialFrameSplitter
{
public:
    explicit SerialFrameSplitter(const QByteArray& terminators = QByteArrayLiteral("\r\n"),
                                 int max_line_bytes = 1024);

    // Appends received bytes (any chunking) and returns the codes they completed, in order.
    QList<QString> feed(const QByteArray& bytes);
    // Forgets a partial line (after the port closed).
    void reset();

    qsizetype bufferedBytes() const { return buffer_.size(); }
    const SerialFrameStats& stats() const { return stats_; }

private:
    void endLine(QList<QString>* out);

    QByteArray terminators_;
    int max_line_bytes_ = 1024;
    QByteArray buffer_;
    bool overflow_ = false;  // dropping the rest of an overlong line
    SerialFrameStats stats_;
};

}  // namespace mk::hw

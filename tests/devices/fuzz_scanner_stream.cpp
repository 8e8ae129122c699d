// Fuzz target of the serial scanner's byte-stream framing (SerialFrameSplitter): the bytes a
// scanner (or line noise) sends, cut into chunks where the input says. Checks: the same codes
// whatever the chunking, the buffer stays bounded, every code is non-empty, bounded, free of
// terminators and control characters. libFuzzer entry point; without libFuzzer it is linked with
// fuzz_stream_driver.cpp (seeded mutations, ctest label "fuzz").
#include "hw/scanner/SerialFrameSplitter.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2) return 0;
    // Byte 0: terminators and line limit; byte 1: chunking seed; the rest: the stream.
    static const QByteArray kTerminators[] = {QByteArrayLiteral("\r\n"), QByteArrayLiteral("\r"),
                                              QByteArrayLiteral("\n"), QByteArray("\x03", 1),
                                              QByteArray("\x00", 1)};
    const QByteArray& terminators = kTerminators[data[0] % 5];
    const int max_line = 1 + (data[0] >> 3) * 9;  // 1..280
    unsigned chunk_seed = data[1];
    const QByteArray stream(reinterpret_cast<const char*>(data + 2),
                            static_cast<qsizetype>(size - 2));

    mk::hw::SerialFrameSplitter whole(terminators, max_line);
    const QList<QString> expected = whole.feed(stream);

    mk::hw::SerialFrameSplitter chunked(terminators, max_line);
    QList<QString> codes;
    qsizetype pos = 0;
    while (pos < stream.size()) {
        chunk_seed = chunk_seed * 1103515245u + 12345u;
        const qsizetype len = 1 + static_cast<qsizetype>((chunk_seed >> 16) % 17);
        codes += chunked.feed(stream.mid(pos, len));
        if (chunked.bufferedBytes() > max_line) __builtin_trap();
        pos += len;
    }
    if (codes != expected || chunked.stats().frames != codes.size() ||
        chunked.stats().garbage != whole.stats().garbage ||
        chunked.stats().overlong != whole.stats().overlong)
        __builtin_trap();
    for (const QString& code : codes) {
        if (code.isEmpty() || code.toUtf8().size() > max_line) __builtin_trap();
        for (const QChar c : code) {
            if (c.category() == QChar::Other_Control && c != u'\t') __builtin_trap();
            if (c.unicode() < 0x80 && terminators.contains(static_cast<char>(c.unicode())))
                __builtin_trap();
        }
    }
    return 0;
}

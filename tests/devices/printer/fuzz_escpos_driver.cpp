// fuzz_escpos_parser without libFuzzer: the shared seeded mutation driver
// (tests/common/FuzzDriver.h) with ESC/POS seeds: a built visit ticket, status queries, every
// command prefix. Usage: fuzz_escpos_parser [iterations] [seed]
#include "FuzzDriver.h"
#include "hw/printer/EscPos.h"
#include "hw/printer/VisitTicket.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv)
{
    mk::hw::VisitTicket ticket;
    ticket.title = QString::fromUtf8("儿童医院 就诊凭条");
    ticket.visit_number = QStringLiteral("A012");
    ticket.lines = {QString::fromUtf8("科室 Dept: 儿科")};
    ticket.qr_payload = "MKAPPT:A20261123-0042";
    const QByteArray built = ticket.toEscPos();
    using mk::test::literalBytes;
    mk::test::FuzzDriverOptions options;
    options.seeds = {std::string(built.constData(), static_cast<size_t>(built.size())),
                     literalBytes("\x10\x04\x01\x10\x04\x02\x10\x04\x03\x10\x04\x04"),
                     literalBytes("\x1d(k\x04\x00"
                                  "1A2\x00\x1d(k\x03\x00"
                                  "1Q0"),
                     literalBytes("\x1dv0\x00\x02\x00\x02\x00\xff\xff\xff\xff\n"),
                     literalBytes("\x1dk\x04"
                                  "123\x00\x1dkI\x03"
                                  "abc"),
                     literalBytes("\x1b!\x38"
                                  "big\n\x1b"
                                  "a\x02right\n\x1dV\x42\x03"),
                     "plain text\n"};
    // The ESC/POS bytes, and NUL (parameters of GS ( k and GS v 0).
    options.alphabet = literalBytes("\x1b\x1d\x1c\x10\x04\n(k!aEdV@&.01PQCE\x81\x30\xfe\x00");
    options.max_input_bytes = 8192;
    return mk::test::runFuzzDriver(argc, argv, options, LLVMFuzzerTestOneInput);
}

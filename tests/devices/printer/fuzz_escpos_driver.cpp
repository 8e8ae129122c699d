// Runs fuzz_escpos_parser without libFuzzer: ESC/POS seeds (a built visit ticket, status
// queries, every command prefix) plus deterministic random mutations (byte flips, inserts,
// deletes, splices). Usage: fuzz_escpos_parser [iterations] [seed]
#include "printer/EscPos.h"
#include "printer/VisitTicket.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv)
{
    const long iterations = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 20000;
    const unsigned seed = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 1;
    std::mt19937 rng(seed);
    mk::hw::VisitTicket ticket;
    ticket.title = QString::fromUtf8("儿童医院 就诊凭条");
    ticket.visit_number = QStringLiteral("A012");
    ticket.lines = {QString::fromUtf8("科室 Dept: 儿科")};
    ticket.qr_payload = "MKAPPT:A20261123-0042";
    const QByteArray built = ticket.toEscPos();
    std::vector<std::string> corpus = {
        std::string(built.constData(), static_cast<size_t>(built.size())),
        std::string("\x10\x04\x01\x10\x04\x02\x10\x04\x03\x10\x04\x04", 12),
        std::string("\x1d(k\x04\x00"
                    "1A2\x00\x1d(k\x03\x00"
                    "1Q0",
                    17),
        std::string("\x1dv0\x00\x02\x00\x02\x00\xff\xff\xff\xff\n", 13),
        std::string("\x1dk\x04"
                    "123\x00\x1dkI\x03"
                    "abc",
                    13),
        std::string("\x1b!\x38"
                    "big\n\x1b"
                    "a\x02right\n\x1dV\x42\x03",
                    22),
        "plain text\n"};
    const std::string alphabet =
        std::string("\x1b\x1d\x1c\x10\x04\n(k!aEdV@&.01PQCE\x81\x30\xfe", 28);
    for (long i = 0; i < iterations; ++i) {
        std::string input = corpus[rng() % corpus.size()];
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const size_t pos = input.empty() ? 0 : rng() % (input.size() + 1);
            switch (rng() % 5) {
                case 0:
                    input.insert(pos, 1, alphabet[rng() % alphabet.size()]);
                    break;
                case 1:
                    input.insert(pos, 1, static_cast<char>(rng() % 256));
                    break;
                case 2:
                    if (pos < input.size()) input.erase(pos, 1 + rng() % 4);
                    break;
                case 3:
                    if (pos < input.size())
                        input[pos] = static_cast<char>(input[pos] ^ (1 << (rng() % 8)));
                    break;
                default:
                    input += corpus[rng() % corpus.size()];
                    break;
            }
        }
        if (input.size() > 8192) input.resize(8192);
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
        if (i % 50 == 0 && input.size() > 8 && corpus.size() < 64) corpus.push_back(input);
    }
    std::printf("%ld inputs, seed %u: no crash\n", iterations, seed);
    return 0;
}

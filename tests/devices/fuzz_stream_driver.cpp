// fuzz_scanner_stream without libFuzzer: the shared seeded mutation driver
// (tests/common/FuzzDriver.h) with serial-scanner byte streams. The first two bytes of an input
// choose the framer's configuration (fuzz_scanner_stream.cpp); the extra edits add long runs
// without a terminator and switch the configuration. Usage: fuzz_scanner_stream [iterations] [seed]
#include "FuzzDriver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv)
{
    using mk::test::literalBytes;
    mk::test::FuzzDriverOptions options;
    options.seeds = {
        literalBytes("\x00\x07MKAPPT:A20261123-0042\r\n"),
        literalBytes("\x08\x01MKPATIENT:P00001001:19850312\rMKAPPT:A1\r"),
        literalBytes("\x11\x05\xe6\x9d\x8e\xe6\x98\x8e\n\n\nX\n"),
        literalBytes("\x03\x09\x02"
                     "CODE\x03garbage\x00\xff\x03"),
        literalBytes("\x04\x00\x00\x00"
                     "ABC\x00"),
        "\xf8\x10" + std::string(300, 'A') + "\r\nOK\r\n",
    };
    options.alphabet = literalBytes("MKAPT:0123456789-\r\n\r\n\x03\x7f\xff\xe6\x9d\x8e\t \x00");
    options.max_input_bytes = 8192;
    options.extra_mutations = {
        [](std::string& input, std::mt19937& rng) {  // a long line: the framer's length cap
            const std::size_t pos = input.empty() ? 0 : rng() % (input.size() + 1);
            input.insert(pos, 1 + rng() % 400, static_cast<char>('A' + rng() % 26));
        },
        [](std::string& input, std::mt19937& rng) {  // another configuration
            if (!input.empty()) input[0] = static_cast<char>(rng() % 256);
        },
    };
    return mk::test::runFuzzDriver(argc, argv, options, LLVMFuzzerTestOneInput);
}

// Runs a libFuzzer entry point without libFuzzer, for byte streams of serial scanners: seeds plus
// deterministic random mutations (byte flips, inserts of terminators and noise, deletes, splices,
// long runs). Usage: fuzz_x [iterations] [seed]
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
    std::vector<std::string> corpus = {
        std::string("\x00\x07MKAPPT:A20261123-0042\r\n", 25),
        std::string("\x08\x01MKPATIENT:P00001001:19850312\rMKAPPT:A1\r", 40),
        std::string("\x11\x05\xe6\x9d\x8e\xe6\x98\x8e\n\n\nX\n", 13),
        std::string("\x03\x09\x02"
                    "CODE\x03garbage\x00\xff\x03",
                    18),
        std::string("\x04\x00\x00\x00"
                    "ABC\x00",
                    8),
        "\xf8\x10" + std::string(300, 'A') + "\r\nOK\r\n",
    };
    std::string alphabet = "MKAPT:0123456789-\r\n\r\n\x03\x7f\xff\xe6\x9d\x8e\t ";
    alphabet += '\0';
    for (long i = 0; i < iterations; ++i) {
        std::string input = corpus[rng() % corpus.size()];
        const int edits = 1 + static_cast<int>(rng() % 6);
        for (int e = 0; e < edits; ++e) {
            const size_t pos = input.empty() ? 0 : rng() % (input.size() + 1);
            switch (rng() % 7) {
                case 0:
                    input.insert(pos, 1, alphabet[rng() % alphabet.size()]);
                    break;
                case 1:
                    input.insert(pos, 1, static_cast<char>(rng() % 256));
                    break;
                case 2:
                    if (pos < input.size()) input.erase(pos, 1 + rng() % 8);
                    break;
                case 3:
                    if (pos < input.size())
                        input[pos] = static_cast<char>(input[pos] ^ (1 << (rng() % 8)));
                    break;
                case 4:
                    input.insert(pos, 1 + rng() % 400, static_cast<char>('A' + rng() % 26));
                    break;
                case 5:
                    if (!input.empty())
                        input[0] = static_cast<char>(rng() % 256);  // another configuration
                    break;
                default:
                    input += corpus[rng() % corpus.size()].substr(2);
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

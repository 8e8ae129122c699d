// Runs a libFuzzer entry point without libFuzzer: seeds plus deterministic random mutations
// (byte flips, inserts, deletes, splices), so the target runs in every ctest. Usage:
// fuzz_checkin_token [iterations] [seed]
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
    std::vector<std::string> corpus = {"MKCI1.eyJhIjoiYSJ9.AAAA", "MKPATIENT:P1:20000229",
                                       "MKAPPT:A20261123-0042",   "MKPATIENT:P00001001:1985-03-12",
                                       "https://example.com/",    "",
                                       "\xe6\x9d\x8e\xe6\x98\x8e"};
    const std::string alphabet = "MKCI1.-_=+/{}\":,0123456789abcxyz\r\n \xff\xe6";
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
        if (input.size() > 4096) input.resize(4096);
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
        if (i % 50 == 0 && input.size() > 8 && corpus.size() < 64) corpus.push_back(input);
    }
    std::printf("%ld inputs, seed %u: no crash\n", iterations, seed);
    return 0;
}

#include "FuzzDriver.h"

#include <cstdio>
#include <cstdlib>
#include <random>

namespace mk::test {

namespace {

constexpr std::size_t kMaxCorpusSize = 64;
constexpr long kKeepEvery = 50;  // every 50th mutated input longer than 8 bytes joins the corpus

void mutate(std::string& input, const std::vector<std::string>& corpus,
            const FuzzDriverOptions& options, std::mt19937& rng)
{
    const std::string& alphabet = options.alphabet;
    const auto& extra = options.extra_mutations;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
        const std::size_t pos = input.empty() ? 0 : rng() % (input.size() + 1);
        const std::size_t kind = extra.empty() ? rng() % 5 : rng() % (5 + extra.size());
        if (kind >= 5) {
            extra[kind - 5](input, rng);
            continue;
        }
        switch (kind) {
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
}

}  // namespace

std::vector<std::string> scannedTextSeeds()
{
    return {"MKPATIENT:P1:20000229",
            "MKAPPT:A20261123-0042",
            "MKPATIENT:P00001001:1985-03-12",
            "https://example.com/",
            "",
            "\xe6\x9d\x8e\xe6\x98\x8e"};
}

int runFuzzDriver(int argc, char** argv, const FuzzDriverOptions& options,
                  const FuzzOneInput& one_input)
{
    const long iterations =
        argc > 1 ? std::strtol(argv[1], nullptr, 10) : options.default_iterations;
    const unsigned seed = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 1;
    if (options.seeds.empty() || options.alphabet.empty()) {
        std::fprintf(stderr, "fuzz driver: no seeds or no alphabet\n");
        return 2;
    }
    std::mt19937 rng(seed);
    std::vector<std::string> corpus = options.seeds;
    for (long i = 0; i < iterations; ++i) {
        std::string input = corpus[rng() % corpus.size()];
        mutate(input, corpus, options, rng);
        if (input.size() > options.max_input_bytes) input.resize(options.max_input_bytes);
        one_input(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
        if (i % kKeepEvery == 0 && input.size() > 8 && corpus.size() < kMaxCorpusSize)
            corpus.push_back(input);
    }
    std::printf("%ld inputs, seed %u: no crash\n", iterations, seed);
    return 0;
}

}  // namespace mk::test

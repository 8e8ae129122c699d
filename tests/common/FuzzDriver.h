// Runs a libFuzzer entry point without libFuzzer (gcc builds; under Clang the fuzz targets link
// libFuzzer instead): the seeds plus deterministic random mutations (byte inserts from an
// alphabet or at random, deletes, bit flips, splices), so the target runs in every ctest. Each
// fuzz target's driver only names its seeds, its alphabet and its size cap, and calls
// runFuzzDriver() from its main(). The program's usage: <name> [iterations] [seed].
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace mk::test {

struct FuzzDriverOptions {
    std::vector<std::string> seeds;  // the first corpus; every 50th mutated input joins it (max 64)
    std::string alphabet;            // bytes likely to matter to the parser, inserted by mutations
    std::size_t max_input_bytes = 4096;  // longer mutated inputs are cut to this
    long default_iterations = 20000;     // when the command line gives none
    // Target-specific edits (e.g. long runs for a stream framer, a different configuration
    // byte), each picked like one of the built-in edits.
    std::vector<std::function<void(std::string& input, std::mt19937& rng)>> extra_mutations;
};

// The bytes of a string literal, embedded NULs included, without its terminating NUL: seeds and
// alphabets of binary protocols need no hand-counted lengths.
template<std::size_t N>
std::string literalBytes(const char (&literal)[N])
{
    return std::string(literal, N - 1);
}

// Texts a kiosk's scanner reads (a short patient card, an appointment code, a card with a dashed
// date, a URL, nothing, a Chinese name), seeds for the targets that parse scanned text; each adds
// its own well-formed input first.
std::vector<std::string> scannedTextSeeds();

// Feeds one input to the code under test (LLVMFuzzerTestOneInput fits); its result is ignored.
using FuzzOneInput = std::function<int(const std::uint8_t* data, std::size_t size)>;

// Feeds [iterations] mutated inputs (same seed, same inputs) to one_input, prints
// "<n> inputs, seed <s>: no crash" and returns 0 for main(). A crash or a failed assertion in the
// code under test ends the program, which fails the ctest.
int runFuzzDriver(int argc, char** argv, const FuzzDriverOptions& options,
                  const FuzzOneInput& one_input);

}  // namespace mk::test

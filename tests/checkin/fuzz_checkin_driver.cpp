// fuzz_checkin_token without libFuzzer: the shared seeded mutation driver
// (tests/common/FuzzDriver.h) with check-in token seeds. Usage: fuzz_checkin_token [iterations]
// [seed]
#include "FuzzDriver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv)
{
    mk::test::FuzzDriverOptions options;
    options.seeds = {"MKCI1.eyJhIjoiYSJ9.AAAA"};
    for (const std::string& text : mk::test::scannedTextSeeds()) options.seeds.push_back(text);
    options.alphabet = "MKCI1.-_=+/{}\":,0123456789abcxyz\r\n \xff\xe6";
    options.max_input_bytes = 4096;
    return mk::test::runFuzzDriver(argc, argv, options, LLVMFuzzerTestOneInput);
}

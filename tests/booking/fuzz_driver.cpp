// fuzz_qrpayload without libFuzzer: the shared seeded mutation driver (tests/common/FuzzDriver.h)
// with QR payload seeds. Usage: fuzz_qrpayload [iterations] [seed]
#include "FuzzDriver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv)
{
    mk::test::FuzzDriverOptions options;
    options.seeds = {"MKPATIENT:P00001001:19850312"};
    for (const std::string& text : mk::test::scannedTextSeeds()) options.seeds.push_back(text);
    options.alphabet = "MKPATIENT:0123456789-\r\n \xff\xe6";
    options.max_input_bytes = 4096;
    return mk::test::runFuzzDriver(argc, argv, options, LLVMFuzzerTestOneInput);
}

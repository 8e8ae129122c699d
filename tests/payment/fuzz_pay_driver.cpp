// fuzz_pay_money / fuzz_pay_bill without libFuzzer: the shared seeded mutation driver
// (tests/common/FuzzDriver.h) with the payment seed corpus: tests/data/payment/*.json (bills and
// the other resources) and tests/data/payment/fuzz-money/* (amount texts). Usage: <name>
// [iterations] [seed]
#include "FuzzDriver.h"

#include <QDir>
#include <QFile>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv)
{
    const QString target = QStringLiteral(MK_FUZZ_PAY_TARGET);
    const bool money = target == u"money";
    mk::test::FuzzDriverOptions options;
    const QString folder = QStringLiteral(MEDKIOSK_TESTDATA "/payment") +
                           (money ? QStringLiteral("/fuzz-money") : QString());
    const QDir dir(folder);
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    for (const QString& name : names) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = file.readAll();
            options.seeds.emplace_back(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        }
    }
    if (options.seeds.empty()) {
        std::fprintf(stderr, "no seeds in %s\n", qPrintable(folder));
        return 1;
    }
    options.alphabet = money ? std::string("0123456789.-+eE ,\xef\xbc\x91")
                             : std::string("0123456789.-eE\"{}[]:, CNYUSvalue\\u");
    options.max_input_bytes = money ? 64 : 16384;
    options.default_iterations = money ? 50000 : 20000;
    return mk::test::runFuzzDriver(argc, argv, options, LLVMFuzzerTestOneInput);
}

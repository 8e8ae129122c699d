// Runs a libFuzzer entry point without libFuzzer, for JSON inputs: seeds (built in, plus every
// *.json file of the folders given) and deterministic mutations, byte-level (flip, insert, delete,
// splice) and JSON-aware (a value replaced by one of another type or a bad date), so the target
// runs in every ctest. Usage: fuzz_x ITERATIONS [SEED_DIR...]
#include <QDir>
#include <QFile>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

const char* const kSeeds[] = {
    "{\"resourceType\":\"Slot\",\"id\":\"s\",\"schedule\":{\"reference\":\"Schedule/a\"},"
    "\"status\":\"free\",\"start\":\"2030-11-07T08:00:00+08:00\",\"end\":\"2030-11-07T08:10:00+08:"
    "00\"}",
    "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":1,\"link\":[{\"relation\":"
    "\"next\",\"url\":\"http://127.0.0.1:8080/fhir/Slot?_offset=1\"}],\"entry\":[{\"resource\":"
    "{\"resourceType\":\"Schedule\",\"id\":\"x\",\"actor\":[{\"reference\":\"Practitioner/p\"}]},"
    "\"search\":{\"mode\":\"match\"}}]}",
    "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":"
    "\"business-rule\",\"details\":{\"coding\":[{\"system\":\"urn:medkiosk:rule\",\"code\":"
    "\"per-day\"}]}}]}",
    "{\"resourceType\":\"Appointment\",\"id\":\"a\",\"status\":\"arrived\",\"start\":"
    "\"2030-11-07T08:00:00Z\",\"end\":\"2030-11-07T08:10:00Z\",\"extension\":[{\"url\":"
    "\"http://medkiosk.example/fhir/StructureDefinition/visit-sequence\",\"valuePositiveInt\":3}]}",
};

const char* const kValues[] = {"null",
                               "0",
                               "-1",
                               "1.5",
                               "1e999",
                               "\"\"",
                               "\"x\"",
                               "[]",
                               "{}",
                               "[1,{}]",
                               "true",
                               "\"2030-02-30\"",
                               "\"2030-11-07T25:00:00Z\"",
                               "\"Patient/\"",
                               "\"\\u0000\"",
                               "{\"reference\":7}"};

// Replaces the JSON value after a random ':' (up to the next ',' or '}') by another one.
void swapValue(std::string& s, std::mt19937& rng)
{
    if (s.empty()) return;
    const size_t colon = s.find(':', rng() % s.size());
    if (colon == std::string::npos) return;
    size_t end = colon + 1;
    int depth = 0;
    for (; end < s.size(); ++end) {
        const char c = s[end];
        if (c == '{' || c == '[') ++depth;
        if ((c == '}' || c == ']') && depth-- == 0) break;
        if (c == ',' && depth == 0) break;
    }
    s.replace(colon + 1, end - colon - 1, kValues[rng() % std::size(kValues)]);
}

}  // namespace

int main(int argc, char** argv)
{
    const long iterations = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 20000;
    std::vector<std::string> corpus(std::begin(kSeeds), std::end(kSeeds));
    for (int i = 2; i < argc; ++i) {
        const QDir dir(QString::fromLocal8Bit(argv[i]));
        for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            QFile f(dir.filePath(name));
            if (f.size() < 64 * 1024 && f.open(QIODevice::ReadOnly)) {
                corpus.push_back(f.readAll().toStdString());
            }
        }
    }
    for (const std::string& seed : corpus) {
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(seed.data()), seed.size());
    }
    std::mt19937 rng(1);
    for (long i = 0; i < iterations; ++i) {
        std::string input = corpus[rng() % corpus.size()];
        const int edits = 1 + int(rng() % 3);
        for (int e = 0; e < edits; ++e) {
            const size_t pos = input.empty() ? 0 : rng() % (input.size() + 1);
            switch (rng() % 6) {
                case 0:
                case 1:
                    swapValue(input, rng);
                    break;
                case 2:
                    input.insert(pos, 1, static_cast<char>(rng() % 256));
                    break;
                case 3:
                    if (pos < input.size()) input.erase(pos, 1 + rng() % 16);
                    break;
                case 4:
                    if (pos < input.size()) input[pos] = char(input[pos] ^ (1 << (rng() % 8)));
                    break;
                default: {
                    const std::string& other = corpus[rng() % corpus.size()];
                    input.insert(pos, other.substr(rng() % (other.size() + 1)));
                    break;
                }
            }
        }
        if (input.size() > 128 * 1024) input.resize(128 * 1024);
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
    }
    std::printf("%zu seeds, %ld mutated inputs: no crash\n", corpus.size(), iterations);
    return 0;
}

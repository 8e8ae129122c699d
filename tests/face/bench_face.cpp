// Face benchmarks (label bench; figures printed, nothing timed is asserted):
//  - the per-frame pipeline at 640x480 (FaceEngine: HOG on a downscaled copy) against the raw dlib
//    pipeline of DESIGN §7 (HOG on the full grey frame, landmarks, chip, descriptor) on the same
//    frames, with the rank-1 accuracy of each on those frames;
//  - 1:N search over 100,000 and 1,000,000 random templates (int8 gallery) and memory per template;
//  - face eval on photos/johns.
#include "FaceTestData.h"
#include "face_auth/FaceEvaluation.h"
#include "face_auth/Gallery.h"
#include "face_auth/Identifier.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <dlfcn.h>
#include <functional>
#include <memory>

using namespace mk::face;

namespace {

double median(std::vector<double> v)
{
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

// The q-quantile (0..1, nearest rank) of v.
double quantile(std::vector<double> v, double q)
{
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))];
}

struct Frame {
    int person = 0;
    QImage chip;  // the photos/johns chip the frame was made from
    QImage image;
};

// A 640x480 camera-like frame: the chip enlarged to a face of 220-300 px at a varying place on a
// noisy gradient background.
QImage makeFrame(const QImage& chip, int i)
{
    QImage frame(640, 480, QImage::Format_RGB888);
    QRandomGenerator rng(quint32(i + 1));
    for (int y = 0; y < 480; ++y) {
        uchar* row = frame.scanLine(y);
        for (int x = 0; x < 640 * 3; ++x)
            row[x] = uchar(std::clamp(60 + y / 4 + x / 30 + int(rng.bounded(12)), 0, 255));
    }
    const int size = 220 + (i * 37) % 81;
    const int left = 40 + (i * 53) % (640 - size - 80);
    const int top = 20 + (i * 29) % (480 - size - 40);
    QPainter p(&frame);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(QRect(left, top, size, size), chip);
    return frame;
}

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// OpenBLAS's kernel set (it decides the descriptor's time), or "?" when BLAS is not OpenBLAS.
QString blasCore()
{
    void* symbol = dlsym(RTLD_DEFAULT, "openblas_get_corename");
    if (!symbol) return QStringLiteral("?");
    char* (*core_name)() = nullptr;
    std::memcpy(&core_name, &symbol, sizeof(core_name));
    return QString::fromLatin1(core_name());
}

using DescribeFn = std::function<std::optional<Descriptor>(const QImage&)>;

struct Variant {
    QString name;
    DescribeFn fn;
    std::vector<double> wall_ms;
    std::vector<double> cpu_ms;
    std::vector<std::optional<Descriptor>> out;
};

// Rank-1 over the frames: each person's first frame enrolled, the others identified (nearest).
std::pair<int, int> rank1(const std::vector<Frame>& frames,
                          const std::vector<std::optional<Descriptor>>& out)
{
    std::vector<int> enrolled_person;
    std::vector<Descriptor> enrolled;
    std::vector<int> seen;
    int probes = 0;
    int correct = 0;
    for (size_t i = 0; i < frames.size(); ++i) {
        if (std::find(seen.begin(), seen.end(), frames[i].person) == seen.end()) {
            seen.push_back(frames[i].person);
            if (out[i]) {
                enrolled.push_back(*out[i]);
                enrolled_person.push_back(frames[i].person);
            }
            continue;
        }
        ++probes;
        if (!out[i]) continue;
        double best = 1e9;
        int who = -1;
        for (size_t e = 0; e < enrolled.size(); ++e) {
            const double d = descriptorDistance(*out[i], enrolled[e]);
            if (d < best) {
                best = d;
                who = enrolled_person[e];
            }
        }
        if (who == frames[i].person) ++correct;
    }
    return {correct, probes};
}

}  // namespace

class BenchFace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pipeline();
    void search();
    void evalJohns();
};

void BenchFace::pipeline()
{
    MK_FACE_REQUIRE_MODELS();
    std::vector<Frame> frames;
    const QStringList people = test::johnsPeople();
    for (int p = 0; p < people.size(); ++p) {
        for (const QString& path : test::johnsImages(people[p]))
            frames.push_back({p, QImage(path), makeFrame(QImage(path), int(frames.size()))});
    }
    std::printf(
        "pipeline: %zu frames 640x480 made from photos/johns (%lld people), face 220-300 px; "
        "OpenBLAS kernels %s\n",
        frames.size(), qlonglong(people.size()), qPrintable(blasCore()));
    // One engine per variant (options differ); all measured on the same frame back to back,
    // in rotating order, so that the machine's load hits every variant alike. CPU time of the
    // process is the figure to compare on a shared machine; wall time is printed too.
    struct Config {
        const char* name;
        int min_face_px;
        int pyramid_down;
    };
    const std::vector<Config> configs{{"default", EngineOptions{}.detect_min_face_px, 5},
                                      {"dlib's pyramid", EngineOptions{}.detect_min_face_px, 6},
                                      {"before (400x300)", 110, 6},
                                      {"min face 160", 160, 5}};
    std::vector<std::unique_ptr<FaceEngine>> engines;
    std::vector<Variant> variants;
    engines.push_back(std::make_unique<FaceEngine>());
    QVERIFY(engines.back()->load(test::modelsDir()));
    {
        FaceEngine* e = engines.back().get();
        variants.push_back({QStringLiteral("raw dlib (HOG on full grey frame)"),
                            [e](const QImage& img) {
                                auto d = e->referenceDescriptor(img);
                                return d ? std::optional<Descriptor>(d.value()) : std::nullopt;
                            },
                            {},
                            {},
                            {}});
    }
    for (const Config& c : configs) {
        EngineOptions options;
        options.detect_min_face_px = c.min_face_px;
        options.quality.min_face_width_px = std::max(c.min_face_px, 1);
        options.hog_pyramid_down = c.pyramid_down;
        engines.push_back(std::make_unique<FaceEngine>(options));
        QVERIFY(engines.back()->load(test::modelsDir()));
        FaceEngine* e = engines.back().get();
        const QSize size = FaceEngine::detectionSize(QSize(640, 480), options);
        variants.push_back({QStringLiteral("%1: %2x%3, pyramid %4/%5")
                                .arg(QLatin1String(c.name))
                                .arg(size.width())
                                .arg(size.height())
                                .arg(c.pyramid_down - 1)
                                .arg(c.pyramid_down),
                            [e](const QImage& img) {
                                auto a = e->analyze(img);
                                return a && a.value().descriptor
                                           ? std::optional<Descriptor>(*a.value().descriptor)
                                           : std::nullopt;
                            },
                            {},
                            {},
                            {}});
    }
    for (Variant& v : variants) (void)v.fn(frames.front().image);  // warm-up
    // The floor no detector can go under: landmarks + descriptor of the frame's ready chip,
    // measured in the same rotation.
    std::vector<double> floor_ms;
    for (size_t i = 0; i < frames.size(); ++i) {
        const double floor0 = cpuMs();
        (void)engines.front()->analyzeChip(frames[i].chip);
        floor_ms.push_back(cpuMs() - floor0);
        for (size_t k = 0; k < variants.size(); ++k) {
            Variant& v = variants[(i + k) % variants.size()];
            QElapsedTimer t;
            const double cpu0 = cpuMs();
            t.start();
            v.out.push_back(v.fn(frames[i].image));
            v.wall_ms.push_back(double(t.nsecsElapsed()) / 1e6);
            v.cpu_ms.push_back(cpuMs() - cpu0);
        }
    }
    // Detection alone (HOG + landmarks, no descriptor), interleaved: dlib's detector on the full
    // frame against the default engine's.
    {
        EngineOptions raw_options;
        raw_options.detect_min_face_px = 0;
        raw_options.hog_pyramid_down = 6;
        FaceEngine raw_detector(raw_options);
        QVERIFY(raw_detector.load(test::modelsDir()));
        FaceEngine& ours = *engines[1];
        std::vector<double> raw_ms;
        std::vector<double> ours_ms;
        for (const Frame& f : frames) {
            double cpu0 = cpuMs();
            (void)raw_detector.detect(f.image);
            raw_ms.push_back(cpuMs() - cpu0);
            cpu0 = cpuMs();
            (void)ours.detect(f.image);
            ours_ms.push_back(cpuMs() - cpu0);
        }
        std::printf("  %-36s CPU median %6.1f ms (full frame, pyramid 5/6)\n",
                    "detection only: raw dlib", median(raw_ms));
        std::printf("  %-36s CPU median %6.1f ms (%s), ratio %.2f\n", "detection only: default",
                    median(ours_ms), qPrintable(variants[1].name),
                    median(ours_ms) / median(raw_ms));
    }
    std::printf("  %-36s CPU median %6.1f ms (landmarks + chip quality + descriptor only)\n",
                "ready 150x150 chip (floor)", median(floor_ms));
    const double raw_cpu = median(variants.front().cpu_ms);
    const double raw_wall = median(variants.front().wall_ms);
    for (const Variant& v : variants) {
        const auto [correct, probes] = rank1(frames, v.out);
        int described = 0;
        double drift = 0.0;
        for (size_t i = 0; i < frames.size(); ++i) {
            if (v.out[i]) ++described;
            if (v.out[i] && variants.front().out[i])
                drift = std::max(drift, descriptorDistance(*v.out[i], *variants.front().out[i]));
        }
        // Per-frame ratio to raw on the same frame: its median and 10-90% spread.
        std::vector<double> ratios;
        for (size_t i = 0; i < v.cpu_ms.size(); ++i)
            ratios.push_back(v.cpu_ms[i] / variants.front().cpu_ms[i]);
        std::printf(
            "  %-36s CPU median %6.1f ms (p10 %.1f, p90 %.1f), ratio of medians %.2f (per-frame "
            "p10-p90 %.2f-%.2f); wall median %6.1f ms (ratio %.2f); described %d/%zu, rank-1 "
            "%d/%d, max distance to raw %.3f\n",
            qPrintable(v.name), median(v.cpu_ms), quantile(v.cpu_ms, 0.1), quantile(v.cpu_ms, 0.9),
            median(v.cpu_ms) / raw_cpu, quantile(ratios, 0.1), quantile(ratios, 0.9),
            median(v.wall_ms), median(v.wall_ms) / raw_wall, described, frames.size(), correct,
            probes, drift);
    }
    std::fflush(stdout);
}

void BenchFace::search()
{
    QRandomGenerator rng(2026);
    for (const std::size_t n : {std::size_t(100'000), std::size_t(1'000'000)}) {
        Gallery gallery(0.5);
        gallery.reserve(n);
        QuantisedDescriptor q{};
        for (std::size_t i = 0; i < n; ++i) {
            for (auto& v : q) v = std::int8_t(int(rng.bounded(160)) - 80);
            gallery.addQuantised(qint64(i), q);
        }
        std::vector<double> ms;
        qint64 sink = 0;
        for (int r = 0; r < 31; ++r) {
            Descriptor probe{};
            for (float& v : probe) v = float(rng.generateDouble() * 0.6 - 0.3);
            QElapsedTimer t;
            t.start();
            const GalleryMatch m = gallery.search(probe);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            sink += m.id;
        }
        // What reading the same number of bytes costs on this machine now (memory bandwidth).
        std::vector<std::uint64_t> block(n * kDescriptorSize / sizeof(std::uint64_t), 1);
        std::vector<double> read_ms;
        std::uint64_t acc = 0;
        for (int r = 0; r < 5; ++r) {
            QElapsedTimer t;
            t.start();
            for (std::uint64_t w : block) acc += w;
            read_ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        sink += qint64(acc & 1);
        std::printf("  plain read of the same %.1f MB: median %.2f ms\n",
                    double(block.size() * sizeof(std::uint64_t)) / 1e6, median(read_ms));
        std::printf(
            "1:N search, %zu templates: median %.2f ms (min %.2f, max %.2f), gallery %.1f MB "
            "= %zu bytes/template (int8 128 + id 8) [%lld]\n",
            n, median(ms), *std::min_element(ms.begin(), ms.end()),
            *std::max_element(ms.begin(), ms.end()), double(gallery.memoryBytes()) / 1e6,
            Gallery::kBytesPerTemplate, qlonglong(sink % 2));
    }
    std::fflush(stdout);
}

void BenchFace::evalJohns()
{
    MK_FACE_REQUIRE_MODELS();
    FaceEngine engine;
    QVERIFY(engine.load(test::modelsDir()));
    FaceEvaluation evaluation(engine, IdentifyConfig{}.match_threshold);
    auto report = evaluation.run(test::photosDir(QStringLiteral("johns")), true);
    QVERIFY(report);
    std::printf("face eval photos/johns:\n%s", qPrintable(report.value().toText()));
    std::fflush(stdout);
}

QTEST_GUILESS_MAIN(BenchFace)
#include "bench_face.moc"

#include "FaceEvaluation.h"

#include "Gallery.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mk::face {

DistanceStats DistanceStats::of(std::vector<double> values)
{
    DistanceStats s;
    s.count = int(values.size());
    if (values.empty()) return s;
    std::sort(values.begin(), values.end());
    s.min = values.front();
    s.max = values.back();
    const size_t n = values.size();
    s.median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    s.histogram.assign(size_t(std::floor(s.max / kHistogramBin)) + 1, 0);
    for (double v : values) ++s.histogram[size_t(std::floor(v / kHistogramBin))];
    return s;
}

FaceEvaluation::FaceEvaluation(const FaceEngine& engine, double threshold)
    : engine_(engine), threshold_(threshold)
{}

FaceResult<EvaluationReport> FaceEvaluation::run(const QString& dir, bool chip) const
{
    EvaluationReport r;
    r.threshold = threshold_;
    const QDir root(dir);
    const QStringList people = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (people.isEmpty())
        return faceError(FaceErrorCode::BadImage, tr("%1 has no subfolder per person").arg(dir));
    struct Probe {
        int person = 0;
        Descriptor descriptor{};
    };
    std::vector<Descriptor> enrolled;
    std::vector<int> enrolled_person;
    std::vector<Probe> probes;
    QElapsedTimer timer;
    timer.start();
    for (int p = 0; p < people.size(); ++p) {
        const QDir person(root.filePath(people[p]));
        const QStringList files = person.entryList(
            {QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png")},
            QDir::Files, QDir::Name);
        bool has_template = false;
        for (const QString& f : files) {
            const QImage image(person.filePath(f));
            ++r.images;
            if (image.isNull()) {
                ++r.unusable_images;
                continue;
            }
            const bool as_chip =
                chip || (image.width() == kChipSizePx && image.height() == kChipSizePx);
            auto analysis = as_chip ? engine_.analyzeChip(image) : engine_.analyze(image);
            if (!analysis) return analysis.error();
            if (!analysis.value().descriptor) {
                ++r.unusable_images;
                continue;
            }
            if (!has_template) {
                enrolled.push_back(*analysis.value().descriptor);
                enrolled_person.push_back(p);
                has_template = true;
            } else {
                probes.push_back(Probe{p, *analysis.value().descriptor});
            }
        }
    }
    r.seconds_per_image = r.images > 0 ? double(timer.elapsed()) / 1000.0 / r.images : 0.0;
    r.people = int(enrolled.size());
    r.probes = int(probes.size());

    Gallery gallery(threshold_);
    for (size_t i = 0; i < enrolled.size(); ++i) gallery.add(qint64(i), enrolled[i]);
    std::vector<double> genuine;
    std::vector<double> impostor;
    for (const Probe& probe : probes) {
        double best = std::numeric_limits<double>::infinity();
        int best_person = -1;
        const QuantisedDescriptor q = Gallery::quantise(probe.descriptor);
        for (size_t i = 0; i < enrolled.size(); ++i) {
            const double d = descriptorDistance(probe.descriptor, enrolled[i]);
            r.max_quantisation_error =
                std::max(r.max_quantisation_error,
                         std::abs(Gallery::distance(q, Gallery::quantise(enrolled[i])) - d));
            if (enrolled_person[i] == probe.person) {
                genuine.push_back(d);
                if (d > threshold_) ++r.genuine_over_threshold;
            } else {
                impostor.push_back(d);
                if (d <= threshold_) ++r.impostor_under_threshold;
            }
            if (d < best) {
                best = d;
                best_person = enrolled_person[i];
            }
        }
        const bool right = best_person == probe.person;
        if (right) ++r.rank1_correct;
        if (right && best <= threshold_) ++r.accepted_correct;
        if (!right && best <= threshold_) ++r.false_accepts;
        if (!(right && best <= threshold_)) ++r.false_rejects;
        const GalleryMatch m = gallery.search(probe.descriptor);
        if (m.id >= 0 && enrolled_person[size_t(m.id)] == probe.person) ++r.rank1_correct_int8;
    }
    r.genuine = DistanceStats::of(genuine);
    r.impostor = DistanceStats::of(impostor);
    r.margin = (r.genuine.count > 0 && r.impostor.count > 0) ? r.impostor.min - r.genuine.max : 0.0;
    for (Descriptor& d : enrolled) secureWipe(d);
    for (Probe& p : probes) secureWipe(p.descriptor);
    return r;
}

namespace {

QJsonObject statsJson(const DistanceStats& s)
{
    QJsonArray hist;
    for (int h : s.histogram) hist.append(h);
    return QJsonObject{{QStringLiteral("count"), s.count},
                       {QStringLiteral("min"), s.min},
                       {QStringLiteral("median"), s.median},
                       {QStringLiteral("max"), s.max},
                       {QStringLiteral("histogram_bin"), DistanceStats::kHistogramBin},
                       {QStringLiteral("histogram"), hist}};
}

QString statsText(const QString& label, const DistanceStats& s)
{
    QString out = QStringLiteral("%1: n=%2 min=%3 median=%4 max=%5\n")
                      .arg(label)
                      .arg(s.count)
                      .arg(s.min, 0, 'f', 3)
                      .arg(s.median, 0, 'f', 3)
                      .arg(s.max, 0, 'f', 3);
    for (size_t i = 0; i < s.histogram.size(); ++i) {
        if (s.histogram[i] == 0) continue;
        out += QStringLiteral("  [%1, %2) %3\n")
                   .arg(double(i) * DistanceStats::kHistogramBin, 0, 'f', 2)
                   .arg(double(i + 1) * DistanceStats::kHistogramBin, 0, 'f', 2)
                   .arg(s.histogram[i]);
    }
    return out;
}

}  // namespace

QJsonObject EvaluationReport::toJson() const
{
    return QJsonObject{
        {QStringLiteral("threshold"), threshold},
        {QStringLiteral("people"), people},
        {QStringLiteral("images"), images},
        {QStringLiteral("unusable_images"), unusable_images},
        {QStringLiteral("probes"), probes},
        {QStringLiteral("rank1_accuracy"), probes > 0 ? double(rank1_correct) / probes : 0.0},
        {QStringLiteral("rank1_accuracy_int8"),
         probes > 0 ? double(rank1_correct_int8) / probes : 0.0},
        {QStringLiteral("accepted_correct"), accepted_correct},
        {QStringLiteral("false_accepts"), false_accepts},
        {QStringLiteral("false_rejects"), false_rejects},
        {QStringLiteral("genuine_pairs_over_threshold"), genuine_over_threshold},
        {QStringLiteral("impostor_pairs_under_threshold"), impostor_under_threshold},
        {QStringLiteral("genuine"), statsJson(genuine)},
        {QStringLiteral("impostor"), statsJson(impostor)},
        {QStringLiteral("margin"), margin},
        {QStringLiteral("max_int8_distance_error"), max_quantisation_error},
        {QStringLiteral("seconds_per_image"), seconds_per_image},
    };
}

QString EvaluationReport::toText() const
{
    QString out;
    out += QStringLiteral("people %1, images %2 (unusable %3), probes %4, threshold %5\n")
               .arg(people)
               .arg(images)
               .arg(unusable_images)
               .arg(probes)
               .arg(threshold, 0, 'f', 3);
    out += QStringLiteral("rank-1 accuracy %1/%2 (int8 gallery: %3/%2)\n")
               .arg(rank1_correct)
               .arg(probes)
               .arg(rank1_correct_int8);
    out += QStringLiteral(
               "identification at threshold: %1 correct, %2 false accepts, %3 false "
               "rejects\n")
               .arg(accepted_correct)
               .arg(false_accepts)
               .arg(false_rejects);
    out += QStringLiteral(
               "1:1 pairs: genuine over threshold %1/%2, impostor under threshold "
               "%3/%4\n")
               .arg(genuine_over_threshold)
               .arg(genuine.count)
               .arg(impostor_under_threshold)
               .arg(impostor.count);
    out += statsText(QStringLiteral("genuine distances"), genuine);
    out += statsText(QStringLiteral("impostor distances"), impostor);
    out +=
        QStringLiteral("margin (smallest impostor - largest genuine): %1\n").arg(margin, 0, 'f', 3);
    out +=
        QStringLiteral("largest int8 distance error: %1\n").arg(max_quantisation_error, 0, 'f', 4);
    out += QStringLiteral("%1 s per image\n").arg(seconds_per_image, 0, 'f', 3);
    return out;
}

}  // namespace mk::face

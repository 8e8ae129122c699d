// Measures the matcher on a folder of photos, one subfolder per person: the first usable image of
// each person is enrolled, every other image is identified against all enrolled people. Reports
// rank-1 accuracy, false accepts / false rejects at the threshold, the genuine and impostor
// distance distributions, the margin between them, and the effect of the gallery's int8
// quantisation. Used by `medkioskctl face eval` and the benchmarks.
#pragma once

#include "FaceEngine.h"
#include "FaceResult.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace mk::face {

struct DistanceStats {
    int count = 0;
    double min = 0.0;
    double median = 0.0;
    double max = 0.0;
    std::vector<int> histogram;  // bins of kHistogramBin from 0

    static constexpr double kHistogramBin = 0.05;
    static DistanceStats of(std::vector<double> values);
};

struct EvaluationReport {
    double threshold = 0.0;
    int people = 0;
    int images = 0;
    int unusable_images = 0;  // no single face found
    int probes = 0;
    int rank1_correct = 0;
    int accepted_correct = 0;          // nearest is the right person and within the threshold
    int false_accepts = 0;             // nearest is another person and within the threshold
    int false_rejects = 0;             // a genuine probe not accepted as its own person
    int genuine_over_threshold = 0;    // 1:1 comparisons
    int impostor_under_threshold = 0;  // 1:1 comparisons
    DistanceStats genuine;
    DistanceStats impostor;
    double margin = 0.0;  // smallest impostor minus largest genuine distance (> 0: separable)
    int rank1_correct_int8 = 0;
    double max_quantisation_error = 0.0;  // |int8 distance - float distance|, largest seen
    double seconds_per_image = 0.0;

    QJsonObject toJson() const;
    QString toText() const;
};

class FaceEvaluation
{
    Q_DECLARE_TR_FUNCTIONS(mk::face::FaceEvaluation)

public:
    FaceEvaluation(const FaceEngine& engine, double threshold);
    // chip: every image is an aligned 150x150 chip; otherwise 150x150 images are taken as chips
    // and others go through detection.
    FaceResult<EvaluationReport> run(const QString& dir, bool chip) const;

private:
    const FaceEngine& engine_;
    double threshold_ = 0.0;
};

}  // namespace mk::face

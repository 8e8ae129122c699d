#include "Quality.h"

#include <QCoreApplication>

#include <cmath>

namespace mk::face {

double Quality::laplacianVariance(const QImage& grey_in)
{
    const QImage grey = grey_in.format() == QImage::Format_Grayscale8
                            ? grey_in
                            : grey_in.convertToFormat(QImage::Format_Grayscale8);
    const int w = grey.width();
    const int h = grey.height();
    if (w < 3 || h < 3) return 0.0;
    double sum = 0.0;
    double sum_sq = 0.0;
    long n = 0;
    for (int y = 1; y < h - 1; ++y) {
        const uchar* up = grey.constScanLine(y - 1);
        const uchar* row = grey.constScanLine(y);
        const uchar* down = grey.constScanLine(y + 1);
        for (int x = 1; x < w - 1; ++x) {
            const double lap = double(up[x]) + double(down[x]) + double(row[x - 1]) +
                               double(row[x + 1]) - 4.0 * double(row[x]);
            sum += lap;
            sum_sq += lap * lap;
            ++n;
        }
    }
    const double mean = sum / double(n);
    return sum_sq / double(n) - mean * mean;
}

double Quality::meanLuminance(const QImage& grey_in)
{
    const QImage grey = grey_in.format() == QImage::Format_Grayscale8
                            ? grey_in
                            : grey_in.convertToFormat(QImage::Format_Grayscale8);
    if (grey.isNull()) return 0.0;
    double sum = 0.0;
    for (int y = 0; y < grey.height(); ++y) {
        const uchar* row = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x) sum += row[x];
    }
    return sum / (double(grey.width()) * double(grey.height()));
}

QualityReport Quality::assess(int face_count, const DetectedFace* face, const QImage& chip_grey,
                              const QualityConfig& config, bool check_size)
{
    QualityReport report;
    report.face_count = face_count;
    if (face_count > 1) {
        report.issue = QualityIssue::MultipleFaces;
        return report;
    }
    if (face_count == 0 || face == nullptr) {
        report.issue = QualityIssue::NoFace;
        return report;
    }
    report.face_width_px = face->box.width();
    report.pose = poseFromLandmarks(face->landmarks);
    report.mean_luminance = meanLuminance(chip_grey);
    report.laplacian_variance = laplacianVariance(chip_grey);
    // Light and sharpness before pose: landmarks on a dark or blurred face are unreliable, and
    // "hold still" is the useful hint then.
    if (check_size && report.face_width_px < config.min_face_width_px) {
        report.issue = QualityIssue::TooSmall;
    } else if (report.mean_luminance < config.min_mean_luminance) {
        report.issue = QualityIssue::TooDark;
    } else if (report.mean_luminance > config.max_mean_luminance) {
        report.issue = QualityIssue::TooBright;
    } else if (report.laplacian_variance < config.min_laplacian_variance) {
        report.issue = QualityIssue::Blurred;
    } else if (std::abs(report.pose.yaw) > config.max_abs_yaw ||
               report.pose.pitch < config.min_pitch || report.pose.pitch > config.max_pitch ||
               std::abs(report.pose.roll_deg) > config.max_abs_roll_deg) {
        report.issue = QualityIssue::NotFrontal;
    } else {
        report.issue = QualityIssue::Ok;
    }
    return report;
}

QString Quality::hint(QualityIssue issue)
{
    switch (issue) {
        case QualityIssue::Ok:
            return QCoreApplication::translate("mk::face::Quality", "Hold still, thank you.");
        case QualityIssue::NoFace:
            return QCoreApplication::translate(
                "mk::face::Quality",
                "No face found. Please stand close in front of the camera and look at it.");
        case QualityIssue::MultipleFaces:
            return QCoreApplication::translate(
                "mk::face::Quality",
                "Only one person please. Others, please step out of the picture.");
        case QualityIssue::TooSmall:
            return QCoreApplication::translate("mk::face::Quality",
                                               "Please come a little closer to the camera.");
        case QualityIssue::NotFrontal:
            return QCoreApplication::translate("mk::face::Quality",
                                               "Please look straight at the camera.");
        case QualityIssue::Blurred:
            return QCoreApplication::translate("mk::face::Quality",
                                               "Please hold still for a moment.");
        case QualityIssue::TooDark:
            return QCoreApplication::translate(
                "mk::face::Quality", "It is too dark. Please face the light or call staff.");
        case QualityIssue::TooBright:
            return QCoreApplication::translate("mk::face::Quality",
                                               "Too much light. Please step out of direct light.");
        case QualityIssue::Unset:
            break;
    }
    return QCoreApplication::translate("mk::face::Quality", "Please look at the camera.");
}

QString Quality::name(QualityIssue issue)
{
    switch (issue) {
        case QualityIssue::Ok:
            return QStringLiteral("ok");
        case QualityIssue::NoFace:
            return QStringLiteral("no_face");
        case QualityIssue::MultipleFaces:
            return QStringLiteral("multiple_faces");
        case QualityIssue::TooSmall:
            return QStringLiteral("too_small");
        case QualityIssue::NotFrontal:
            return QStringLiteral("not_frontal");
        case QualityIssue::Blurred:
            return QStringLiteral("blurred");
        case QualityIssue::TooDark:
            return QStringLiteral("too_dark");
        case QualityIssue::TooBright:
            return QStringLiteral("too_bright");
        case QualityIssue::Unset:
            break;
    }
    return QStringLiteral("unset");
}

}  // namespace mk::face

// Plain data of the face pipeline: descriptors, the 5-point landmarks, one detected face.
#pragma once

#include <QPointF>
#include <QRect>

#include <array>
#include <cstddef>
#include <vector>

namespace mk::face {

constexpr int kDescriptorSize = 128;
constexpr int kChipSizePx = 150;

// dlib's ResNet face descriptor: two faces of the same person are usually < 0.6 apart (L2).
using Descriptor = std::array<float, kDescriptorSize>;

// dlib's 5-point model, in its order: outer and inner corner of the eye on the image's right
// (the person's left eye), outer and inner corner of the eye on the image's left, bottom of the
// nose.
struct Landmarks5 {
    std::array<QPointF, 5> points{};

    QPointF imageRightEye() const { return (points[0] + points[1]) / 2.0; }
    QPointF imageLeftEye() const { return (points[2] + points[3]) / 2.0; }
    QPointF nose() const { return points[4]; }
    QPointF eyeMidpoint() const { return (imageRightEye() + imageLeftEye()) / 2.0; }
    double interOcularPx() const;
};

// Head pose proxies from 5-point geometry (no 3D model): yaw is the nose's sideways offset from
// the eye midpoint, pitch the nose's distance below the eye line, both divided by the
// inter-ocular distance. A frontal face has yaw ~0 and pitch ~0.6-0.9 (person-dependent).
struct PoseProxy {
    double yaw = 0.0;    // > 0: nose towards the image's right
    double pitch = 0.0;  // nose-to-eye-line distance / inter-ocular distance
    double roll_deg = 0.0;
};
PoseProxy poseFromLandmarks(const Landmarks5& landmarks);

struct DetectedFace {
    QRect box;  // in the coordinates of the full-resolution frame
    Landmarks5 landmarks;
    double score = 0.0;  // HOG detector confidence
};

// Overwrites memory holding a descriptor or template so that it does not linger after use.
void secureWipe(void* data, std::size_t size_bytes);
inline void secureWipe(Descriptor& d)
{
    secureWipe(d.data(), sizeof(float) * d.size());
}
inline void secureWipe(std::vector<float>& v)
{
    secureWipe(v.data(), sizeof(float) * v.size());
}

double descriptorDistance(const Descriptor& a, const Descriptor& b);

}  // namespace mk::face

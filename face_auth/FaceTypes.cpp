#include "FaceTypes.h"

#include "FaceLog.h"

#include <QLineF>

#include <cmath>
#include <cstring>

Q_LOGGING_CATEGORY(lcFace, "medkiosk.face")

namespace mk::face {

double Landmarks5::interOcularPx() const
{
    return QLineF(imageLeftEye(), imageRightEye()).length();
}

PoseProxy poseFromLandmarks(const Landmarks5& landmarks)
{
    PoseProxy pose;
    const QPointF right = landmarks.imageRightEye();
    const QPointF left = landmarks.imageLeftEye();
    const double iod = landmarks.interOcularPx();
    if (iod < 1e-6) return pose;
    // Work in the eye line's frame so that a tilted (rolled) head does not read as a turn.
    const QPointF axis = (right - left) / iod;  // along the eye line, to the right
    const QPointF normal(-axis.y(), axis.x());  // perpendicular, pointing down the face
    const QPointF rel = landmarks.nose() - (right + left) / 2.0;
    pose.yaw = (rel.x() * axis.x() + rel.y() * axis.y()) / iod;
    pose.pitch = (rel.x() * normal.x() + rel.y() * normal.y()) / iod;
    pose.roll_deg = std::atan2(axis.y(), axis.x()) * 180.0 / M_PI;
    return pose;
}

void secureWipe(void* data, std::size_t size_bytes)
{
    if (data == nullptr || size_bytes == 0) return;
    volatile unsigned char* p = static_cast<volatile unsigned char*>(data);
    for (std::size_t i = 0; i < size_bytes; ++i) p[i] = 0;
}

double descriptorDistance(const Descriptor& a, const Descriptor& b)
{
    double sum = 0.0;
    for (int i = 0; i < kDescriptorSize; ++i) {
        const double d = double(a[size_t(i)]) - double(b[size_t(i)]);
        sum += d * d;
    }
    return std::sqrt(sum);
}

}  // namespace mk::face

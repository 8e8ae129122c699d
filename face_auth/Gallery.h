// The in-memory gallery for 1:N search: one contiguous int8 array, 128 bytes per template (plus an
// 8-byte id), row after row, scanned by a loop the compiler vectorises (an AVX2 clone is picked at
// run time when the CPU has it). Descriptors are quantised with a fixed scale (kQuantScale): dlib
// descriptor components lie within about +-0.3, so q = round(x * 256) fits int8 and the distance
// error stays below ~0.01 (measured by face eval and bench_face). Memory is wiped on removal and
// destruction.
#pragma once

#include "FaceTypes.h"

#include <QtGlobal>

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace mk::face {

using QuantisedDescriptor = std::array<std::int8_t, kDescriptorSize>;

struct GalleryMatch {
    qint64 id = -1;  // -1: empty gallery
    double distance = std::numeric_limits<double>::infinity();
    bool accepted = false;  // distance <= threshold
};

class Gallery
{
public:
    static constexpr float kQuantScale = 256.0f;
    static constexpr std::size_t kBytesPerTemplate = kDescriptorSize + sizeof(qint64);

    explicit Gallery(double threshold = 0.5);
    ~Gallery();
    Gallery(const Gallery&) = delete;
    Gallery& operator=(const Gallery&) = delete;

    static QuantisedDescriptor quantise(const Descriptor& d);
    static double distance(const QuantisedDescriptor& a, const QuantisedDescriptor& b);

    double threshold() const { return threshold_; }
    void setThreshold(double threshold) { threshold_ = threshold; }
    void reserve(std::size_t count);
    void add(qint64 id, const Descriptor& descriptor);
    void addQuantised(qint64 id, const QuantisedDescriptor& q);
    // Removes every row with this id (a patient may have several templates); returns how many.
    int remove(qint64 id);
    void clear();
    std::size_t size() const { return ids_.size(); }
    std::size_t memoryBytes() const { return data_.capacity() + ids_.capacity() * sizeof(qint64); }

    // 1:N: the nearest template and whether it is within the threshold.
    GalleryMatch search(const Descriptor& probe) const;
    // 1:1: the smallest distance from probe to any template of id (infinity if none).
    GalleryMatch verify(const Descriptor& probe, qint64 id) const;

private:
    std::vector<std::int8_t> data_;
    std::vector<qint64> ids_;
    double threshold_ = 0.5;
};

}  // namespace mk::face

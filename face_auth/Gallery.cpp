#include "Gallery.h"

#include <algorithm>
#include <cmath>

namespace mk::face {

namespace {

// Squared distance in quantised units of rows [0, count) against the probe; writes the best row.
// Integer arithmetic: 128 * 255^2 fits comfortably in int32.
__attribute__((target_clones("avx2", "default"))) void nearestRow(const std::int8_t* rows,
                                                                  std::size_t count,
                                                                  const std::int8_t* probe,
                                                                  std::size_t* best_row,
                                                                  std::int32_t* best_sq)
{
    std::int32_t best = std::numeric_limits<std::int32_t>::max();
    std::size_t best_i = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::int8_t* row = rows + i * kDescriptorSize;
        std::int32_t acc = 0;
        for (int k = 0; k < kDescriptorSize; ++k) {
            const std::int32_t d = std::int32_t(row[k]) - std::int32_t(probe[k]);
            acc += d * d;
        }
        if (acc < best) {
            best = acc;
            best_i = i;
        }
    }
    *best_row = best_i;
    *best_sq = best;
}

}  // namespace

Gallery::Gallery(double threshold) : threshold_(threshold) {}

Gallery::~Gallery()
{
    clear();
}

QuantisedDescriptor Gallery::quantise(const Descriptor& d)
{
    QuantisedDescriptor q{};
    for (int k = 0; k < kDescriptorSize; ++k) {
        const float v = std::round(d[size_t(k)] * kQuantScale);
        q[size_t(k)] = std::int8_t(std::clamp(v, -127.0f, 127.0f));
    }
    return q;
}

double Gallery::distance(const QuantisedDescriptor& a, const QuantisedDescriptor& b)
{
    std::int32_t acc = 0;
    for (int k = 0; k < kDescriptorSize; ++k) {
        const std::int32_t d = std::int32_t(a[size_t(k)]) - std::int32_t(b[size_t(k)]);
        acc += d * d;
    }
    return std::sqrt(double(acc)) / double(kQuantScale);
}

void Gallery::reserve(std::size_t count)
{
    data_.reserve(count * kDescriptorSize);
    ids_.reserve(count);
}

void Gallery::add(qint64 id, const Descriptor& descriptor)
{
    QuantisedDescriptor q = quantise(descriptor);
    addQuantised(id, q);
    secureWipe(q.data(), q.size());
}

void Gallery::addQuantised(qint64 id, const QuantisedDescriptor& q)
{
    data_.insert(data_.end(), q.begin(), q.end());
    ids_.push_back(id);
}

int Gallery::remove(qint64 id)
{
    int removed = 0;
    std::size_t i = 0;
    while (i < ids_.size()) {
        if (ids_[i] != id) {
            ++i;
            continue;
        }
        // Move the last row into the hole, then wipe the freed tail.
        const std::size_t last = ids_.size() - 1;
        if (i != last) {
            std::copy_n(data_.data() + last * kDescriptorSize, kDescriptorSize,
                        data_.data() + i * kDescriptorSize);
            ids_[i] = ids_[last];
        }
        secureWipe(data_.data() + last * kDescriptorSize, kDescriptorSize);
        data_.resize(last * kDescriptorSize);
        ids_.pop_back();
        ++removed;
    }
    return removed;
}

void Gallery::clear()
{
    secureWipe(data_.data(), data_.size());
    data_.clear();
    ids_.clear();
}

GalleryMatch Gallery::search(const Descriptor& probe) const
{
    GalleryMatch match;
    if (ids_.empty()) return match;
    QuantisedDescriptor q = quantise(probe);
    std::size_t row = 0;
    std::int32_t best_sq = 0;
    nearestRow(data_.data(), ids_.size(), q.data(), &row, &best_sq);
    secureWipe(q.data(), q.size());
    match.id = ids_[row];
    match.distance = std::sqrt(double(best_sq)) / double(kQuantScale);
    match.accepted = match.distance <= threshold_;
    return match;
}

GalleryMatch Gallery::verify(const Descriptor& probe, qint64 id) const
{
    GalleryMatch match;
    QuantisedDescriptor q = quantise(probe);
    for (std::size_t i = 0; i < ids_.size(); ++i) {
        if (ids_[i] != id) continue;
        QuantisedDescriptor row{};
        std::copy_n(data_.data() + i * kDescriptorSize, kDescriptorSize, row.begin());
        const double d = distance(q, row);
        if (d < match.distance) {
            match.id = id;
            match.distance = d;
        }
    }
    secureWipe(q.data(), q.size());
    match.accepted = match.id == id && match.distance <= threshold_;
    return match;
}

}  // namespace mk::face

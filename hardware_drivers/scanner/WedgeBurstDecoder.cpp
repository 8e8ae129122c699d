#include "hw/scanner/WedgeBurstDecoder.h"

namespace mk::hw {

WedgeBurstDecoder::WedgeBurstDecoder(const WedgeConfig& config) : config_(config)
{
    if (config_.max_gap_ms < 1) config_.max_gap_ms = 1;
    if (config_.min_length < 1) config_.min_length = 1;
}

void WedgeBurstDecoder::reset()
{
    buffer_.clear();
    keys_ = 0;
}

bool WedgeBurstDecoder::inBurst() const
{
    return keys_ >= 2;
}

std::optional<QString> WedgeBurstDecoder::finish(bool by_suffix)
{
    QString text = buffer_;
    reset();
    if (by_suffix)
        text.chop(config_.suffix.size());
    else if (!config_.suffix.isEmpty())
        return std::nullopt;  // a suffix is required and did not come
    if (!config_.prefix.isEmpty()) {
        if (!text.startsWith(config_.prefix)) return std::nullopt;
        text.remove(0, config_.prefix.size());
    }
    if (text.size() < config_.min_length || text.size() > config_.max_length) return std::nullopt;
    return text;
}

std::optional<QString> WedgeBurstDecoder::feed(const QString& key_text, qint64 timestamp_ms)
{
    std::optional<QString> ended;
    if (!buffer_.isEmpty() && timestamp_ms - last_key_ms_ > config_.max_gap_ms) {
        // The pending keys were not followed quickly enough: a burst ended (or a person typed).
        ended = finish(false);
    }
    if (key_text.isEmpty())
        return ended;  // a key without text (Shift...) neither starts nor ends a burst
    buffer_ += key_text;
    last_key_ms_ = timestamp_ms;
    ++keys_;
    if (buffer_.size() > config_.max_length + config_.prefix.size() + config_.suffix.size()) {
        reset();
        return ended;
    }
    if (!config_.suffix.isEmpty() && buffer_.endsWith(config_.suffix)) {
        std::optional<QString> scan = finish(true);
        if (scan) return scan;
    }
    return ended;
}

std::optional<QString> WedgeBurstDecoder::flush(qint64 now_ms)
{
    if (buffer_.isEmpty() || now_ms - last_key_ms_ <= config_.max_gap_ms) return std::nullopt;
    return finish(false);
}

}  // namespace mk::hw

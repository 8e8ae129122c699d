// Tells a keyboard-wedge scanner from a person typing, by the timing of key events: a scanner
// "types" a whole code in a burst (a few ms between keys), a person takes 80 ms or more per key.
// Pure logic: feed it characters with their timestamps (ms) and it returns the completed scans.
//
// A burst is a run of keys each at most max_gap_ms after the previous one. It is a scan when
//  - a suffix is configured: the burst ends with the suffix (e.g. "\r" for Enter);
//    without a suffix: the burst ended by a gap longer than max_gap_ms (see flush());
//  - it starts with the configured prefix (if any);
//  - what remains without prefix and suffix has at least min_length characters.
// Anything else (human typing, two quick keys, a short burst) is discarded.
#pragma once

#include <QString>

#include <optional>

namespace mk::hw {

struct WedgeConfig {
    int max_gap_ms = 40;                    // the slowest gap between two keys of one scanner burst
    int min_length = 4;                     // the shortest code (prefix/suffix not counted)
    int max_length = 4096;                  // longer bursts are dropped
    QString prefix;                         // configured on the scanner, e.g. "\x02"; empty = none
    QString suffix = QStringLiteral("\r");  // e.g. "\r" (Enter) or "\t"; empty = end by timing
};

class WedgeBurstDecoder
{
public:
    explicit WedgeBurstDecoder(const WedgeConfig& config = {});

    // One key's text (usually one character) typed at timestamp_ms (monotonic). Returns a scan
    // completed by this key, or by the gap before it (when no suffix is configured).
    std::optional<QString> feed(const QString& key_text, qint64 timestamp_ms);
    // Without a suffix, a burst ends when no key follows within max_gap_ms: call this when that
    // time has passed (now_ms); returns the scan if the pending burst is one.
    std::optional<QString> flush(qint64 now_ms);
    // Drops what has been typed so far.
    void reset();

    // True while the keys received so far look like the start of a scanner burst (at least two
    // keys within max_gap_ms), i.e. their characters probably are not meant for a text field.
    bool inBurst() const;
    bool pending() const { return !buffer_.isEmpty(); }
    const WedgeConfig& config() const { return config_; }

private:
    std::optional<QString> finish(bool by_suffix);

    WedgeConfig config_;
    QString buffer_;
    qint64 last_key_ms_ = 0;
    int keys_ = 0;
};

}  // namespace mk::hw

#include "hw/scanner/SerialFrameSplitter.h"

#include <QStringDecoder>

namespace mk::hw {

SerialFrameSplitter::SerialFrameSplitter(const QByteArray& terminators, int max_line_bytes)
    : terminators_(terminators.isEmpty() ? QByteArrayLiteral("\r\n") : terminators),
      max_line_bytes_(max_line_bytes < 1 ? 1 : max_line_bytes)
{}

void SerialFrameSplitter::reset()
{
    buffer_.clear();
    overflow_ = false;
}

void SerialFrameSplitter::endLine(QList<QString>* out)
{
    if (overflow_) {
        overflow_ = false;
        buffer_.clear();
        return;
    }
    if (buffer_.isEmpty()) return;  // the LF of a CRLF, or an empty line
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(buffer_);
    buffer_.clear();
    bool clean = !utf8.hasError() && !text.isEmpty();
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && c != u'\t') {
            clean = false;
            break;
        }
    }
    if (!clean) {
        ++stats_.garbage;
        return;
    }
    ++stats_.frames;
    out->append(text);
}

QList<QString> SerialFrameSplitter::feed(const QByteArray& bytes)
{
    QList<QString> out;
    for (const char byte : bytes) {
        if (terminators_.contains(byte)) {
            endLine(&out);
            continue;
        }
        if (overflow_) continue;
        if (buffer_.size() >= max_line_bytes_) {
            ++stats_.overlong;
            overflow_ = true;
            buffer_.clear();
            continue;
        }
        buffer_.append(byte);
    }
    return out;
}

}  // namespace mk::hw

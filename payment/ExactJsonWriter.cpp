// writeExactJson: JSON text with marked numbers written as their raw literal (ExactJson.h).
#include "payment/ExactJson.h"

#include <QLocale>

#include <cmath>

namespace mk::pay {

namespace {

void writeString(QByteArray& out, const QString& s)
{
    out.append('"');
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out.append("\\\"");
                break;
            case '\\':
                out.append("\\\\");
                break;
            case '\b':
                out.append("\\b");
                break;
            case '\f':
                out.append("\\f");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                if (c < 0x20) {
                    static const char kHex[] = "0123456789abcdef";
                    out.append("\\u00");
                    out.append(kHex[c >> 4]);
                    out.append(kHex[c & 0xf]);
                } else {
                    out.append(ch);
                }
        }
    }
    out.append('"');
}

void writeDouble(QByteArray& out, double d)
{
    if (!std::isfinite(d)) {
        out.append("null");
        return;
    }
    constexpr double kLimit = 9007199254740992.0;  // 2^53
    if (d > -kLimit && d < kLimit && std::trunc(d) == d) {
        out.append(QByteArray::number(static_cast<qint64>(d)));
        return;
    }
    out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

void indent(QByteArray& out, JsonFormat format, int depth)
{
    if (format == JsonFormat::Indented) out.append(QByteArray(depth * 4, ' '));
}

void writeValue(QByteArray& out, const QJsonValue& value, JsonFormat format, int depth);

void writeObject(QByteArray& out, const QJsonObject& object, JsonFormat format, int depth)
{
    const bool pretty = format == JsonFormat::Indented;
    if (object.isEmpty()) {
        out.append("{}");
        return;
    }
    out.append(pretty ? "{\n" : "{");
    bool first = true;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!first) out.append(pretty ? ",\n" : ",");
        first = false;
        indent(out, format, depth + 1);
        writeString(out, it.key());
        out.append(pretty ? ": " : ":");
        writeValue(out, it.value(), format, depth + 1);
    }
    if (pretty) {
        out.append('\n');
        indent(out, format, depth);
    }
    out.append('}');
}

void writeArray(QByteArray& out, const QJsonArray& array, JsonFormat format, int depth)
{
    const bool pretty = format == JsonFormat::Indented;
    if (array.isEmpty()) {
        out.append("[]");
        return;
    }
    out.append(pretty ? "[\n" : "[");
    bool first = true;
    for (const QJsonValue& v : array) {
        if (!first) out.append(pretty ? ",\n" : ",");
        first = false;
        indent(out, format, depth + 1);
        writeValue(out, v, format, depth + 1);
    }
    if (pretty) {
        out.append('\n');
        indent(out, format, depth);
    }
    out.append(']');
}

void writeValue(QByteArray& out, const QJsonValue& value, JsonFormat format, int depth)
{
    switch (value.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            out.append("null");
            break;
        case QJsonValue::Bool:
            out.append(value.toBool() ? "true" : "false");
            break;
        case QJsonValue::Double:
            writeDouble(out, value.toDouble());
            break;
        case QJsonValue::String:
            if (const std::optional<QString> literal = exactNumberText(value))
                out.append(literal->toLatin1());
            else
                writeString(out, value.toString());
            break;
        case QJsonValue::Array:
            writeArray(out, value.toArray(), format, depth);
            break;
        case QJsonValue::Object:
            writeObject(out, value.toObject(), format, depth);
            break;
    }
}

}  // namespace

QByteArray writeExactJson(const QJsonObject& object, JsonFormat format)
{
    QByteArray out;
    writeObject(out, object, format, 0);
    if (format == JsonFormat::Indented) out.append('\n');
    return out;
}

QByteArray writeExactJson(const QJsonArray& array, JsonFormat format)
{
    QByteArray out;
    writeArray(out, array, format, 0);
    if (format == JsonFormat::Indented) out.append('\n');
    return out;
}

}  // namespace mk::pay

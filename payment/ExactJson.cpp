// The numbers-as-text JSON reader and the marked-number helpers (the writer is
// ExactJsonWriter.cpp).
#include "payment/ExactJson.h"

#include "payment/Money.h"

#include <QJsonParseError>

namespace mk::pay {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 8259: number = [ minus ] int [ frac ] [ exp ]
template<typename Chars>
bool jsonNumberGrammar(const Chars& s, qsizetype n)
{
    qsizetype i = 0;
    auto at = [&](qsizetype k) -> char { return k < n ? char(s[k]) : '\0'; };
    if (at(i) == '-') ++i;
    if (at(i) == '0') {
        ++i;
    } else if (at(i) >= '1' && at(i) <= '9') {
        while (isDigit(at(i))) ++i;
    } else {
        return false;
    }
    if (at(i) == '.') {
        ++i;
        if (!isDigit(at(i))) return false;
        while (isDigit(at(i))) ++i;
    }
    if (at(i) == 'e' || at(i) == 'E') {
        ++i;
        if (at(i) == '+' || at(i) == '-') ++i;
        if (!isDigit(at(i))) return false;
        while (isDigit(at(i))) ++i;
    }
    return i == n;
}

bool isNumberRunChar(char c)
{
    return isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

PayError syntaxAt(qsizetype offset, const QString& why)
{
    return payError(PayErrorCode::Syntax, QString(),
                    QStringLiteral("invalid JSON at byte %1: %2").arg(offset).arg(why));
}

}  // namespace

bool isValidJsonNumberText(QStringView literal)
{
    for (QChar c : literal) {
        if (c.unicode() > 0x7f) return false;
    }
    QByteArray ascii = literal.toLatin1();
    return jsonNumberGrammar(ascii.constData(), ascii.size());
}

PayResult<QJsonDocument> parseExactJson(QByteArrayView json)
{
    static const QByteArray kOpen = QByteArrayLiteral("\"\\u0001mk-num\\u0002");
    QByteArray out;
    out.reserve(json.size() + json.size() / 4 + 16);
    const qsizetype n = json.size();
    const char* s = json.data();
    bool inString = false;
    qsizetype i = 0;
    while (i < n) {
        const char c = s[i];
        if (inString) {
            if (c == '\\') {
                if (i + 1 >= n) return syntaxAt(i, QStringLiteral("unterminated escape"));
                if (s[i + 1] == 'u') {
                    if (i + 5 >= n || !isHex(s[i + 2]) || !isHex(s[i + 3]) || !isHex(s[i + 4]) ||
                        !isHex(s[i + 5]))
                        return syntaxAt(i, QStringLiteral("bad \\u escape"));
                    if (s[i + 2] == '0' && s[i + 3] == '0' && s[i + 4] == '0' && s[i + 5] == '1')
                        return syntaxAt(i, QStringLiteral("U+0001 in a string is not accepted"));
                    out.append(s + i, 6);
                    i += 6;
                    continue;
                }
                out.append(s + i, 2);
                i += 2;
                continue;
            }
            if (c == '\x01')
                return syntaxAt(i, QStringLiteral("U+0001 in a string is not accepted"));
            if (c == '"') inString = false;
            out.append(c);
            ++i;
            continue;
        }
        if (c == '"') {
            inString = true;
            out.append(c);
            ++i;
            continue;
        }
        if (c == '-' || isDigit(c)) {
            qsizetype end = i;
            while (end < n && isNumberRunChar(s[end])) ++end;
            if (!jsonNumberGrammar(s + i, end - i))
                return syntaxAt(i,
                                QStringLiteral("\"%1\" is not a JSON number")
                                    .arg(QString::fromLatin1(s + i, qMin<qsizetype>(end - i, 24))));
            out.append(kOpen);
            out.append(s + i, end - i);
            out.append('"');
            i = end;
            continue;
        }
        out.append(c);
        ++i;
    }
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError) return syntaxAt(error.offset, error.errorString());
    if (doc.isNull()) return syntaxAt(0, QStringLiteral("empty document"));
    return doc;
}

QJsonValue exactNumberFromText(QStringView literal)
{
    if (!isValidJsonNumberText(literal)) return QJsonValue(QJsonValue::Undefined);
    return QJsonValue(kNumberMarker.toString() + literal.toString());
}

QJsonValue exactNumber(Money amount)
{
    return QJsonValue(kNumberMarker.toString() + amount.toDecimalText());
}

QJsonValue exactInteger(qint64 value)
{
    return QJsonValue(kNumberMarker.toString() + QString::number(value));
}

std::optional<QString> exactNumberText(const QJsonValue& value)
{
    if (!value.isString()) return std::nullopt;
    const QString s = value.toString();
    if (!s.startsWith(kNumberMarker)) return std::nullopt;
    QString literal = s.mid(kNumberMarker.size());
    if (!isValidJsonNumberText(literal)) return std::nullopt;
    return literal;
}

bool isExactNumber(const QJsonValue& value)
{
    return exactNumberText(value).has_value();
}

std::optional<qint64> exactIntegerValue(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        constexpr double kLimit = 9007199254740992.0;  // 2^53
        if (d != d || d <= -kLimit || d >= kLimit ||
            static_cast<double>(static_cast<qint64>(d)) != d)
            return std::nullopt;
        return static_cast<qint64>(d);
    }
    const std::optional<QString> text = exactNumberText(value);
    if (!text) return std::nullopt;
    for (qsizetype i = 0; i < text->size(); ++i) {
        const QChar c = text->at(i);
        if (!(c.isDigit() || (i == 0 && c == u'-'))) return std::nullopt;
    }
    bool ok = false;
    const qint64 v = text->toLongLong(&ok);
    if (!ok) return std::nullopt;
    return v;
}

}  // namespace mk::pay

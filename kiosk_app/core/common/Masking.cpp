#include "core/common/Masking.h"

#include <QChar>
#include <QList>
#include <QStringList>

namespace mk {

namespace {

const QChar kMask = QLatin1Char('*');

// A word written in letters (Latin, pinyin): the first letter and at least two stars, so a short
// word does not give away its length ("Li" -> "L**", "Ming" -> "M***").
QString maskWord(const QList<uint>& code_points)
{
    if (code_points.isEmpty()) return QString();
    QString out = QString::fromUcs4(reinterpret_cast<const char32_t*>(code_points.constData()), 1);
    out += QString(qMax<qsizetype>(2, code_points.size() - 1), kMask);
    return out;
}

// A name in Han characters, counted in code points (not UTF-16 units): 2 -> first + "*",
// 3 or more -> first + stars + last, 1 -> "*".
QString maskHanName(const QList<uint>& code_points)
{
    const qsizetype n = code_points.size();
    if (n <= 1) return QString(kMask);
    const auto* data = reinterpret_cast<const char32_t*>(code_points.constData());
    QString out = QString::fromUcs4(data, 1);
    if (n == 2) return out + kMask;
    out += QString(n - 2, kMask);
    out += QString::fromUcs4(data + n - 1, 1);
    return out;
}

}  // namespace

QString maskName(const QString& name)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty()) return QString();
    const QList<uint> code_points = trimmed.toUcs4();
    // A name written in Han characters is masked by characters, spaces typed inside it dropped
    // ("欧阳 小明" -> 欧**明).
    if (QChar::script(code_points.first()) == QChar::Script_Han) {
        return maskHanName(QString(trimmed).remove(QLatin1Char(' ')).toUcs4());
    }

    QStringList words;
    const QStringList parts = trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    words.reserve(parts.size());
    for (const QString& part : parts) words.append(maskWord(part.toUcs4()));
    return words.join(QLatin1Char(' '));
}

QString maskPhone(const QString& phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit()) digits.append(c);
    }
    if (digits.isEmpty()) return QString(phone.trimmed().size(), kMask);

    const qsizetype n = digits.size();
    if (n >= 11) {  // mobile numbers and long landlines: 138****5678
        return digits.left(3) + QString(n - 7, kMask) + digits.right(4);
    }
    // Shorter numbers: at least four digits hidden, at most the last four shown.
    const qsizetype visible = qBound(qsizetype(0), n - 4, qsizetype(4));
    return QString(n - visible, kMask) + digits.right(visible);
}

QString maskPatientNumber(const QString& number)
{
    const QString trimmed = number.trimmed();
    const qsizetype n = trimmed.size();
    if (n == 0) return QString();
    if (n == 1) return QString(kMask);
    if (n < 6) return trimmed.left(1) + QString(n - 1, kMask);
    return trimmed.left(1) + QString(n - 5, kMask) + trimmed.right(4);
}

}  // namespace mk

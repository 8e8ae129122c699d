#include "ui/access/Spoken.h"

#include "ui/Screen.h"

#include <QAbstractButton>
#include <QLabel>
#include <QRegularExpression>
#include <QTextDocumentFragment>

namespace mk::ui {

namespace {

QString plain(const QString& text)
{
    QString out =
        Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    static const QRegularExpression masked(QStringLiteral("[*•●＊]+"));
    out.replace(masked, QStringLiteral(" "));
    return out.simplified();
}

bool endsSentence(const QString& text)
{
    static const QString marks = QStringLiteral(".!?。！？:：…");
    return !text.isEmpty() && marks.contains(text.back());
}

}  // namespace

QString spelledOut(const QString& code)
{
    QStringList characters;
    for (const QChar c : code.simplified()) {
        if (!c.isSpace()) characters << QString(c);
    }
    return characters.join(QLatin1Char(' '));
}

QString spokenJoin(const QString& language, const QStringList& sentences)
{
    const bool english = language.startsWith(QLatin1String("en"));
    QString out;
    for (const QString& sentence : sentences) {
        const QString s = sentence.simplified();
        if (s.isEmpty()) continue;
        if (!out.isEmpty() && english) out += QLatin1Char(' ');
        out += s;
        if (!endsSentence(s)) out += english ? QStringLiteral(".") : QStringLiteral("。");
    }
    return out;
}

QString spokenFrom(const Screen& screen, std::initializer_list<const QWidget*> parts)
{
    QStringList sentences;
    for (const QWidget* part : parts) {
        if (part == nullptr || !part->isVisibleTo(&screen)) continue;
        QString text;
        if (const auto* label = qobject_cast<const QLabel*>(part))
            text = label->text();
        else if (const auto* button = qobject_cast<const QAbstractButton*>(part))
            text = button->text();
        text = plain(text);
        if (!text.isEmpty()) sentences << text;
    }
    return spokenJoin(screen.context().language, sentences);
}

}  // namespace mk::ui

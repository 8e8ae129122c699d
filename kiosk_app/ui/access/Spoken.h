// Builds a screen's read-aloud text (Screen::spokenSummary, issue 12) from what it shows: the
// visible, non-empty texts of the given labels and buttons, in order, as plain text, one sentence
// each. Masked characters (*, •) are left out, so a masked value is never spelled out. Screens
// pass their prompt, key data and errors - never a patient's name (said aloud in a waiting hall,
// it would be heard by everyone around).
#pragma once

#include <QString>

#include <initializer_list>

class QWidget;

namespace mk::ui {

class Screen;

QString spokenFrom(const Screen& screen, std::initializer_list<const QWidget*> parts);

// A code said character by character ("A012" -> "A 0 1 2"), as the visit number is spoken.
QString spelledOut(const QString& code);

// Joins sentences for the screen's language ("。" or ". " where a sentence has no end mark).
QString spokenJoin(const QString& language, const QStringList& sentences);

}  // namespace mk::ui

// The UI language: one QTranslator loaded from the embedded :/i18n/medkiosk_<lang>.qm (the
// medkiosk_i18n object library must be linked). English is the source language, so "en" works
// even without its .qm file.
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

namespace mk::ui {

class Language
{
public:
    Language();
    ~Language();
    Language(const Language&) = delete;
    Language& operator=(const Language&) = delete;

    static QStringList supported();  // {"zh_CN", "en"}
    static bool isSupported(const QString& lang);
    // The name of a language written in that language, for the toggle: "中文", "English".
    static QString nativeName(const QString& lang);

    // Removes the previous translator and installs the one of lang (sends LanguageChange to every
    // widget). False when lang is not supported (nothing changes) or its .qm is missing for a
    // language other than English (the language still changes; texts stay English).
    bool switchTo(const QString& lang);
    QString current() const { return current_; }

private:
    std::unique_ptr<QTranslator> translator_;
    QString current_;
};

}  // namespace mk::ui

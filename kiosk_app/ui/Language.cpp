#include "Language.h"

#include "core/common/Log.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace mk::ui {

Language::Language() = default;

Language::~Language()
{
    if (translator_) QCoreApplication::removeTranslator(translator_.get());
}

QStringList Language::supported()
{
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}

bool Language::isSupported(const QString& lang)
{
    return supported().contains(lang);
}

QString Language::nativeName(const QString& lang)
{
    if (lang == QLatin1String("zh_CN")) return QStringLiteral("中文");
    if (lang == QLatin1String("en")) return QStringLiteral("English");
    return lang;
}

bool Language::switchTo(const QString& lang)
{
    if (!isSupported(lang)) {
        qCWarning(lcUi) << "unsupported UI language" << lang;
        return false;
    }
    if (translator_) {
        QCoreApplication::removeTranslator(translator_.get());
        translator_.reset();
    }
    current_ = lang;
    QLocale::setDefault(QLocale(lang));
    auto translator = std::make_unique<QTranslator>();
    const QString file = QStringLiteral(":/i18n/medkiosk_%1.qm").arg(lang);
    if (!translator->load(file)) {
        if (lang != QLatin1String("en")) {
            qCWarning(lcUi) << "translation not found:" << file;
            return false;
        }
        return true;  // English is the source text
    }
    QCoreApplication::installTranslator(translator.get());
    translator_ = std::move(translator);
    return true;
}

}  // namespace mk::ui

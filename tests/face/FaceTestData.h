// Where the face tests find the models and photos installed by scripts/fetch-face-models.sh.
#pragma once

#include "TestSkip.h"
#include "face_auth/FaceEngine.h"

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QStringList>

namespace mk::face::test {

inline QString modelsDir()
{
    return FaceEngine::defaultModelsDir();
}

inline QString photosDir(const QString& sub)
{
    return QDir(modelsDir()).filePath(QStringLiteral("photos/") + sub);
}

// Empty when present; else the missing path, for MK_SKIP_OR_FAIL_IN_CI.
inline QString missingModels()
{
    for (const char* f : {FaceEngine::kShapePredictorFile, FaceEngine::kResNetFile}) {
        const QString p = QDir(modelsDir()).filePath(QLatin1String(f));
        if (!QFileInfo::exists(p)) return p;
    }
    return {};
}

inline QStringList johnsPeople()
{
    return QDir(photosDir(QStringLiteral("johns")))
        .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

inline QStringList johnsImages(const QString& person)
{
    const QDir d(photosDir(QStringLiteral("johns/") + person));
    QStringList out;
    for (const QString& f : d.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name))
        out << d.filePath(f);
    return out;
}

}  // namespace mk::face::test

#define MK_FACE_REQUIRE_MODELS()                                                         \
    do {                                                                                 \
        const QString missing = ::mk::face::test::missingModels();                       \
        if (!missing.isEmpty())                                                          \
            MK_SKIP_OR_FAIL_IN_CI(QStringLiteral("face model absent: ") + missing);      \
        if (::mk::face::test::johnsPeople().size() < 2)                                  \
            MK_SKIP_OR_FAIL_IN_CI(QStringLiteral("photos absent: ") +                    \
                                  ::mk::face::test::photosDir(QStringLiteral("johns"))); \
    } while (false)

// medkioskctl face embed IMAGE [--chip] [--json] | face compare A B | face eval DIR |
// face delete PATIENT_ID | face verify PATIENT_ID IMAGE: the face pipeline from the command line
// (face_auth), for hospital IT and for measuring thresholds. `face verify` compares an image with
// the patient's templates in the kiosk's store without counting towards the kiosk's lockout
// (`face lockout` is FaceLockoutCommand.cpp). --models DIR (default $MEDKIOSK_MODELS_DIR or
// ~/.cache/medkiosk/models), --threshold D; defaults from the [face] group of the kiosk's
// configuration (FaceConfig.h).
#include "CtlCommand.h"
#include "QueueCtl.h"
#include "core/common/SafeFile.h"
#include "core/face/SqlTemplateStore.h"
#include "face_auth/FaceConfig.h"
#include "face_auth/FaceEngine.h"
#include "face_auth/FaceEvaluation.h"
#include "face_auth/Identifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mk::ctl {

class FaceCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::FaceCommand)

public:
    QStringList words() const override { return {QStringLiteral("face")}; }
    QString summary() const override
    {
        return tr(
            "Face templates: embed IMAGE [--chip], compare A B, eval DIR, delete PATIENT_ID, "
            "verify PATIENT_ID IMAGE.");
    }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(
            QCommandLineOption(QStringLiteral("models"),
                               tr("Folder with the face models (default $MEDKIOSK_MODELS_DIR or "
                                  "~/.cache/medkiosk/models)."),
                               tr("folder")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("chip"),
                               tr("The images are aligned 150x150 face chips (no detection).")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("threshold"),
            tr("Match threshold, L2 distance (default: [face] match_threshold, %1).")
                .arg(face::IdentifyConfig{}.match_threshold),
            tr("distance")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("min-face"),
            tr("Smallest face width in pixels the detector looks for, 0 for a full-frame search "
               "(default %1).")
                .arg(face::EngineOptions{}.detect_min_face_px),
            tr("pixels")));
    }
    int maxPositionalArguments() const override { return 3; }
    int run(const CtlContext& context) const override;

private:
    static face::FaceConfig faceConfig(const CtlContext& context, bool* ok);
    static double threshold(const CtlContext& context);
    static bool loadEngine(const CtlContext& context, face::FaceEngine& engine);
    static QJsonObject analysisJson(const face::FaceAnalysis& analysis, bool with_descriptor);
    static face::FaceResult<face::FaceAnalysis> analyzeFile(const face::FaceEngine& engine,
                                                            const QString& path, bool chip);
    int embed(const CtlContext& context, const QString& path) const;
    int compare(const CtlContext& context, const QString& a, const QString& b) const;
    int eval(const CtlContext& context, const QString& dir) const;
    int remove(const CtlContext& context, const QString& patient_id) const;
    int verify(const CtlContext& context, const QString& patient_id, const QString& path) const;
};

face::FaceConfig FaceCommand::faceConfig(const CtlContext& context, bool* ok)
{
    auto config = face::FaceConfigLoader::load(context.configPath());
    *ok = config.ok();
    if (!config) {
        context.err << config.error().detail << u'\n';
        return {};
    }
    return config.value();
}

double FaceCommand::threshold(const CtlContext& context)
{
    bool ok = false;
    const double t = context.parser.value(QStringLiteral("threshold")).toDouble(&ok);
    if (ok && t > 0.0) return t;
    bool config_ok = false;
    const face::FaceConfig config = faceConfig(context, &config_ok);
    return config.identify.match_threshold;
}

bool FaceCommand::loadEngine(const CtlContext& context, face::FaceEngine& engine)
{
    bool config_ok = false;
    const face::FaceConfig config = faceConfig(context, &config_ok);
    if (!config_ok) return false;
    face::EngineOptions options = config.engine;
    bool ok = false;
    const int min_face = context.parser.value(QStringLiteral("min-face")).toInt(&ok);
    if (ok && min_face >= 0) options.detect_min_face_px = min_face;
    engine.setOptions(options);
    QString dir = context.parser.value(QStringLiteral("models"));
    if (dir.isEmpty()) dir = config.modelsDir();
    face::FaceStatus loaded = engine.load(dir);
    if (!loaded) {
        context.err << loaded.error().detail << u'\n';
        return false;
    }
    return true;
}

face::FaceResult<face::FaceAnalysis> FaceCommand::analyzeFile(const face::FaceEngine& engine,
                                                              const QString& path, bool chip)
{
    if (Status regular = SafeFile::checkRegularFile(path); !regular) {
        return face::faceError(face::FaceErrorCode::BadImage, regular.error().detail);
    }
    const QImage image(path);
    if (image.isNull()) {
        return face::faceError(face::FaceErrorCode::BadImage,
                               tr("cannot read the image %1").arg(path));
    }
    return chip ? engine.analyzeChip(image) : engine.analyze(image);
}

QJsonObject FaceCommand::analysisJson(const face::FaceAnalysis& analysis, bool with_descriptor)
{
    QJsonObject o;
    const face::QualityReport& q = analysis.quality;
    o.insert(QStringLiteral("faces"), int(analysis.faces.size()));
    o.insert(QStringLiteral("quality"), face::Quality::name(q.issue));
    o.insert(QStringLiteral("hint"), face::Quality::hint(q.issue));
    if (analysis.faces.size() == 1) {
        const QRect b = analysis.faces.front().box;
        o.insert(QStringLiteral("box"), QJsonArray{b.x(), b.y(), b.width(), b.height()});
        o.insert(QStringLiteral("yaw"), q.pose.yaw);
        o.insert(QStringLiteral("pitch"), q.pose.pitch);
        o.insert(QStringLiteral("roll_deg"), q.pose.roll_deg);
        o.insert(QStringLiteral("laplacian_variance"), q.laplacian_variance);
        o.insert(QStringLiteral("mean_luminance"), q.mean_luminance);
    }
    if (with_descriptor && analysis.descriptor) {
        QJsonArray d;
        for (float v : *analysis.descriptor) d.append(double(v));
        o.insert(QStringLiteral("descriptor"), d);
    }
    return o;
}

int FaceCommand::embed(const CtlContext& context, const QString& path) const
{
    face::FaceEngine engine;
    if (!loadEngine(context, engine)) return kExitCheckFailed;
    auto analysis = analyzeFile(engine, path, context.parser.isSet(QStringLiteral("chip")));
    if (!analysis) {
        context.err << analysis.error().detail << u'\n';
        return kExitCheckFailed;
    }
    const QJsonObject o = analysisJson(analysis.value(), true);
    if (context.json()) {
        context.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        context.out << tr("faces: %1, quality: %2 (%3)")
                           .arg(analysis.value().faces.size())
                           .arg(o.value(QStringLiteral("quality")).toString(),
                                o.value(QStringLiteral("hint")).toString())
                    << u'\n';
        if (analysis.value().descriptor) {
            QStringList values;
            for (float v : *analysis.value().descriptor) values << QString::number(v, 'f', 6);
            context.out << values.join(u' ') << u'\n';
        }
    }
    return analysis.value().descriptor ? kExitOk : kExitCheckFailed;
}

int FaceCommand::compare(const CtlContext& context, const QString& a, const QString& b) const
{
    face::FaceEngine engine;
    if (!loadEngine(context, engine)) return kExitCheckFailed;
    const bool chip = context.parser.isSet(QStringLiteral("chip"));
    auto fa = analyzeFile(engine, a, chip);
    auto fb = analyzeFile(engine, b, chip);
    for (const auto* f : {&fa, &fb}) {
        if (!*f) {
            context.err << f->error().detail << u'\n';
            return kExitCheckFailed;
        }
        if (!f->value().descriptor) {
            context.err
                << tr("no single face: %1").arg(face::Quality::hint(f->value().quality.issue))
                << u'\n';
            return kExitCheckFailed;
        }
    }
    const double distance =
        face::descriptorDistance(*fa.value().descriptor, *fb.value().descriptor);
    const double t = threshold(context);
    const bool same = distance <= t;
    if (context.json()) {
        QJsonObject o{{QStringLiteral("distance"), distance},
                      {QStringLiteral("threshold"), t},
                      {QStringLiteral("same_person"), same},
                      {QStringLiteral("a"), analysisJson(fa.value(), false)},
                      {QStringLiteral("b"), analysisJson(fb.value(), false)}};
        context.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        context.out << tr("distance %1 (threshold %2): %3")
                           .arg(distance, 0, 'f', 4)
                           .arg(t, 0, 'f', 2)
                           .arg(same ? tr("same person") : tr("different people"))
                    << u'\n';
    }
    return same ? kExitOk : kExitCheckFailed;
}

int FaceCommand::eval(const CtlContext& context, const QString& dir) const
{
    face::FaceEngine engine;
    if (!loadEngine(context, engine)) return kExitCheckFailed;
    face::FaceEvaluation evaluation(engine, threshold(context));
    auto report = evaluation.run(dir, context.parser.isSet(QStringLiteral("chip")));
    if (!report) {
        context.err << report.error().detail << u'\n';
        return kExitCheckFailed;
    }
    if (context.json()) {
        context.out << QString::fromUtf8(
            QJsonDocument(report.value().toJson()).toJson(QJsonDocument::Indented));
    } else {
        context.out << report.value().toText();
    }
    return kExitOk;
}

int FaceCommand::remove(const CtlContext& context, const QString& patient_id) const
{
    auto session = QueueCtl::open(context, true);  // deletes
    if (!session) return kExitCheckFailed;
    face::SqlTemplateStore templates(*session->store);
    auto removed = templates.deletePatient(patient_id);
    if (!removed) {
        context.err << removed.error().detail << u'\n';
        return kExitCheckFailed;
    }
    if (context.json()) {
        context.out << QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("templates_deleted"), removed.value()}})
                .toJson(QJsonDocument::Indented));
    } else {
        context.out
            << tr("face data deleted: %1 templates and the consent record").arg(removed.value())
            << u'\n';
    }
    return kExitOk;
}

int FaceCommand::verify(const CtlContext& context, const QString& patient_id,
                        const QString& path) const
{
    face::FaceEngine engine;
    if (!loadEngine(context, engine)) return kExitCheckFailed;
    auto probe = analyzeFile(engine, path, context.parser.isSet(QStringLiteral("chip")));
    if (!probe) {
        context.err << probe.error().detail << u'\n';
        return kExitCheckFailed;
    }
    if (!probe.value().descriptor) {
        context.err
            << tr("no single face: %1").arg(face::Quality::hint(probe.value().quality.issue))
            << u'\n';
        return kExitCheckFailed;
    }
    auto session = QueueCtl::open(context, false);
    if (!session) return kExitCheckFailed;
    face::SqlTemplateStore templates(*session->store);
    auto loaded = templates.loadTemplates(QDateTime::currentDateTimeUtc());
    if (!loaded) {
        context.err << loaded.error().detail << u'\n';
        return kExitCheckFailed;
    }
    face::IdentifyConfig config;
    config.match_threshold = threshold(context);
    face::Identifier identifier(config);  // no store attached: the kiosk's lockout is untouched
    identifier.setTemplates(loaded.value());
    const face::GalleryMatch match = identifier.nearestOf(patient_id, *probe.value().descriptor);
    identifier.setTemplates({});
    if (match.id < 0) {
        context.err << tr("no face template for this patient") << u'\n';
        return kExitCheckFailed;
    }
    if (context.json()) {
        const QJsonObject o{{QStringLiteral("accepted"), match.accepted},
                            {QStringLiteral("distance"), match.distance},
                            {QStringLiteral("threshold"), config.match_threshold}};
        context.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        context.out << tr("distance %1 (threshold %2): %3")
                           .arg(match.distance, 0, 'f', 4)
                           .arg(config.match_threshold, 0, 'f', 2)
                           .arg(match.accepted ? tr("accepted") : tr("rejected"))
                    << u'\n';
    }
    return match.accepted ? kExitOk : kExitCheckFailed;
}

int FaceCommand::run(const CtlContext& context) const
{
    const QStringList args = context.parser.positionalArguments();
    const QString action = args.value(0);
    if (action == QLatin1String("embed") && args.size() == 2) return embed(context, args[1]);
    if (action == QLatin1String("compare") && args.size() == 3)
        return compare(context, args[1], args[2]);
    if (action == QLatin1String("eval") && args.size() == 2) return eval(context, args[1]);
    if (action == QLatin1String("delete") && args.size() == 2) return remove(context, args[1]);
    if (action == QLatin1String("verify") && args.size() == 3)
        return verify(context, args[1], args[2]);
    context.err << tr("usage: medkioskctl face embed IMAGE [--chip] | compare A B | eval DIR | "
                      "delete PATIENT_ID | verify PATIENT_ID IMAGE [--chip] | lockout [--clear]")
                << u'\n';
    return kExitUsage;
}

MK_CTL_COMMAND(FaceCommand)

}  // namespace mk::ctl

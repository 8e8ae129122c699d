// medkioskctl qr decode IMAGE [--json]: decodes the first QR code of an image file with the
// kiosk's own pipeline (mk::hw::QrDecoder). Prints the text; exit 1 when no QR code is found or
// the image does not load, 2 without an image.
#include "CtlCommand.h"
#include "core/common/SafeFile.h"
#include "hw/qr/QrDecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>

namespace mk::ctl {

class QrDecodeCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::QrDecodeCommand)

public:
    QStringList words() const override { return {u"qr"_qs, u"decode"_qs}; }
    QString summary() const override
    {
        return tr("Decode the QR code of an image file (IMAGE) with the kiosk's decoder.");
    }
    int maxPositionalArguments() const override { return 1; }
    int run(const CtlContext& context) const override
    {
        const QStringList args = context.parser.positionalArguments();
        if (args.isEmpty()) {
            context.err << tr("Usage: medkioskctl qr decode IMAGE [--json]") << u'\n';
            return kExitUsage;
        }
        const QString& path = args.constFirst();
        QJsonObject json{{u"image"_qs, path}};
        // A FIFO would block the reader forever, a device could be endless: files only.
        if (Status regular = SafeFile::checkRegularFile(path); !regular) {
            json.insert(u"ok"_qs, false);
            json.insert(u"error"_qs, regular.error().detail);
            return finish(context, json, regular.error().detail, kExitCheckFailed);
        }
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        if (image.isNull()) {
            const QString message = tr("cannot read image %1: %2").arg(path, reader.errorString());
            json.insert(u"ok"_qs, false);
            json.insert(u"error"_qs, message);
            return finish(context, json, message, kExitCheckFailed);
        }
        json.insert(u"width"_qs, image.width());
        json.insert(u"height"_qs, image.height());
        QElapsedTimer timer;
        timer.start();
        const std::optional<QString> text = hw::QrDecoder().decode(image);
        json.insert(u"decode_ms"_qs, static_cast<double>(timer.nsecsElapsed()) / 1e6);
        json.insert(u"ok"_qs, text.has_value());
        if (!text) {
            const QString message = tr("no QR code found");
            json.insert(u"error"_qs, message);
            return finish(context, json, message, kExitCheckFailed);
        }
        json.insert(u"text"_qs, *text);
        if (context.json())
            context.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        else
            context.out << *text << u'\n';
        return kExitOk;
    }

private:
    static int finish(const CtlContext& context, const QJsonObject& json, const QString& message,
                      int code)
    {
        if (context.json())
            context.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        else
            context.err << message << u'\n';
        return code;
    }
};

MK_CTL_COMMAND(QrDecodeCommand)

}  // namespace mk::ctl

#include "core/qr/QrImage.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <exception>
#include <string>

namespace mk::qr {

namespace {

constexpr int kQuietZoneModules = 4;
// MultiFormatWriter's 0..8 scale; 4 maps to QR level M (it uses (level - 1) / 2).
constexpr int kEccLevelM = 4;
// QR version 40 at level M holds 2331 bytes; refuse more before asking the encoder.
constexpr int kMaxPayloadBytes = 2331;
constexpr qsizetype kMaxCardPayloadChars = 64;

const QLatin1String kAppointmentPrefix("MKAPPT:");
const QLatin1String kPatientPrefix("MKPATIENT:");

class QrText
{
    Q_DECLARE_TR_FUNCTIONS(mk::qr::QrImage)
};

}  // namespace

Result<QImage> encode(const QString& text, int size_px)
{
    if (text.isEmpty())
        return makeError(ErrorCode::BadRequest, QrText::tr("No text for the QR code"));
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() > kMaxPayloadBytes) {
        return makeError(ErrorCode::BadRequest, QrText::tr("Text too long for a QR code"));
    }

    ZXing::BitMatrix matrix;
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setEccLevel(kEccLevelM).setMargin(0);
        // Plain ASCII stays without an ECI header (read by every scanner); anything else is
        // UTF-8 announced by ECI 26.
        bool ascii = true;
        for (const char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        if (!ascii) writer.setEncoding(ZXing::CharacterSet::UTF8);
        // Size 0: one pixel per module, no quiet zone; the image below scales and adds it.
        matrix =
            writer.encode(std::string(utf8.constData(), static_cast<size_t>(utf8.size())), 0, 0);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::BadRequest,
                         QrText::tr("Cannot make a QR code: %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        return makeError(ErrorCode::Internal, QrText::tr("Cannot make a QR code"));
    }

    const int code_modules = matrix.width();
    if (code_modules <= 0 || matrix.height() != code_modules) {
        return makeError(ErrorCode::Internal, QrText::tr("Cannot make a QR code"));
    }
    const int total_modules = code_modules + 2 * kQuietZoneModules;
    const int module_px = size_px / total_modules;
    if (module_px < 1) {
        return makeError(
            ErrorCode::BadRequest,
            QrText::tr("A QR code of this text needs at least %1 pixels").arg(total_modules));
    }

    const int side_px = total_modules * module_px;
    QImage image(side_px, side_px, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < code_modules; ++y) {
        for (int x = 0; x < code_modules; ++x) {
            if (!matrix.get(x, y)) continue;
            const int left = (x + kQuietZoneModules) * module_px;
            const int top = (y + kQuietZoneModules) * module_px;
            for (int row = top; row < top + module_px; ++row) {
                uchar* line = image.scanLine(row);
                std::fill(line + left, line + left + module_px, uchar(0));
            }
        }
    }
    return image;
}

Result<QString> decode(const QImage& image)
{
    if (image.isNull()) return makeError(ErrorCode::NotFound, QrText::tr("No image"));
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    try {
        ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                              ZXing::ImageFormat::Lum, static_cast<int>(grey.bytesPerLine()));
        ZXing::DecodeHints hints;
        hints.setFormats(ZXing::BarcodeFormat::QRCode);
        hints.setTryHarder(true);
        hints.setTryRotate(true);
        const ZXing::Result result = ZXing::ReadBarcode(view, hints);
        if (!result.isValid()) {
            return makeError(ErrorCode::NotFound, QrText::tr("No QR code found in the image"));
        }
        const std::string text = result.text();
        return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal,
                         QrText::tr("QR decoder failed: %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        return makeError(ErrorCode::Internal, QrText::tr("QR decoder failed"));
    }
}

QString appointmentPayload(const QString& appointment_number)
{
    return kAppointmentPrefix + appointment_number;
}

bool parsePatientCard(const QString& text, QString* patient_number, QDate* birth_date)
{
    // Scanners in keyboard-wedge mode may add a line end.
    const QString trimmed = text.trimmed();
    if (trimmed.size() > kMaxCardPayloadChars || !trimmed.startsWith(kPatientPrefix)) return false;
    const QStringList parts = trimmed.mid(kPatientPrefix.size()).split(QLatin1Char(':'));
    if (parts.size() != 2) return false;

    static const QRegularExpression number_pattern(QStringLiteral("^[A-Za-z0-9-]{1,32}$"));
    static const QRegularExpression date_pattern(QStringLiteral("^[0-9]{8}$"));
    if (!number_pattern.match(parts.at(0)).hasMatch()) return false;
    if (!date_pattern.match(parts.at(1)).hasMatch()) return false;
    const QDate date = QDate::fromString(parts.at(1), QStringLiteral("yyyyMMdd"));
    if (!date.isValid() || date.year() < 1900) return false;

    if (patient_number) *patient_number = parts.at(0);
    if (birth_date) *birth_date = date;
    return true;
}

QString patientCardPayload(const QString& patient_number, const QDate& birth_date)
{
    return kPatientPrefix + patient_number + QLatin1Char(':') +
           birth_date.toString(QStringLiteral("yyyyMMdd"));
}

}  // namespace mk::qr

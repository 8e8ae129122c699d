// Fuzz target for the QR code paths that take outside input: the patient card parser (scanner
// text) and the QR decoder (camera or scanner images). libFuzzer entry point; without libFuzzer
// it is linked with fuzz_driver.cpp, which feeds it seeded mutations (ctest label "fuzz").
#include "core/qr/QrImage.h"

#include <QByteArray>
#include <QImage>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    QString number;
    QDate birth_date;
    const QString text = QString::fromUtf8(bytes);
    if (mk::qr::parsePatientCard(text, &number, &birth_date)) {
        // Whatever parses must come back the same way from the payload it describes.
        const QString again = mk::qr::patientCardPayload(number, birth_date);
        QString number2;
        QDate birth_date2;
        if (!mk::qr::parsePatientCard(again, &number2, &birth_date2) || number2 != number ||
            birth_date2 != birth_date) {
            __builtin_trap();
        }
    }

    // The same bytes as a small grey image (first byte: width).
    if (size >= 2) {
        const int width = 1 + data[0] % 64;
        const int height = static_cast<int>((size - 1) / static_cast<size_t>(width));
        if (height > 0) {
            QImage image(data + 1, width, height, width, QImage::Format_Grayscale8);
            (void)mk::qr::decode(image.copy());
        }
    }
    return 0;
}

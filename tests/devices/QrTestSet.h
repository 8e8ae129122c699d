// The zxing-cpp QR samples in the repository (tests/data/qr, Apache-2.0, see its NOTICE): every
// image with an expected text beside it (<name>.txt), and every image of the false-positive
// folders (no QR code in them). And the made hard images (tests/data/qr-made, written by
// make_qr_images): glare, moire, blur, small codes at the edge, low contrast.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QList>
#include <QString>

#include <algorithm>

namespace mk::test {

struct QrSample {
    QString path;
    QByteArray expected;  // UTF-8 bytes of the .txt; empty for false positives
    bool false_positive = false;
};

// What tests/data/qr holds: the suites check they found all of it.
constexpr int kQrSamplesWithText = 82;      // qrcode-1, qrcode-2, qrcode-3
constexpr int kQrFalsePositiveImages = 21;  // falsepositives-1
constexpr int kQrMadeImages = 12;           // tests/data/qr-made
constexpr int kQrMadeFalsePositives = 3;    // tests/data/qr-made/falsepositives

inline QString qrTestDataDir()
{
    return QStringLiteral(MEDKIOSK_TESTDATA) + QStringLiteral("/qr");
}

inline QString qrMadeDataDir()
{
    return QStringLiteral(MEDKIOSK_TESTDATA) + QStringLiteral("/qr-made");
}

inline QList<QrSample> loadQrSamples(const QString& dir = qrTestDataDir())
{
    QList<QrSample> samples;
    QDirIterator it(dir,
                    {QStringLiteral("*.png"), QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"),
                     QStringLiteral("*.gif"), QStringLiteral("*.bmp")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        QrSample sample;
        sample.path = info.filePath();
        sample.false_positive = info.path().contains(QLatin1String("falsepositives"));
        if (!sample.false_positive) {
            QFile txt(info.path() + QLatin1Char('/') + info.completeBaseName() +
                      QStringLiteral(".txt"));
            if (!txt.open(QIODevice::ReadOnly)) continue;  // no expected text: not part of the set
            sample.expected = txt.readAll();
        }
        samples.append(sample);
    }
    std::sort(samples.begin(), samples.end(),
              [](const QrSample& a, const QrSample& b) { return a.path < b.path; });
    return samples;
}

inline int countFalsePositives(const QList<QrSample>& samples)
{
    return static_cast<int>(std::count_if(samples.cbegin(), samples.cend(),
                                          [](const QrSample& s) { return s.false_positive; }));
}

}  // namespace mk::test

// Fuzz target of the check-in token parser and verifier (outside input: scanner text). libFuzzer
// entry point; without libFuzzer it is linked with fuzz_checkin_driver.cpp (seeded mutations).
// Besides the raw bytes, each input also edits a valid signed token (splice at a position chosen
// by the first byte), so the mutations reach the JSON and signature paths.
#include "core/checkin/CheckinToken.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace {

struct Fixture {
    QByteArray private_pem;
    QByteArray public_pem;
    QString good;
    std::unique_ptr<mk::checkin::CheckinTokenVerifier> verifier;
    Fixture()
    {
        if (!mk::checkin::token::generateKeyPair(&private_pem, &public_pem)) __builtin_trap();
        mk::checkin::CheckinClaims c;
        c.appointment_id = QStringLiteral("appt-1");
        c.appointment_number = QStringLiteral("A20261123-0001");
        c.patient_id = QStringLiteral("pat-1001");
        c.patient_name_masked = QStringLiteral("李*");
        c.slot_start_s = 1795400000;
        c.issuer = QStringLiteral("HOSP-A");
        c.expires_s = 1895400000;
        auto t = mk::checkin::token::sign(c, private_pem);
        if (!t) __builtin_trap();
        good = t.value();
        verifier = std::make_unique<mk::checkin::CheckinTokenVerifier>(public_pem,
                                                                       QStringLiteral("HOSP-A"));
    }
};

void check(const Fixture& f, const QString& text)
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1795400000, Qt::UTC);
    const auto result = f.verifier->verify(text, now);
    // Only the untouched token may verify.
    if (result.valid() && text != f.good) __builtin_trap();
    if (result.verdict == mk::checkin::TokenVerdict::Unset) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const Fixture fixture;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    check(fixture, QString::fromUtf8(bytes));
    check(fixture, QStringLiteral("MKCI1.") + QString::fromUtf8(bytes));
    if (size >= 1) {
        QString edited = fixture.good;
        const qsizetype pos = data[0] % (edited.size() + 1);
        const qsizetype cut = size >= 2 ? data[1] % 4 : 0;
        edited.replace(pos, cut, QString::fromUtf8(bytes.mid(2)));
        check(fixture, edited);
    }
    return 0;
}

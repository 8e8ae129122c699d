// The two kinds of skip a test may take (issue 11). Everything else a test needs is in the
// repository (tests/data) or installed by scripts/setup.sh, so its absence is a failure:
//
//   MK_SKIP_OR_FAIL_IN_CI(reason)  something setup installs or the CI machine provides is missing
//                                  (face models or photos, a Debian package, root, a pty): a skip
//                                  on a developer's machine, a failure with CI=true.
//   MK_SKIP_FOR_HARDWARE(device, reason)
//                                  the machine's hardware decides (no sound card; a camera where
//                                  the no-camera path is tested): a skip everywhere, CI included,
//                                  its message starting with "hardware (<device>): " so that
//                                  scripts/test.sh can tell it from the other skips.
//
// Both return from the test function like QSKIP / QFAIL. ctest reports a suite with skips and no
// failure as skipped (SKIP_REGULAR_EXPRESSION in tests/CMakeLists.txt).
#pragma once

#include <QString>
#include <QTest>

namespace mk::test {

inline bool inCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

inline QString skipReason(const char* reason)
{
    return QString::fromUtf8(reason);
}

inline QString skipReason(const QString& reason)
{
    return reason;
}

}  // namespace mk::test

#define MK_SKIP_OR_FAIL_IN_CI(reason)                                                        \
    do {                                                                                     \
        const QString mk_skip_reason_ = ::mk::test::skipReason(reason);                      \
        if (::mk::test::inCi())                                                              \
            QFAIL(qPrintable(QStringLiteral("CI=true, so not a skip: ") + mk_skip_reason_)); \
        QSKIP(qPrintable(mk_skip_reason_));                                                  \
    } while (false)

#define MK_SKIP_FOR_HARDWARE(device, reason) \
    QSKIP(qPrintable(QStringLiteral("hardware (" device "): ") + ::mk::test::skipReason(reason)))

// One Result type for every module (issue 11, item 4): kiosk_app's mk::Result<T> and face_auth's
// FaceResult<T> are the same template, mk::BasicResult (result/Result.h), with their module's error
// type; the behaviour of the template itself.
#include "core/common/Result.h"
#include "face_auth/FaceResult.h"
#include "result/Result.h"

#include <QString>
#include <QTest>

#include <memory>
#include <type_traits>

static_assert(std::is_same_v<mk::Result<int>, mk::BasicResult<int, mk::Error>>);
static_assert(std::is_same_v<mk::Status, mk::BasicResult<mk::Ok, mk::Error>>);
static_assert(std::is_same_v<mk::face::FaceResult<int>, mk::BasicResult<int, mk::face::FaceError>>);
static_assert(std::is_same_v<mk::face::FaceStatus, mk::BasicResult<mk::Ok, mk::face::FaceError>>);
static_assert(std::is_same_v<mk::face::FaceOk, mk::Ok>);
// A result is never silently converted into one of another module's error type.
static_assert(!std::is_convertible_v<mk::Status, mk::face::FaceStatus>);

class TestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueAndError();
    void moveOnlyValue();
};

void TestResult::valueAndError()
{
    const mk::Result<QString> good = QStringLiteral("x");
    QVERIFY(good.ok());
    QVERIFY(bool(good));
    QCOMPARE(good.value(), QStringLiteral("x"));

    const mk::Result<QString> bad = mk::makeError(mk::ErrorCode::Storage, QStringLiteral("disk"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, mk::ErrorCode::Storage);
    QCOMPARE(bad.error().detail, QStringLiteral("disk"));

    const mk::face::FaceStatus face_bad =
        mk::face::faceError(mk::face::FaceErrorCode::Consent, QStringLiteral("no consent"));
    QVERIFY(!face_bad);
    QCOMPARE(face_bad.error().code, mk::face::FaceErrorCode::Consent);
    const mk::face::FaceStatus face_ok = mk::face::FaceOk{};
    QVERIFY(face_ok.ok());
}

void TestResult::moveOnlyValue()
{
    mk::Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
    QVERIFY(r.ok());
    std::unique_ptr<int> taken = std::move(r).value();
    QCOMPARE(*taken, 7);
}

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"

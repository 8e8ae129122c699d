#include "core/pool/PoolReply.h"

#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirUris.h"

#include <QDateTime>

namespace mk::pool::reply {
namespace {

constexpr qsizetype kMaxDetailChars = 300;

// The rule coding's system: urn:medkiosk:rule, or the payment contract's CodeSystem URL.
bool isRuleSystem(const QString& system)
{
    return system == fhir::uri::kRule ||
           system == QLatin1String("http://medkiosk.example/fhir/CodeSystem/rule");
}

QString ruleFromText(const QString& text)
{
    // Servers that do not send the urn:medkiosk:rule coding: recognise the per-day rule by words.
    const QString t = text.toLower();
    if (t.contains(QLatin1String("per day")) || t.contains(QLatin1String("per-day"))) {
        return QStringLiteral("per-day");
    }
    return {};
}

}  // namespace

bool isFhirJson(const QByteArray& content_type)
{
    const QByteArray media = content_type.split(';').value(0).trimmed().toLower();
    return media == "application/fhir+json" || media == "application/json";
}

int retryAfterSeconds(const QByteArray& value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty()) return -1;
    bool ok = false;
    const qlonglong seconds = v.toLongLong(&ok);
    if (ok) return seconds < 0 ? -1 : int(std::min<qlonglong>(seconds, 24 * 3600));
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid()) return -1;
    return int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().secsTo(when), 0, 24 * 3600));
}

Error httpError(const HttpResponse& response)
{
    Error e;
    e.http_status = response.status;
    const int s = response.status;
    if (s == 409 || s == 412) {
        e.code = ErrorCode::Conflict;
    } else if (s == 422) {
        e.code = ErrorCode::Rule;
    } else if (s == 404 || s == 410) {
        e.code = ErrorCode::NotFound;
    } else if (s == 429) {
        e.code = ErrorCode::RateLimited;
        e.retry_after_s = retryAfterSeconds(response.retry_after);
    } else if (s >= 500) {
        e.code = ErrorCode::Server;
        e.retry_after_s = retryAfterSeconds(response.retry_after);
    } else if (s >= 400) {
        e.code = ErrorCode::BadRequest;
    } else {
        e.code = ErrorCode::BadReply;  // 1xx/3xx: the pool never redirects
    }
    e.detail = QStringLiteral("HTTP %1").arg(s);
    if (!isFhirJson(response.content_type)) {
        if (!response.body.isEmpty()) e.detail += QStringLiteral(" without OperationOutcome");
        return e;
    }
    const Result<fhir::OperationOutcome> oo = fhir::parser::outcome(response.body);
    if (!oo.ok() || oo.value().issues.isEmpty()) {
        e.detail += QStringLiteral(" without OperationOutcome");
        return e;
    }
    const fhir::OutcomeIssue& issue = oo.value().issues.first();
    e.outcome_code = issue.code;
    const QString text = issue.diagnostics.isEmpty() ? issue.details : issue.diagnostics;
    if (!text.isEmpty()) e.detail += QStringLiteral(": ") + text.left(kMaxDetailChars);
    if (issue.details != text) e.details_text = issue.details.left(kMaxDetailChars);
    if (e.code == ErrorCode::Rule) {
        e.rule = isRuleSystem(issue.details_system) ? issue.details_code : QString();
        if (e.rule.isEmpty()) e.rule = ruleFromText(text);
    } else if (e.code == ErrorCode::Conflict) {
        // A 409 may name its rule too (already-paid, already-arrived): the code stays Conflict.
        e.rule = isRuleSystem(issue.details_system) ? issue.details_code : QString();
    } else if (e.code == ErrorCode::BadRequest && issue.code == QLatin1String("business-rule")) {
        e.code = ErrorCode::Rule;  // a 400 business-rule is a rule too
        e.rule = issue.details_code;
    }
    return e;
}

Status checkSuccess(const HttpResponse& response)
{
    if (response.status == 204 && response.body.isEmpty()) return Ok{};
    if (!isFhirJson(response.content_type)) {
        Error e = makeError(ErrorCode::BadReply,
                            QStringLiteral("content type %1 is not FHIR JSON")
                                .arg(QString::fromLatin1(response.content_type.left(60))));
        e.http_status = response.status;
        return e;
    }
    return Ok{};
}

}  // namespace mk::pool::reply

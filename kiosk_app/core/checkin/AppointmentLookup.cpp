#include "core/checkin/AppointmentLookup.h"

#include "core/fhir/FhirBundle.h"
#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirUris.h"
#include "core/pool/PoolReply.h"

#include <QUrlQuery>

namespace mk::checkin {

namespace {
bool isFhirId(const QString& id)
{
    if (id.isEmpty() || id.size() > 64) return false;
    for (QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') &&
            c != QLatin1Char('.')) {
            return false;
        }
    }
    return true;
}
}  // namespace

AppointmentLookup::AppointmentLookup(QUrl base_url, std::unique_ptr<pool::HttpTransport> transport)
    : base_url_(std::move(base_url)), transport_(std::move(transport))
{}

AppointmentLookup::~AppointmentLookup() = default;

QUrl AppointmentLookup::url(const QString& path) const
{
    QUrl u = base_url_;
    QString p = u.path();
    if (!p.endsWith(QLatin1Char('/'))) p += QLatin1Char('/');
    u.setPath(p + path);
    return u;
}

Result<QByteArray> AppointmentLookup::get(const QUrl& u)
{
    pool::HttpRequest request;
    request.url = u;
    request.headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/fhir+json")}};
    auto reply = transport_->perform(request);
    if (!reply) return reply.error();
    const pool::HttpResponse& r = reply.value();
    if (r.status < 200 || r.status > 299) return pool::reply::httpError(r);
    if (Status s = pool::reply::checkSuccess(r); !s) return s.error();
    return r.body;
}

Result<fhir::Appointment> AppointmentLookup::appointment(const QString& id)
{
    if (!isFhirId(id)) return makeError(ErrorCode::BadRequest, QStringLiteral("bad id"));
    auto body = get(url(QStringLiteral("Appointment/") + id));
    if (!body) return body.error();
    return fhir::parser::appointment(body.value());
}

Result<fhir::Appointment> AppointmentLookup::appointmentByNumber(const QString& number)
{
    QUrl u = url(QStringLiteral("Appointment"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("identifier"),
                   QString(fhir::uri::kAppointmentNumber) + QStringLiteral("%7C") + number);
    u.setQuery(q);
    auto body = get(u);
    if (!body) return body.error();
    auto bundle = fhir::parser::bundle(body.value(), base_url_);
    if (!bundle) return bundle.error();
    for (const QJsonObject& o :
         bundle.value().resources(QStringLiteral("Appointment"), QStringLiteral("match"))) {
        auto a = fhir::parser::appointmentFromJson(o);
        if (a && a.value().appointment_number == number) return a;
    }
    return makeError(ErrorCode::NotFound, QStringLiteral("no appointment with that number"));
}

Result<fhir::Patient> AppointmentLookup::patient(const QString& id)
{
    if (!isFhirId(id)) return makeError(ErrorCode::BadRequest, QStringLiteral("bad id"));
    auto body = get(url(QStringLiteral("Patient/") + id));
    if (!body) return body.error();
    return fhir::parser::patient(body.value());
}

}  // namespace mk::checkin

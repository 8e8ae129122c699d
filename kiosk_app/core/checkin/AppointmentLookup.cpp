#include "core/checkin/AppointmentLookup.h"

#include "core/fhir/FhirBundle.h"
#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirUris.h"
#include "core/fhir/FhirWriter.h"
#include "core/pool/PoolReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace mk::checkin {

namespace {
constexpr char kLocationExtension[] =
    "http://medkiosk.example/fhir/StructureDefinition/appointment-location";

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
// The building and floor of the appointment-location extension, when there.
void readPlace(const QJsonObject& o, PlacedAppointment& placed)
{
    for (const QJsonValue& e : o.value(QStringLiteral("extension")).toArray()) {
        if (e.toObject().value(QStringLiteral("url")).toString() !=
            QLatin1String(kLocationExtension)) {
            continue;
        }
        for (const QJsonValue& sub : e.toObject().value(QStringLiteral("extension")).toArray()) {
            const QJsonObject x = sub.toObject();
            const QString name = x.value(QStringLiteral("url")).toString();
            if (name == QLatin1String("building")) {
                placed.building = x.value(QStringLiteral("valueString")).toString().left(16);
            } else if (name == QLatin1String("floor")) {
                placed.floor = qBound(-9, x.value(QStringLiteral("valueInteger")).toInt(), 200);
            }
        }
    }
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

Result<PlacedAppointment> AppointmentLookup::placedAppointment(const QString& id)
{
    if (!isFhirId(id)) return makeError(ErrorCode::BadRequest, QStringLiteral("bad id"));
    auto body = get(url(QStringLiteral("Appointment/") + id));
    if (!body) return body.error();
    auto a = fhir::parser::appointment(body.value());
    if (!a) return a.error();
    PlacedAppointment placed{a.value(), {}, 0};
    readPlace(QJsonDocument::fromJson(body.value()).object(), placed);
    return placed;
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

Result<QString> AppointmentLookup::patientIdByCard(const QString& card_identifier)
{
    if (card_identifier.isEmpty() || card_identifier.size() > 128) {
        return makeError(ErrorCode::BadRequest, QStringLiteral("bad card identifier"));
    }
    QUrl u = url(QStringLiteral("Patient"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("identifier"),
                   QStringLiteral("urn:medkiosk:card%7C") +
                       QString::fromLatin1(QUrl::toPercentEncoding(card_identifier)));
    u.setQuery(q);
    auto body = get(u);
    if (!body) return body.error();
    auto bundle = fhir::parser::bundle(body.value(), base_url_);
    if (!bundle) return bundle.error();
    const auto found = bundle.value().resources(QStringLiteral("Patient"), QStringLiteral("match"));
    if (found.size() != 1) {
        return makeError(ErrorCode::NotFound, QStringLiteral("no single patient for the card"));
    }
    auto p = fhir::parser::patientFromJson(found.first());
    if (!p) return p.error();
    return p.value().id;
}

Result<QList<PlacedAppointment>> AppointmentLookup::appointmentsIn(const QString& patient_id,
                                                                   const QDateTime& from,
                                                                   const QDateTime& to)
{
    if (!isFhirId(patient_id)) return makeError(ErrorCode::BadRequest, QStringLiteral("bad id"));
    QUrl u = url(QStringLiteral("Appointment"));
    const QList<QPair<QString, QString>> params{
        {QStringLiteral("patient"), QStringLiteral("Patient/") + patient_id},
        {QStringLiteral("date"), QStringLiteral("ge") + fhir::writer::instant(from)},
        {QStringLiteral("date"), QStringLiteral("lt") + fhir::writer::instant(to)},
        {QStringLiteral("_count"), QStringLiteral("200")}};
    QStringList pairs;
    for (const auto& [key, value] : params) {
        pairs.append(QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' +
                                         QUrl::toPercentEncoding(value, ",:/")));
    }
    u.setQuery(pairs.join(QLatin1Char('&')), QUrl::StrictMode);
    auto body = get(u);
    if (!body) return body.error();
    auto bundle = fhir::parser::bundle(body.value(), base_url_);
    if (!bundle) return bundle.error();
    QList<PlacedAppointment> out;
    for (const QJsonObject& o :
         bundle.value().resources(QStringLiteral("Appointment"), QStringLiteral("match"))) {
        auto a = fhir::parser::appointmentFromJson(o);
        if (!a) return a.error();
        if (a.value().patient_id != patient_id) {
            return makeError(
                ErrorCode::BadReply,
                QStringLiteral("the pool answered with another patient's appointment"));
        }
        PlacedAppointment placed{a.value(), {}, 0};
        readPlace(o, placed);
        out.append(placed);
    }
    return out;
}

}  // namespace mk::checkin

// Fuzz target of the FHIR parser: every entry point on arbitrary bytes. A reply is either parsed or
// refused as BadReply; never a crash, an exception or another error code. A Slot page or an
// Appointment read in one pass (plainSlotPage, plainAppointment) is one the checked parser reads
// the same.
#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirPlainAppointment.h"
#include "core/fhir/FhirSlotPage.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

template<typename T>
void check(const mk::Result<T>& r)
{
    if (!r.ok() && (r.error().code != mk::ErrorCode::BadReply || r.error().detail.isEmpty())) {
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace mk::fhir;
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    const QUrl origin(QStringLiteral("http://127.0.0.1:8080/fhir"));
    const auto bundle = parser::bundle(json, origin);
    check(bundle);
    // The first look at the next link: nothing, or an absolute URL on the pool's origin.
    const QUrl peeked = parser::peekNextLink(json, origin);
    if (!peeked.isEmpty() && (peeked.isRelative() || peeked.host() != origin.host() ||
                              peeked.port(-1) != origin.port(-1))) {
        std::abort();
    }
    if (bundle.ok()) check(parser::doctorsFromBundle(bundle.value()));
    if (const auto plain = parser::plainSlotPage(json, origin)) {
        if (!bundle.ok() || bundle.value().type != QLatin1String("searchset") ||
            bundle.value().total != plain->total || bundle.value().next != plain->next ||
            bundle.value().entries.size() != plain->slots.size()) {
            std::abort();
        }
        for (qsizetype i = 0; i < plain->slots.size(); ++i) {
            const auto slot = parser::slotFromJson(bundle.value().entries.at(i).resource);
            if (!slot.ok() || !(slot.value() == plain->slots.at(i))) std::abort();
        }
    }
    if (const auto plain = parser::plainAppointment(json)) {
        const auto o = parser::resourceObject(json, QStringLiteral("Appointment"));
        const auto checked =
            o.ok() ? parser::appointmentFromJson(o.value()) : mk::Result<Appointment>(o.error());
        if (!checked.ok() || !(checked.value() == *plain)) std::abort();
    }
    check(parser::resourceObject(json, QString()));
    check(parser::slot(json));
    check(parser::schedule(json));
    check(parser::practitioner(json));
    check(parser::department(json));
    check(parser::patient(json));
    check(parser::appointment(json));
    check(parser::outcome(json));
    return 0;
}

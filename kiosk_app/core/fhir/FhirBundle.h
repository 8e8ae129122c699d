// A FHIR searchset Bundle as the kiosk reads it: entries with their search mode, total, and the
// next link (followed only on the pool's own origin). Part of the parser (FhirParser.h).
#pragma once

#include "core/common/Result.h"
#include "core/fhir/FhirTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace mk::fhir {

struct BundleEntry {
    QString mode;           // search.mode: match | include | outcome (empty when absent)
    QString resource_type;  // resource.resourceType
    QJsonObject resource;
};

struct Bundle {
    QString type;    // searchset, ...
    int total = -1;  // -1 when absent
    QUrl self;
    QUrl next;  // empty on the last page
    QList<BundleEntry> entries;
    QList<QJsonObject> resources(const QString& resource_type, const QString& mode) const;
};

namespace parser {

// The kiosk follows next links only on the pool's own scheme, host and port.
bool onOrigin(const QUrl& url, const QUrl& origin);

// A Bundle. With a valid `origin`, a next link that is not on the same scheme/host/port is a
// BadReply (the kiosk follows next links only on the pool's own origin).
Result<Bundle> bundle(const QByteArray& json, const QUrl& origin = QUrl());
Result<Bundle> bundleFromJson(const QJsonObject& object, const QUrl& origin = QUrl());

// A first look at a searchset's next link without parsing the entries (issue 13: the client
// asks for the next page while it parses this one): the top-level "link" member only, the other
// members skipped as text. An empty URL when there is none, or when the text is not a JSON object
// whose link can be read, or the link is not absolute on `origin`. Only a guess: the full parse
// (bundle) decides, and a caller that fetched the guess checks that both agree.
QUrl peekNextLink(const QByteArray& json, const QUrl& origin);

// The doctors of a Schedule search with _include=Schedule:actor:Practitioner: one per matched
// Schedule, named from the included Practitioner (id only when the include is missing).
Result<QList<Doctor>> doctorsFromBundle(const Bundle& bundle);

}  // namespace parser
}  // namespace mk::fhir

// Checked access to the JSON of a FHIR resource: every getter records the first problem (missing
// required element, wrong JSON type, bad date) with the element's path, so a parser reads on and
// reports one precise BadReply detail at the end. Never throws; unknown elements are ignored.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace mk::fhir {

class FhirJson
{
public:
    enum class Need { Optional, Required };

    FhirJson() = default;

    bool ok() const { return error_.isEmpty(); }
    const QString& error() const { return error_; }
    void fail(const QString& path, const QString& problem);

    // `path` names the element in errors, e.g. "Slot.start".
    QString string(const QJsonObject& o, const QString& key, const QString& path, Need need);
    QJsonObject object(const QJsonObject& o, const QString& key, const QString& path, Need need);
    QJsonArray array(const QJsonObject& o, const QString& key, const QString& path, Need need);
    // Array elements that must be objects (a non-object element is an error).
    QList<QJsonObject> objects(const QJsonObject& o, const QString& key, const QString& path,
                               Need need);
    int integer(const QJsonObject& o, const QString& key, const QString& path, Need need,
                int absent, int minimum);
    bool boolean(const QJsonObject& o, const QString& key, const QString& path, bool absent);
    // FHIR instant / dateTime with time and zone ("2026-11-23T08:10:00+08:00", "...Z").
    QDateTime instant(const QJsonObject& o, const QString& key, const QString& path, Need need);
    // The common instant "yyyy-MM-ddThh:mm:ss" + "Z" or a non-zero "+hh:mm" read by hand (a slot
    // search reads 2,700 of them; the regular expression and QDateTime::fromString were a third
    // of its parse); anything else (fractions, "+00:00", out-of-range fields) is an invalid
    // QDateTime, and instant() decides and reports.
    static QDateTime plainInstant(const QString& s);
    // FHIR date: yyyy, yyyy-MM or yyyy-MM-dd; a partial date is valid FHIR and gives a null QDate.
    QDate date(const QJsonObject& o, const QString& key, const QString& path, Need need);
    // "Type/id" or an absolute URL ending in Type/id; the id when the type matches, else empty.
    static QString referenceId(const QString& reference, const QString& type);
    // The English translation extension of a primitive's "_element" sibling, or empty.
    QString translation(const QJsonObject& o, const QString& key, const QString& path);

private:
    QString error_;
};

}  // namespace mk::fhir

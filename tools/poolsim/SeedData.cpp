#include "SeedData.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace mk::sim {
namespace {

struct Dept {
    const char* id;
    const char* zh;
    const char* en;
    int doctors;
};
const Dept kDepts[] = {
    {"ped", "儿科门诊", "General Pediatrics", 30},
    {"resp", "儿童呼吸科", "Pediatric Respiratory", 5},
    {"gastro", "儿童消化科", "Pediatric Gastroenterology", 4},
    {"eye", "眼科", "Ophthalmology", 6},
    {"dental", "口腔科", "Stomatology", 3},
    {"derm", "皮肤科", "Dermatology", 4},
};
const char* const kSurnamesZh[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
const char* const kSurnamesEn[] = {"Wang", "Li",   "Zhang", "Liu",  "Chen",
                                   "Yang", "Zhao", "Huang", "Zhou", "Wu"};
const char* const kGivenZh[] = {"伟", "芳", "娜", "敏", "静", "磊",
                                "洋", "艳", "勇", "军", "杰", "娟"};
const char* const kGivenEn[] = {"Wei",  "Fang", "Na",   "Min", "Jing", "Lei",
                                "Yang", "Yan",  "Yong", "Jun", "Jie",  "Juan"};
const char* const kTitlesZh[] = {"主任医师", "副主任医师", "主治医师"};
const char* const kTitlesEn[] = {"Chief physician", "Associate chief physician",
                                 "Attending physician"};

quint32 mix(quint32 seed, const QString& key)
{
    const QByteArray digest =
        QCryptographicHash::hash(QByteArray::number(seed) + key.toUtf8(), QCryptographicHash::Sha1);
    return (quint32(quint8(digest[0])) << 24) | (quint32(quint8(digest[1])) << 16) |
           (quint32(quint8(digest[2])) << 8) | quint32(quint8(digest[3]));
}

QString zh(const char* text)
{
    return QString::fromUtf8(text);
}

QJsonObject humanName(const QString& zh_name, const QString& en_name)
{
    QJsonObject name{{QStringLiteral("text"), zh_name}};
    name.insert(QStringLiteral("_text"), translated(QStringLiteral("text"), en_name));
    return name;
}

QJsonObject makePatient(const QString& id, const QString& number, const QString& zh_name,
                        const QString& en_name, const QString& birth, const QString& phone,
                        const QString& gender, const QString& guardian)
{
    QJsonObject p{
        {QStringLiteral("resourceType"), QStringLiteral("Patient")},
        {QStringLiteral("id"), id},
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("versionId"), QStringLiteral("1")}}},
        {QStringLiteral("active"), true},
        {QStringLiteral("identifier"),
         QJsonArray{
             QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:medkiosk:patient-number")},
                         {QStringLiteral("value"), number}}}},
        {QStringLiteral("name"), QJsonArray{humanName(zh_name, en_name)}},
        {QStringLiteral("gender"), gender},
        {QStringLiteral("birthDate"), birth}};
    if (!phone.isEmpty()) {
        p.insert(QStringLiteral("telecom"),
                 QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                        {QStringLiteral("value"), phone}}});
    }
    if (!guardian.isEmpty()) {
        p.insert(QStringLiteral("extension"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("url"),
                      QStringLiteral("http://medkiosk.example/fhir/StructureDefinition/guardian")},
                     {QStringLiteral("valueReference"),
                      QJsonObject{
                          {QStringLiteral("reference"), QStringLiteral("Patient/") + guardian}}}}});
    }
    return p;
}

}  // namespace

quint32 seedMix(quint32 seed, const QString& key)
{
    return mix(seed, key);
}

QJsonObject translated(const QString& /*element*/, const QString& english)
{
    return QJsonObject{
        {QStringLiteral("extension"),
         QJsonArray{QJsonObject{
             {QStringLiteral("url"),
              QStringLiteral("http://hl7.org/fhir/StructureDefinition/translation")},
             {QStringLiteral("extension"),
              QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("lang")},
                                     {QStringLiteral("valueCode"), QStringLiteral("en")}},
                         QJsonObject{{QStringLiteral("url"), QStringLiteral("content")},
                                     {QStringLiteral("valueString"), english}}}}}}}};
}

SeedData::SeedData(quint32 seed, QDate first_day, const QString& timezone) : seed_(seed)
{
    const QTimeZone zone(timezone.toUtf8());
    const QTimeZone tz = zone.isValid() ? zone : QTimeZone(8 * 3600);
    first_day_ =
        first_day.isValid() ? first_day : QDateTime::currentDateTimeUtc().toTimeZone(tz).date();
    offset_s_ = tz.offsetFromUtc(first_day_.startOfDay(tz));

    int doctor_index = 0;
    for (const Dept& d : kDepts) {
        const QString dept_id = QStringLiteral("dept-") + QLatin1String(d.id);
        QJsonObject hs{{QStringLiteral("resourceType"), QStringLiteral("HealthcareService")},
                       {QStringLiteral("id"), dept_id},
                       {QStringLiteral("meta"),
                        QJsonObject{{QStringLiteral("versionId"), QStringLiteral("1")}}},
                       {QStringLiteral("active"), true},
                       {QStringLiteral("name"), zh(d.zh)}};
        hs.insert(QStringLiteral("_name"), translated(QStringLiteral("name"), QLatin1String(d.en)));
        departments.append(hs);
        for (int i = 0; i < d.doctors; ++i, ++doctor_index) {
            const QString pr_id = QStringLiteral("pr-%1-%2")
                                      .arg(QLatin1String(d.id))
                                      .arg(i + 1, 2, 10, QLatin1Char('0'));
            const quint32 h = mix(seed_, pr_id);
            const int s = int(h % 10);
            const int g1 = int((h >> 8) % 12);
            const int g2 = int((h >> 16) % 12);
            const int t = i == 0 ? 0 : int((h >> 24) % 3);
            const QString zh_name = zh(kSurnamesZh[s]) + zh(kGivenZh[g1]) + zh(kGivenZh[g2]);
            const QString en_name = QLatin1String(kSurnamesEn[s]) + QLatin1Char(' ') +
                                    QLatin1String(kGivenEn[g1]) +
                                    QString(QLatin1String(kGivenEn[g2])).toLower();
            QJsonObject qual{
                {QStringLiteral("code"), QJsonObject{{QStringLiteral("text"), zh(kTitlesZh[t])}}}};
            QJsonObject code = qual.value(QStringLiteral("code")).toObject();
            code.insert(QStringLiteral("_text"),
                        translated(QStringLiteral("text"), QLatin1String(kTitlesEn[t])));
            qual.insert(QStringLiteral("code"), code);
            practitioners.append(
                QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
                            {QStringLiteral("id"), pr_id},
                            {QStringLiteral("meta"),
                             QJsonObject{{QStringLiteral("versionId"), QStringLiteral("1")}}},
                            {QStringLiteral("active"), true},
                            {QStringLiteral("name"), QJsonArray{humanName(zh_name, en_name)}},
                            {QStringLiteral("qualification"), QJsonArray{qual}}});
            schedules.append(QJsonObject{
                {QStringLiteral("resourceType"), QStringLiteral("Schedule")},
                {QStringLiteral("id"), QStringLiteral("sch-") + pr_id.mid(3)},
                {QStringLiteral("meta"),
                 QJsonObject{{QStringLiteral("versionId"), QStringLiteral("1")}}},
                {QStringLiteral("active"), true},
                {QStringLiteral("actor"),
                 QJsonArray{QJsonObject{{QStringLiteral("reference"),
                                         QStringLiteral("Practitioner/") + pr_id}},
                            QJsonObject{{QStringLiteral("reference"),
                                         QStringLiteral("HealthcareService/") + dept_id}}}}});
        }
    }

    // Fixed demo identities (docs/demo-data.md), then generated ones.
    patients.append(makePatient(QStringLiteral("pat-1001"), QStringLiteral("P00001001"), zh("李明"),
                                QStringLiteral("Li Ming"), QStringLiteral("1985-03-12"),
                                QStringLiteral("13800138000"), QStringLiteral("male"), {}));
    patients.append(makePatient(QStringLiteral("pat-1002"), QStringLiteral("P00001002"),
                                zh("李小雨"), QStringLiteral("Li Xiaoyu"),
                                QStringLiteral("2018-06-01"), {}, QStringLiteral("female"),
                                QStringLiteral("pat-1001")));
    patients.append(makePatient(QStringLiteral("pat-1003"), QStringLiteral("P00001003"),
                                zh("李小乐"), QStringLiteral("Li Xiaole"),
                                QStringLiteral("2021-09-15"), {}, QStringLiteral("male"),
                                QStringLiteral("pat-1001")));
    patients.append(makePatient(QStringLiteral("pat-1004"), QStringLiteral("P00001004"), zh("王芳"),
                                QStringLiteral("Wang Fang"), QStringLiteral("1990-07-20"),
                                QStringLiteral("13900139000"), QStringLiteral("female"), {}));
    patients.append(makePatient(QStringLiteral("pat-1005"), QStringLiteral("P00001005"), zh("张伟"),
                                QStringLiteral("Zhang Wei"), QStringLiteral("1978-11-02"),
                                QStringLiteral("13700137000"), QStringLiteral("male"), {}));
    patients.append(makePatient(QStringLiteral("pat-1006"), QStringLiteral("P00001006"), zh("张静"),
                                QStringLiteral("Zhang Jing"), QStringLiteral("1980-01-25"),
                                QStringLiteral("13700137000"), QStringLiteral("female"), {}));
    for (int i = 0; i < 16; ++i) {  // more adults
        const QString id = QStringLiteral("pat-%1").arg(1100 + i);
        const quint32 h = mix(seed_, id);
        const int s = int(h % 10);
        const int g = int((h >> 8) % 12);
        const QDate birth = QDate(1960, 1, 1).addDays(qint64((h >> 12) % 14000));
        patients.append(makePatient(
            id, QStringLiteral("P0000%1").arg(1100 + i), zh(kSurnamesZh[s]) + zh(kGivenZh[g]),
            QLatin1String(kSurnamesEn[s]) + QLatin1Char(' ') + QLatin1String(kGivenEn[g]),
            birth.toString(Qt::ISODate), QStringLiteral("1350000%1").arg(1100 + i),
            (h & 1) != 0 ? QStringLiteral("male") : QStringLiteral("female"), {}));
    }
    for (int i = 0; i < 8; ++i) {  // more children, guardians among the generated adults
        const QString id = QStringLiteral("pat-%1").arg(1200 + i);
        const quint32 h = mix(seed_, id);
        const int g = int((h >> 8) % 12);
        const QString guardian = QStringLiteral("pat-%1").arg(1100 + i);
        const QDate birth = QDate(2012, 1, 1).addDays(qint64((h >> 12) % 4000));
        patients.append(makePatient(
            id, QStringLiteral("P0000%1").arg(1200 + i), zh("小") + zh(kGivenZh[g]),
            QStringLiteral("Xiao ") + QLatin1String(kGivenEn[g]), birth.toString(Qt::ISODate), {},
            (h & 1) != 0 ? QStringLiteral("male") : QStringLiteral("female"), guardian));
    }
}

bool SeedData::seededBusy(const QString& slot_id) const
{
    return mix(seed_, slot_id) % 10 < 3;
}

QList<QJsonObject> SeedData::slots() const
{
    QList<QJsonObject> out;
    const QTimeZone fixed(offset_s_);
    for (int day = 0; day < 7; ++day) {
        const QDate date = first_day_.addDays(day);
        for (int minute = 8 * 60; minute < 17 * 60 + 30; minute += 10) {
            if (minute >= 12 * 60 && minute < 14 * 60) {
                continue;
            }
            const QDateTime start(date, QTime(minute / 60, minute % 60), fixed);
            const QString start_iso = start.toString(Qt::ISODate);
            const QString end_iso = start.addSecs(600).toString(Qt::ISODate);
            for (const QJsonObject& sch : schedules) {
                const QString sch_id = sch.value(QStringLiteral("id")).toString();
                const QString id =
                    QStringLiteral("sl-%1-%2-%3")
                        .arg(sch_id.mid(4), date.toString(QStringLiteral("yyyyMMdd")))
                        .arg(minute / 60 * 100 + minute % 60, 4, 10, QLatin1Char('0'));
                out.append(
                    QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Slot")},
                                {QStringLiteral("id"), id},
                                {QStringLiteral("schedule"),
                                 QJsonObject{{QStringLiteral("reference"),
                                              QStringLiteral("Schedule/") + sch_id}}},
                                {QStringLiteral("status"),
                                 seededBusy(id) ? QStringLiteral("busy") : QStringLiteral("free")},
                                {QStringLiteral("start"), start_iso},
                                {QStringLiteral("end"), end_iso}});
            }
        }
    }
    return out;
}

}  // namespace mk::sim

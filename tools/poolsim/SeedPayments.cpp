// The seeded bills, credit lines and the credit agreement of the demo patients
// (docs/demo-data.md "Bills and credit").
#include "SeedPayments.h"

#include "SeedData.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QTimeZone>

namespace mk::sim {
namespace {

struct Item {
    const char* category;
    const char* zh;
    const char* en;
    qint64 base_fen;
    int insured_percent;  // the insurance share of this item, 0 = self-pay only
};

// The catalogue the generated bills draw from (the fixed patients' bills name items directly).
const Item kCatalogue[] = {
    {"registration", "普通门诊挂号费", "Outpatient registration", 2000, 0},
    {"registration", "专家门诊挂号费", "Specialist registration", 5000, 0},
    {"examination", "胸部X线检查", "Chest X-ray", 12000, 70},
    {"examination", "腹部B超", "Abdominal ultrasound", 18000, 50},
    {"examination", "心电图", "Electrocardiogram", 3500, 70},
    {"laboratory", "血常规", "Complete blood count", 2500, 70},
    {"laboratory", "肝功能", "Liver function panel", 8500, 70},
    {"laboratory", "C反应蛋白", "C-reactive protein", 4500, 50},
    {"medicine", "阿莫西林胶囊", "Amoxicillin capsules", 3250, 50},
    {"medicine", "布洛芬混悬液", "Ibuprofen suspension", 2880, 50},
    {"medicine", "蒙脱石散", "Smectite powder", 1960, 50},
    {"medicine", "头孢克肟颗粒", "Cefixime granules", 5670, 0},
    {"treatment", "雾化吸入治疗", "Nebuliser treatment", 6000, 70},
    {"treatment", "换药", "Wound dressing", 3500, 0},
    {"other", "病历本", "Medical record booklet", 100, 0},
};

QString zh(const char* text)
{
    return QString::fromUtf8(text);
}

SimChargeLine line(const char* category, const char* zh_name, const char* en_name, qint64 base_fen,
                   qint64 deduction_fen)
{
    return SimChargeLine{QLatin1String(category), zh(zh_name), QLatin1String(en_name), base_fen,
                         deduction_fen};
}

SimChargeLine fromItem(const Item& item)
{
    return line(item.category, item.zh, item.en, item.base_fen,
                item.base_fen * item.insured_percent / 100);
}

class Builder
{
public:
    Builder(QDate first_day, int offset_s) : first_day_(first_day), zone_(offset_s) {}

    // A bill of `patient` issued `days_ago` days before the first day at hh:mm (hospital time).
    SimInvoice make(const QString& patient, int index, int days_ago, int hour, int minute,
                    QList<SimChargeLine> lines)
    {
        const QDate day = first_day_.addDays(-days_ago);
        const QString day_key = day.toString(QStringLiteral("yyyyMMdd"));
        SimInvoice inv;
        inv.id = QStringLiteral("inv-%1-%2").arg(patient.mid(4)).arg(index);
        inv.number =
            QStringLiteral("B%1-%2").arg(day_key).arg(++per_day_[day_key], 4, 10, QLatin1Char('0'));
        inv.patient = patient;
        inv.date = QDateTime(day, QTime(hour, minute), zone_).toString(Qt::ISODate);
        inv.lines = std::move(lines);
        return inv;
    }

private:
    QDate first_day_;
    QTimeZone zone_;
    QHash<QString, int> per_day_;
};

}  // namespace

qint64 SimInvoice::grossFen() const
{
    qint64 total = 0;
    for (const SimChargeLine& l : lines) total += l.base_fen;
    return total;
}

qint64 SimInvoice::deductionFen() const
{
    qint64 total = 0;
    for (const SimChargeLine& l : lines) total += l.deduction_fen;
    return total;
}

QJsonObject SimInvoice::toState() const
{
    QJsonArray items;
    for (const SimChargeLine& l : lines) {
        items.append(QJsonObject{{QStringLiteral("category"), l.category},
                                 {QStringLiteral("zh"), l.name_zh},
                                 {QStringLiteral("en"), l.name_en},
                                 {QStringLiteral("base_fen"), l.base_fen},
                                 {QStringLiteral("deduction_fen"), l.deduction_fen}});
    }
    return QJsonObject{{QStringLiteral("id"), id},           {QStringLiteral("number"), number},
                       {QStringLiteral("patient"), patient}, {QStringLiteral("date"), date},
                       {QStringLiteral("status"), status},   {QStringLiteral("version"), version},
                       {QStringLiteral("payment"), payment}, {QStringLiteral("lines"), items}};
}

SimInvoice SimInvoice::fromState(const QJsonObject& o)
{
    SimInvoice inv;
    inv.id = o.value(QStringLiteral("id")).toString();
    inv.number = o.value(QStringLiteral("number")).toString();
    inv.patient = o.value(QStringLiteral("patient")).toString();
    inv.date = o.value(QStringLiteral("date")).toString();
    inv.status = o.value(QStringLiteral("status")).toString();
    inv.version = o.value(QStringLiteral("version")).toInt(1);
    inv.payment = o.value(QStringLiteral("payment")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("lines")).toArray()) {
        const QJsonObject l = v.toObject();
        inv.lines.append(SimChargeLine{l.value(QStringLiteral("category")).toString(),
                                       l.value(QStringLiteral("zh")).toString(),
                                       l.value(QStringLiteral("en")).toString(),
                                       l.value(QStringLiteral("base_fen")).toInteger(),
                                       l.value(QStringLiteral("deduction_fen")).toInteger()});
    }
    return inv;
}

QJsonObject SimAccount::toState() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("patient"), patient},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("limit_fen"), limit_fen},
                       {QStringLiteral("used_fen"), used_fen},
                       {QStringLiteral("version"), version}};
}

SimAccount SimAccount::fromState(const QJsonObject& o)
{
    SimAccount a;
    a.id = o.value(QStringLiteral("id")).toString();
    a.patient = o.value(QStringLiteral("patient")).toString();
    a.status = o.value(QStringLiteral("status")).toString();
    a.limit_fen = o.value(QStringLiteral("limit_fen")).toInteger();
    a.used_fen = o.value(QStringLiteral("used_fen")).toInteger();
    a.version = o.value(QStringLiteral("version")).toInt(1);
    return a;
}

SeedPayments::SeedPayments(quint32 seed, QDate first_day, int offset_s)
{
    Builder b(first_day, offset_s);
    // 李明 pat-1001: credit 3000.00, nothing used. Three bills; the oldest is over the
    // limit without face (200.00): the phone-digits path is refused for it.
    invoices.append(
        b.make(QStringLiteral("pat-1001"), 1, 5, 9, 5,
               {line("registration", "专家门诊挂号费", "Specialist registration", 5000, 0),
                line("examination", "头部CT平扫", "Head CT scan", 48000, 24000),
                line("medicine", "头孢克肟颗粒", "Cefixime granules", 5670, 0)}));  // net 346.70
    invoices.append(b.make(QStringLiteral("pat-1001"), 2, 2, 10, 20,
                           {line("laboratory", "肝功能", "Liver function panel", 8500, 5950),
                            line("examination", "腹部B超", "Abdominal ultrasound", 18000, 9000),
                            line("treatment", "换药", "Wound dressing", 3500, 0)}));  // net 150.50
    invoices.append(b.make(
        QStringLiteral("pat-1001"), 3, 0, 8, 40,
        {line("registration", "专家门诊挂号费", "Specialist registration", 5000, 0),
         line("examination", "胸部X线检查", "Chest X-ray", 12000, 8400),
         line("medicine", "阿莫西林胶囊", "Amoxicillin capsules", 3250, 1625)}));  // net 102.25
    // 李小雨 pat-1002 and 李小乐 pat-1003 (children of pat-1001, who pays on his own line).
    invoices.append(b.make(
        QStringLiteral("pat-1002"), 1, 0, 9, 30,
        {line("registration", "普通门诊挂号费", "Outpatient registration", 2500, 0),
         line("laboratory", "血常规", "Complete blood count", 2500, 1750),
         line("medicine", "布洛芬混悬液", "Ibuprofen suspension", 2880, 1440)}));  // net 46.90
    invoices.append(
        b.make(QStringLiteral("pat-1003"), 1, 1, 15, 10,
               {line("registration", "普通门诊挂号费", "Outpatient registration", 2500, 0),
                line("treatment", "雾化吸入治疗", "Nebuliser treatment", 6000, 4200),
                line("medicine", "蒙脱石散", "Smectite powder", 1960, 980),
                line("other", "病历本", "Medical record booklet", 100, 0)}));  // net 53.80
    // 王芳 pat-1004: credit 500.00 with 430.00 used (70.00 available): today's bill is over it,
    // the older one fits.
    invoices.append(
        b.make(QStringLiteral("pat-1004"), 1, 3, 14, 0,
               {line("registration", "普通门诊挂号费", "Outpatient registration", 3000, 0),
                line("examination", "视力检查", "Eyesight test", 2000, 1000)}));  // net 40.00
    invoices.append(
        b.make(QStringLiteral("pat-1004"), 2, 0, 9, 50,
               {line("registration", "普通门诊挂号费", "Outpatient registration", 3000, 0),
                line("examination", "眼底检查", "Fundus examination", 9500, 4750),
                line("medicine", "玻璃酸钠滴眼液", "Sodium hyaluronate eye drops", 4200,
                     2100)}));  // 98.50
    // 张伟 pat-1005: credit line on hold (suspended).
    invoices.append(
        b.make(QStringLiteral("pat-1005"), 1, 0, 10, 5,
               {line("registration", "普通门诊挂号费", "Outpatient registration", 2000, 0),
                line("laboratory", "真菌镜检", "Fungal microscopy", 4000, 2400),
                line("medicine", "炉甘石洗剂", "Calamine lotion", 1280, 0)}));  // net 48.80
    // 张静 pat-1006: no credit care; opening it is refused (信用评分不足).
    invoices.append(
        b.make(QStringLiteral("pat-1006"), 1, 1, 11, 15,
               {line("treatment", "洁牙", "Dental scaling", 10000, 0),
                line("other", "病历本", "Medical record booklet", 100, 0)}));  // net 101.00
    invoices.append(
        b.make(QStringLiteral("pat-1006"), 2, 0, 8, 25,
               {line("registration", "普通门诊挂号费", "Outpatient registration", 2000, 0),
                line("treatment", "补牙", "Tooth filling", 15000, 6000),
                line("examination", "口腔X线检查", "Dental X-ray", 4500, 0)}));  // net 155.00
    // Generated adults pat-1100..pat-1115: 1-3 bills of 2-5 seeded lines, no credit care.
    constexpr int kItems = int(sizeof(kCatalogue) / sizeof(kCatalogue[0]));
    for (int p = 0; p < 16; ++p) {
        const QString patient = QStringLiteral("pat-%1").arg(1100 + p);
        const quint32 h = seedMix(seed, QStringLiteral("bills-") + patient);
        const int bills = 1 + int(h % 3);
        for (int i = 0; i < bills; ++i) {
            const quint32 hb = seedMix(seed, QStringLiteral("bill-%1-%2").arg(patient).arg(i));
            const int days_ago = i == bills - 1 ? 0 : int(1 + hb % 6) + (bills - 2 - i) * 6;
            QList<SimChargeLine> lines{fromItem(kCatalogue[hb % 2])};  // a registration first
            const int count = 2 + int((hb >> 4) % 4);
            for (int k = 1; k < count; ++k) {
                const quint32 hl =
                    seedMix(seed, QStringLiteral("line-%1-%2-%3").arg(patient).arg(i).arg(k));
                lines.append(fromItem(kCatalogue[2 + int(hl % quint32(kItems - 2))]));
            }
            invoices.append(b.make(patient, i + 1, days_ago, 8 + int((hb >> 8) % 3),
                                   int((hb >> 12) % 60), lines));
        }
    }
    // Oldest first per patient (the order of an Invoice search).
    std::stable_sort(invoices.begin(), invoices.end(),
                     [](const SimInvoice& x, const SimInvoice& y) {
                         return x.patient == y.patient ? x.date < y.date : x.patient < y.patient;
                     });

    accounts.append(SimAccount{QStringLiteral("acct-1001"), QStringLiteral("pat-1001"),
                               QStringLiteral("active"), 300000, 0, 1});
    accounts.append(SimAccount{QStringLiteral("acct-1004"), QStringLiteral("pat-1004"),
                               QStringLiteral("active"), 50000, 43000, 1});
    accounts.append(SimAccount{QStringLiteral("acct-1005"), QStringLiteral("pat-1005"),
                               QStringLiteral("on-hold"), 100000, 0, 1});
    refused_patients.insert(QStringLiteral("pat-1006"));
}

QString creditAgreementVersion()
{
    return QStringLiteral("1");
}

QString creditAgreementText(const QString& language)
{
    if (language == QLatin1String("en")) {
        return QStringLiteral(
            "Credit care agreement (demo)\n\n"
            "1. With credit care you are treated first and pay later. The self-pay part of your "
            "bills (after insurance) is charged to your credit line when you authorise it at a "
            "kiosk with your face or, for small amounts, the last 4 digits of your phone.\n"
            "2. Your line starts at 500.00 yuan and may grow with your credit score. A charge "
            "authorised without your face is limited to 200.00 yuan.\n"
            "3. You repay what you used within 30 days in the hospital app. If you do not, credit "
            "care is suspended until you have repaid.\n"
            "4. The hospital shares your name, patient number and the amounts charged with the "
            "credit service, and nothing else. Your face template never leaves the kiosk.\n"
            "5. You can close credit care at any time once you owe nothing.\n");
    }
    return QStringLiteral(
        "信用就医服务协议（演示）\n\n"
        "一、开通信用就医后，您可以先诊疗后付费。医保报销后的自付部分，在自助机上经您本人刷脸"
        "（小额也可输入手机号后4位）确认后，计入您的信用额度。\n"
        "二、初始额度为500.00元，可随信用评分提高。未刷脸确认的单笔支付不超过200.00元。\n"
        "三、请在30天内通过医院App还款。逾期未还的，信用就医将暂停，还清后恢复。\n"
        "四、医院仅向信用服务机构提供您的姓名、就诊卡号和支付金额，不提供其他信息。您的人脸特征"
        "不会离开自助机。\n"
        "五、在无欠款时，您可以随时关闭信用就医。\n");
}

}  // namespace mk::sim

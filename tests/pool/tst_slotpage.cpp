// The one-pass read of a Slot search page (fhir::parser::plainSlotPage, issue 13) against the
// checked parser: a well-formed page gives the same slots, total and next link; every other page
// gives nothing, so that the checked parser decides (and the client still reads the pages it
// accepts, or names the problem). Then PoolClient::slots over pages of both kinds.
#include "JsonFixture.h"
#include "ScriptedTransport.h"
#include "core/fhir/FhirBundle.h"
#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirSlotPage.h"
#include "core/pool/PoolClient.h"

#include <QTest>

using namespace mk;
using namespace mk::fhir;
using mk::test::q;
using mk::test::reply;
using mk::test::ScriptedTransport;

namespace {

const QUrl kPool(QStringLiteral("http://127.0.0.1:8080/fhir"));

// A page as servers send it: unknown members, an absolute and a versioned reference, offsets
// east and west of UTC and Z, Chinese text, search mode present and absent, both links.
const char* const kPage =
    "{'resourceType':'Bundle','id':'b1','meta':{'lastUpdated':'2030-01-07T08:00:00Z'},"
    "'type':'searchset','total':403,"
    "'link':[{'relation':'self','url':'http://127.0.0.1:8080/fhir/Slot?_count=3'},"
    "{'relation':'next','url':'http://127.0.0.1:8080/fhir/Slot?_count=3&_offset=3'}],"
    "'entry':["
    "{'fullUrl':'http://127.0.0.1:8080/fhir/Slot/s-1','resource':{'resourceType':'Slot',"
    "'id':'s-1','schedule':{'reference':'Schedule/sch-1','display':'儿科 王医生'},"
    "'status':'free','start':'2030-01-07T08:00:00+08:00','end':'2030-01-07T08:10:00+08:00',"
    "'comment':'第一个 \\\"号\\\"'},'search':{'mode':'match','score':1}},"
    "{'resource':{'resourceType':'Slot','id':'s-2','schedule':{'reference':"
    "'http://127.0.0.1:8080/fhir/Schedule/sch-2'},'status':'busy',"
    "'start':'2030-01-07T00:10:00Z','end':'2030-01-07T00:20:00Z'}},"
    "{'resource':{'resourceType':'Slot','id':'s-3','schedule':{'reference':"
    "'Schedule/sch-3/_history/2'},'status':'busy-tentative','overbooked':false,"
    "'start':'2030-01-06T19:10:00-05:30','end':'2030-01-06T19:20:00-05:30'},"
    "'search':{}}]}";

// The checked parser's reading of a Slot page, as PoolClient reads a page it falls back on.
struct Checked {
    bool ok = false;
    QString error;
    SlotPage page;
};

Checked checkedRead(const QByteArray& json)
{
    Checked out;
    const auto b = parser::bundle(json, kPool);
    if (!b.ok()) {
        out.error = b.error().detail;
        return out;
    }
    out.page.total = b.value().total;
    out.page.next = b.value().next;
    for (const BundleEntry& e : b.value().entries) {
        if (e.mode == QLatin1String("include") || e.mode == QLatin1String("outcome") ||
            e.resource_type == QLatin1String("OperationOutcome")) {
            continue;
        }
        const auto s = parser::slotFromJson(e.resource);
        if (!s.ok()) {
            out.error = s.error().detail;
            return out;
        }
        out.page.slots.append(s.value());
    }
    out.ok = b.value().type == QLatin1String("searchset");
    return out;
}

// kPage with `from` replaced by `to` (once; the fixture must contain it).
QByteArray changed(const char* from, const char* to)
{
    QByteArray page = q(kPage);
    const QByteArray f = q(from);
    const qsizetype at = page.indexOf(f);
    if (at < 0) qFatal("fixture without %s", from);
    return page.replace(at, f.size(), q(to));
}

}  // namespace

class TestSlotPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wellFormedPageAsTheCheckedParser()
    {
        const QByteArray page = q(kPage);
        const std::optional<SlotPage> plain = parser::plainSlotPage(page, kPool);
        QVERIFY(plain.has_value());
        const Checked checked = checkedRead(page);
        QVERIFY2(checked.ok, qPrintable(checked.error));
        QCOMPARE(plain->total, 403);
        QCOMPARE(plain->next, QUrl(u"http://127.0.0.1:8080/fhir/Slot?_count=3&_offset=3"_qs));
        QCOMPARE(plain->slots.size(), 3);
        QCOMPARE(plain->slots, checked.page.slots);
        QCOMPARE(plain->next, checked.page.next);
        QCOMPARE(plain->total, checked.page.total);

        const Slot& s = plain->slots.at(0);
        QCOMPARE(s.id, u"s-1"_qs);
        QCOMPARE(s.schedule_id, u"sch-1"_qs);
        QCOMPARE(s.status, SlotStatus::Free);
        QCOMPARE(s.start.offsetFromUtc(), 8 * 3600);
        QCOMPARE(s.start.toUTC(), QDateTime(QDate(2030, 1, 7), QTime(0, 0), Qt::UTC));
        QCOMPARE(plain->slots.at(1).schedule_id, u"sch-2"_qs);
        QCOMPARE(plain->slots.at(1).status, SlotStatus::Busy);
        QCOMPARE(plain->slots.at(2).schedule_id, u"sch-3"_qs);
        QCOMPARE(plain->slots.at(2).status, SlotStatus::BusyTentative);
        QCOMPARE(plain->slots.at(2).start.offsetFromUtc(), -(5 * 3600 + 30 * 60));

        // The last page (no next link, no total) and a search that found nothing.
        const QByteArray last =
            q("{'resourceType':'Bundle','type':'searchset','link':[{"
              "'relation':'self','url':'http://127.0.0.1:8080/fhir/Slot'}],"
              "'entry':[]}");
        const auto end = parser::plainSlotPage(last, kPool);
        QVERIFY(end.has_value());
        QVERIFY(end->next.isEmpty());
        QCOMPARE(end->total, -1);
        QVERIFY(end->slots.isEmpty());
        const auto none = parser::plainSlotPage(q("{'resourceType':'Bundle','type':'searchset',"
                                                  "'total':0}"),
                                                kPool);
        QVERIFY(none.has_value());
        QCOMPARE(none->total, 0);
    }

    // Each row: a page the one pass leaves to the checked parser, and whether that parser reads
    // it (the fallback keeps it readable) or refuses it as a bad reply.
    void otherPagesGoToTheCheckedParser_data()
    {
        QTest::addColumn<QByteArray>("page");
        QTest::addColumn<bool>("checked_reads_it");
        // Valid FHIR the one pass does not take.
        QTest::newRow("fraction of a second")
            << changed("08:00:00+08:00", "08:00:00.000+08:00") << true;
        QTest::newRow("+00:00") << changed("00:10:00Z", "00:10:00+00:00") << true;
        QTest::newRow("included resource")
            << changed("'search':{}", "'search':{'mode':'include'}") << true;
        QTest::newRow("outcome entry")
            << changed("'entry':[",
                       "'entry':[{'resource':{'resourceType':'OperationOutcome','issue':[]},"
                       "'search':{'mode':'outcome'}},")
            << true;
        QTest::newRow("total as 403.0") << changed("'total':403", "'total':403.0") << true;
        QTest::newRow("member repeated")
            << changed("'status':'busy',", "'status':'free','status':'busy',") << true;
        QTest::newRow("entry repeated key")
            << changed("'search':{}}", "'search':{},'search':{}}") << true;
        // Bad replies: the checked parser names the problem.
        QTest::newRow("unknown status")
            << changed("'status':'busy',", "'status':'taken',") << false;
        QTest::newRow("end before start")
            << changed("'end':'2030-01-07T00:20:00Z'", "'end':'2030-01-07T00:00:00Z'") << false;
        QTest::newRow("no schedule")
            << changed("'schedule':{'reference':'Schedule/sch-3/_history/2'},", "") << false;
        QTest::newRow("schedule of a practitioner")
            << changed("'Schedule/sch-1'", "'Practitioner/pr-1'") << false;
        QTest::newRow("blank id") << changed("'id':'s-1'", "'id':'  '") << false;
        QTest::newRow("id a number") << changed("'id':'s-1'", "'id':1") << false;
        QTest::newRow("not a date") << changed("00:10:00Z", "00:10Z") << false;
        QTest::newRow("no zone") << changed("00:10:00Z", "00:10:00") << false;
        QTest::newRow("next link elsewhere")
            << changed("'url':'http://127.0.0.1:8080/fhir/Slot?_count=3&_offset=3'",
                       "'url':'http://pool.example.org/fhir/Slot?_offset=3'")
            << false;
        QTest::newRow("next link relative")
            << changed("'url':'http://127.0.0.1:8080/fhir/Slot?_count=3&_offset=3'",
                       "'url':'/fhir/Slot?_offset=3'")
            << false;
        QTest::newRow("negative total") << changed("'total':403", "'total':-1") << false;
        QTest::newRow("a Patient in a Slot search")
            << changed("'resourceType':'Slot','id':'s-2'", "'resourceType':'Patient','id':'s-2'")
            << false;
        QTest::newRow("entry not an object") << changed("'entry':[", "'entry':[7,") << false;
        QTest::newRow("not a searchset")
            << changed("'type':'searchset'", "'type':'batch'") << false;
        QTest::newRow("cut text") << q(kPage).left(400) << false;
        QTest::newRow("invalid UTF-8") << changed("儿科", "\xff\xfe") << false;
    }

    void otherPagesGoToTheCheckedParser()
    {
        QFETCH(QByteArray, page);
        QFETCH(bool, checked_reads_it);
        QVERIFY(!parser::plainSlotPage(page, kPool).has_value());
        const Checked checked = checkedRead(page);
        QVERIFY2(checked.ok == checked_reads_it, qPrintable(checked.error));
    }

    // PoolClient::slots reads a page the one pass takes and one it leaves to the checked parser
    // (a fraction of a second in an instant), in order, and refuses a bad page by name.
    void clientReadsBothKinds()
    {
        auto transport = std::make_unique<ScriptedTransport>();
        ScriptedTransport* t = transport.get();
        pool::PoolOptions o;
        o.base_url = kPool;
        o.max_attempts = 1;
        pool::PoolClient client(o, std::move(transport));
        pool::SlotQuery query;
        query.schedule_ids = {u"sch-1"_qs};
        query.day = QDate(2030, 1, 7);

        const QByteArray second =
            q("{'resourceType':'Bundle','type':'searchset','entry':[{'resource':{"
              "'resourceType':'Slot','id':'s-4','schedule':{'reference':'Schedule/sch-1'},"
              "'status':'free','start':'2030-01-07T08:30:00.500+08:00',"
              "'end':'2030-01-07T08:40:00+08:00'}}]}");
        QVERIFY(!parser::plainSlotPage(second, kPool).has_value());
        t->replies = {reply(200, q(kPage)), reply(200, second)};
        const auto slots = client.slots(query);
        QVERIFY2(slots.ok(), qPrintable(slots.ok() ? QString() : slots.error().detail));
        QCOMPARE(slots.value().size(), 4);
        QCOMPARE(slots.value().at(0).id, u"s-1"_qs);
        QCOMPARE(slots.value().at(3).id, u"s-4"_qs);
        QCOMPARE(slots.value().at(3).start.time().msec(), 500);
        QCOMPARE(t->requests.size(), 2);
        QCOMPARE(t->requests.at(1).url,
                 QUrl(u"http://127.0.0.1:8080/fhir/Slot?_count=3&_offset=3"_qs));

        t->requests.clear();
        t->replies = {reply(200, changed("'status':'busy',", "'status':'taken',"))};
        const auto bad = client.slots(query);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::BadReply);
        QVERIFY2(bad.error().detail.contains(u"Slot.status"_qs), qPrintable(bad.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestSlotPage)
#include "tst_slotpage.moc"

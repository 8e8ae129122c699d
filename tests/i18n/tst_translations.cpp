// Every shipped language must be complete: refresh each .ts from the current sources (so a new
// tr() string that nobody translated is caught too), then fail on any unfinished or empty entry.
// Also checks that the embedded .qm files load and translate what the .ts says.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct TsMessage {
    QString context;
    QString source;
    QString translation;
    bool unfinished = false;
    bool numerus = false;
};

QList<TsMessage> readTs(const QString& path, QString* language)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == u"TS") {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            current = TsMessage{};
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (name == u"source") {
            current.source = xml.readElementText();
        } else if (name == u"translation") {
            const auto type = xml.attributes().value(QLatin1String("type"));
            if (type == u"vanished" || type == u"obsolete") continue;
            current.unfinished = type == u"unfinished";
            current.translation =
                xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            messages.append(current);
        }
    }
    return messages;
}

const QString kSourceDir = QStringLiteral(MEDKIOSK_SOURCE_DIR);

}  // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shippedLanguageIsComplete_data();
    void shippedLanguageIsComplete();
    void embeddedCatalogLoads_data();
    void embeddedCatalogLoads();
};

void TestTranslations::shippedLanguageIsComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("Simplified Chinese") << QStringLiteral("zh_CN");
    QTest::newRow("English") << QStringLiteral("en");
}

void TestTranslations::shippedLanguageIsComplete()
{
    QFETCH(QString, language);
    const QString shipped = kSourceDir + u"/i18n/medkiosk_"_qs + language + u".ts"_qs;
    QVERIFY2(QFile::exists(shipped), qPrintable(shipped));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString refreshed = dir.filePath(QStringLiteral("refreshed.ts"));
    QVERIFY(QFile::copy(shipped, refreshed));
    QFile::setPermissions(refreshed, QFile::ReadOwner | QFile::WriteOwner);

    QStringList args{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                     QStringLiteral("none"),         QStringLiteral("-extensions"),
                     QStringLiteral("cpp,h"),        QStringLiteral("-silent")};
    for (const char* module : {"kiosk_app", "face_auth", "payment", "hardware_drivers"}) {
        const QString path = kSourceDir + u'/' + QLatin1String(module);
        if (QDir(path).exists()) args << path;
    }
    // Includes name their module ("hw/card/CardReader.h"): lupdate gets the namespace folders the
    // build gives the compiler (<build>/include/<ns>), or it cannot tell which class a tr() is in.
    const QDir namespaces(QStringLiteral(MEDKIOSK_NAMESPACE_INCLUDES));
    QVERIFY2(namespaces.exists(), qPrintable(namespaces.path()));
    for (const QString& ns : namespaces.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        args << QStringLiteral("-I") << namespaces.filePath(ns);
    args << QStringLiteral("-ts") << refreshed;
    QProcess lupdate;
    lupdate.start(QStringLiteral(MEDKIOSK_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QCOMPARE(lupdate.exitCode(), 0);

    QString ts_language;
    const QList<TsMessage> messages = readTs(refreshed, &ts_language);
    QCOMPARE(ts_language, language);
    QVERIFY2(!messages.isEmpty(), "no translatable strings found: is tr() used?");

    QStringList problems;
    for (const TsMessage& m : messages) {
        if (m.unfinished || m.translation.isEmpty())
            problems << m.context + u": "_qs + m.source.left(60);
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 of %2 strings unfinished in %3 (run "
                                       "scripts/update-translations.sh, then translate):\n  %4")
                            .arg(problems.size())
                            .arg(messages.size())
                            .arg(language, problems.mid(0, 25).join(u"\n  "_qs))));
}

void TestTranslations::embeddedCatalogLoads_data()
{
    shippedLanguageIsComplete_data();
}

void TestTranslations::embeddedCatalogLoads()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY2(translator.load(u":/i18n/medkiosk_"_qs + language + u".qm"_qs),
             "the compiled catalogue is not embedded");
    QString ts_language;
    const QList<TsMessage> messages =
        readTs(kSourceDir + u"/i18n/medkiosk_"_qs + language + u".ts"_qs, &ts_language);
    int checked = 0;
    for (const TsMessage& m : messages) {
        if (m.unfinished || m.numerus || m.translation.isEmpty()) continue;
        QCOMPARE(
            translator.translate(m.context.toUtf8().constData(), m.source.toUtf8().constData()),
            m.translation);
        if (++checked == 20) break;
    }
    QVERIFY2(checked > 0, "no finished translation to check");
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

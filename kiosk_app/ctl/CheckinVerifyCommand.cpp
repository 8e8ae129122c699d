// medkioskctl checkin verify TEXT|-|--image FILE [--json]: checks an appointment QR code's signed
// check-in token (docs/pool-protocol.md "Check-in token") the way the kiosk does
// (mk::checkin::CheckinTokenVerifier with [checkin] pool_public_key_file and hospital_id of the
// configuration) and prints the verdict and the claims, personal data masked. The token itself
// is never printed. TEXT "-" reads one line from standard input (keeps the token out of the
// process list). --image decodes the first QR code of a regular file; anything else (a FIFO, a
// device, a folder) is refused before it is read. Exit 0 only for a valid token, 1 for every
// other verdict or when the input cannot be read, 2 for a usage error.
#include "CtlCommand.h"
#include "core/checkin/CheckinToken.h"
#include "core/checkin/CheckinTypes.h"
#include "core/common/HospitalClock.h"
#include "core/common/Masking.h"
#include "core/common/SafeFile.h"
#include "core/config/KioskConfig.h"
#include "hw/qr/QrDecoder.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace mk::ctl {

namespace {

constexpr qint64 kMaxImageBytes = 64 * 1024 * 1024;
constexpr int kMaxStdinChars = 8192;

struct FdCloser {
    int fd = -1;
    ~FdCloser()
    {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

class CheckinVerifyCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::CheckinVerifyCommand)

public:
    QStringList words() const override { return {u"checkin"_qs, u"verify"_qs}; }
    QString summary() const override
    {
        return tr("Check an appointment code (TEXT, - or --image FILE), show its claims.");
    }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(QCommandLineOption(
            u"image"_qs, tr("Decode the QR code of this image file (a regular file) first."),
            tr("file")));
    }
    int maxPositionalArguments() const override { return 1; }

    int run(const CtlContext& context) const override
    {
        const QStringList args = context.parser.positionalArguments();
        const bool from_image = context.parser.isSet(u"image"_qs);
        if (args.isEmpty() == !from_image) {
            context.err << tr("Usage: medkioskctl checkin verify TEXT|-|--image FILE [--json]")
                        << u'\n';
            return kExitUsage;
        }
        QJsonObject json;
        QString text;
        if (from_image) {
            const QString path = context.parser.value(u"image"_qs);
            json.insert(u"image"_qs, path);
            QString error;
            if (!readImageCode(path, &text, &error)) return fail(context, json, error);
        } else if (args.constFirst() == u"-"_qs) {
            text = readStdinLine();
        } else {
            text = args.constFirst();
        }

        auto config = config::KioskConfig::load(context.configPath());
        if (!config) {
            return fail(context, json, tr("configuration: %1").arg(config.error().detail));
        }
        auto options =
            checkin::CheckinOptions::fromSettings(context.configPath(), config.value().kiosk_id);
        if (!options) {
            return fail(context, json, tr("configuration: %1").arg(options.error().detail));
        }
        checkin::CheckinOptions o = options.value();
        o.timezone = config.value().pool.timezone;

        const checkin::CheckinTokenVerifier verifier(o.pool_public_key_pem, o.hospital_id);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const checkin::TokenCheck check = verifier.verify(text, now);
        report(context, json, check, o, now);
        return check.valid() ? kExitOk : kExitCheckFailed;
    }

private:
    static QString verdictText(const checkin::TokenCheck& check)
    {
        using checkin::TokenVerdict;
        switch (check.verdict) {
            case TokenVerdict::Valid:
                return tr("valid");
            case TokenVerdict::NotAToken:
                return tr("not a check-in code");
            case TokenVerdict::Damaged:
                return tr("damaged (cut, re-encoded or malformed)");
            case TokenVerdict::Forged:
                return tr("forged signature (altered, or not signed with the pool's key)");
            case TokenVerdict::OtherIssuer:
                return tr("other hospital (issued by \"%1\")").arg(check.claims.issuer);
            case TokenVerdict::Expired:
                return tr("expired");
            case TokenVerdict::NoKey:
                return tr("cannot be checked: no usable pool public key is configured");
            case TokenVerdict::Unset:
                break;
        }
        return tr("unknown");
    }

    static void report(const CtlContext& context, QJsonObject json,
                       const checkin::TokenCheck& check, const checkin::CheckinOptions& o,
                       const QDateTime& now)
    {
        const QTimeZone shown = HospitalClock::zoneFor(o.timezone);  // the hospital's, as the kiosk
        auto at = [&](qint64 s) {
            return QDateTime::fromSecsSinceEpoch(s, shown).toString(Qt::ISODate);
        };
        const checkin::CheckinClaims& c = check.claims;
        const bool have_claims = !c.appointment_id.isEmpty();
        json.insert(u"verdict"_qs, checkin::verdictName(check.verdict));
        json.insert(u"verdict_text"_qs, verdictText(check));
        json.insert(u"valid"_qs, check.valid());
        json.insert(u"detail"_qs, check.detail);
        json.insert(u"expected_issuer"_qs, o.hospital_id);

        QString window_state;
        QDateTime opens;
        QDateTime closes;
        if (have_claims) {
            // Signed claims when valid; what the damaged-but-readable, forged, expired or other
            // hospital's code says otherwise (not to be trusted).
            json.insert(u"claims_verified"_qs,
                        check.valid() || check.verdict == checkin::TokenVerdict::Expired);
            json.insert(u"claims"_qs,
                        QJsonObject{{u"appointment_id"_qs, c.appointment_id},
                                    {u"appointment_number"_qs, c.appointment_number},
                                    {u"patient_id"_qs, maskPatientNumber(c.patient_id)},
                                    {u"patient_name"_qs, maskName(c.patient_name_masked)},
                                    {u"department_id"_qs, c.department_id},
                                    {u"practitioner_id"_qs, c.practitioner_id},
                                    {u"slot_start"_qs, at(c.slot_start_s)},
                                    {u"expires"_qs, at(c.expires_s)},
                                    {u"issuer"_qs, c.issuer}});
            const QDateTime slot = QDateTime::fromSecsSinceEpoch(c.slot_start_s, shown);
            opens = slot.addSecs(-qint64(o.early_minutes) * 60);
            closes = slot.addSecs(qint64(o.late_minutes) * 60);
            window_state =
                now < opens ? u"not-yet-open"_qs : (now > closes ? u"closed"_qs : u"open"_qs);
            json.insert(u"checkin_window"_qs,
                        QJsonObject{{u"opens"_qs, opens.toString(Qt::ISODate)},
                                    {u"closes"_qs, closes.toString(Qt::ISODate)},
                                    {u"state"_qs, window_state}});
        }
        if (context.json()) {
            context.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
            return;
        }
        QTextStream& out = context.out;
        out << tr("verdict: %1").arg(verdictText(check)) << u'\n';
        if (!check.valid() && !check.detail.isEmpty())
            out << tr("detail: %1").arg(check.detail) << u'\n';
        if (!have_claims) return;
        if (!check.valid() && check.verdict != checkin::TokenVerdict::Expired)
            out << tr("claims (NOT verified, do not trust them):") << u'\n';
        else
            out << tr("claims:") << u'\n';
        const auto line = [&](const QString& name, const QString& value) {
            out << u"  "_qs << name << u": "_qs << value << u'\n';
        };
        line(tr("appointment"), c.appointment_id);
        line(tr("appointment number"), c.appointment_number);
        line(tr("patient"), maskPatientNumber(c.patient_id));
        line(tr("name"), maskName(c.patient_name_masked));
        line(tr("department"), c.department_id);
        line(tr("doctor"), c.practitioner_id);
        line(tr("slot start"), at(c.slot_start_s));
        line(tr("expires"), at(c.expires_s));
        line(tr("issuer"), c.issuer);
        if (check.valid()) {
            const QString state =
                window_state == u"not-yet-open"_qs
                    ? tr("not yet open: this code is not yet valid for "
                         "check-in")
                    : (window_state == u"closed"_qs ? tr("closed") : tr("open now"));
            out << tr("check-in window: %1 to %2 (%3)")
                       .arg(opens.toString(Qt::ISODate), closes.toString(Qt::ISODate), state)
                << u'\n';
        }
    }

    static int fail(const CtlContext& context, QJsonObject json, const QString& message)
    {
        if (context.json()) {
            json.insert(u"valid"_qs, false);
            json.insert(u"error"_qs, message);
            context.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        } else {
            context.err << message << u'\n';
        }
        return kExitCheckFailed;
    }

    static QString readStdinLine()
    {
        std::string line;
        int c = 0;
        while ((c = std::fgetc(stdin)) != EOF && c != '\n' &&
               line.size() < std::string::size_type(kMaxStdinChars)) {
            line.push_back(char(c));
        }
        return QString::fromUtf8(line.data(), qsizetype(line.size())).trimmed();
    }

    // Opens without blocking (a FIFO without writer would block open() itself), then refuses
    // anything fstat() does not call a regular file, before a byte is read: no check-then-open
    // race, no endless read from a device.
    static bool readImageCode(const QString& path, QString* text, QString* error)
    {
        FdCloser file;
        file.fd = ::open(QFile::encodeName(path).constData(),
                         O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (file.fd < 0) {
            *error = tr("cannot open %1: %2").arg(path, errnoText(errno));
            return false;
        }
        struct stat st {
        };
        if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            *error = tr("%1 is not a regular file; refused").arg(path);
            return false;
        }
        if (st.st_size > kMaxImageBytes) {
            *error = tr("%1 is larger than %2 MiB; refused").arg(path).arg(kMaxImageBytes >> 20);
            return false;
        }
        QByteArray data;
        data.reserve(qsizetype(st.st_size));
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                *error = tr("cannot read %1: %2").arg(path, errnoText(errno));
                return false;
            }
            if (n == 0) break;
            data.append(buffer, qsizetype(n));
            if (data.size() > kMaxImageBytes) {
                *error =
                    tr("%1 is larger than %2 MiB; refused").arg(path).arg(kMaxImageBytes >> 20);
                return false;
            }
        }
        QBuffer device(&data);
        device.open(QIODevice::ReadOnly);
        QImageReader reader(&device);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        if (image.isNull()) {
            *error = tr("cannot read image %1: %2").arg(path, reader.errorString());
            return false;
        }
        const std::optional<QString> decoded = hw::QrDecoder().decode(image);
        if (!decoded) {
            *error = tr("no QR code found in %1").arg(path);
            return false;
        }
        *text = *decoded;
        return true;
    }
};

MK_CTL_COMMAND(CheckinVerifyCommand)

}  // namespace mk::ctl

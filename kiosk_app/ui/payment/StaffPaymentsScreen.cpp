#include "ui/payment/StaffPaymentsScreen.h"

#include "core/common/Log.h"
#include "core/common/SafeFile.h"
#include "core/common/UserMessages.h"
#include "core/common/WhenFinished.h"
#include "core/config/KioskConfig.h"
#include "core/payment/PaymentService.h"
#include "hw/printer/ReceiptPrinter.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/payment/PayText.h"
#include "ui/payment/PrintDone.h"
#include "ui/payment/ReceiptTicket.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace mk::ui {

using namespace bookingui;

StaffPaymentsScreen::StaffPaymentsScreen(ScreenContext& context, const PayServices& services,
                                         const StaffServices& staff, QWidget* parent)
    : Screen(context, parent), services_(services), staff_(staff)
{
    setObjectName(QStringLiteral("staffPaymentsScreen"));
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                             kScreenMargin_px);
    title_ = makeLabel("subtitle", QStringLiteral("staffPayTitle"), this);
    root->addWidget(title_);
    QBoxLayout* body = addScrollingBody(root, QStringLiteral("staffPayScroll"), this);
    body->setSpacing(16);
    methods_ = makeLabel("body", QStringLiteral("staffPayMethods"), this);
    close_text_ = makeLabel("hint", QStringLiteral("staffPayClose"), this);
    failed_title_ = makeLabel("body", QStringLiteral("staffPayFailedTitle"), this);
    failed_list_ = makeLabel("hint", QStringLiteral("staffPayFailed"), this);
    for (QLabel* l : {methods_, close_text_, failed_title_, failed_list_}) body->addWidget(l);
    body->addStretch(1);
    message_ = makeLabel("banner-warning", QStringLiteral("staffPayMessage"), this);
    message_->hide();
    root->addWidget(message_);
    refresh_ = makeButton("secondary", QStringLiteral("staffPayRefresh"), this);
    print_ = makeButton("secondary", QStringLiteral("staffPayPrint"), this);
    export_ = makeButton("secondary", QStringLiteral("staffPayExport"), this);
    back_ = makeButton("primary", QStringLiteral("staffPayBack"), this);
    // Two buttons a row: four (and in elder mode three) in one row cut "Export daily close" and
    // "Maintenance" in English portrait (the screen audit).
    auto* buttons = new QGridLayout;
    buttons->addWidget(refresh_, 0, 0);
    buttons->addWidget(print_, 0, 1);
    buttons->addWidget(export_, 1, 0);
    buttons->addWidget(back_, 1, 1);
    root->addLayout(buttons);
    connect(refresh_, &QPushButton::clicked, this, &StaffPaymentsScreen::refresh);
    connect(print_, &QPushButton::clicked, this, &StaffPaymentsScreen::printClose);
    connect(export_, &QPushButton::clicked, this, &StaffPaymentsScreen::exportClose);
    connect(back_, &QPushButton::clicked, this, [this] { Q_EMIT goTo(ScreenId::Maintenance); });
    StaffPaymentsScreen::retranslate();
}

QDate StaffPaymentsScreen::today() const
{
    if (services_.service != nullptr) return services_.service->now().date();
    return hospitalClock(context().service, context().config).today();
}

void StaffPaymentsScreen::setBusy(int delta)
{
    const bool was = loading();
    busy_ += delta;
    if (was != loading()) Q_EMIT loadingChanged(loading());
    refresh_->setEnabled(!loading());
}

void StaffPaymentsScreen::enter()
{
    reset();
    refresh();
}

void StaffPaymentsScreen::reset()
{
    ++generation_;
    if (busy_ != 0) setBusy(-busy_);
    by_method_.reset();
    close_.reset();
    failed_.reset();
    error_.clear();
    note_.clear();
    exported_path_.clear();
    show();
}

void StaffPaymentsScreen::refresh()
{
    if (services_.service == nullptr) {
        error_ = tr("Payments are not installed at this kiosk.");
        show();
        return;
    }
    if (loading()) return;
    error_.clear();
    const quint64 generation = generation_;
    const QDate day = today();
    setBusy(3);
    // Each reply fills its own part; any failure is the screen's one error line.
    const auto into = [this, generation](auto& field) {
        return [this, generation, &field](auto r) {
            if (generation != generation_) return;
            if (r)
                field = r.value();
            else
                error_ = staffDetail(r.error());
            setBusy(-1);
            show();
        };
    };
    whenFinished(services_.service->paymentsByMethod(day), this, into(by_method_));
    whenFinished(services_.service->dailyClose(day), this, into(close_));
    whenFinished(services_.service->failedPayments(), this, into(failed_));
}

void StaffPaymentsScreen::show()
{
    const QString& lang = context().language;
    QStringList methods;
    if (by_method_) {
        for (const payment::MethodTotal& m : *by_method_) {
            methods << tr("%1: %n payment(s), %2", nullptr, m.count)
                           .arg(m.method == QLatin1String("phone") ? tr("Phone") : tr("Credit"),
                                PayText::money(m.amount_fen, lang));
        }
        if (methods.isEmpty()) methods << tr("No payments at this kiosk today.");
    }
    methods_->setText(tr("Today's payments by method:") + QLatin1Char('\n') +
                      methods.join(QLatin1Char('\n')));
    const QString kiosk = context().config != nullptr ? context().config->kiosk_id : QString();
    close_text_->setText(close_ ? ReceiptTicket::dailyCloseText(*close_, kiosk, lang) : QString());
    QStringList failed;
    if (failed_) {
        for (const payment::FailedPayment& f : *failed_) {
            failed << tr("#%1 · bill %2 · %3 · taken %4 · %5")
                          .arg(f.outbox_id)
                          .arg(f.bill_id, PayText::money(f.amount_fen, lang),
                               clockText(f.taken_at, context().config),
                               f.rule.isEmpty() ? f.error : f.rule);
        }
        if (failed.isEmpty()) failed << tr("None.");
    }
    failed_title_->setText(tr("Payments refused after being taken offline (review):"));
    failed_list_->setText(failed.join(QLatin1Char('\n')));
    QStringList notes;
    if (!error_.isEmpty()) notes << error_;
    if (!note_.isEmpty()) notes << note_;
    message_->setText(notes.join(QLatin1Char('\n')));
    message_->setVisible(!notes.isEmpty());
    print_->setEnabled(close_.has_value() && services_.printer != nullptr);
    export_->setEnabled(close_.has_value());
}

void StaffPaymentsScreen::printClose()
{
    if (!close_ || services_.printer == nullptr) return;
    const QString kiosk = context().config != nullptr ? context().config->kiosk_id : QString();
    const QByteArray bytes = ReceiptTicket::dailyClose(*close_, kiosk, context().language);
    const quint64 generation = generation_;
    auto done = [this, generation](bool ok) {
        if (generation != generation_) return;
        note_ = ok ? tr("The daily close was printed.")
                   : tr("The daily close could not be printed: check the printer (paper, "
                        "cover).");
        show();
    };
    whenPrinted(services_.printer->print(bytes), this, done);
}

void StaffPaymentsScreen::exportClose()
{
    if (!close_ || loading()) return;
    const QString kiosk = context().config != nullptr ? context().config->kiosk_id : QString();
    const QString folder = staff_.report_folder;
    const QString path = QStringLiteral("%1/daily-close-%2-%3.txt")
                             .arg(folder, kiosk, close_->day.toString(QStringLiteral("yyyyMMdd")));
    // Staff reports are in English-independent form: the UI language of the moment.
    const QByteArray text =
        (ReceiptTicket::dailyCloseText(*close_, kiosk, context().language) + QLatin1Char('\n'))
            .toUtf8();
    setBusy(1);
    const quint64 generation = generation_;
    whenFinished(
        QtConcurrent::run([folder, path, text]() -> Status {
            if (Status made = SafeFile::makePrivateFolder(folder); !made) return made;
            SafeWriteOptions options;
            // Never over what is there (SafeFile's rule, issue 14): staff move or remove the file
            // before exporting the day again.
            options.replace_existing = false;
            return SafeFile::write(path, text, options);
        }),
        this, [this, generation, path](const Status& written) {
            if (generation != generation_) return;
            setBusy(-1);
            if (written) {
                exported_path_ = path;
                note_ = tr("Exported to %1").arg(path);
            } else {
                note_ = QFileInfo::exists(path)
                            ? tr("A daily close file for this day already exists: %1. It was not "
                                 "overwritten; move it away to export again.")
                                  .arg(path)
                            : tr("The export failed: %1").arg(written.error().detail);
            }
            show();
        });
}

void StaffPaymentsScreen::retranslate()
{
    title_->setText(tr("Payments at this kiosk"));
    refresh_->setText(tr("Refresh"));
    print_->setText(tr("Print daily close"));
    export_->setText(tr("Export daily close"));
    back_->setText(tr("Maintenance"));
    show();
}

QString StaffPaymentsScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, message_, failed_title_});
}

}  // namespace mk::ui

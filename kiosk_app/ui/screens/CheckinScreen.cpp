#include "ui/screens/CheckinScreen.h"

#include "core/booking/BookingService.h"
#include "core/checkin/CheckinService.h"
#include "core/common/Log.h"
#include "core/common/WhenFinished.h"
#include "core/qr/QrImage.h"
#include "hw/camera/Camera.h"
#include "hw/card/CardReader.h"
#include "hw/printer/ReceiptPrinter.h"
#include "hw/printer/VisitTicket.h"
#include "hw/scanner/CameraScanner.h"
#include "hw/scanner/WedgeScannerFilter.h"
#include "hw/speech/Speaker.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/checkin/ArrivalListPage.h"
#include "ui/checkin/ScanPreview.h"

#include <QApplication>
#include <QBoxLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>

namespace mk::ui {

using namespace bookingui;

namespace {

constexpr int kPicture_px = 260;

// The picture hint: a phone showing a QR code, held under the scanner window.
QPixmap scanPicture()
{
    QPixmap pm(kPicture_px, kPicture_px);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(60, 60, 60), 6));
    p.setBrush(QColor(245, 245, 245));
    p.drawRoundedRect(QRectF(60, 10, 140, 240), 18, 18);
    auto qr = qr::encode(QStringLiteral("MKCI1.scan-here"), 110);
    if (qr) p.drawImage(QPointF(75, 70), qr.value());
    p.setPen(QPen(QColor(200, 40, 40), 5, Qt::DashLine));
    p.drawLine(20, 125, 240, 125);  // the scanner's light
    return pm;
}

}  // namespace

CheckinScreen::CheckinScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("checkinScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                               kScreenMargin_px);
    pages_ = new QStackedWidget(this);
    layout->addWidget(pages_, 1);

    auto* scan = new QWidget(pages_);
    auto* sl = new QVBoxLayout(scan);
    sl->setSpacing(24);
    scan_title_ = makeLabel("title", QStringLiteral("checkinScanTitle"), scan);
    scan_picture_ = new QLabel(scan);
    scan_picture_->setObjectName(QStringLiteral("checkinScanPicture"));
    scan_picture_->setAlignment(Qt::AlignCenter);
    scan_picture_->setPixmap(scanPicture());
    preview_ = new ScanPreview(scan);
    preview_->hide();  // shown instead of the picture when a camera scans
    scan_hint_ = makeLabel("body", QStringLiteral("checkinScanHint"), scan);
    scan_message_ = makeLabel("error", QStringLiteral("checkinScanMessage"), scan);
    for (QLabel* l : {scan_title_, scan_hint_, scan_message_}) {
        l->setAlignment(Qt::AlignCenter);
        l->setWordWrap(true);
    }
    sl->addWidget(scan_title_);
    sl->addWidget(scan_picture_, 1);
    sl->addWidget(preview_, 1, Qt::AlignHCenter);
    sl->addWidget(scan_hint_);
    sl->addWidget(scan_message_);
    face_ = makeButton("secondary", QStringLiteral("checkinFace"), scan);
    face_->hide();  // until face sign-in is installed
    sl->addWidget(face_);
    pages_->addWidget(scan);
    connect(face_, &QPushButton::clicked, this, [this] {
        face_pending_ = true;
        Q_EMIT goTo(ScreenId::FaceIdentify);
    });

    auto* result = new QWidget(pages_);
    auto* rl = new QVBoxLayout(result);
    rl->setSpacing(14);
    number_caption_ = makeLabel("subtitle", QStringLiteral("checkinNumberCaption"), result);
    number_ = makeLabel("big-number", QStringLiteral("checkinNumber"), result);
    QFont big = number_->font();
    big.setPixelSize(160);  // VERY large, whatever the theme's big-number size
    big.setBold(true);
    number_->setFont(big);
    provisional_ = makeLabel("banner-warning", QStringLiteral("checkinProvisional"), result);
    patient_ = makeLabel("subtitle", QStringLiteral("checkinPatient"), result);
    details_ = makeLabel("body", QStringLiteral("checkinDetails"), result);
    message_ = makeLabel("body", QStringLiteral("checkinMessage"), result);
    device_note_ = makeLabel("banner-warning", QStringLiteral("checkinDeviceNote"), result);
    for (QLabel* l :
         {number_caption_, number_, provisional_, patient_, details_, message_, device_note_}) {
        l->setAlignment(Qt::AlignCenter);
        l->setWordWrap(true);
        rl->addWidget(l);
    }
    rl->addStretch(1);
    pages_->addWidget(result);

    choices_ = new ArrivalListPage(pages_);
    pages_->addWidget(choices_);  // index 2
    connect(choices_, &ArrivalListPage::chosen, this, [this](const checkin::ArrivalItem& item) {
        if (busy_ || devices_.service == nullptr) return;
        startCheckIn(devices_.service->checkInChosen(item));
    });

    auto* buttons = new QHBoxLayout;
    again_ = makeButton("secondary", QStringLiteral("checkinAgain"), this);
    done_ = makeButton("primary", QStringLiteral("checkinDone"), this);
    // Equal halves: at one third "Scan another code" was cut in elder mode (tst_screenaudit).
    buttons->addWidget(again_, 1);
    buttons->addWidget(done_, 1);
    layout->addLayout(buttons);
    connect(done_, &QPushButton::clicked, this, [this] { Q_EMIT goHome(); });
    connect(again_, &QPushButton::clicked, this, [this] {
        reset();
        listen(true);
    });
    CheckinScreen::retranslate();  // a constructor: no virtual dispatch, say which one
    CheckinScreen::reset();        // a constructor: no virtual dispatch, say which one
}

CheckinScreen::~CheckinScreen()
{
    listen(false);
}

void CheckinScreen::setDevices(const CheckinDevices& devices)
{
    const bool was = listening_;
    listen(false);
    if (devices_.service != nullptr) disconnect(devices_.service, nullptr, this, nullptr);
    devices_ = devices;
    if (devices_.service != nullptr) {
        connect(devices_.service, &checkin::CheckinService::visitNumberConfirmed, this,
                &CheckinScreen::onConfirmed);
    }
    if (was) listen(true);
}

void CheckinScreen::listenDevices(bool on)
{
    if (devices_.serial != nullptr) {
        if (on) {
            connect(devices_.serial, &hw::QrScanner::scanned, this, &CheckinScreen::handleScan,
                    Qt::UniqueConnection);
        } else {
            disconnect(devices_.serial, &hw::QrScanner::scanned, this, &CheckinScreen::handleScan);
        }
    }
    if (devices_.card != nullptr) {
        if (on) {
            connect(devices_.card, &hw::CardReader::cardInserted, this,
                    &CheckinScreen::onCardInserted, Qt::UniqueConnection);
        } else {
            disconnect(devices_.card, &hw::CardReader::cardInserted, this,
                       &CheckinScreen::onCardInserted);
        }
    }
    if (devices_.camera_scanner != nullptr) {
        if (on) {
            connect(devices_.camera_scanner, &hw::QrScanner::scanned, this,
                    &CheckinScreen::handleScan, Qt::UniqueConnection);
            if (devices_.camera != nullptr) {
                connect(devices_.camera, &hw::Camera::imageFrame, preview_, &ScanPreview::showImage,
                        Qt::UniqueConnection);
                connect(devices_.camera, &hw::Camera::videoFrame, preview_,
                        &ScanPreview::showVideoFrame, Qt::UniqueConnection);
            }
            devices_.camera_scanner->start();
        } else {
            devices_.camera_scanner->stop();
            disconnect(devices_.camera_scanner, &hw::QrScanner::scanned, this,
                       &CheckinScreen::handleScan);
            if (devices_.camera != nullptr) {
                disconnect(devices_.camera, nullptr, preview_, nullptr);
                devices_.camera->stop();  // no camera running behind other screens
            }
            preview_->clearFrame();
        }
    }
    const bool camera = devices_.camera_scanner != nullptr;
    preview_->setVisible(camera);
    scan_picture_->setVisible(!camera);
}

void CheckinScreen::onCardInserted(const hw::CardInfo& card)
{
    handleCard(card.identifier);
}

void CheckinScreen::listen(bool on)
{
    if (on == listening_) return;
    listenDevices(on);
    if (!devices_.wedge) {
        listening_ = on;
        return;
    }
    hw::QrScanner* scanner = devices_.scanner;
    if (on && scanner == nullptr) {
        if (own_wedge_ == nullptr) {
            own_wedge_ = new hw::WedgeScannerFilter(qApp, hw::WedgeConfig{},
                                                    QStringLiteral("scanner-wedge-checkin"), this);
        }
        scanner = own_wedge_;
    } else if (scanner == nullptr) {
        scanner = own_wedge_;
    }
    if (scanner == nullptr) return;
    if (on) {
        connect(scanner, &hw::QrScanner::scanned, this, &CheckinScreen::handleScan,
                Qt::UniqueConnection);
        scanner->start();  // the wedge filter: installed only while the screen listens
    } else {
        disconnect(scanner, &hw::QrScanner::scanned, this, &CheckinScreen::handleScan);
        scanner->stop();
    }
    listening_ = on;
}

void CheckinScreen::enter()
{
    reset();
    listen(true);
}

void CheckinScreen::hideEvent(QHideEvent* event)
{
    listen(false);
    Screen::hideEvent(event);
}

void CheckinScreen::reset()
{
    outcome_ = checkin::CheckinOutcome{};
    department_name_.clear();
    doctor_name_.clear();
    printer_failed_ = false;
    for (QLabel* l :
         {scan_message_, number_, provisional_, patient_, details_, message_, device_note_}) {
        l->clear();
    }
    provisional_->hide();
    device_note_->hide();
    scan_message_->hide();
    again_->hide();
    arrivals_ = checkin::ArrivalList{};
    choices_->clear();
    face_pending_ = false;
    pages_->setCurrentIndex(0);
}

void CheckinScreen::setScanMessage(const QString& text)
{
    scan_message_->setText(text);
    scan_message_->setVisible(!text.isEmpty());  // no empty error box
}

bool CheckinScreen::showingChoices() const
{
    return pages_->currentIndex() == 2;
}

void CheckinScreen::setFaceAvailable(bool available)
{
    face_available_ = available;
    face_->setVisible(available);
}

bool CheckinScreen::showingResult() const
{
    return pages_->currentIndex() == 1;
}

void CheckinScreen::retranslate()
{
    scan_title_->setText(tr("Scan your appointment code"));
    QString hint = devices_.camera_scanner != nullptr
                       ? tr("Hold the QR code of your appointment (on your phone or on paper) "
                            "inside the frame in front of the camera.")
                       : tr("Hold the QR code of your appointment (on your phone or on paper) "
                            "under the scanner window below the screen.");
    if (devices_.card != nullptr) {
        hint += QLatin1Char('\n') + tr("No code? Insert your patient card into the card reader.");
    }
    scan_hint_->setText(hint);
    face_->setText(tr("No code or card? Sign in with your face"));
    choices_->retranslate();
    number_caption_->setText(tr("Your visit number"));
    provisional_->setText(
        tr("PROVISIONAL: the hospital system is offline; the nurse will "
           "confirm your number."));
    done_->setText(tr("Done"));
    again_->setText(tr("Scan another code"));
    if (outcome_.status != checkin::CheckinStatus::Unset) {
        show(outcome_);
    } else if (arrivals_.status != checkin::ArrivalStatus::Unset) {
        showArrivals(arrivals_);
    }
}

void CheckinScreen::handleScan(const QString& text)
{
    if (busy_ || !isVisible() || showingResult()) return;
    if (devices_.service == nullptr) {
        setScanMessage(tr("Check-in is not available at this kiosk. Please ask staff."));
        return;
    }
    setScanMessage(tr("Checking your code..."));
    startCheckIn(devices_.service->checkIn(text));
}

void CheckinScreen::startCheckIn(const QFuture<checkin::CheckinOutcome>& future)
{
    busy_ = true;
    Q_EMIT loadingChanged(true);
    whenFinished(future, this, [this](const checkin::CheckinOutcome& o) {
        busy_ = false;
        Q_EMIT loadingChanged(false);
        show(o);
        if (o.status == checkin::CheckinStatus::CheckedIn) printAndSpeak();
        Q_EMIT outcomeShown(o);
    });
}

void CheckinScreen::handleCard(const QString& card_identifier)
{
    if (busy_ || !isVisible() || showingResult() || card_identifier.isEmpty()) return;
    pages_->setCurrentIndex(0);
    if (devices_.service == nullptr) {
        setScanMessage(tr("Check-in is not available at this kiosk. Please ask staff."));
        return;
    }
    busy_ = true;
    Q_EMIT loadingChanged(true);
    setScanMessage(tr("Reading your appointments..."));
    watchArrivals(devices_.service->findByCard(card_identifier));
}

void CheckinScreen::handleFace(const QString& patient_id)
{
    face_pending_ = false;
    if (busy_ || patient_id.isEmpty()) return;
    pages_->setCurrentIndex(0);
    if (devices_.service == nullptr) {
        setScanMessage(tr("Check-in is not available at this kiosk. Please ask staff."));
        return;
    }
    busy_ = true;
    Q_EMIT loadingChanged(true);
    setScanMessage(tr("Reading your appointments..."));
    watchArrivals(devices_.service->findByPatient(patient_id));
}

void CheckinScreen::watchArrivals(const QFuture<checkin::ArrivalList>& future)
{
    // A watcher of the screen's own (on the UI thread; gone with the screen).
    auto* watcher = new QFutureWatcher<checkin::ArrivalList>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        showArrivals(watcher->result());
    });
    watcher->setFuture(future);
}

void CheckinScreen::showArrivals(const checkin::ArrivalList& list)
{
    if (busy_) {
        busy_ = false;
        Q_EMIT loadingChanged(false);
    }
    if (!isVisible() || showingResult()) return;  // left meanwhile (idle, home)
    arrivals_ = list;
    const QString message = checkin::arrivalMessage(list);
    if (list.status == checkin::ArrivalStatus::Found) {
        choices_->setList(list, context().config);
        pages_->setCurrentIndex(2);
        again_->show();
        loadDepartmentNames();
    } else {
        pages_->setCurrentIndex(0);
        setScanMessage(message);
    }
    Q_EMIT arrivalsShown(list);
}

void CheckinScreen::loadDepartmentNames()
{
    if (context().service == nullptr) return;
    whenFinished(context().service->departments(), this,
                 [this](const Result<booking::Fetched<QList<fhir::Department>>>& r) {
                     if (!r) return;
                     QHash<QString, QString> names;
                     for (const fhir::Department& d : r.value().value)
                         names.insert(d.id, d.name.forLanguage(context().language));
                     choices_->setDepartmentNames(names);
                 });
}

void CheckinScreen::show(const checkin::CheckinOutcome& o)
{
    outcome_ = o;
    if (o.status != checkin::CheckinStatus::CheckedIn) {
        pages_->setCurrentIndex(0);
        setScanMessage(checkin::checkinMessage(o));
        return;
    }
    pages_->setCurrentIndex(1);
    again_->show();
    number_->setText(QString::number(o.record.visit_number));
    provisional_->setVisible(o.record.provisional);
    patient_->setText(o.record.patient_name_masked);  // masked by the pool (token) or the service
    message_->setText(checkin::checkinMessage(o));
    showDetails();
    if (context().service != nullptr && department_name_.isEmpty() &&
        !o.record.department_id.isEmpty()) {
        const QString dept = o.record.department_id;
        const QString doctor = o.record.practitioner_id;
        whenFinished(context().service->departments(), this,
                     [this, dept](Result<booking::Fetched<QList<fhir::Department>>> r) {
                         if (!r || outcome_.record.department_id != dept) return;
                         for (const fhir::Department& d : r.value().value) {
                             if (d.id == dept)
                                 department_name_ = d.name.forLanguage(context().language);
                         }
                         showDetails();
                     });
        if (!doctor.isEmpty()) {
            whenFinished(context().service->doctors(dept), this,
                         [this, doctor](Result<booking::Fetched<QList<fhir::Doctor>>> r) {
                             if (!r || outcome_.record.practitioner_id != doctor) return;
                             for (const fhir::Doctor& d : r.value().value) {
                                 if (d.id == doctor)
                                     doctor_name_ = doctorText(d, context().language);
                             }
                             showDetails();
                         });
        }
    }
}

void CheckinScreen::showDetails()
{
    QStringList lines;
    if (!department_name_.isEmpty()) lines << department_name_;
    if (!doctor_name_.isEmpty()) lines << doctor_name_;
    if (outcome_.slot_start.isValid()) {
        lines << dateTimeText(outcome_.slot_start, context().config, context().language);
    }
    lines << tr("Appointment %1").arg(outcome_.record.appointment_number);
    details_->setText(lines.join(QLatin1Char('\n')));
}

bool CheckinScreen::printerReady() const
{
    return devices_.printer != nullptr && !printer_failed_ &&
           devices_.printer->health().state != hw::DeviceState::Missing;
}

void CheckinScreen::printAndSpeak()
{
    const checkin::CheckinRecord& r = outcome_.record;
    const QString number = QString::number(r.visit_number);
    if (devices_.speaker != nullptr) {
        devices_.speaker->speakVisitNumber(number,
                                           context().language.startsWith(QLatin1String("en"))
                                               ? hw::SpeechLanguage::English
                                               : hw::SpeechLanguage::Chinese);
    }
    const QString no_printer =
        tr("Please take a photo of this number; the printer is not available.");
    if (!printerReady()) {
        device_note_->setText(no_printer);
        device_note_->show();
        Q_EMIT ticketPrinted(false);
        return;
    }
    hw::VisitTicket t;
    t.title = tr("Visit ticket");
    t.number_label = tr("Your visit number");
    t.visit_number = number;
    t.lines << r.patient_name_masked;
    if (!department_name_.isEmpty()) t.lines << department_name_;
    if (!doctor_name_.isEmpty()) t.lines << doctor_name_;
    if (outcome_.slot_start.isValid()) {
        t.lines << dateTimeText(outcome_.slot_start, context().config, context().language);
    }
    t.lines << tr("Appointment %1").arg(r.appointment_number);
    if (devices_.service != nullptr) {
        t.qr_payload = devices_.service->options().queueUrlFor(r.appointment_number).toUtf8();
    }
    t.footer = tr("Please wait until your number is called.");
    if (r.provisional) t.provisional_note = tr("PROVISIONAL");
    whenFinished(devices_.printer->print(t.toEscPos()), this,
                 [this, no_printer](const hw::HwStatus& p) {
                     if (!p.ok()) {
                         printer_failed_ = true;
                         qCWarning(lcUi) << "check-in ticket not printed:" << p.error().detail;
                         if (showingResult()) {
                             device_note_->setText(no_printer);
                             device_note_->show();
                         }
                     }
                     Q_EMIT ticketPrinted(p.ok());
                 });
}

void CheckinScreen::onConfirmed(const QString& appointment_id, int visit_number,
                                int provisional_number)
{
    Q_UNUSED(provisional_number);
    if (!showingResult() || outcome_.record.appointment_id != appointment_id) return;
    outcome_.record.provisional = false;
    outcome_.record.visit_number = visit_number;
    number_->setText(QString::number(visit_number));
    provisional_->hide();
    message_->setText(tr("The hospital system confirmed your visit number: %1.").arg(visit_number));
}

QString CheckinScreen::spokenSummary() const
{
    // The prompt, the number character by character, the details and what to do; on the list
    // of today's appointments its title, each appointment (time, department) and the note;
    // never the patient's name.
    QStringList sentences{spokenFrom(*this, {scan_title_, scan_hint_, scan_message_})};
    if (choices_->isVisibleTo(this)) sentences << choices_->spokenLines();
    sentences << spokenFrom(*this, {number_caption_})
              << (number_->isVisibleTo(this) ? spelledOut(number_->text()) : QString())
              << spokenFrom(*this, {provisional_, details_, message_});
    return spokenJoin(context().language, sentences);
}

}  // namespace mk::ui

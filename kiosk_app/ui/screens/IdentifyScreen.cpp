#include "IdentifyScreen.h"

#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/common/Log.h"
#include "core/common/Masking.h"
#include "core/common/UserMessages.h"
#include "core/common/WhenFinished.h"
#include "core/qr/QrImage.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/payment/PayFlow.h"
#include "ui/widgets/BusyIndicator.h"
#include "ui/widgets/Keypad.h"
#include "ui/widgets/MaskedField.h"
#include "ui/widgets/WedgeScanner.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>

namespace mk::ui {

namespace {
constexpr int kIdMaxLength = 12;
constexpr int kBirthDateLength = 8;
constexpr int kMinBirthYear = 1900;

QString maskId(const QString& value)
{
    return value.startsWith(QLatin1Char('P')) ? maskPatientNumber(value) : maskPhone(value);
}
}  // namespace

IdentifyScreen::IdentifyScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("identifyScreen"));
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(9, 9, 9, 9);
    root->setSpacing(20);
    // Title above the scan hint in portrait, beside it in landscape (see resizeEvent).
    heading_ = new QBoxLayout(QBoxLayout::TopToBottom);
    heading_->setSpacing(20);
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    Theme::setRole(title_, "title");
    heading_->addWidget(title_);
    scan_hint_ = new QLabel(this);
    scan_hint_->setWordWrap(true);
    Theme::setRole(scan_hint_, "subtitle");
    heading_->addWidget(scan_hint_, 1);
    root->addLayout(heading_);

    body_ = new QBoxLayout(QBoxLayout::TopToBottom);
    body_->setSpacing(32);
    root->addLayout(body_, 1);

    form_ = new QWidget(this);
    auto* form = new QVBoxLayout(form_);
    form->setContentsMargins(0, 0, 0, 0);
    form->setSpacing(12);
    id_label_ = new QLabel(form_);
    Theme::setRole(id_label_, "body");
    form->addWidget(id_label_);
    id_field_ = new MaskedField(form_);
    id_field_->setObjectName(QStringLiteral("idField"));
    id_field_->setMasker(maskId);
    form->addWidget(id_field_);
    form->addSpacing(12);
    dob_label_ = new QLabel(form_);
    Theme::setRole(dob_label_, "body");
    form->addWidget(dob_label_);
    dob_hint_ = new QLabel(form_);
    dob_hint_->setWordWrap(true);
    Theme::setRole(dob_hint_, "hint");
    form->addWidget(dob_hint_);
    dob_field_ = new MaskedField(form_);
    dob_field_->setObjectName(QStringLiteral("dobField"));
    form->addWidget(dob_field_);
    form->addStretch(1);
    body_->addWidget(form_, 0);

    choices_ = new QWidget(this);
    choices_->setObjectName(QStringLiteral("patientChoices"));
    choices_layout_ = new QVBoxLayout(choices_);
    choices_layout_->setContentsMargins(0, 0, 0, 0);
    choices_layout_->setSpacing(16);
    choice_title_ = new QLabel(choices_);
    choice_title_->setWordWrap(true);
    Theme::setRole(choice_title_, "subtitle");
    choices_layout_->addWidget(choice_title_);
    not_listed_ = new QPushButton(choices_);
    not_listed_->setObjectName(QStringLiteral("notListedButton"));
    Theme::setRole(not_listed_, "secondary");
    connect(not_listed_, &QPushButton::clicked, this, [this] {
        clearChoices();
        setMessage({});
    });
    choices_layout_->addWidget(not_listed_);
    choices_layout_->addStretch(1);
    choices_->setVisible(false);
    body_->addWidget(choices_, 1);

    keypad_ = new Keypad(this);
    // Only a minimum width: its keys' own minimum height (larger in elder mode) must hold, a
    // fixed 430 px let the layout squeeze the keys over each other (the screen audit).
    keypad_->setMinimumWidth(480);
    keypad_->setMaximumHeight(640);
    keypad_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    body_->addWidget(keypad_, 1);

    // Message, busy indicator and Continue: under the keypad in portrait, under the fields in
    // landscape (see resizeEvent).
    actions_ = new QWidget(this);
    auto* actions = new QVBoxLayout(actions_);
    actions->setContentsMargins(0, 0, 0, 0);
    actions->setSpacing(16);
    message_ = new QLabel(actions_);
    message_->setObjectName(QStringLiteral("identifyMessage"));
    message_->setWordWrap(true);
    message_->setVisible(false);
    Theme::setRole(message_, "error");
    actions->addWidget(message_);
    busy_ = new BusyIndicator(actions_);
    actions->addWidget(busy_);
    continue_ = new QPushButton(actions_);
    continue_->setObjectName(QStringLiteral("continueButton"));
    continue_->setFocusPolicy(Qt::NoFocus);
    Theme::setRole(continue_, "primary");
    actions->addWidget(continue_);
    root->addWidget(actions_);
    root_ = root;
    form_layout_ = form;

    connect(id_field_, &MaskedField::activated, this, [this] { activateField(id_field_); });
    connect(dob_field_, &MaskedField::activated, this, [this] { activateField(dob_field_); });
    connect(keypad_, &Keypad::textChanged, this, [this](const QString& text) {
        if (active_field_ != nullptr) active_field_->setValue(text);
    });
    connect(continue_, &QPushButton::clicked, this, &IdentifyScreen::submit);

    scanner_ = new WedgeScanner(this);
    connect(scanner_, &WedgeScanner::scanned, this, &IdentifyScreen::onScanned);

    IdentifyScreen::retranslate();  // a constructor: no virtual dispatch, say which one
    clearForm();
}

IdentifyScreen::~IdentifyScreen() = default;

IdentifyScreen::IdKind IdentifyScreen::classifyId(const QString& text, QString* normalized)
{
    static const QRegularExpression patient_number(QStringLiteral("^P\\d{4,11}$"));
    static const QRegularExpression phone(QStringLiteral("^1\\d{10}$"));
    static const QRegularExpression eight_digits(QStringLiteral("^\\d{8}$"));
    const QString value = text.trimmed().toUpper();
    QString result;
    IdKind kind = IdKind::Invalid;
    if (patient_number.match(value).hasMatch()) {
        kind = IdKind::PatientNumber;
        result = value;
    } else if (phone.match(value).hasMatch()) {
        kind = IdKind::Phone;
        result = value;
    } else if (eight_digits.match(value).hasMatch()) {
        kind = IdKind::PatientNumber;
        result = QLatin1Char('P') + value;
    }
    if (normalized != nullptr) *normalized = result;
    return kind;
}

QDate IdentifyScreen::parseBirthDate(const QString& digits, const QDate& today)
{
    static const QRegularExpression format(QStringLiteral("^\\d{8}$"));
    if (!format.match(digits).hasMatch()) return {};
    const QDate date(digits.left(4).toInt(), digits.mid(4, 2).toInt(), digits.mid(6, 2).toInt());
    if (!date.isValid() || date.year() < kMinBirthYear || date > today) return {};
    return date;
}

void IdentifyScreen::enter()
{
    clearForm();
    retranslate();  // the title says booking or paying
}

void IdentifyScreen::reset()
{
    ++generation_;
    setLoading(false);
    clearForm();
}

void IdentifyScreen::clearForm()
{
    clearChoices();
    scanner_->clear();
    id_field_->setValue(QString());
    dob_field_->setValue(QString());
    keypad_->setText(QString());
    setMessage({});
    activateField(id_field_);
}

void IdentifyScreen::retranslate()
{
    title_->setText(PayFlow::isPayFlow(context().session) ? tr("Whose bills do you want to pay?")
                                                          : tr("Who is booking?"));
    scan_hint_->setText(tr("Scan your patient card, or type your number and date of birth below."));
    id_label_->setText(tr("Patient number or mobile phone number"));
    id_field_->setPlaceholder(tr("P and 8 digits, or 11 digits"));
    dob_label_->setText(tr("Date of birth"));
    dob_hint_->setText(tr("8 digits: year, month, day. Example: 19700105 for 5 January 1970"));
    dob_field_->setPlaceholder(tr("YYYYMMDD"));
    continue_->setText(tr("Continue"));
    choice_title_->setText(tr("Several patients have these details. Please choose yourself:"));
    not_listed_->setText(tr("I am not listed - try again"));
    keypad_->retranslate();
    busy_->retranslate();
    for (int i = 0; i < choice_buttons_.size() && i < candidates_.size(); ++i) {
        const fhir::Patient& p = candidates_.at(i);
        const QString gender = p.gender == QLatin1String("male")     ? tr("male")
                               : p.gender == QLatin1String("female") ? tr("female")
                                                                     : QString();
        QString text = maskName(p.name.forLanguage(context().language));
        if (!gender.isEmpty()) text += QStringLiteral(" · ") + gender;
        text += QStringLiteral(" · ") + maskPatientNumber(p.patient_number);
        choice_buttons_.at(i)->setText(text);
    }
    if (message_text_) message_->setText(message_text_());
}

void IdentifyScreen::resizeEvent(QResizeEvent* event)
{
    Screen::resizeEvent(event);
    const bool landscape = width() > height();
    if (landscape == landscape_) return;  // built as portrait
    landscape_ = landscape;
    body_->setDirection(landscape ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    // Landscape: the heading in one row, fields and actions on the left half, keypad on the
    // right half. A message hides the date example (setMessage): with it the message and
    // Continue were cut off at 1080 px, and the keys squeezed in portrait (the screen audit).
    heading_->setDirection(landscape ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    scan_hint_->setAlignment(landscape ? Qt::AlignRight | Qt::AlignVCenter
                                       : Qt::AlignLeft | Qt::AlignVCenter);
    body_->setStretchFactor(form_, landscape ? 1 : 0);
    // Landscape: the left column holds the fields, a two-line message and Continue in the
    // keypad's height; with the portrait gaps Continue sank 4 px under the footer
    // (tst_screenaudit: cut off by the page).
    form_layout_->setSpacing(landscape ? 8 : 12);
    actions_->layout()->setSpacing(landscape ? 8 : 16);
    root_->removeWidget(actions_);
    form_layout_->removeWidget(actions_);
    if (landscape) {
        form_layout_->insertWidget(form_layout_->count() - 1, actions_);  // before the stretch
    } else {
        root_->addWidget(actions_);
    }
    actions_->show();  // a layout re-parents and would only show it from the event loop
}

void IdentifyScreen::activateField(MaskedField* field)
{
    active_field_ = field;
    id_field_->setActive(field == id_field_);
    dob_field_->setActive(field == dob_field_);
    keypad_->setMaxLength(field == id_field_ ? kIdMaxLength : kBirthDateLength);
    keypad_->setLetter(field == id_field_ ? QStringLiteral("P") : QString());
    keypad_->setText(field->value());
}

void IdentifyScreen::setMessage(std::function<QString()> text)
{
    message_text_ = std::move(text);
    message_->setText(message_text_ ? message_text_() : QString());
    message_->setVisible(static_cast<bool>(message_text_));
    dob_hint_->setVisible(!message_text_);
}

void IdentifyScreen::submit()
{
    if (loading_) return;
    QString number;
    const IdKind kind = classifyId(id_field_->value(), &number);
    if (id_field_->value().isEmpty()) {
        setMessage([] { return tr("Please type your patient number or mobile phone number."); });
        activateField(id_field_);
        return;
    }
    if (kind == IdKind::Invalid) {
        setMessage([] {
            return tr(
                "Please check the number: a patient number looks like P00001234, a mobile "
                "phone number has 11 digits.");
        });
        activateField(id_field_);
        return;
    }
    const QString dob_digits = dob_field_->value();
    const QDate birth_date = parseBirthDate(dob_digits, today());
    if (!birth_date.isValid()) {
        if (dob_digits.size() != kBirthDateLength) {
            setMessage([] {
                return tr(
                    "Please type your date of birth as 8 digits: year, month, day (for "
                    "example 19700105).");
            });
        } else {
            setMessage([] { return tr("This date of birth is not possible. Please check it."); });
        }
        activateField(dob_field_);
        return;
    }
    pool::PatientQuery query;
    query.birth_date = birth_date;
    if (kind == IdKind::PatientNumber) {
        query.patient_number = number;
    } else {
        query.phone = number;
    }
    identify(query);
}

void IdentifyScreen::onScanned(const QString& text)
{
    if (loading_) return;
    QString number;
    QDate birth_date;
    if (!qr::parsePatientCard(text, &number, &birth_date)) {
        qCInfo(lcUi) << "scanned code is not a patient card";
        setMessage([] { return tr("This code is not a patient card. Please scan your card."); });
        return;
    }
    clearChoices();
    id_field_->setValue(number);
    dob_field_->setValue(birth_date.toString(QStringLiteral("yyyyMMdd")));
    activateField(id_field_);
    id_field_->setActive(false);  // show both masked
    pool::PatientQuery query;
    query.patient_number = number;
    query.birth_date = birth_date;
    identify(query);
}

void IdentifyScreen::identify(const pool::PatientQuery& query)
{
    if (loading_) return;
    setMessage({});
    if (context().service == nullptr) {
        setMessage([] { return userMessage(makeError(ErrorCode::Internal, {})); });
        return;
    }
    setLoading(true);
    const quint64 generation = generation_;
    whenFinished(context().service->findPatients(query), this,
                 [this, generation](Result<QList<fhir::Patient>> result) {
                     if (generation != generation_) return;  // reset meanwhile: forget it
                     setLoading(false);
                     if (!result.ok()) {
                         const Error& error = result.error();
                         setMessage([error] { return userMessage(error); });
                         return;
                     }
                     onPatients(result.value());
                 });
}

void IdentifyScreen::onPatients(const QList<fhir::Patient>& patients)
{
    if (patients.isEmpty()) {
        setMessage([] {
            return tr(
                "No patient was found with these details. Please check the number and the "
                "date of birth and try again, or ask at the information desk.");
        });
        return;
    }
    if (patients.size() > 1) {
        showChoices(patients);
        return;
    }
    choosePatient(patients.first());
}

void IdentifyScreen::choosePatient(const fhir::Patient& patient)
{
    if (loading_ || context().service == nullptr) return;
    booking::BookingSession& session = *context().session;
    session.identified = patient;
    session.children.clear();
    session.patient.reset();
    setLoading(true);
    const quint64 generation = generation_;
    whenFinished(context().service->signIn(patient), this,
                 [this, generation](Result<booking::SignIn> result) {
                     if (generation != generation_) return;
                     setLoading(false);
                     booking::BookingSession& s = *context().session;
                     if (!result.ok()) {
                         s.identified.reset();
                         clearChoices();  // back to the form, where the message shows
                         const Error& error = result.error();
                         setMessage([error] { return userMessage(error); });
                         return;
                     }
                     if (!s.identified) return;
                     clearChoices();
                     Q_EMIT goTo(booking::applySignIn(result.value(), s) ? ScreenId::ChildChoice
                                                                         : ScreenId::Department);
                 });
}

void IdentifyScreen::showChoices(const QList<fhir::Patient>& patients)
{
    clearChoices();
    candidates_ = patients;
    for (int i = 0; i < patients.size(); ++i) {
        auto* button = new QPushButton(choices_);
        button->setObjectName(QStringLiteral("patientChoice_%1").arg(i));
        button->setFocusPolicy(Qt::NoFocus);
        Theme::setRole(button, "tile");
        connect(button, &QPushButton::clicked, this, [this, i] {
            if (i < candidates_.size()) choosePatient(candidates_.at(i));
        });
        choices_layout_->insertWidget(1 + i, button);
        button->show();
        choice_buttons_.append(button);
    }
    retranslate();
    updateMode();
}

void IdentifyScreen::clearChoices()
{
    qDeleteAll(choice_buttons_);
    choice_buttons_.clear();
    candidates_.clear();
    updateMode();
}

void IdentifyScreen::updateMode()
{
    const bool choosing = !choice_buttons_.isEmpty();
    choices_->setVisible(choosing);
    form_->setVisible(!choosing);
    keypad_->setVisible(!choosing);
    continue_->setVisible(!choosing);
}

void IdentifyScreen::setLoading(bool loading)
{
    const bool changed = loading != loading_;
    loading_ = loading;
    busy_->setBusy(loading);
    continue_->setEnabled(!loading);
    keypad_->setEnabled(!loading);
    id_field_->setEnabled(!loading);
    dob_field_->setEnabled(!loading);
    not_listed_->setEnabled(!loading);
    for (QPushButton* button : std::as_const(choice_buttons_)) button->setEnabled(!loading);
    if (changed) Q_EMIT loadingChanged(loading);
}

QDate IdentifyScreen::today() const
{
    return bookingui::hospitalClock(context().service, context().config).today();
}

QString IdentifyScreen::spokenSummary() const
{
    // The prompt and the fields' names, or the choice's title; never the names offered.
    return spokenFrom(
        *this, {title_, scan_hint_, id_label_, dob_label_, dob_hint_, choice_title_, message_});
}

}  // namespace mk::ui

// The check-in screen's page "Choose the appointment to check in" (issue 12): after a patient
// card or face sign-in, one large button per appointment of today here (time, department, the
// masked name: the guardian's children too), and for each appointment elsewhere a sentence with
// where it is and what to do. Thin: the screen gives the list and does the check-in.
#pragma once

#include "core/checkin/ArrivalTypes.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QBoxLayout;

namespace mk::config {
struct KioskConfig;
}

namespace mk::ui {

class ArrivalListPage : public QWidget
{
    Q_OBJECT
public:
    explicit ArrivalListPage(QWidget* parent = nullptr);

    // Times in the hospital's zone of config.
    void setList(const checkin::ArrivalList& list, const config::KioskConfig* config);
    // Department names (id -> name in the UI language) once the booking service has them.
    void setDepartmentNames(const QHash<QString, QString>& names);
    void clear();
    void retranslate();
    const checkin::ArrivalList& list() const { return list_; }
    QList<QPushButton*> choiceButtons() const { return buttons_; }
    // What read-aloud says of this page (CheckinScreen::spokenSummary, issue 12), one sentence
    // each: the title; each appointment here with its time and department (and "already checked
    // in"); each one elsewhere with where it is and what to do; the offline note. Never a name,
    // not even masked (said aloud in a waiting hall; docs/accessibility.md).
    QStringList spokenLines() const;

Q_SIGNALS:
    void chosen(const mk::checkin::ArrivalItem& item);

private:
    void rebuild();

    checkin::ArrivalList list_;
    QHash<QString, QString> department_names_;
    const config::KioskConfig* config_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* note_ = nullptr;
    QBoxLayout* rows_ = nullptr;
    QWidget* host_ = nullptr;
    QList<QPushButton*> buttons_;
    QList<QWidget*> row_widgets_;
};

}  // namespace mk::ui

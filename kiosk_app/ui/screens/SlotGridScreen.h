// Choose a time of the chosen day: the 10-minute times of one doctor, or of every doctor of the
// department ("any doctor": a time is free when any doctor has it free; choosing it picks the
// first free doctor in the department's order). Times that started or start too soon to book are
// not offered. Refreshes every config.slot_refresh_s seconds while shown, and on Refresh; cached
// data keeps the grid on screen under a "not current" banner.
#pragma once

#include "core/fhir/FhirTypes.h"
#include "ui/Screen.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QTime>

class QLabel;
class QPushButton;
class QScrollArea;
class QTimer;

namespace mk::ui {

class SlotGridWidget;

class SlotGridScreen : public Screen
{
    Q_OBJECT
public:
    explicit SlotGridScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~SlotGridScreen() override;

    ScreenId id() const override { return ScreenId::SlotGrid; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return loading_; }

    SlotGridWidget* grid() const { return grid_; }
    bool anyDoctor() const { return any_doctor_; }
    bool stale() const { return stale_; }
    // Loads the slots again (the Refresh button and the refresh timer).
    void refresh();

Q_SIGNALS:
    void gridRendered();  // the grid shows the answer of a request

protected:
    void hideEvent(QHideEvent* event) override;

private:
    struct TimeEntry {
        bool free = false;
        fhir::Slot chosen;  // the slot a tap books: the first free doctor's at that time
    };

    void load();
    void setLoading(bool loading);
    void rebuild();
    void choose(const QTime& time);
    void showStale();
    QStringList scheduleIds() const;

    QLabel* title_ = nullptr;
    QLabel* subtitle_ = nullptr;
    QLabel* banner_ = nullptr;
    QLabel* error_ = nullptr;
    QLabel* loading_label_ = nullptr;
    QPushButton* retry_ = nullptr;
    QPushButton* refresh_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    SlotGridWidget* grid_ = nullptr;
    QTimer* refresh_timer_ = nullptr;

    bool any_doctor_ = false;
    QStringList shown_schedules_;
    QDate shown_day_;
    bool have_grid_ = false;
    QList<fhir::Slot> slots_;
    QMap<QTime, TimeEntry> times_;
    QDateTime fetched_at_;
    bool stale_ = false;
    bool loading_ = false;
    quint64 generation_ = 0;
};

}  // namespace mk::ui

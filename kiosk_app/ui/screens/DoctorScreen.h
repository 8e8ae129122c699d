// Choose a doctor of the department, or "Any doctor" (the first tile). Keeps the department's
// doctors in the session (needed for "any doctor" and to name the doctor of a slot). Thirty
// doctors fit: the tiles sit in a scroll area at full touch size.
#pragma once

#include "Screen.h"
#include "fhir/FhirTypes.h"

#include <QDateTime>
#include <QList>

class QLabel;
class QPushButton;
class QScrollArea;

namespace mk::ui {

class TileGrid;

class DoctorScreen : public Screen
{
    Q_OBJECT
public:
    explicit DoctorScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~DoctorScreen() override;

    ScreenId id() const override { return ScreenId::Doctor; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    bool loading() const override { return loading_; }

private:
    void load();
    void setLoading(bool loading);
    void showDoctors();
    void choose(int index);  // 0 = any doctor

    QLabel* title_ = nullptr;
    QLabel* subtitle_ = nullptr;
    QLabel* banner_ = nullptr;
    QLabel* error_ = nullptr;
    QLabel* loading_label_ = nullptr;
    QPushButton* retry_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    TileGrid* tiles_ = nullptr;

    QString department_id_;  // whose doctors are shown
    QList<fhir::Doctor> doctors_;
    QDateTime fetched_at_;
    bool stale_ = false;
    bool loading_ = false;
    quint64 generation_ = 0;
};

}  // namespace mk::ui

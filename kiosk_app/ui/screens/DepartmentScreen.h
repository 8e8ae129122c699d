// Choose a department: one tile per department of the booking pool. Cached data is marked with a
// banner; an error shows the patient sentence and a Retry button.
#pragma once

#include "Screen.h"
#include "fhir/FhirTypes.h"

#include <QList>

class QLabel;
class QPushButton;
class QScrollArea;

namespace mk::ui {

class TileGrid;

class DepartmentScreen : public Screen
{
    Q_OBJECT
public:
    explicit DepartmentScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~DepartmentScreen() override;

    ScreenId id() const override { return ScreenId::Department; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    bool loading() const override { return loading_; }

private:
    void load();
    void setLoading(bool loading);
    void showDepartments();
    void choose(int index);

    QLabel* title_ = nullptr;
    QLabel* banner_ = nullptr;
    QLabel* error_ = nullptr;
    QLabel* loading_label_ = nullptr;
    QPushButton* retry_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    TileGrid* tiles_ = nullptr;

    QList<fhir::Department> departments_;
    QDateTime fetched_at_;
    bool stale_ = false;
    bool loading_ = false;
    quint64 generation_ = 0;  // answers of older requests are ignored
};

}  // namespace mk::ui

// Choose a department: one tile per department of the booking pool. Cached data is marked with a
// banner; an error shows the patient sentence and a Retry button (ServiceListController).
#pragma once

#include "core/fhir/FhirTypes.h"
#include "ui/Screen.h"

#include <QList>

class QLabel;

namespace mk::ui {

class ServiceListController;

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
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override;

private:
    void load();
    void showDepartments();
    void choose(int index);

    QLabel* title_ = nullptr;
    ServiceListController* list_ = nullptr;  // banner, loading, error, Retry, tiles

    QList<fhir::Department> departments_;
};

}  // namespace mk::ui

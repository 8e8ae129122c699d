// Choose a doctor of the department, or "Any doctor" (the first tile). Keeps the department's
// doctors in the session (needed for "any doctor" and to name the doctor of a slot). Thirty
// doctors fit: the tiles sit in a scroll area at full touch size. Loading, the stale-data banner
// and Retry: ServiceListController.
#pragma once

#include "core/fhir/FhirTypes.h"
#include "ui/Screen.h"

#include <QList>

class QLabel;

namespace mk::ui {

class ServiceListController;

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
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override;

private:
    void load();
    void showDoctors();
    void choose(int index);  // 0 = any doctor

    QLabel* title_ = nullptr;
    QLabel* subtitle_ = nullptr;
    ServiceListController* list_ = nullptr;  // banner, loading, error, Retry, tiles

    QString department_id_;  // whose doctors are shown
    QList<fhir::Doctor> doctors_;
};

}  // namespace mk::ui

// "Who is the appointment for?": the identified guardian and each of their children as big tiles
// (masked name, age in years). The choice becomes session.patient.
#pragma once

#include "core/fhir/FhirTypes.h"
#include "ui/Screen.h"

#include <QList>

class QLabel;

namespace mk::ui {

class TileGrid;

class ChildChoiceScreen : public Screen
{
    Q_OBJECT
public:
    explicit ChildChoiceScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~ChildChoiceScreen() override;

    ScreenId id() const override { return ScreenId::ChildChoice; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud

    // Whole years between birth and on (0 for an invalid birth date).
    static int ageYears(const QDate& birth, const QDate& on);

private:
    void rebuild();
    void clearTiles();
    void choose(int index);
    QString tileText(int index) const;

    QLabel* title_ = nullptr;
    QLabel* subtitle_ = nullptr;
    TileGrid* tiles_ = nullptr;    // one column in portrait, two in landscape
    QList<fhir::Patient> people_;  // [0] the guardian, then the children
};

}  // namespace mk::ui

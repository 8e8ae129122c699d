// A grid of large choice tiles (departments, doctors, days) that re-uses its buttons. Inside a
// scroll area it holds any number of tiles (30 doctors) at full touch size.
#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class QGridLayout;
class QPushButton;

namespace mk::ui {

class TileGrid : public QWidget
{
    Q_OBJECT
public:
    // columns_portrait is used when the grid is narrower than it is tall on screen (1080 px wide),
    // columns_landscape otherwise.
    TileGrid(int columns_portrait, int columns_landscape, QWidget* parent = nullptr);
    ~TileGrid() override;

    // One tile per text, with the object name of the same index (for tests: "department_dept-ped").
    void setTiles(const QStringList& texts, const QStringList& object_names);
    void setTileText(int index, const QString& text);
    void clear() { setTiles({}, {}); }
    int count() const { return shown_; }
    QPushButton* tile(int index) const;

Q_SIGNALS:
    void tileChosen(int index);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;  // elder mode on/off: columns

private:
    void place();
    int wantedColumns() const;

    QGridLayout* grid_ = nullptr;
    QList<QPushButton*> tiles_;
    int shown_ = 0;
    int columns_portrait_ = 2;
    int columns_landscape_ = 3;
    int columns_ = 0;
};

}  // namespace mk::ui

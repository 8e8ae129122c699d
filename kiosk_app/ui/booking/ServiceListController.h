// The part of a booking screen that lists what the booking service fetched (departments,
// doctors): a loading line while the request runs, the stale-data banner when the answer came
// from the local cache (or a refresh failed while a list is shown), the patient sentence and a
// Retry button when nothing could be fetched, and the choice tiles in a touch-scrollable area.
// The texts stay the screen's own tr() strings (their translation context is the screen's) and
// reach this class through setTexts(); the screen keeps its list and fills the tiles.
#pragma once

#include "core/booking/BookingService.h"
#include "core/common/Result.h"
#include "core/common/WhenFinished.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <utility>

class QBoxLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QWidget;

namespace mk::ui {

struct ScreenContext;
class TileGrid;

class ServiceListController : public QObject
{
    Q_OBJECT
public:
    // Creates the widgets as children of screen, named "<object_prefix>StaleBanner",
    // "<object_prefix>Loading", "<object_prefix>Error", "<object_prefix>Retry" and
    // "<object_prefix>Scroll" (the tiles' scroll area); all but the scroll area start hidden.
    // context must outlive this object (the window owns it).
    ServiceListController(const QString& object_prefix, int columns_portrait, int columns_landscape,
                          const ScreenContext& context, QWidget* screen);
    ~ServiceListController() override;

    // Adds the banner, the loading line, the error, Retry and the scroll area (stretch 1).
    void addTo(QBoxLayout* layout);

    TileGrid* tiles() const { return tiles_; }
    bool loading() const { return loading_; }
    // True when what is shown came from the cache or could not be refreshed.
    bool stale() const { return stale_; }

    // The screen's translated texts; banner_text has %1 for the time the data were fetched.
    void setTexts(const QString& loading_text, const QString& retry_text,
                  const QString& banner_text);

    // Starts a request; answers of older requests, or from before reset(), are ignored. On
    // success *items takes the list and on_fetched() runs (the screen fills the tiles), then the
    // banner shows if the list came from the cache. On failure: with *items empty the patient
    // sentence and Retry, else the banner over what is shown. what names the request in the log.
    template<typename T>
    void fetch(QFuture<Result<booking::Fetched<QList<T>>>> future, const char* what,
               QList<T>* items, std::function<void()> on_fetched);

    // Forgets the tiles, the banner and the error; stops loading; pending answers are ignored.
    void reset();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void retryRequested();

private:
    quint64 start();                  // a new request: hides the error, shows loading
    bool finish(quint64 generation);  // false for an answer nobody waits for any more
    void fetched(bool stale, const QDateTime& fetched_at);
    void shown();  // after the screen showed a fetched list
    void failed(const Error& error, const char* what, bool has_items);
    void setLoading(bool loading);
    void updateBanner();

    const ScreenContext& context_;
    QLabel* banner_ = nullptr;
    QLabel* error_ = nullptr;
    QLabel* loading_label_ = nullptr;
    QPushButton* retry_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    TileGrid* tiles_ = nullptr;

    QString banner_text_;  // with %1 for the time of the data
    QDateTime fetched_at_;
    bool stale_ = false;
    bool loading_ = false;
    quint64 generation_ = 0;
};

template<typename T>
void ServiceListController::fetch(QFuture<Result<booking::Fetched<QList<T>>>> future,
                                  const char* what, QList<T>* items,
                                  std::function<void()> on_fetched)
{
    const quint64 generation = start();
    whenFinished(future, this,
                 [this, generation, what, items,
                  on_fetched = std::move(on_fetched)](Result<booking::Fetched<QList<T>>> result) {
                     if (!finish(generation)) return;
                     if (!result.ok()) {
                         failed(result.error(), what, !items->isEmpty());
                         return;
                     }
                     *items = result.value().value;
                     fetched(result.value().stale, result.value().fetched_at);
                     on_fetched();
                     shown();
                 });
}

}  // namespace mk::ui

// medkiosk --demo --screenshots DIR: walks the screen catalog (ScreenCatalog: every screen and
// state, both languages, 1080x1920 portrait and 1920x1080 landscape, and elder mode when the window
// has it) and saves the window in each state as DIR/<lang>/<W>x<H>[-elder]/<NN>-<state>.png, then
// one contact sheet per pass, DIR/contact-<lang>-<W>x<H>[-elder].png: a grid of thumbnails with
// each state's name under it (ScreenshotRunnerSheet.cpp). docs/screens.md lists the states.
#pragma once

#include "ScreenCatalog.h"

#include <QObject>
#include <QStringList>

namespace mk::app {

class ScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    ScreenshotRunner(CatalogServices services, QString dir);
    // Booking and payment only (no check-in service, no simulator faults).
    ScreenshotRunner(ui::KioskWindow& window, booking::BookingService& service, QString dir);

    // Runs every pass (nested event loops; only for this tool). 0 when all screens were saved.
    int run();
    QStringList files() const { return files_; }
    QStringList sheets() const { return sheets_; }

    // A grid of thumbnails of the PNGs with each one's caption under it, saved as out (PNG).
    // False when a picture cannot be read or the sheet cannot be written.
    static bool contactSheet(const QStringList& pictures, const QStringList& captions,
                             const QString& title, const QString& out);

private:
    bool grab(const QString& pass_dir, const QString& state);

    CatalogServices services_;
    QString dir_;
    int index_ = 0;
    QStringList files_;
    QStringList sheets_;
    QString failure_;
};

}  // namespace mk::app
